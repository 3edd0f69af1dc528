/**
 * ECharts' core, tree-shaken: what every chart draws with — the SVG renderer (crisp, printable,
 * exportable as SVG), the `aria` descriptions, the tooltip, and the French locale for both.
 * The chart types and the components only some charts use are parts of their own (parts/,
 * loaded for the charts whose option asks for them: chart-parts.ts). Imported by EChart.vue
 * only, which pages load lazily (lazy.ts): it lands in a chunk of its own, after the first paint.
 */
import { AriaComponent, TooltipComponent } from 'echarts/components';
import { registerLocale, use } from 'echarts/core';
import langFR from 'echarts/i18n/langFR-obj.js';
import { SVGRenderer } from 'echarts/renderers';

use([AriaComponent, TooltipComponent, SVGRenderer]);
registerLocale('FR', langFR);

export { init, throttle } from 'echarts/core';
/** Options every chart gets: the French locale, the SVG renderer. */
export const chartInit = { locale: 'FR', renderer: 'svg' } as const;
