import { describe, expect, it } from 'vitest';
import { aggregateBilans } from './aggregate.js';
import {
  isFiltered,
  matchesReportingFilter,
  reportingFilterSchema,
  reportingQuerySchema,
} from './reporting-filter.js';
import { recordWith } from './test-helpers/records.js';

const figures = {
  attendees: 100,
  expensesCents: 100_000,
  structures: 5,
  speakers: 4,
  workshops: 1,
};
const metz = recordWith('metz', figures, {
  regionCode: '44',
  departementCode: '57',
  themes: ['digital-inclusion', 'Jeux vidéo'],
  eventMode: 'in-person',
  porteurCategory: 'association',
  eventDate: '2023-10-12',
});
const lyon = recordWith('lyon', figures, {
  regionCode: '84',
  departementCode: '69',
  themes: ['ecological-transition'],
  eventMode: 'online',
  porteurCategory: 'epci',
  callKind: 'ami-mediation',
  eventDate: '2024-03-15',
});
const online = recordWith('online', figures, { themes: [], eventMode: 'online' });

describe('reportingQuerySchema', () => {
  it('reads lists as comma-separated values or repeated keys, and drops empty ones', () => {
    expect(
      reportingQuerySchema.parse({
        from: '2023-01-01',
        regions: '44,84',
        themes: ['Jeux vidéo', 'digital-inclusion'],
        eventModes: '',
      }),
    ).toEqual({
      from: '2023-01-01',
      regions: ['44', '84'],
      themes: ['Jeux vidéo', 'digital-inclusion'],
      eventModes: [],
    });
  });

  it('refuses unknown parameters, malformed codes and an inverted period', () => {
    expect(reportingQuerySchema.safeParse({ year: '2023' }).success).toBe(false);
    expect(reportingQuerySchema.safeParse({ regions: '4' }).success).toBe(false);
    expect(reportingQuerySchema.safeParse({ eventModes: 'cinema' }).success).toBe(false);
    const inverted = reportingQuerySchema.safeParse({ from: '2024-01-02', to: '2024-01-01' });
    expect(inverted.error?.issues[0]?.path).toEqual(['to']);
  });
});

describe('matchesReportingFilter', () => {
  it('keeps everything without a restriction', () => {
    const filter = reportingFilterSchema.parse({ regions: '' });
    expect(isFiltered(filter)).toBe(false);
    expect([metz, lyon, online].filter((r) => matchesReportingFilter(r, filter))).toHaveLength(3);
  });

  it('is any value within a dimension and every dimension across them', () => {
    const keep = (filter: Parameters<typeof matchesReportingFilter>[1]) =>
      [metz, lyon, online].filter((r) => matchesReportingFilter(r, filter)).map((r) => r.id);
    expect(keep({ regions: ['44', '84'] })).toEqual(['metz', 'lyon']);
    expect(keep({ regions: ['44', '84'], eventModes: ['online'] })).toEqual(['lyon']);
    expect(keep({ themes: ['Jeux vidéo'] })).toEqual(['metz']);
    expect(keep({ themeFamilies: ['ecology-sustainability'] })).toEqual(['lyon']);
    expect(keep({ callKinds: ['ami-mediation'] })).toEqual(['lyon']);
    expect(keep({ porteurCategories: ['association'], departements: ['57'] })).toEqual(['metz']);
    // An event without a région is never kept by a région filter.
    expect(keep({ eventModes: ['online'], regions: ['44'] })).toEqual([]);
  });

  it('is what aggregateBilans aggregates, with its period', () => {
    const aggregate = aggregateBilans([metz, lyon, online], {
      from: '2023-01-01',
      eventModes: ['online', 'in-person'],
      regions: ['44', '84'],
    });
    expect(aggregate.count).toBe(2);
    expect(aggregate.byMonth.map((row) => row.key)).toEqual(['2023-10', '2024-03']);
  });
});
