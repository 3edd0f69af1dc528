/**
 * ECharts' core, tree-shaken: what every chart draws with — the SVG renderer (crisp, printable,
 * exportable as SVG), the `aria` descriptions, the tooltip, and the French locale for both.
 * The chart types and the components only some charts use are parts of their own (parts/,
 * loaded for the charts whose option asks for them: chart-parts.ts). Imported by EChart.vue
 * only, which pages load lazily (lazy.ts): it lands in a chunk of its own, after the first paint.
 */
import { AriaComponent, TooltipComponent } from 'echarts/components';
import { registerLocale, registerTheme, use } from 'echarts/core';
import langFR from 'echarts/i18n/langFR-obj.js';
import { SVGRenderer } from 'echarts/renderers';

use([AriaComponent, TooltipComponent, SVGRenderer]);
registerLocale('FR', langFR);
// Every text of every chart (legends, labels, the map's scale) in the DSFR's typeface and grey,
// as the page around it: without it, ECharts writes in the browser's sans-serif.
registerTheme('nec', {
  textStyle: { fontFamily: 'Marianne, arial, sans-serif', color: '#3a3a3a' },
});
/** The theme to draw with (`init(element, chartTheme, chartInit)`). */
export const chartTheme = 'nec';

export { init, throttle } from 'echarts/core';
/** Options every chart gets: the French locale, the SVG renderer. */
export const chartInit = { locale: 'FR', renderer: 'svg' } as const;
