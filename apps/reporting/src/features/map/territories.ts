import names from '../../assets/geo/france.names.json';

/**
 * The régions and départements by INSEE code and name (COG 2018, the map's own sources; see
 * scripts/build-geo.mjs): the labels, filters and tables need them before, or without, the
 * map's contours (`contours.ts`, loaded with the map).
 */

/** The map's two levels, as the API names its breakdowns. */
export type MapLevel = 'region' | 'departement';

const byLevel: Record<MapLevel, Map<string, string>> = {
  region: new Map(Object.entries(names.region)),
  departement: new Map(Object.entries(names.departement)),
};

/** « Moselle (57) »; the code alone for a territory the map does not hold. */
export function territoryName(level: MapLevel, code: string): string {
  const name = byLevel[level].get(code);
  return name === undefined ? code : `${name} (${code})`;
}

/** Every territory of a level, by code, for the filters' lists. */
export function territoriesOf(level: MapLevel): { code: string; name: string }[] {
  return [...byLevel[level]]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** The level a territory code belongs to: région codes have 2 digits and exist as régions. */
export function levelOf(code: string): MapLevel | null {
  if (byLevel.region.has(code)) return 'region';
  if (byLevel.departement.has(code)) return 'departement';
  return null;
}

export const mapCredit = 'Contours : IGN — Admin Express COG 2018, Licence Ouverte';
