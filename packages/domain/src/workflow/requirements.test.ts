import { describe, expect, it } from 'vitest';
import type { TransitionContext } from './context.js';
import {
  eventLastDay,
  requirementGuards as g,
  requirementIds,
  requirementMessages,
  unmetRequirements,
} from './requirements.js';

const today = '2026-06-01';

describe('requirement guards', () => {
  it('charter-accepted and submission-valid need an explicit true', () => {
    expect(g['charter-accepted']({ charterAccepted: true })).toBe(true);
    expect(g['charter-accepted']({ charterAccepted: false })).toBe(false);
    expect(g['charter-accepted']({})).toBe(false);
    expect(g['submission-valid']({ submissionValid: true })).toBe(true);
    expect(g['submission-valid']({ submissionValid: false })).toBe(false);
    expect(g['submission-valid']({})).toBe(false);
  });

  it('refusal-reason and information-message need non-blank text', () => {
    expect(g['refusal-reason']({ reason: 'Projet hors du cadre de l’appel' })).toBe(true);
    expect(g['refusal-reason']({ reason: '   ' })).toBe(false);
    expect(g['refusal-reason']({})).toBe(false);
    expect(g['information-message']({ message: 'Budget détaillé' })).toBe(true);
    expect(g['information-message']({ message: '' })).toBe(false);
  });

  it('information-due-date needs a valid date strictly after today', () => {
    const due = (dueDate: string, t: string = today) =>
      g['information-due-date']({ today: t, dueDate });
    expect(due('2026-06-02')).toBe(true);
    expect(due('2026-06-01')).toBe(false);
    expect(due('2026-05-31')).toBe(false);
    expect(due('2026-02-30', '2026-01-01')).toBe(false);
    expect(g['information-due-date']({ dueDate: '2026-06-02' })).toBe(false);
    expect(g['information-due-date']({ today })).toBe(false);
  });

  it('interview-date needs a valid date', () => {
    expect(g['interview-date']({ interviewDate: '2026-06-10' })).toBe(true);
    expect(g['interview-date']({ interviewDate: '10/06/2026' })).toBe(false);
    expect(g['interview-date']({})).toBe(false);
  });

  it('awarded-amount-valid accepts no amount or whole non-negative cents', () => {
    const valid = (awardedAmountCents?: number) =>
      g['awarded-amount-valid']({ awardedAmountCents });
    expect(valid(undefined)).toBe(true);
    expect(valid(0)).toBe(true);
    expect(valid(250_000)).toBe(true);
    expect(valid(-1)).toBe(false);
    expect(valid(12.5)).toBe(false);
    expect(valid(Number.NaN)).toBe(false);
    expect(valid(Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('subsidy-awarded needs more than zero cents; label-only needs none', () => {
    expect(g['subsidy-awarded']({ awardedAmountCents: 1 })).toBe(true);
    expect(g['subsidy-awarded']({ awardedAmountCents: 0 })).toBe(false);
    expect(g['subsidy-awarded']({})).toBe(false);
    expect(g['subsidy-awarded']({ awardedAmountCents: 0.5 })).toBe(false);
    expect(g['label-only']({})).toBe(true);
    expect(g['label-only']({ awardedAmountCents: 0 })).toBe(true);
    expect(g['label-only']({ awardedAmountCents: 300_000 })).toBe(false);
  });

  it('event-over holds from the last day of the event on', () => {
    const over = (t: string | undefined, event?: TransitionContext['event']) =>
      g['event-over']({ today: t, event });
    const twoDays = { startDate: '2026-05-30', endDate: '2026-05-31' };
    expect(over('2026-05-30', twoDays)).toBe(false);
    expect(over('2026-05-31', twoDays)).toBe(true);
    expect(over('2026-06-01', twoDays)).toBe(true);
    expect(over('2026-05-30', { startDate: '2026-05-30' })).toBe(true);
    expect(over('2026-05-29', { startDate: '2026-05-30' })).toBe(false);
    expect(over(today, undefined)).toBe(false);
    expect(over(undefined, twoDays)).toBe(false);
  });
});

describe('eventLastDay', () => {
  it('is the end date, else the start date', () => {
    expect(eventLastDay({ event: { startDate: '2026-05-30', endDate: '2026-05-31' } })).toBe(
      '2026-05-31',
    );
    expect(eventLastDay({ event: { startDate: '2026-05-30' } })).toBe('2026-05-30');
    expect(eventLastDay({})).toBeUndefined();
  });
});

describe('unmetRequirements', () => {
  it('lists the unmet ones in the given order', () => {
    expect(unmetRequirements(['charter-accepted', 'submission-valid'], {})).toEqual([
      'charter-accepted',
      'submission-valid',
    ]);
    expect(
      unmetRequirements(['charter-accepted', 'submission-valid'], { charterAccepted: true }),
    ).toEqual(['submission-valid']);
    expect(unmetRequirements([], {})).toEqual([]);
  });

  it('has a French message for every requirement', () => {
    for (const id of requirementIds) expect(requirementMessages[id].length).toBeGreaterThan(10);
  });
});
