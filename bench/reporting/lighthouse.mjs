#!/usr/bin/env node
// Lighthouse 12 (performance, accessibility) on the reporting app's public page `/`, production
// build served by `vite preview` beside the built API with the demo data (serve.mjs), with
// Debian's chromium; mobile profile with Lighthouse's simulated throttling (its default). Several
// runs (--runs, 3 by default): prints each, then the median performance. Targets: performance
// ≥ 90, accessibility 100 (PASS/FAIL, exit 0 whatever the figures).
// Build first: pnpm turbo run build --filter @nec/api... --filter @nec/reporting
//   pnpm --filter @nec/bench reporting:lighthouse [-- --runs 5] [-- --path /editions-nationales]
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ecoIndex } from '../lib/ecoindex.mjs';
import { cleanup, onCleanup } from '../lib/harness.mjs';
import { serveReporting } from './serve.mjs';

const { values } = parseArgs({
  // pnpm passes on the `--` of `pnpm … -- --runs 5`
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { runs: { type: 'string', default: '3' }, path: { type: 'string', default: '/' } },
});
const runs = Math.max(1, Number(values.runs));
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

try {
  const { base } = await serveReporting();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  onCleanup(() => chrome.kill());
  console.log(`Lighthouse 12 — ${values.path}, build de production servi localement, chromium`);
  console.log('Debian, profil mobile (ralentissement simulé). Charge avant : ' + load());
  console.log(
    'run | perf. | access. | FCP     | LCP     | TBT    | CLS   | JS (ko transférés) | EcoIndex',
  );
  const scores = [];
  let accessibility = 100;
  for (let run = 1; run <= runs; run += 1) {
    const { lhr } = await lighthouse(`${base}${values.path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    const perf = Math.round(lhr.categories.performance.score * 100);
    const a11y = Math.round(lhr.categories.accessibility.score * 100);
    scores.push(perf);
    accessibility = Math.min(accessibility, a11y);
    const ms = (id) => `${Math.round(lhr.audits[id].numericValue)} ms`.padEnd(7);
    const eco = ecoMeasures(lhr.audits);
    const { score, grade } = ecoIndex(eco);
    console.log(
      `${String(run).padStart(3)} | ${String(perf).padStart(5)} | ${String(a11y).padStart(7)} | ${ms('first-contentful-paint')} | ${ms('largest-contentful-paint')} | ${ms('total-blocking-time').padEnd(6)} | ${lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3)} | ${String(Math.round(scriptKB(lhr.audits))).padStart(18)} | ${grade} ${score}`,
    );
    for (const failed of failedAccessibilityAudits(lhr))
      console.log(`    accessibilité : ${failed}`);
  }
  const median = [...scores].sort((a, b) => a - b)[Math.floor(scores.length / 2)];
  console.log(`Charge après : ${load()} (sur ${availableParallelism()} cœurs)`);
  console.log(
    `Cibles : performance ≥ 90 (médiane ${median}) → ${median >= 90 ? 'PASS' : 'FAIL'} · accessibilité 100 (${accessibility}) → ${accessibility === 100 ? 'PASS' : 'FAIL'}`,
  );
} finally {
  await cleanup();
}
process.exit(0);

/** The three measures of the EcoIndex, read from Lighthouse's audits of the page. */
function ecoMeasures(audits) {
  return {
    dom: audits['dom-size'].numericValue,
    requests: audits['network-requests'].details.items.length,
    kB: audits['total-byte-weight'].numericValue / 1024,
  };
}

/** The JavaScript the page transferred (compressed, as served), in kB. */
function scriptKB(audits) {
  return (
    audits['network-requests'].details.items
      .filter((item) => item.resourceType === 'Script')
      .reduce((sum, item) => sum + item.transferSize, 0) / 1024
  );
}

/** The accessibility audits that failed, by id. */
function failedAccessibilityAudits(lhr) {
  return lhr.categories.accessibility.auditRefs
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score === 0)
    .map((ref) => `${ref.id} — ${lhr.audits[ref.id].title}`);
}
