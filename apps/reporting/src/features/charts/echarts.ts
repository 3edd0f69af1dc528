/**
 * ECharts, tree-shaken: only the chart types and components we draw, the SVG renderer (crisp,
 * printable, exportable as SVG), and the French locale for the `aria` descriptions and the
 * toolbox. Imported only by the components that draw, so it lands in the lazy `charts` chunk.
 */
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
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
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);
registerLocale('FR', langFR);

export { default as VChart } from 'vue-echarts';
export { registerMap } from 'echarts/core';
/** Options every chart gets: the French locale, the SVG renderer, aria descriptions. */
export const chartInit = { locale: 'FR', renderer: 'svg' } as const;
