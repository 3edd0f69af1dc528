import { describe, expect, it } from 'vitest';
import type { BilanDto } from '@nec/contracts';
import { bilanOpen } from './use-bilan-form.js';

const planned = {
  startDate: '2026-10-15',
  endDate: '2026-10-16',
  eventMode: null,
  expectedAttendees: null,
  formats: null,
  budget: null,
  budgetTotals: null,
  awardedAmountCents: null,
} satisfies BilanDto['planned'];

describe('bilanOpen (the domain’s workflow decides)', () => {
  it('opens the bilan once the event is declared held and its last day has come', () => {
    const bilan = { state: 'draft' as const, dossierState: 'event-held' as const, planned };
    expect(bilanOpen(bilan, '2026-10-16')).toEqual({ open: true });
    expect(bilanOpen(bilan, '2026-10-15')).toEqual({
      open: false,
      reason: 'Cette action est possible à partir du dernier jour de l’événement.',
    });
  });

  it('keeps it closed before the event is declared held, and once submitted', () => {
    expect(bilanOpen({ state: 'draft', dossierState: 'accepted', planned }, '2026-11-01')).toEqual({
      open: false,
      reason: null,
    });
    expect(
      bilanOpen({ state: 'submitted', dossierState: 'bilan-submitted', planned }, '2026-11-01'),
    ).toEqual({ open: false, reason: null });
  });
});
