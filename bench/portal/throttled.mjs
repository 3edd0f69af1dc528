// How long a person on a slow line waits for the portal's first useful content: the production
// build served locally beside the real API (demo data), opened in Debian's chromium throttled
// through the DevTools protocol (150 ms of latency, 1.6 Mbit/s down, 750 kbit/s up, the CPU
// slowed 4× — Lighthouse's mobile profile, applied for real rather than simulated), each page in
// a fresh context (nothing cached). Prints, per page, the time until its content is on screen
// (the home's first call card, a call's title): median and every run.
//   pnpm --filter @nec/bench portal:throttled [-- --runs 5]
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { servePortal } from './serve.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const pages = [
  ['accueil (1re carte d’appel)', '/', '.fr-card__title'],
  ['un appel (son titre)', '/appels/nec-local-permanent-2026', 'h1'],
];

const { base, stop } = await servePortal({ apiPort: 3599, portalPort: 5599 });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
console.log(`Portail, ligne lente réelle (150 ms, 1,6 Mbit/s, processeur ÷ 4), ${runs} passages`);
for (const [name, path, selector] of pages) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await timeToContent(path, selector));
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${name.padEnd(30)} médiane ${median} ms · ${times.join(' · ')} ms`);
}
await browser.close();
stop();
process.exit(0);

/** Milliseconds from navigation start until `selector` shows the campaign's year. */
async function timeToContent(path, selector) {
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
    (s) => document.querySelector(s)?.textContent?.includes('2026') ?? false,
    selector,
    { timeout: 60_000, polling: 'raf' },
  );
  const ms = await page.evaluate(() => Math.round(performance.now()));
  await context.close();
  return ms;
}
