// How long a person on a slow line waits for the portal's first useful content: the production
// build served locally beside the real API (demo data), opened in Debian's chromium throttled
// through the DevTools protocol (150 ms of latency, 1.6 Mbit/s down, 750 kbit/s up, the CPU
// slowed 4× — Lighthouse's mobile profile, applied for real rather than simulated), each page in
// a fresh context (nothing cached). Prints, per page, the time until its content is on screen
// (the home's first call card, a call's title, a page's heading) and the first and largest
// paints as the browser itself reports them: median and every run.
//   pnpm --filter @nec/bench portal:throttled [-- --runs 5]
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { servePortal } from './serve.mjs';

const { values } = parseArgs({
  // pnpm passes on the `--` of `pnpm … -- --runs 9`
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { runs: { type: 'string', default: '5' } },
});
const runs = Number(values.runs);
// [name, path, the element that shows the page's content, a text it then holds]
const pages = [
  ['accueil (1re carte d’appel)', '/', '.fr-card__title', '2026'],
  ['un appel (son titre)', '/appels/nec-local-permanent-2026', 'h1', '2026'],
  ['questions fréquentes', '/questions-frequentes', 'h1', 'Questions'],
  ['mentions légales', '/mentions-legales', 'h1', 'Mentions'],
];

const { base, stop } = await servePortal({ apiPort: 3599, portalPort: 5599 });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
console.log(`Portail, ligne lente réelle (150 ms, 1,6 Mbit/s, processeur ÷ 4), ${runs} passages`);
console.log(
  'page                           | contenu affiché | 1er affichage (FCP) | plus grand (LCP)',
);
for (const [name, path, selector, text] of pages) {
  const measures = [];
  for (let i = 0; i < runs; i++) measures.push(await timeToContent(path, selector, text));
  const column = (key) => {
    const times = measures.map((m) => m[key]).sort((a, b) => a - b);
    return `${times[Math.floor(times.length / 2)]} ms (${times[0]}–${times.at(-1)})`;
  };
  console.log(
    `${name.padEnd(30)} | ${column('content').padEnd(15)} | ${column('fcp').padEnd(19)} | ${column('lcp')}`,
  );
}
console.log(
  'Médiane (plus court–plus long) ; le plus grand affichage est celui connu à l’affichage du contenu.',
);
await browser.close();
stop();
process.exit(0);

/**
 * Milliseconds from navigation start until `selector` holds `text`, and the page's first and
 * largest contentful paints (Paint Timing, Largest Contentful Paint) at that moment.
 */
async function timeToContent(path, selector, text) {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: 1.6e6 / 8,
    uploadThroughput: 750e3 / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(base + path, { waitUntil: 'commit' });
  await page.waitForFunction(
    ([s, t]) => document.querySelector(s)?.textContent?.includes(t) ?? false,
    [selector, text],
    { timeout: 60_000, polling: 'raf' },
  );
  const inDocument = await page.evaluate(() => Math.round(performance.now()));
  // A page rendered at build holds its content before anything is painted: it is on screen at
  // the first contentful paint, not before.
  const paints = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const paint = { fcp: NaN, lcp: NaN };
        const done = () =>
          Number.isFinite(paint.fcp) && Number.isFinite(paint.lcp) && resolve(paint);
        new PerformanceObserver((list) => {
          const fcp = list.getEntriesByName('first-contentful-paint')[0];
          if (fcp) paint.fcp = Math.round(fcp.startTime);
          done();
        }).observe({ type: 'paint', buffered: true });
        new PerformanceObserver((list) => {
          paint.lcp = Math.round(list.getEntries().at(-1)?.startTime ?? NaN);
          done();
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
  const content = Math.max(inDocument, paints.fcp);
  await context.close();
  return { content, ...paints };
}
