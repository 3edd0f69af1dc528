import { describe, expect, it } from 'vitest';
import {
  addDays,
  aggregateBilans,
  bilanRecordSchema,
  isValidSiret,
  necLocalBilanSchema,
} from '../index.js';
import { generateBilanHistory, historyDossierContent, historyRecord } from './generate.js';

const TODAY = '2026-11-23';

describe('generateBilanHistory', () => {
  it('is deterministic: same seed, same events; another seed, others', () => {
    expect(generateBilanHistory(40, 7, { until: TODAY })).toEqual(
      generateBilanHistory(40, 7, { until: TODAY }),
    );
    expect(generateBilanHistory(40, 8, { until: TODAY })).not.toEqual(
      generateBilanHistory(40, 7, { until: TODAY }),
    );
  });

  it('generates realistic, valid, clearly fictitious events', () => {
    const events = generateBilanHistory(300, 11, { until: TODAY });
    for (const event of events) {
      expect(necLocalBilanSchema.safeParse(event.bilan).success).toBe(true);
      expect(event.bilan.attendees).toBeGreaterThanOrEqual(60);
      expect(event.bilan.attendees).toBeLessThanOrEqual(400);
      expect(event.bilan.budget.expensesCents).toBeGreaterThanOrEqual(300_000);
      expect(event.bilan.budget.expensesCents).toBeLessThanOrEqual(3_000_099);
      if (event.awardedAmountCents !== null) {
        expect(event.awardedAmountCents).toBeGreaterThanOrEqual(250_000);
        expect(event.awardedAmountCents).toBeLessThanOrEqual(
          Math.min(500_000, event.bilan.budget.expensesCents * 0.8),
        );
      }
      expect(event.organisation.name).toMatch(/fictif|fictive/);
      expect(isValidSiret(event.organisation.siret)).toBe(true);
      expect(event.eventDate <= addDays(TODAY, -7)).toBe(true);
    }
    expect(events.some((e) => e.awardedAmountCents === null)).toBe(true);
    // Some programmes without any woman, and productions on Les Bases, for the reporting.
    const split = (e: (typeof events)[number]) => e.bilan.speakers.genderSplit;
    expect(events.some((e) => split(e)?.women === 0 && (split(e)?.men ?? 0) > 0)).toBe(true);
    expect(events.some((e) => e.bilan.resources.some((r) => r.kind === 'les-bases'))).toBe(true);
    expect(events.some((e) => e.regionCode === undefined)).toBe(true);
    expect(events.some((e) => ['01', '02', '03', '04', '06'].includes(e.regionCode ?? ''))).toBe(
      true,
    );
  });

  it('spreads events evenly over the years, none in the last week', () => {
    const events = generateBilanHistory(80, 3, { firstYear: 2019, until: TODAY });
    const perYear = aggregateBilans(events.map((event) => historyRecord(event))).byYear;
    expect(perYear.map((row) => [row.key, row.count])).toEqual(
      [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((year) => [year, 10]),
    );
  });

  it('gives records and dossiers the domain accepts', () => {
    for (const event of generateBilanHistory(60, 5, { until: TODAY })) {
      expect(bilanRecordSchema.safeParse(historyRecord(event)).success).toBe(true);
      const dossier = historyDossierContent(event);
      expect(dossier.title).toBe(event.title);
      expect(dossier.event.startDate).toBe(event.eventDate);
    }
  });
});
