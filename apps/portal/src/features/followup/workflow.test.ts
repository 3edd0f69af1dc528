import { describe, expect, it } from 'vitest';
import { applicantAction, applicantContext, hasAgreement, longDate } from './workflow.js';

const dossier = (
  state: Parameters<typeof applicantAction>[0]['state'],
  awardedAmountCents: number | null = null,
  startDate = '2026-10-15',
) => ({ state, awardedAmountCents, content: { event: { startDate } } });

describe('applicantAction (the domain’s workflow, for the applicant, today)', () => {
  it('lets a label-only dossier be declared held from the event’s day', () => {
    expect(applicantAction(dossier('accepted', 0), 'mark-event-held', '2026-10-15')).toEqual({
      kind: 'available',
    });
  });

  it('says why not yet, with the event’s last day, before it', () => {
    const action = applicantAction(dossier('accepted', 0), 'mark-event-held', '2026-10-14');
    expect(action).toMatchObject({ kind: 'not-yet', requirement: 'event-over' });
    expect(action.kind === 'not-yet' && action.message).toContain('15 octobre 2026');
  });

  it('waits for the agreement when a subsidy was awarded, in the applicant’s words', () => {
    const action = applicantAction(dossier('accepted', 400_000), 'mark-event-held', '2026-11-01');
    expect(action).toMatchObject({ kind: 'not-yet', requirement: 'label-only' });
    expect(action.kind === 'not-yet' && action.message).toContain('convention signée');
    expect(
      applicantAction(dossier('agreement-signed', 400_000), 'mark-event-held', '2026-11-01'),
    ).toEqual({ kind: 'available' });
  });

  it('offers nothing the graph does not allow from the state', () => {
    expect(applicantAction(dossier('under-review'), 'mark-event-held', '2026-11-01')).toEqual({
      kind: 'none',
    });
    expect(applicantAction(dossier('event-held'), 'submit-bilan', '2026-11-01')).toEqual({
      kind: 'available',
    });
    expect(applicantAction(dossier('bilan-submitted'), 'submit-bilan', '2026-11-01').kind).toBe(
      'none',
    );
    expect(
      applicantAction(dossier('information-requested'), 'answer-information', '2026-11-01'),
    ).toEqual({ kind: 'available' });
    expect(applicantAction(dossier('under-review'), 'answer-information', '2026-11-01').kind).toBe(
      'none',
    );
  });

  it('reads the event’s dates and the awarded amount from the dossier', () => {
    expect(applicantContext(dossier('accepted', 0), '2026-01-01')).toEqual({
      today: '2026-01-01',
      event: { startDate: '2026-10-15' },
      awardedAmountCents: 0,
    });
    expect(
      applicantContext({ state: 'accepted', awardedAmountCents: null, content: {} }, '2026-01-01'),
    ).toEqual({
      today: '2026-01-01',
    });
  });
});

describe('longDate', () => {
  it('writes a calendar day in French', () => {
    expect(longDate('2026-03-01')).toBe('1er mars 2026');
  });
});

describe('hasAgreement', () => {
  it('is due once accepted with a subsidy, and stays once drawn up', () => {
    const base = { content: {}, agreement: null };
    expect(hasAgreement({ ...base, state: 'accepted', awardedAmountCents: 400_000 })).toBe(true);
    expect(hasAgreement({ ...base, state: 'accepted', awardedAmountCents: 0 })).toBe(false);
    expect(hasAgreement({ ...base, state: 'under-review', awardedAmountCents: null })).toBe(false);
    const drawn = {
      amountCents: 1,
      validUntil: '2026-12-31',
      signedOn: '2026-06-01',
      documentPath: '/x',
    };
    expect(
      hasAgreement({ content: {}, agreement: drawn, state: 'event-held', awardedAmountCents: 1 }),
    ).toBe(true);
  });
});
