import { describe, expect, it } from 'vitest';
import { aggregateBilans } from './aggregate.js';
import { comparePeriods } from './compare-periods.js';
import { recordWith } from './test-helpers/records.js';

describe('comparePeriods', () => {
  const previous = aggregateBilans([
    recordWith('p1', {
      attendees: 100,
      expensesCents: 500_000,
      speakers: { women: 2, men: 6, other: 0 },
    }),
    recordWith('p2', {
      attendees: 100,
      expensesCents: 500_000,
      subsidyCents: 300_000,
      speakers: { women: 0, men: 3, other: 0 },
    }),
  ]);
  const current = aggregateBilans([
    recordWith('c1', {
      attendees: 150,
      expensesCents: 600_000,
      speakers: { women: 4, men: 4, other: 1 },
    }),
    recordWith('c2', { attendees: 150, expensesCents: 600_000, lesBases: true }),
    recordWith('c3', { attendees: 0, expensesCents: 300_000, subsidyCents: 300_000 }),
  ]);
  const comparison = comparePeriods(current, previous);

  it('gives absolute and relative changes', () => {
    expect(comparison.count).toEqual({ current: 3, previous: 2, change: 1, changePercent: 50 });
    expect(comparison.totals.attendees).toEqual({
      current: 300,
      previous: 200,
      change: 100,
      changePercent: 50,
    });
    expect(comparison.totals.expensesCents).toEqual({
      current: 1_500_000,
      previous: 1_000_000,
      change: 500_000,
      changePercent: 50,
    });
    expect(comparison.costPerAttendeeCents).toEqual({
      current: 5000,
      previous: 5000,
      change: 0,
      changePercent: 0,
    });
    expect(comparison.medians.attendees).toEqual({
      current: 150,
      previous: 100,
      change: 50,
      changePercent: 50,
    });
  });

  it('gives the parity and Les Bases changes in ratio points', () => {
    expect(comparison.parityRatio).toEqual({
      current: 0.5,
      previous: 0.1818, // 2 / 11
      change: 0.3182,
      changePercent: 175,
    });
    expect(comparison.lesBasesShare).toEqual({
      current: 0.3333,
      previous: 0,
      change: 0.3333,
      changePercent: null,
    });
  });

  it('compares the subsidy per attendee and the events with an all-male panel', () => {
    expect(comparison.subsidyPerAttendeeCents).toEqual({
      current: 1000, // 300 000 / 300 (c3 has no attendee but its subsidy counts)
      previous: 1500, // 300 000 / 200
      change: -500,
      changePercent: -33.3,
    });
    expect(comparison.totals.allMalePanelEvents).toEqual({
      current: 0,
      previous: 1,
      change: -1,
      changePercent: -100,
    });
  });

  it('has no percentage from zero and no change from nothing', () => {
    expect(comparison.totals.discoveryStands).toEqual({
      current: 0,
      previous: 0,
      change: 0,
      changePercent: null,
    });
    const empty = comparePeriods(current, aggregateBilans([]));
    expect(empty.costPerAttendeeCents).toEqual({
      current: 5000,
      previous: null,
      change: null,
      changePercent: null,
    });
    expect(empty.count.changePercent).toBeNull();
  });
});
