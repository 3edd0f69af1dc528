// The map's option. Imported only by the lazy FranceMapChart, so none of it is in the page's
// first load (its table is: map-table.ts).
import type { BreakdownRow } from '@nec/domain';
import type { EChartsCoreOption } from 'echarts/core';
import { metrics, phoneQuery, type Metric } from '../charts/options.js';
import { mapName } from './contours.js';
import { type MapLevel, territoriesOf, territoryName } from './territories.js';

/**
 * The contours are projected at build time (scripts/build-geo.mjs: metropolitan France in a
 * conformal conic, Outre-mer as insets), y downwards as on screen: ECharts draws them as they
 * are, instead of reading them as longitudes and latitudes.
 */
const asDrawn = (point: number[]): number[] => point;
const projection = { project: asDrawn, unproject: asDrawn };

/**
 * The choropleth: every territory of the level, coloured by the metric on a light-to-dark blue
 * scale with the value in the tooltip and in the data table (never by colour alone); the
 * selected territory outlined.
 */
export function mapOption(
  level: MapLevel,
  rows: readonly BreakdownRow<string | number>[],
  metric: Metric,
  selected: readonly string[],
): EChartsCoreOption {
  const { value, format, label } = metrics[metric];
  const byCode = new Map(rows.map((row) => [String(row.key), row]));
  // Every territory the contours draw (the names file holds the same codes: territories.test).
  const data = territoriesOf(level).map(({ code }) => {
    const row = byCode.get(code);
    return { name: code, value: row ? value(row) : 0, selected: selected.includes(code) };
  });
  const max = Math.max(1, ...data.map((d) => d.value));
  const described = [...byCode.values()]
    .sort((a, b) => value(b) - value(a))
    .slice(0, 5)
    .map((row) => `${territoryName(level, String(row.key))} : ${format(value(row))}`)
    .join(' ; ');
  return {
    aria: {
      enabled: true,
      label: {
        description: `Carte de France par ${level === 'region' ? 'région' : 'département'}, ${label.toLowerCase()}. Les plus élevés : ${described || 'aucun événement'}.`,
      },
    },
    tooltip: {
      trigger: 'item',
      formatter: (params: { name: string; value: number }) =>
        `${territoryName(level, params.name)}<br/>${label} : ${format(Number.isFinite(params.value) ? params.value : 0)}`,
    },
    visualMap: {
      min: 0,
      max,
      left: 'left',
      bottom: 8,
      text: [format(max), format(0)],
      calculable: false,
      inRange: { color: ['#ececfe', '#8585f6', '#000091'] },
      textStyle: { color: '#3a3a3a' },
    },
    series: [
      {
        type: 'map',
        map: mapName(level),
        nameProperty: 'code',
        projection,
        selectedMode: 'single',
        roam: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: '100%',
        label: { show: false },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#c3992a' } },
        select: { label: { show: false }, itemStyle: { borderColor: '#ce614a', borderWidth: 2 } },
        itemStyle: { borderColor: '#ffffff', borderWidth: 0.5 },
        data,
      },
    ],
    // On a phone the map is as wide as the screen: its scale lies under it, not over the
    // overseas insets at its bottom left, and the box is shorter (reporting.css).
    media: [
      {
        query: phoneQuery,
        option: {
          visualMap: { orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 180 },
          series: [{ layoutCenter: ['50%', '44%'], layoutSize: '96%' }],
        },
      },
    ],
  };
}
