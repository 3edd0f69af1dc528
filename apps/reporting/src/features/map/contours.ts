import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topology from '../../assets/geo/france.topo.json';
import type { MapLevel } from './territories.js';

/** The map's shapes: imported only by what draws it, so they come with the map's lazy chunk. */
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
