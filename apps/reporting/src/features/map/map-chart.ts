// The map's lazy chunk, which FranceMap.vue loads: its drawing, ECharts' map and colour scale,
// and what gives ECharts the contours fetched beside it.
import { registerMap } from '../charts/parts/map.js';
import { contoursFrom, mapName, type FranceTopology } from './contours.js';

export { default } from './FranceMapChart.vue';

/** Gives ECharts both levels' contours (`france-region`, `france-departement`). */
export function registerContours(topology: FranceTopology): void {
  const contours = contoursFrom(topology);
  for (const level of ['region', 'departement'] as const)
    registerMap(mapName(level), contours[level] as never);
}
