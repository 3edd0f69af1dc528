import { describe, expect, it } from 'vitest';
import type { BilanDto } from '@nec/contracts';
import {
  plannedAmount,
  plannedAttendees,
  plannedEvent,
  plannedFormat,
  plannedOtherFormats,
  withBilanGroups,
} from './bilan-shape.js';

const plan: BilanDto['planned'] = {
  startDate: '2026-10-15',
  endDate: null,
  eventMode: 'hybrid',
  expectedAttendees: 180,
  formats: { kinds: ['workshop', 'round-table', 'fishbowl'], other: ['Escape game'] },
  budget: null,
  budgetTotals: { expensesCents: 1_400_000, resourcesCents: 1_400_000, subsidyCents: 500_000 },
  awardedAmountCents: 450_000,
};

describe('what the dossier planned, in words', () => {
  it('says the audience expected, as a range once the bilan gives one', () => {
    expect(plannedAttendees(plan, {})).toBe('180 personnes attendues');
    expect(plannedAttendees(plan, { expectedAttendees: { min: 150, max: 250 } })).toBe(
      'de 150 à 250 personnes attendues',
    );
    expect(plannedAttendees({ ...plan, expectedAttendees: null }, {})).toBeNull();
  });

  it('says which formats were planned', () => {
    expect(plannedFormat(plan, 'workshop')).toBe('au programme');
    expect(plannedFormat(plan, 'plenary')).toBe('pas au programme');
    expect(plannedOtherFormats(plan)).toBe('Fishbowl (discussion en cercle ouvert), Escape game');
    expect(plannedFormat({ ...plan, formats: null }, 'workshop')).toBeNull();
  });

  it('says the event’s date and mode, and amounts in euros', () => {
    expect(plannedEvent(plan)).toBe('le 15 octobre 2026, hybride (sur place et en ligne)');
    expect(plannedAmount(450_000)).toMatch(/^4\s500\s€$/);
    expect(plannedAmount(null)).toBeNull();
  });
});

describe('withBilanGroups', () => {
  it('fills every group the form binds, keeping what is there', () => {
    const b = withBilanGroups({ attendees: 12, budget: { subsidyCents: 450_000 } });
    expect(b).toMatchObject({
      attendees: 12,
      speakers: { genderSplit: {} },
      formats: { others: [] },
      budget: { subsidyCents: 450_000 },
      improvements: { fromPublic: [], fromOrganisers: [] },
      team: [],
      resources: [],
      licence: 'CC-BY-SA-4.0-FR',
    });
  });
});
