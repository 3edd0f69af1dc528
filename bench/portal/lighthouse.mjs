// Lighthouse 12 (performance, accessibility) on the production build served locally, with
// Debian's chromium: the home page, a call page, the FAQ, the legal notice, and the dossier form
// of the demo applicant.
// Prints the scores and each page's EcoIndex (from the same run's DOM size, requests and bytes
// transferred); times nothing in tests.  pnpm --filter @nec/bench portal:lighthouse
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { ecoIndex } from '../lib/ecoindex.mjs';
import { servePortal } from './serve.mjs';

const { base, stop } = await servePortal({ apiPort: 3593, portalPort: 5593 });
const signIn = await fetch(`${base}/api/auth/sign-in`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'porteur@nec.example', password: 'demo-nec-2026!' }),
});
const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
const dossiers = await (
  await fetch(`${base}/api/dossiers?pageSize=100`, { headers: { cookie } })
).json();
const draft = dossiers.items.find((d) => d.state === 'draft');

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'],
});
// The public pages the targets are about (home, a call, the FAQ, a legal page), then the form.
const pages = [
  ['accueil', '/', null],
  ['appel', '/appels/nec-local-permanent-2026', null],
  ['questions fréquentes', '/questions-frequentes', null],
  ['mentions légales', '/mentions-legales', null],
  ['formulaire (budget)', draft ? `/dossiers/${draft.id}/budget` : '/mes-dossiers', cookie],
];
console.log(
  'Lighthouse 12 — build de production servi localement, chromium Debian (mobile par défaut)',
);
console.log(
  'page                 | performance | accessibilité | FCP · LCP · TBT · CLS (simulés)  | EcoIndex (éléments DOM, requêtes, ko transférés)',
);
for (const [name, path, withCookie] of pages) {
  const result = await lighthouse(`${base}${path}`, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    extraHeaders: withCookie ? { Cookie: withCookie } : undefined,
  });
  const c = result.lhr.categories;
  const eco = ecoMeasures(result.lhr.audits);
  const { score, grade } = ecoIndex(eco);
  console.log(
    `${name.padEnd(20)} | ${String(Math.round(c.performance.score * 100)).padStart(11)} | ${String(Math.round(c.accessibility.score * 100)).padStart(13)} | ${metrics(result.lhr.audits).padEnd(32)} | ${grade} ${score} (${eco.dom}, ${eco.requests}, ${Math.round(eco.kB)})`,
  );
}
await chrome.kill();
console.log(
  'EcoIndex : éléments du DOM comptés par Lighthouse (y compris ceux des icônes SVG, donc un peu pessimiste).',
);
stop();
process.exit(0);

/** What the performance score is made of: `2.4 s · 2.9 s · 40 ms · 0.003`. */
function metrics(audits) {
  const seconds = (id) => `${(audits[id].numericValue / 1000).toFixed(1)} s`;
  const tbt = `${Math.round(audits['total-blocking-time'].numericValue)} ms`;
  const cls = audits['cumulative-layout-shift'].numericValue.toFixed(3);
  return `${seconds('first-contentful-paint')} · ${seconds('largest-contentful-paint')} · ${tbt} · ${cls}`;
}

/** The three measures of the EcoIndex, read from Lighthouse's audits of the page. */
function ecoMeasures(audits) {
  return {
    dom: audits['dom-size'].numericValue,
    requests: audits['network-requests'].details.items.length,
    kB: audits['total-byte-weight'].numericValue / 1024,
  };
}
