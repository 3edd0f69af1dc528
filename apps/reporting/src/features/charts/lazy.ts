import type { EChartsCoreOption } from 'echarts/core';
import { defineAsyncComponent, type Component } from 'vue';
import ChartLoadError from './ChartLoadError.vue';
import ChartPlaceholder from './ChartPlaceholder.vue';
import { loadParts, partsOf } from './chart-parts.js';

/**
 * Charts come after the page: ECharts (and the map's contours) are chunks of their own that a
 * chart asks for once it is rendered, so the page's first load — key figures, filters, tables —
 * carries none of it. Meanwhile a placeholder holds the chart's place (ChartFrame sizes it), and
 * if a chunk does not come, an error says so; the figures stay in « Voir les données ».
 */

/** What ChartFrame asks of a drawn chart, for the downloads. */
export interface ChartHandle {
  /** The chart as an SVG data URL (on a white background). */
  svgUrl(): string | undefined;
  size(): { width: number; height: number };
}

/** Whether a template ref is a drawn chart (not, say, its loading placeholder). */
export function isChartHandle(value: unknown): value is ChartHandle {
  return typeof (value as Partial<ChartHandle> | null)?.svgUrl === 'function';
}

/** What ECharts tells of a click: the territory's code on the map. */
export type ChartClick = { name?: string; data?: unknown };

/** Tries to load a chart's chunks this many times before showing the error. */
const ATTEMPTS = 3;

/** A chart component loaded on first render, with the placeholder and the error state. */
export function lazyChart<T extends Component>(loader: () => Promise<{ default: T }>): T {
  return defineAsyncComponent({
    loader: () => loader().then((module) => module.default),
    loadingComponent: ChartPlaceholder,
    errorComponent: ChartLoadError,
    delay: 0,
    onError(_error, retry, fail, attempts) {
      if (attempts < ATTEMPTS) setTimeout(retry, 500 * attempts);
      else fail();
    },
  });
}

const byParts = new Map<string, Component>();

/**
 * ECharts drawing an option, with the parts that option needs (chart-parts.ts), for every
 * chart but the map (FranceMap has its own). One component per set of parts, shared by the
 * charts that draw with the same set.
 */
export function lazyEChart(option: EChartsCoreOption): Component {
  const parts = partsOf(option);
  const key = parts.join(',');
  let chart = byParts.get(key);
  if (!chart) {
    chart = lazyChart(() =>
      Promise.all([import('./EChart.vue'), loadParts(parts)]).then(([module]) => module),
    );
    byParts.set(key, chart);
  }
  return chart;
}
