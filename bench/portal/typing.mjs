// How fast the dossier form answers a key, on a CPU slowed 4×: the production build served
// locally beside the real API (demo data), the demo applicant's draft opened at three steps in
// Debian's chromium; in each, a field is brought to the middle of the screen and typed into
// (a few keys, 120 ms apart), and the Event Timing API gives each key's latency — from the key to
// the frame that shows it, handlers, autosave and the live eligibility panel included (what
// INP measures). The attendance field crosses the 150 people that change the panel's verdicts.
//   pnpm --filter @nec/bench portal:typing
import { chromium } from 'playwright-core';
import { servePortal } from './serve.mjs';

const steps = [
  ['projet', 'titre', '#champ-title', ' 2027', false],
  // From empty: 1, 12, 123, 1 234 — the panel's verdicts change as it passes 150.
  ['publics', 'personnes attendues', '#champ-audiences-expectedAttendees', '1234', true],
  ['date-et-lieu', 'nom du lieu', '#champ-event-venue-name', ' Nord', false],
];

const { base, stop } = await servePortal({ apiPort: 3603, portalPort: 5603 });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const context = await browser.newContext({ locale: 'fr-FR' });
const signIn = await context.request.post(`${base}/api/auth/sign-in`, {
  data: { email: 'porteur@nec.example', password: 'demo-nec-2026!' },
});
if (!signIn.ok()) throw new Error(`connexion du porteur de démonstration : ${signIn.status()}`);
const list = await (await context.request.get(`${base}/api/dossiers?pageSize=100`)).json();
const draft = list.items.find((d) => d.state === 'draft' && d.title);
const page = await context.newPage();
const cdp = await context.newCDPSession(page);

console.log('Formulaire du dossier, processeur ÷ 4 : latence de chaque touche (Event Timing)');
for (const [slug, name, selector, text, fromEmpty] of steps) {
  await page.goto(`${base}/dossiers/${draft.id}/${slug}`, { waitUntil: 'networkidle' });
  const field = page.locator(selector);
  if (fromEmpty) await field.fill('');
  await field.click();
  await field.press('End');
  // In the middle of the screen: a key whose effect is not on screen has no frame to wait for,
  // and Event Timing would count until the next visible change instead.
  await field.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    window.keyLatencies = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === 'keydown') window.keyLatencies.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
  });
  await page.keyboard.type(text, { delay: 120 });
  await page.waitForTimeout(2500);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const latencies = await page.evaluate(() => window.keyLatencies);
  // Keys answered within 16 ms are not reported by the API: they count as 16.
  const all = [...latencies, ...Array(Math.max(0, text.length - latencies.length)).fill(16)];
  all.sort((a, b) => a - b);
  console.log(
    `${`${slug} (${name})`.padEnd(36)} médiane ${all[Math.floor(all.length / 2)]} ms · max ${all.at(-1)} ms (${text.length} touches)`,
  );
}
await browser.close();
stop();
process.exit(0);
