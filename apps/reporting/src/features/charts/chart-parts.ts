import type { EChartsCoreOption } from 'echarts/core';

/**
 * What a chart needs of ECharts beyond its core (echarts.ts), read from its option: the chart
 * types of its series, and the legend if it has one. Each part is a chunk of its own (parts/),
 * so a page loads only the parts its charts draw: the public page draws no line, the dashboard
 * no legend. The map brings its own (parts/map.ts, with its contours).
 */
const seriesTypes = ['bar', 'line'] as const;
type SeriesPart = (typeof seriesTypes)[number];
export type ChartPart = SeriesPart | 'legend';

const loaders: Record<ChartPart, () => Promise<unknown>> = {
  bar: () => import('./parts/bar.js'),
  line: () => import('./parts/line.js'),
  legend: () => import('./parts/legend.js'),
};

const isSeriesPart = (type: unknown): type is SeriesPart =>
  seriesTypes.some((part) => part === type);

/** The parts an option draws with, sorted; throws on a series type no part registers. */
export function partsOf(option: EChartsCoreOption): ChartPart[] {
  const series = [option.series ?? []].flat() as { type?: unknown }[];
  const parts = new Set<ChartPart>();
  for (const { type } of series) {
    if (!isSeriesPart(type))
      throw new Error(`No ECharts part registers the series type ${String(type)}`);
    parts.add(type);
  }
  if (option.legend) parts.add('legend');
  return [...parts].sort();
}

/** Loads (once: modules are cached) and registers the parts with ECharts. */
export function loadParts(parts: readonly ChartPart[]): Promise<unknown[]> {
  return Promise.all(parts.map((part) => loaders[part]()));
}
