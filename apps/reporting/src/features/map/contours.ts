import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapLevel } from './territories.js';

/**
 * The map's shapes (IGN Admin Express COG 2018, simplified and projected at build time by
 * scripts/build-geo.mjs): plane coordinates, metropolitan France with Outre-mer as insets. Part
 * of the map's lazy chunk (map-chart.ts); the file itself is fetched beside it
 * (fetch-contours.ts).
 */
type Properties = { code: string };

export type FranceTopology = Topology<{
  regions: GeometryCollection<Properties>;
  departements: GeometryCollection<Properties>;
}>;

export type Contours = Record<MapLevel, FeatureCollection<Geometry, Properties>>;

/** The contours of each level as GeoJSON. */
export function contoursFrom(topology: FranceTopology): Contours {
  return {
    region: feature(topology, topology.objects.regions),
    departement: feature(topology, topology.objects.departements),
  };
}

/** ECharts' name of a level's map. */
export const mapName = (level: MapLevel): string => `france-${level}`;
