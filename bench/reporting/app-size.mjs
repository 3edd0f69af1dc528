#!/usr/bin/env node
// The reporting app's first page in bytes: the JS (and CSS) the public page `/` loads — the
// entry, its static imports, then the route's view (PublicView) and its static imports, which
// include the charts and the map — gzipped, from the production build's Vite manifest.
// Build first: pnpm --filter @nec/reporting build. Prints PASS/FAIL against 200 kB of JS.
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
const view = Object.keys(manifest).find((key) => key.endsWith('views/PublicView.vue'));
const chunks = closure([entry, view]);
const sizes = { js: 0, css: 0 };
const rows = [];
for (const key of chunks) {
  const chunk = manifest[key];
  const files = [chunk.file, ...(chunk.css ?? [])];
  for (const file of files) {
    const gz = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
    sizes[file.endsWith('.css') ? 'css' : 'js'] += gz;
    rows.push([file, gz]);
  }
}
rows.sort((a, b) => b[1] - a[1]);
for (const [file, gz] of rows) console.log(`${(gz / 1024).toFixed(1).padStart(7)} kB  ${file}`);
const kb = (bytes) => (bytes / 1024).toFixed(1);
console.log(`\nPremière page (/) : JS ${kb(sizes.js)} kB gzip · CSS ${kb(sizes.css)} kB gzip`);
console.log(
  `Cible : JS ≤ ${TARGET_KB} kB gzip avec les graphiques → ${sizes.js / 1024 <= TARGET_KB ? 'PASS' : 'FAIL'}`,
);
