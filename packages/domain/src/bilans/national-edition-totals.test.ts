import { describe, expect, it } from 'vitest';
import { nationalEditionTotals } from './national-edition-totals.js';
import { nationalEditions } from './national-editions.js';

describe('nationalEditionTotals', () => {
  const totals = nationalEditionTotals(nationalEditions);

  it('sums the published figures', () => {
    expect(totals).toMatchObject({
      editions: 7,
      editionsWithFigures: 6,
      cumulativePresent: 850 + 800 + 400 + 1800 + 2000,
      cumulativeSpeakersOrContributors: 120 + 80 + 62 + 60 + 228 + 260,
      cumulativeOnlineViewers: 4000 + 5000 + 6000,
      peakPresent: { year: 2023, present: 2000 },
      presentGrowthPercent: 135.3, // 850 → 2000
    });
  });

  it('breaks the year-on-year series where a figure is missing', () => {
    expect(
      totals.timeline.map((t) => [t.year, t.cumulativePresent, t.presentChangePercent]),
    ).toEqual([
      [2018, 850, null],
      [2019, 1650, -5.9],
      [2020, 1650, null],
      [2021, 2050, null],
      [2022, 3850, 350],
      [2023, 5850, 11.1],
      [2024, 5850, null],
    ]);
  });

  it('sorts editions given in any order', () => {
    expect(nationalEditionTotals([...nationalEditions].reverse())).toEqual(totals);
  });

  it('has nothing to report without editions', () => {
    expect(nationalEditionTotals([])).toEqual({
      editions: 0,
      editionsWithFigures: 0,
      cumulativePresent: 0,
      cumulativeSpeakersOrContributors: 0,
      cumulativeOnlineViewers: 0,
      peakPresent: null,
      presentGrowthPercent: null,
      timeline: [],
    });
  });

  it('needs two editions with attendance for a growth', () => {
    const [first] = nationalEditions;
    expect(nationalEditionTotals([first!]).presentGrowthPercent).toBeNull();
  });
});
