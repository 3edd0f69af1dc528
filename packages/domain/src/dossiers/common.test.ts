import { describe, expect, it } from 'vitest';
import { describeIssues } from '../shared/issues.js';
import {
  areaSchema,
  checkDateOrder,
  checkSomeTheme,
  checkSubsidyRequest,
  communeCodeSchema,
  dateRangeSchema,
  venueSchema,
} from './common.js';

const subsidy = (amountCents: number) => [
  { kind: 'own-funds' as const, amountCents: 100_000 },
  { kind: 'anct-subsidy' as const, amountCents },
];

describe('checkDateOrder', () => {
  it('accepts no end date, the same day, or a later end', () => {
    expect(checkDateOrder({ startDate: '2026-10-15' })).toEqual([]);
    expect(checkDateOrder({ startDate: '2026-10-15', endDate: '2026-10-15' })).toEqual([]);
    expect(checkDateOrder({ startDate: '2026-10-15', endDate: '2027-01-01' })).toEqual([]);
  });
  it('refuses an end before the start', () => {
    expect(checkDateOrder({ startDate: '2026-10-15', endDate: '2026-10-14' })).toEqual([
      {
        path: ['endDate'],
        code: 'end-before-start',
        message: expect.stringContaining('2026-10-14') as string,
      },
    ]);
  });
});

describe('checkSomeTheme', () => {
  it('needs one theme overall', () => {
    expect(checkSomeTheme({ catalogue: [], free: [] })).toHaveLength(1);
    expect(checkSomeTheme({ catalogue: ['digital-inclusion'], free: [] })).toEqual([]);
    expect(checkSomeTheme({ catalogue: [], free: ['Jeux vidéo'] })).toEqual([]);
  });
});

describe('checkSubsidyRequest', () => {
  const at = ['amount'];
  it('passes a request equal to the budget’s ANCT line, summed over several lines', () => {
    const resources = [
      ...subsidy(300_000),
      { kind: 'anct-subsidy' as const, amountCents: 200_000 },
    ];
    expect(checkSubsidyRequest({ requested: true, amountCents: 500_000 }, resources, at)).toEqual(
      [],
    );
  });
  it('asks for a missing or zero amount', () => {
    expect(checkSubsidyRequest({ requested: true }, subsidy(0), at).map((i) => i.code)).toEqual([
      'required',
    ]);
    expect(
      checkSubsidyRequest({ requested: true, amountCents: 0 }, subsidy(0), at).map((i) => i.code),
    ).toEqual(['subsidy-zero']);
  });
  it('refuses an amount that differs from the budget by a cent', () => {
    expect(
      checkSubsidyRequest({ requested: true, amountCents: 500_001 }, subsidy(500_000), at),
    ).toEqual([{ path: at, code: 'subsidy-mismatch', message: expect.any(String) as string }]);
  });
  it('refuses a budget counting on a subsidy not requested, at the "requested" path', () => {
    expect(checkSubsidyRequest({ requested: false }, subsidy(1), at, ['requested'])).toEqual([
      { path: ['requested'], code: 'subsidy-not-requested', message: expect.any(String) as string },
    ]);
    expect(checkSubsidyRequest({ requested: false, amountCents: 9 }, subsidy(0), at)).toEqual([]);
  });
});

describe('areaSchema and communeCodeSchema', () => {
  it('accepts known territories of every kind, Corsica included', () => {
    const area = [
      { kind: 'commune', code: '2A004' },
      { kind: 'departement', code: '974' },
      { kind: 'region', code: '52' },
    ];
    expect(areaSchema.safeParse(area).success).toBe(true);
  });
  it('refuses malformed codes; existence is checked apart (territories entry)', () => {
    expect(describeIssues(communeCodeSchema.safeParse('4921').error!).map((i) => i.code)).toEqual([
      'invalid_format',
    ]);
    expect(communeCodeSchema.safeParse('99999').success).toBe(true);
  });
});

describe('venueSchema', () => {
  it('needs a capacity of at least one person', () => {
    const venue = { name: 'Salle', address: '1 rue', capacity: 0 };
    expect(describeIssues(venueSchema.safeParse(venue).error!).map((i) => i.path)).toEqual([
      'capacity',
    ]);
    expect(venueSchema.safeParse({ ...venue, capacity: 1 }).success).toBe(true);
  });
});

describe('dateRangeSchema', () => {
  it('needs both dates, in order', () => {
    expect(
      dateRangeSchema.safeParse({ startDate: '2025-10-08', endDate: '2025-10-09' }).success,
    ).toBe(true);
    const reversed = dateRangeSchema.safeParse({ startDate: '2025-10-09', endDate: '2025-10-08' });
    expect(describeIssues(reversed.error!).map((i) => i.code)).toEqual(['end-before-start']);
    const missing = dateRangeSchema.safeParse({ startDate: '2025-10-09' });
    expect(describeIssues(missing.error!).map((i) => i.path)).toEqual(['endDate']);
  });
});
