#!/usr/bin/env node
// The reporting app's public page `/` in bytes, gzipped (level 9), from the production build's
// Vite manifest. Build first: pnpm --filter @nec/reporting build.
//   (a) first load: the entry and its static imports, then the route's view (PublicView, unless
//       the router imports it statically: it is then in the entry) and its static imports — what the browser needs to show the key figures, the filters and the
//       tables. The target (≤ 200 kB of JS) applies to this.
//   (b) the whole page: (a) plus what the page's own components load afterwards through dynamic
//       imports (the charts: ECharts, the map's contours and projection), following their
//       static imports too. The other routes' views (src/views/, imported dynamically by the
//       router) are not counted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../lib/harness.mjs';

const DIST = join(ROOT, 'apps/reporting/dist');
const TARGET_KB = 200;
const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8'));

/** The chunks loaded for `keys`, following static imports only. */
function closure(keys, seen = new Set()) {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    closure(manifest[key]?.imports ?? [], seen);
  }
  return seen;
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
// The view is a chunk of its own when the router loads it lazily; otherwise it is in the entry.
const view = Object.keys(manifest).find((key) => key.endsWith('views/PublicView.vue'));
const first = closure(view ? [entry, view] : [entry]);
// What the page's chunks import dynamically, but the router's other views (src/views/).
const lazyKeys = [...first]
  .flatMap((key) => manifest[key].dynamicImports ?? [])
  .filter((key) => !key.startsWith('src/views/'));
const page = closure(lazyKeys, new Set(first));
const later = [...page].filter((key) => !first.has(key));

const gzCache = new Map();
const gz = (file) => {
  if (!gzCache.has(file))
    gzCache.set(file, gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length);
  return gzCache.get(file);
};
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** Prints a set of chunks, largest first, and returns its JS and CSS totals. */
function report(title, keys) {
  const rows = [];
  const sizes = { js: 0, css: 0 };
  for (const key of keys) {
    const chunk = manifest[key];
    for (const file of [chunk.file, ...(chunk.css ?? [])]) {
      sizes[file.endsWith('.css') ? 'css' : 'js'] += gz(file);
      rows.push([file, gz(file), key]);
    }
  }
  console.log(`\n${title}`);
  rows.sort((a, b) => b[1] - a[1]);
  for (const [file, size, key] of rows)
    console.log(`${kb(size).padStart(7)} kB  ${file.padEnd(44)} ${key}`);
  console.log(`         JS ${kb(sizes.js)} kB gzip · CSS ${kb(sizes.css)} kB gzip`);
  return sizes;
}

const a = report(
  `(a) Premier chargement de / (entrée, vue PublicView${view ? '' : ' incluse dans l’entrée'}, leurs imports statiques)`,
  first,
);
const b = report(
  '(b) Chargé ensuite par la page (graphiques : imports dynamiques des composants)',
  later,
);
console.log(`
Page publique (/), gzip -9 :
  (a) premier chargement  JS ${kb(a.js)} kB · CSS ${kb(a.css)} kB
  (b) page entière        JS ${kb(a.js + b.js)} kB · CSS ${kb(a.css + b.css)} kB (graphiques compris)
Cible : JS du premier chargement (a) ≤ ${TARGET_KB} kB gzip → ${a.js / 1024 <= TARGET_KB ? 'PASS' : 'FAIL'}`);
