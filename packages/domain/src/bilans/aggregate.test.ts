import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateBilans } from './aggregate.js';
import { bilanRecordSchema } from './bilan-record.js';
import { compareBreakdownKeys } from './breakdowns.js';
import { recordFigureKeys } from './record-figures.js';
import { recordArb, recordsArb } from './test-helpers/arbitraries.js';
import { recordWith } from './test-helpers/records.js';

const a = recordWith(
  'a',
  {
    attendees: 181,
    expensesCents: 1_400_000,
    structures: 71,
    speakers: { women: 7, men: 6, other: 2 },
    workshops: 4,
    discoveryStands: 3,
    subsidyCents: 500_000,
    lesBases: true,
  },
  {
    regionCode: '44',
    departementCode: '57',
    themes: ['digital-inclusion', 'Jeux vidéo'],
    eventDate: '2023-10-12',
  },
);
const b = recordWith(
  'b',
  {
    attendees: 150,
    expensesCents: 900_000,
    structures: 40,
    speakers: { women: 3, men: 5, other: 0 },
    workshops: 2,
    discoveryStands: 2,
  },
  {
    regionCode: '44',
    departementCode: '67',
    themes: ['digital-inclusion', 'ecological-transition'],
    themeFamilies: ['data-territories'],
    eventMode: 'hybrid',
    porteurCategory: 'association',
    eventDate: '2023-06-01',
  },
);
const c = recordWith(
  'c',
  {
    attendees: 0,
    expensesCents: 300_000,
    structures: 10,
    speakers: 5,
    workshops: 1,
    subsidyCents: 250_000,
  },
  {
    year: 2022,
    eventDate: '2022-11-20',
    themes: ['Jeux vidéo'],
    eventMode: 'online',
    porteurCategory: 'association',
    callKind: 'ami-mediation',
  },
);
const d = recordWith(
  'd',
  {
    attendees: 250,
    expensesCents: 2_000_000,
    structures: 90,
    speakers: { women: 0, men: 9, other: 1 },
    workshops: 6,
    subsidyCents: 0,
    lesBases: true,
  },
  {
    year: 2024,
    eventDate: '2024-03-15',
    regionCode: '84',
    departementCode: '69',
    porteurCategory: 'epci',
  },
);
const records = [a, b, c, d];

const keysAndCounts = (rows: readonly { key: string | number; count: number }[]) =>
  rows.map((row) => [row.key, row.count]);

describe('aggregateBilans (hand-computed)', () => {
  const aggregate = aggregateBilans(records);

  it('sums the figures', () => {
    expect(aggregate.count).toBe(4);
    expect(aggregate.totals).toEqual({
      attendees: 581,
      structures: 211,
      speakers: 38,
      womenSpeakers: 10,
      speakersWithKnownGender: 30,
      workshops: 13,
      discoveryStands: 5,
      expensesCents: 4_600_000,
      subsidyCents: 750_000,
      allMalePanelEvents: 1, // d: 9 men, 1 undisclosed, no woman
      lesBasesEvents: 2,
    });
  });

  it('computes the ratios on the totals', () => {
    expect(aggregate.costPerAttendeeCents).toBe(7917); // 4 600 000 / 581 = 7917.38
    expect(aggregate.parityRatio).toBe(0.3333); // 10 / 30
    expect(aggregate.subsidyPerAttendeeCents).toBe(1291); // 750 000 / 581 = 1290.88
    expect(aggregate.lesBasesShare).toBe(0.5); // a and d of 4
  });

  it('computes the medians', () => {
    expect(aggregate.medians).toEqual({
      attendees: 165.5, // (150 + 181) / 2
      expensesCents: 1_150_000, // (900 000 + 1 400 000) / 2
      costPerAttendeeCents: 7735, // of 6000, 7735, 8000 (c has no attendee)
    });
  });

  it('breaks down by year with the ratios of each group', () => {
    expect(aggregate.byYear).toEqual([
      {
        key: 2022,
        count: 1,
        attendees: 0,
        structures: 10,
        speakers: 5,
        womenSpeakers: 0,
        speakersWithKnownGender: 0,
        workshops: 1,
        discoveryStands: 0,
        expensesCents: 300_000,
        subsidyCents: 250_000,
        allMalePanelEvents: 0, // no split: not counted
        lesBasesEvents: 0,
        costPerAttendeeCents: null,
        parityRatio: null,
        subsidyPerAttendeeCents: null, // nobody attended
        lesBasesShare: 0,
      },
      {
        key: 2023,
        count: 2,
        attendees: 331,
        structures: 111,
        speakers: 23,
        womenSpeakers: 10,
        speakersWithKnownGender: 21,
        workshops: 6,
        discoveryStands: 5,
        expensesCents: 2_300_000,
        subsidyCents: 500_000, // b reports none: 0
        allMalePanelEvents: 0,
        lesBasesEvents: 1,
        costPerAttendeeCents: 6949, // 2 300 000 / 331 = 6948.64
        parityRatio: 0.4762, // 10 / 21
        subsidyPerAttendeeCents: 1511, // 500 000 / 331 = 1510.57
        lesBasesShare: 0.5,
      },
      expect.objectContaining({
        key: 2024,
        count: 1,
        allMalePanelEvents: 1,
        costPerAttendeeCents: 8000,
        parityRatio: 0,
        subsidyPerAttendeeCents: 0,
        lesBasesShare: 1,
      }),
    ]);
  });

  it('leaves out records without a territory and sorts codes as text', () => {
    expect(keysAndCounts(aggregate.byRegion)).toEqual([
      ['44', 2],
      ['84', 1],
    ]);
    expect(keysAndCounts(aggregate.byDepartement)).toEqual([
      ['57', 1],
      ['67', 1],
      ['69', 1],
    ]);
    expect(aggregate.byRegion[0]).toMatchObject({ attendees: 331, expensesCents: 2_300_000 });
  });

  it('counts a record under each of its themes and theme families', () => {
    expect(keysAndCounts(aggregate.byTheme)).toEqual([
      ['Jeux vidéo', 2],
      ['digital-inclusion', 2],
      ['ecological-transition', 1],
    ]);
    expect(keysAndCounts(aggregate.byThemeFamily)).toEqual([
      ['data-territories', 1],
      ['ecology-sustainability', 1],
      ['inclusion-emancipation', 2],
    ]);
  });

  it('breaks down by event mode, porteur category and call kind', () => {
    expect(keysAndCounts(aggregate.byEventMode)).toEqual([
      ['hybrid', 1],
      ['in-person', 2],
      ['online', 1],
    ]);
    expect(keysAndCounts(aggregate.byPorteurCategory)).toEqual([
      ['association', 2],
      ['commune', 1],
      ['epci', 1],
    ]);
    expect(keysAndCounts(aggregate.byCallKind)).toEqual([
      ['ami-mediation', 1],
      ['nec-local', 3],
    ]);
  });

  it('filters by event date, both ends included', () => {
    const year2023 = aggregateBilans(records, { from: '2023-06-01', to: '2023-10-12' });
    expect(year2023.count).toBe(2);
    expect(year2023.totals.attendees).toBe(331);
    expect(aggregateBilans(records, { from: '2024-01-01' }).count).toBe(1);
    expect(aggregateBilans(records, { to: '2022-12-31' }).count).toBe(1);
  });

  it('gives empty figures for no record', () => {
    const empty = aggregateBilans([]);
    expect(empty.count).toBe(0);
    expect(empty.costPerAttendeeCents).toBeNull();
    expect(empty.parityRatio).toBeNull();
    expect(empty.subsidyPerAttendeeCents).toBeNull();
    expect(empty.lesBasesShare).toBeNull();
    expect(empty.medians).toEqual({
      attendees: null,
      expensesCents: null,
      costPerAttendeeCents: null,
    });
    expect(empty.byYear).toEqual([]);
  });
});

describe('compareBreakdownKeys', () => {
  it('orders like COLLATE "C": digits before capitals before lower case', () => {
    expect(['2B', 'a', '974', '2A', 'B', '13'].sort(compareBreakdownKeys)).toEqual([
      '13',
      '2A',
      '2B',
      '974',
      'B',
      'a',
    ]);
    expect([2024, 2019, 2023].sort(compareBreakdownKeys)).toEqual([2019, 2023, 2024]);
  });
});

describe('aggregateBilans (properties)', () => {
  it('generates valid records', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        expect(bilanRecordSchema.safeParse(record).success).toBe(true);
      }),
    );
  });

  it('counts every record with a région exactly once by région, and every record once by year', () => {
    fc.assert(
      fc.property(recordsArb, (all) => {
        const aggregate = aggregateBilans(all);
        const sum = (rows: readonly { count: number }[]) =>
          rows.reduce((t, row) => t + row.count, 0);
        expect(sum(aggregate.byRegion)).toBe(all.filter((r) => r.regionCode !== undefined).length);
        expect(sum(aggregate.byDepartement)).toBe(
          all.filter((r) => r.departementCode !== undefined).length,
        );
        expect(sum(aggregate.byYear)).toBe(aggregate.count);
        expect(sum(aggregate.byCallKind)).toBe(aggregate.count);
        expect(aggregate.byYear.reduce((t, row) => t + row.attendees, 0)).toBe(
          aggregate.totals.attendees,
        );
      }),
    );
  });

  it('has totals additive over concatenation', () => {
    fc.assert(
      fc.property(recordsArb, recordsArb, (left, right) => {
        const both = aggregateBilans([...left, ...right]);
        const l = aggregateBilans(left);
        const r = aggregateBilans(right);
        expect(both.count).toBe(l.count + r.count);
        for (const key of recordFigureKeys)
          expect(both.totals[key]).toBe(l.totals[key] + r.totals[key]);
      }),
    );
  });

  it('keeps medians within the range of values and the parity and Les Bases shares in [0, 1]', () => {
    fc.assert(
      fc.property(recordsArb, (all) => {
        const aggregate = aggregateBilans(all);
        const attendees = all.map((r) => r.bilan.attendees);
        const expenses = all.map((r) => r.bilan.budget.expensesCents);
        if (all.length === 0) {
          expect(aggregate.medians.attendees).toBeNull();
        } else {
          expect(aggregate.medians.attendees).toBeGreaterThanOrEqual(Math.min(...attendees));
          expect(aggregate.medians.attendees).toBeLessThanOrEqual(Math.max(...attendees));
          expect(aggregate.medians.expensesCents).toBeGreaterThanOrEqual(Math.min(...expenses));
          expect(aggregate.medians.expensesCents).toBeLessThanOrEqual(Math.max(...expenses));
        }
        for (const ratio of [
          aggregate.parityRatio,
          aggregate.lesBasesShare,
          ...aggregate.byRegion.flatMap((row) => [row.parityRatio, row.lesBasesShare]),
        ]) {
          if (ratio !== null) {
            expect(ratio).toBeGreaterThanOrEqual(0);
            expect(ratio).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(recordsArb, (all) => {
        expect(aggregateBilans([...all].reverse())).toEqual(aggregateBilans(all));
      }),
    );
  });
});
