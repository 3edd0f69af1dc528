#!/usr/bin/env node
// Builds the map's contours: the IGN Admin Express COG 2018 régions and départements of
// ../shared/geo/ (GeoJSON, 5.4 MB) → one small TopoJSON (shared arcs, simplified, projected,
// quantised) committed at src/assets/geo/france.topo.json with its licence notice, so that
// building the app never needs ../shared/; and the territories' names alone
// (france.names.json, a few kB), which the page's labels and tables need before the map's
// contours arrive. The contours are projected here, once (metropolitan France in a conformal
// conic, Outre-mer as insets: d3-composite-projections), so the browser draws plane coordinates
// and carries no projection code; the app fetches the file as a static asset when it draws the
// map (src/features/map/contours.ts). Run `pnpm --filter @nec/reporting geo` after the sources
// change; `--check` fails when a committed file is not what the sources give.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { topology } from 'topojson-server';
import { quantize } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
// The package's entry is a UMD file Node cannot import as a module: its ES source instead.
import geoConicConformalFrance from 'd3-composite-projections/src/conicConformalFrance.js';

const here = dirname(fileURLToPath(import.meta.url));
// `../shared/` beside the clone (CI, /work/main); a worktree one level deeper looks one further up.
const source = [
  process.env.NEC_GEO_DIR,
  resolve(here, '../../../../shared/geo'),
  resolve(here, '../../../../../shared/geo'),
].find((dir) => dir !== undefined && existsSync(join(dir, 'regions-avec-outre-mer.geojson')));
if (source === undefined) {
  console.error('Contours introuvables : indiquez leur dossier dans NEC_GEO_DIR (../shared/geo).');
  process.exit(1);
}
const target = join(here, '../src/assets/geo/france.topo.json');
const namesTarget = join(here, '../src/assets/geo/france.names.json');
/** Share of the triangle areas kept: enough for a département to be recognised at 320 px. */
const KEEP = 0.06;
/**
 * Grid of the quantised plane coordinates: a step of 0.35 × 0.22 units (the map is about
 * 700 × 450 units, drawn at most 512 px high), every point within 0.2 unit of its exact place.
 */
const QUANTISATION = 2000;

/** Only what the map reads: the INSEE code (the names are in france.names.json). */
function slim(collection) {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => ({
      type: 'Feature',
      properties: { code: feature.properties.code },
      geometry: feature.geometry,
    })),
  };
}

const read = (name) => JSON.parse(readFileSync(join(source, name), 'utf8'));
const regions = read('regions-avec-outre-mer.geojson');
const departements = read('departements-avec-outre-mer.geojson');
// Simplified in longitude and latitude, as before the projection moved here.
const weighted = presimplify(
  topology({ regions: slim(regions), departements: slim(departements) }),
);
const simplified = simplify(weighted, quantile(weighted, KEEP));
// Drop the weights and project every point: the arcs stay shared, since a point projects to
// one place whichever territory it borders. Then quantise (delta-encoded integers).
const projection = geoConicConformalFrance();
simplified.arcs = simplified.arcs.map((arc) =>
  arc.map(([x, y]) => {
    const point = projection([x, y]);
    // Outside every inset's clip: a source beyond the territories the projection knows.
    if (point === null) throw new Error(`Point hors de la projection : ${x}, ${y}`);
    return point;
  }),
);
delete simplified.bbox;
const text = `${JSON.stringify(quantize(simplified, QUANTISATION))}\n`;

/** INSEE code → name, per level, sorted by code. */
const namesOf = (collection) =>
  Object.fromEntries(
    collection.features
      .map((f) => [f.properties.code, f.properties.nom])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
const names = `${JSON.stringify({ region: namesOf(regions), departement: namesOf(departements) }, null, 2)}\n`;

for (const [file, content] of [
  [target, text],
  [namesTarget, names],
]) {
  if (process.argv.includes('--check')) {
    // Compared as data, whatever the layout (the names are laid out by Prettier).
    const committed = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
    if (committed !== JSON.stringify(JSON.parse(content))) {
      console.error(
        `${file} is not what ${source} gives: run \`pnpm --filter @nec/reporting geo\`.`,
      );
      process.exit(1);
    }
    console.log(`${file} is up to date.`);
  } else {
    writeFileSync(file, content);
    console.log(`${file}: ${(content.length / 1024).toFixed(1)} kB`);
  }
}
