import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topology from '../../assets/geo/france.topo.json';

/** The map's two levels, as the API names its breakdowns. */
export type MapLevel = 'region' | 'departement';
type Properties = { code: string; nom: string };

const topo = topology as unknown as Topology<{
  regions: GeometryCollection<Properties>;
  departements: GeometryCollection<Properties>;
}>;

const collections: Record<MapLevel, FeatureCollection<Geometry, Properties>> = {
  region: feature(topo, topo.objects.regions),
  departement: feature(topo, topo.objects.departements),
};

/** The contours of a level as GeoJSON (IGN Admin Express COG 2018, simplified at build time). */
export function contoursOf(level: MapLevel): FeatureCollection<Geometry, Properties> {
  return collections[level];
}

const names: Record<MapLevel, Map<string, string>> = {
  region: new Map(collections.region.features.map((f) => [f.properties.code, f.properties.nom])),
  departement: new Map(
    collections.departement.features.map((f) => [f.properties.code, f.properties.nom]),
  ),
};

/** « Moselle (57) »; the code alone for a territory the contours do not hold. */
export function territoryName(level: MapLevel, code: string): string {
  const name = names[level].get(code);
  return name === undefined ? code : `${name} (${code})`;
}

/** Every territory of a level, by code, for the filters' lists. */
export function territoriesOf(level: MapLevel): { code: string; name: string }[] {
  return [...names[level]]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** The level a territory code belongs to: région codes have 2 digits and exist as régions. */
export function levelOf(code: string): MapLevel | null {
  if (names.region.has(code)) return 'region';
  if (names.departement.has(code)) return 'departement';
  return null;
}

export const mapCredit = 'Contours : IGN — Admin Express COG 2018, Licence Ouverte';
