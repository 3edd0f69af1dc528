import { describe, expect, it } from 'vitest';
import { bilanSubmitted, decisionOf, timelineOf } from './history.js';

const at = '2026-05-04T12:32:00.000Z';
const step = (event: string, details: Record<string, unknown> = {}, actorRole = 'instructor') => ({
  event,
  fromState: null,
  toState: 'under-review' as const,
  actorRole: actorRole as 'instructor',
  at,
  details,
});

describe('timelineOf', () => {
  it('tells each step in the past tense, by whom, with what it said', () => {
    const [created, asked, refused] = timelineOf([
      step('create', {}, 'applicant'),
      step('request-information', { dueDate: '2026-05-20' }),
      step('refuse', { reason: 'Aucun lieu de médiation associé.' }),
    ]);
    expect(created).toMatchObject({
      title: 'Dossier commencé',
      by: 'par votre structure',
      detail: null,
    });
    expect(asked).toMatchObject({
      title: 'Compléments demandés',
      by: 'par l’équipe de l’ANCT',
      detail: 'Réponse attendue avant le 20 mai 2026.',
    });
    expect(refused?.detail).toBe('Aucun lieu de médiation associé.');
  });

  it('says the subsidy awarded in euros, or the label alone', () => {
    expect(timelineOf([step('accept', { awardedAmountCents: 450_000 })])[0]?.detail).toMatch(
      /^Subvention accordée : 4\s500\s€\.$/,
    );
    expect(timelineOf([step('accept', { awardedAmountCents: null })])[0]?.detail).toBe(
      'Label accordé, sans subvention.',
    );
  });
});

describe('decisionOf', () => {
  it('is the latest acceptance or refusal, or nothing yet', () => {
    expect(decisionOf({ history: [step('submit')], awardedAmountCents: null })).toBeNull();
    expect(
      decisionOf({ history: [step('submit'), step('accept')], awardedAmountCents: 500_000 }),
    ).toEqual({ kind: 'accepted', at, awardedAmountCents: 500_000 });
    expect(
      decisionOf({
        history: [step('refuse', { reason: 'Hors cadre.' })],
        awardedAmountCents: null,
      }),
    ).toEqual({ kind: 'refused', at, reason: 'Hors cadre.' });
  });
});

describe('bilanSubmitted', () => {
  it('reads the history', () => {
    expect(bilanSubmitted({ history: [step('mark-event-held')] })).toBe(false);
    expect(bilanSubmitted({ history: [step('submit-bilan', {}, 'applicant')] })).toBe(true);
  });
});
