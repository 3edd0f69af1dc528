import {
  aggregateBilans,
  bilanRatioKeys,
  comparePeriods,
  distribution,
  nationalEditionTotals,
  nationalEditions,
  reportingDistributions,
} from '@nec/domain';
import { generateBilanHistory, historyRecord } from '@nec/domain/history';
import { describe, expect, it } from 'vitest';
import {
  bilanHeadlineSchema,
  breakdownRowSchema,
  distributionResultSchema,
  periodComparisonSchema,
  reportingNationalEditionsSchema,
  publicBilanSchema,
} from './reporting.js';
import { strictDeep } from './strict-deep.js';

/** The domain's figures over a generated history, checked as strictly as the API's tests do. */
const records = generateBilanHistory(120, 2019).map((event) => historyRecord(event));
const strictly = <T>(schema: Parameters<typeof strictDeep>[0], value: T) =>
  strictDeep(schema).parse(value);

describe('the reporting schemas hold the domain’s own figures', () => {
  const current = aggregateBilans(records, { from: '2023-01-01', to: '2023-12-31' });
  const previous = aggregateBilans(records, { from: '2022-01-01', to: '2022-12-31' });
  const empty = aggregateBilans([]);

  it('headline, comparison and breakdown rows (empty periods included)', () => {
    for (const aggregate of [current, previous, empty]) {
      const { count, totals, medians } = aggregate;
      const ratios = Object.fromEntries(bilanRatioKeys.map((key) => [key, aggregate[key]]));
      const headline = { count, totals, medians, ...ratios };
      expect(strictly(bilanHeadlineSchema, headline)).toEqual(headline);
      for (const row of [...aggregate.byYear, ...aggregate.byMonth, ...aggregate.byTheme])
        expect(strictly(breakdownRowSchema, row)).toEqual(row);
    }
    const changes = comparePeriods(current, previous);
    expect(strictly(periodComparisonSchema, changes)).toEqual(changes);
    expect(strictly(periodComparisonSchema, comparePeriods(empty, empty))).toBeTruthy();
  });

  it('distributions, national editions and a bilan without its people', () => {
    for (const [field, edges] of Object.entries(reportingDistributions)) {
      const result = distribution(records, field as keyof typeof reportingDistributions, edges);
      if (!result.ok) throw new Error(field);
      expect(strictly(distributionResultSchema, result.value)).toEqual(result.value);
    }
    const editions = {
      editions: nationalEditions,
      totals: nationalEditionTotals(nationalEditions),
    };
    expect(strictly(reportingNationalEditionsSchema, editions)).toEqual(editions);
    const { team: _team, preparation: _p, comments: _c, ...bilan } = records[0]!.bilan;
    expect(strictly(publicBilanSchema, bilan)).toEqual(bilan);
    expect(strictDeep(publicBilanSchema).safeParse(records[0]!.bilan).success).toBe(false);
  });
});
