// The map's drawing: its contours, projection and ECharts' map registry. Imported only by the
// lazy FranceMapChart, so none of it is in the page's first load (its table is: map-table.ts).
import type { BreakdownRow } from '@nec/domain';
import { geoConicConformalFrance } from 'd3-composite-projections';
import type { EChartsCoreOption } from 'echarts/core';
import { metrics, type Metric } from '../charts/options.js';
import { registerMap } from '../charts/echarts.js';
import { contoursOf } from './contours.js';
import { type MapLevel, territoryName } from './territories.js';

const registered = new Set<MapLevel>();

/** Registers a level's contours with ECharts once (name `france-region` / `france-departement`). */
export function ensureMap(level: MapLevel): string {
  const name = `france-${level}`;
  if (!registered.has(level)) {
    registerMap(name, contoursOf(level) as never);
    registered.add(level);
  }
  return name;
}

/** Metropolitan France in Lambert-like conic, Outre-mer as insets (d3-composite-projections). */
const projection = geoConicConformalFrance();
const project = (point: number[]): number[] =>
  (projection([point[0] ?? 0, point[1] ?? 0]) as number[] | null) ?? [0, 0];
const unproject = (point: number[]): number[] =>
  (projection.invert?.([point[0] ?? 0, point[1] ?? 0]) as number[] | null) ?? [0, 0];

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
  const data = contoursOf(level).features.map((f) => {
    const row = byCode.get(f.properties.code);
    return {
      name: f.properties.code,
      value: row ? value(row) : 0,
      selected: selected.includes(f.properties.code),
    };
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
        map: ensureMap(level),
        nameProperty: 'code',
        projection: { project, unproject },
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
  };
}
