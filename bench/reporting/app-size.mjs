#!/usr/bin/env node
// The reporting app's pages in bytes, gzipped (level 9). Build first:
// pnpm turbo run build --filter @nec/api... --filter @nec/reporting
//   (a) first load of `/`, from the production build's Vite manifest: the entry and its static
//       imports, then the route's view (PublicView, unless the router imports it statically: it
//       is then in the entry) and its static imports — what the browser needs to show the key
//       figures, the filters and the tables.
//   (b) each whole page, as Chromium loads it: the build served with the API and the demo data
//       (serve.mjs), the page opened (the dashboard signed in as the demo analyst), then every
//       chart and the map awaited until drawn; every file the page fetched under /assets/ is
//       counted — JS (the charts' chunks included: which ECharts parts a page loads depends on
//       the charts it draws), the map's contours (a JSON file), CSS, fonts and icons. The target
//       (≤ 200 kB of JS, « with the charts ») applies to this.
// `--static` prints (a) alone, without serving anything.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ANALYST, signInAgent } from '../../apps/reporting/e2e/demo-agents.mjs';
import { ROOT, cleanup } from '../lib/harness.mjs';
import { serveReporting } from './serve.mjs';

const { values } = parseArgs({
  // pnpm passes on the `--` of `pnpm … -- --runs 9`
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { static: { type: 'boolean', default: false } },
});
const DIST = join(ROOT, 'apps/reporting/dist');
const TARGET_KB = 200;
const today = new Date().toISOString().slice(0, 10);
/** The pages measured whole: path, whether the analyst must be signed in. */
const PAGES = [
  ['/', false],
  [`/tableau-de-bord?from=2019-01-01&to=${today}`, true],
  ['/editions-nationales', false],
];
const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8'));
/** A built file's manifest key (its source), to name it in the listings. */
const keyOf = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));

const gzCache = new Map();
const gz = (file) => {
  if (!gzCache.has(file))
    gzCache.set(file, gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length);
  return gzCache.get(file);
};
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** What a file counts as. */
function kindOf(file) {
  if (file.endsWith('.js')) return 'js';
  if (file.endsWith('.css')) return 'css';
  if (file.endsWith('.json')) return 'data';
  return 'other';
}
const kindLabels = { js: 'JS', data: 'données (JSON)', css: 'CSS', other: 'polices et icônes' };

/** Prints files, largest first, and returns their gzipped totals by kind. */
function report(title, files) {
  const sizes = { js: 0, data: 0, css: 0, other: 0 };
  const rows = files.map((file) => [file, gz(file)]).sort((a, b) => b[1] - a[1]);
  console.log(`\n${title}`);
  for (const [file, size] of rows) {
    sizes[kindOf(file)] += size;
    if (kindOf(file) !== 'other')
      console.log(`${kb(size).padStart(7)} kB  ${file.padEnd(44)} ${keyOf.get(file) ?? ''}`);
  }
  console.log(
    `         ${Object.entries(sizes)
      .map(([kind, size]) => `${kindLabels[kind]} ${kb(size)} kB`)
      .join(' · ')} (gzip -9)`,
  );
  return sizes;
}

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
const first = [...closure(view ? [entry, view] : [entry])].flatMap((key) => [
  manifest[key].file,
  ...(manifest[key].css ?? []),
]);
const a = report(
  `(a) Premier chargement de / (entrée, vue PublicView${view ? '' : ' incluse dans l’entrée'}, leurs imports statiques)`,
  first,
);
console.log(`\n(a) premier chargement de /  JS ${kb(a.js)} kB · CSS ${kb(a.css)} kB`);
if (values.static) process.exit(0);

/** The files under /assets/ a page fetches until all its charts are drawn. */
async function filesLoadedBy(browser, base, path, storageState) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    storageState,
  });
  const page = await context.newPage();
  const files = new Set();
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.startsWith('/assets/')) files.add(pathname.slice(1));
  });
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  // Every chart's and the map's box holds its drawing (an SVG), none its placeholder.
  await page.waitForFunction(
    () => {
      const boxes = [...document.querySelectorAll('.rep-chart, .rep-map')];
      const drawn = (box) =>
        box.querySelector('svg') && !box.querySelector('.rep-chart-placeholder');
      return boxes.length > 0 && boxes.every(drawn);
    },
    null,
    { timeout: 60_000 },
  );
  await page.waitForLoadState('networkidle');
  await context.close();
  return [...files];
}

const totals = [];
try {
  const { base } = await serveReporting();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const signedIn = await browser.newContext();
  await signInAgent(signedIn.request, base, ANALYST);
  const analyst = await signedIn.storageState();
  await signedIn.close();
  for (const [path, signed] of PAGES) {
    const files = await filesLoadedBy(browser, base, path, signed ? analyst : undefined);
    const sizes = report(
      `(b) Page entière ${path} (tout ce que Chromium a chargé sous /assets/)`,
      files,
    );
    totals.push([path, sizes]);
  }
  await browser.close();
} finally {
  await cleanup();
}

console.log('\nPages entières, graphiques et carte compris (gzip -9) :');
for (const [path, sizes] of totals)
  console.log(
    `  ${path.padEnd(42)} JS ${kb(sizes.js).padStart(6)} kB · contours ${kb(sizes.data)} kB · CSS ${kb(sizes.css)} kB → JS ≤ ${TARGET_KB} kB : ${sizes.js / 1024 <= TARGET_KB ? 'PASS' : 'FAIL'}`,
  );
process.exit(0);
