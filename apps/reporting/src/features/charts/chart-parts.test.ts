import { nationalEditions } from '@nec/domain';
import { describe, expect, it } from 'vitest';
import { partsOf } from './chart-parts.js';
import { formatInteger } from '../labels/labels.js';
import { breakdownOption, distributionOption, editionsOption } from './options.js';

describe('the ECharts parts a chart loads', () => {
  it('are read from its option: the series’ chart types, the legend if any', () => {
    expect(partsOf(breakdownOption('theme', [], 'count', 'Par thème'))).toEqual(['bar']);
    expect(partsOf(breakdownOption('month', [], 'count', 'Par mois'))).toEqual(['line']);
    expect(partsOf(editionsOption(nationalEditions))).toEqual(['bar', 'legend']);
    const distribution = {
      figure: 'attendees' as const,
      period: { from: null, to: null },
      edges: [],
      buckets: [],
      below: 0,
      skipped: 0,
    };
    expect(partsOf(distributionOption(distribution, formatInteger, 'Public'))).toEqual(['bar']);
  });

  it('refuse a chart type no part registers, rather than draw an empty box', () => {
    expect(() => partsOf({ series: [{ type: 'pie' }] })).toThrow('pie');
    expect(partsOf({ series: { type: 'line' }, legend: {} })).toEqual(['legend', 'line']);
  });
});
