/**
 * ECharts, tree-shaken: only the chart types and components we draw, the SVG renderer (crisp,
 * printable, exportable as SVG), and the French locale for the `aria` descriptions and the
 * toolbox. Imported only by EChart.vue, which pages load lazily (lazy.ts): it lands in a chunk
 * of its own, after the page's first paint.
 */
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { registerLocale, use } from 'echarts/core';
import langFR from 'echarts/i18n/langFR-obj.js';
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  MapChart,
  AriaComponent,
  GridComponent,
  // The plain legend and the continuous colour scale: the scrolling legend and the piecewise
  // scale are drawn nowhere, and each weighs several kB of the chunk.
  LegendPlainComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  SVGRenderer,
]);
registerLocale('FR', langFR);

export { default as VChart } from 'vue-echarts';
export { registerMap } from 'echarts/core';
/** Options every chart gets: the French locale, the SVG renderer, aria descriptions. */
export const chartInit = { locale: 'FR', renderer: 'svg' } as const;
