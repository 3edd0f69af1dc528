import { describe, expect, it } from 'vitest';
import { describeIssues } from '../shared/issues.js';
import {
  hasPublishedFigures,
  nationalEditionBilanSchema,
  speakersOrContributors,
} from './national-edition.js';
import { nationalEditions } from './national-editions.js';

const byYear = (year: number) => {
  const edition = nationalEditions.find((e) => e.year === year);
  if (!edition) throw new Error(`no edition ${year}`);
  return edition;
};

describe('nationalEditions fixture', () => {
  it('lists 2018 to 2024 once each, in order, all valid', () => {
    expect(nationalEditions.map((e) => e.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    for (const edition of nationalEditions) {
      expect(nationalEditionBilanSchema.parse(edition)).toEqual(edition);
    }
  });

  it('carries the published figures', () => {
    expect(byYear(2018)).toMatchObject({
      city: 'Nantes',
      venuesCount: 3,
      present: 850,
      speakers: 120,
      speakersIncludeContributors: true,
    });
    expect(byYear(2019)).toMatchObject({
      city: 'Marseille',
      venuesCount: 4,
      present: 800,
      speakers: 80,
    });
    expect(byYear(2020)).toMatchObject({
      city: 'Lyon',
      online: true,
      present: null,
      contributors: 62,
      registeredOnline: 2600,
      tracks: 6,
      onlineViewers: 4000,
    });
    expect(byYear(2021)).toMatchObject({
      city: 'Sud Charente',
      venues: ['Château de la Mercerie'],
      present: 400,
      speakers: 60,
      onlineViewers: 5000,
    });
    expect(byYear(2022)).toMatchObject({
      city: 'Lens',
      venues: ['Stade Bollaert'],
      present: 1800,
      speakers: 228,
      onlineViewers: 6000,
    });
    expect(byYear(2023)).toMatchObject({
      city: 'Bordeaux',
      venues: ['Palais de la Bourse'],
      present: 2000,
      speakers: 260,
      countries: 12,
    });
  });

  it('lists Chambéry 2024 with no figure yet', () => {
    const chambery = byYear(2024);
    expect(chambery.city).toBe('Chambéry');
    expect(hasPublishedFigures(chambery)).toBe(false);
    expect(nationalEditions.filter(hasPublishedFigures)).toHaveLength(6);
  });

  it('counts speakers, or contributors when no speaker figure exists', () => {
    expect(speakersOrContributors(byYear(2018))).toBe(120);
    expect(speakersOrContributors(byYear(2020))).toBe(62);
    expect(speakersOrContributors(byYear(2024))).toBeNull();
  });
});

describe('nationalEditionBilanSchema', () => {
  const valid = { ...byYear(2022) };
  const issues = (input: unknown) => {
    const parsed = nationalEditionBilanSchema.safeParse(input);
    return parsed.success ? [] : describeIssues(parsed.error).map((i) => i.path);
  };
  it('treats null as « not published » but refuses negative figures', () => {
    expect(issues({ ...valid, present: null })).toEqual([]);
    expect(issues({ ...valid, present: -5 })).toEqual(['present']);
  });
  it('refuses more named venues than announced, and venues for an online edition', () => {
    expect(issues({ ...valid, venues: ['A', 'B'], venuesCount: 1 })).toEqual(['venues']);
    expect(issues({ ...valid, online: true })).toEqual(['online']);
  });
  it('refuses an edition before the first one', () => {
    expect(issues({ ...valid, year: 2017 })).toEqual(['year']);
  });
});
