// Weight of the portal's pages on the production build, served locally with the real API and
// the demo data: JavaScript and CSS of each page (gzipped, as sent), request count, transferred
// bytes and DOM size (the three EcoIndex measures). Prints figures; times nothing.
//
//   pnpm turbo run build --filter @nec/portal... --filter @nec/api...
//   pnpm --filter @nec/bench portal
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { portalDir, servePortal } from './serve.mjs';

const require = createRequire(`${portalDir}package.json`);
const { chromium } = require('@playwright/test');
const { base, stop } = await servePortal({ apiPort: 3592, portalPort: 5592 });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const gz = (path) => gzipSync(readFileSync(`${portalDir}dist${path}`)).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

async function measure(path, signedIn) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (signedIn) {
    await context.request.post(`${base}/api/auth/sign-in`, {
      data: { email: 'porteur@nec.example', password: 'demo-nec-2026!' },
    });
  }
  const page = await context.newPage();
  const seen = [];
  page.on('requestfinished', async (request) => {
    const response = await request.response();
    const sizes = await request
      .sizes()
      .catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
    seen.push({
      url: new URL(request.url()),
      type: request.resourceType(),
      bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      status: response?.status(),
    });
  });
  const target = typeof path === 'function' ? await path(context) : path;
  await page.goto(base + target, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
  const js = seen.filter((r) => r.type === 'script' && r.url.pathname.startsWith('/assets/'));
  const css = seen.filter((r) => r.type === 'stylesheet' && r.url.pathname.startsWith('/assets/'));
  const figures = {
    js: js.reduce((t, r) => t + gz(r.url.pathname), 0),
    css: css.reduce((t, r) => t + gz(r.url.pathname), 0),
    requests: seen.length,
    transferred: seen.reduce((t, r) => t + r.bytes, 0),
    dom,
  };
  await context.close();
  return figures;
}

const firstDraft = async (context) => {
  const list = await (await context.request.get(`${base}/api/dossiers?pageSize=100`)).json();
  const draft = list.items.find((d) => d.state === 'draft');
  return draft ? `/dossiers/${draft.id}/budget` : '/mes-dossiers';
};
const pages = [
  ['accueil', '/', false],
  ['appel', '/appels/nec-local-permanent-2026', false],
  ['formulaire (budget)', firstDraft, true],
];
console.log(
  'Portail — build de production, servi localement (vite preview), API réelle, données de démonstration',
);
console.log('page                 | JS gzip  | CSS gzip | requêtes | transféré | nœuds DOM');
for (const [name, path, signedIn] of pages) {
  const f = await measure(path, signedIn);
  console.log(
    `${name.padEnd(20)} | ${kb(f.js).padStart(8)} | ${kb(f.css).padStart(8)} | ${String(f.requests).padStart(8)} | ${kb(f.transferred).padStart(9)} | ${String(f.dom).padStart(9)}`,
  );
}
console.log('Cible : JS de la première page ≤ 120 kB gzip.');
await browser.close();
stop();
process.exit(0);
