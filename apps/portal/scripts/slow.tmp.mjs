import { chromium } from '@playwright/test';
import { servePortal } from '../../../bench/portal/serve.mjs';
const { base, stop } = await servePortal({ apiPort: 3597, portalPort: 5597 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const pages = [['call', '/appels/nec-local-permanent-2026', 'h1'], ['home', '/', '.fr-card__title']];
for (const [name, path, sel] of pages) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(base + path, { waitUntil: 'commit' });
    await page.waitForFunction((s) => { const e = document.querySelector(s); return e && e.textContent.includes('2026'); }, sel, { timeout: 30000, polling: 'raf' });
    times.push(Math.round(await page.evaluate(() => performance.now())));
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(name, 'median', times[2], 'all', times.join(' '));
}
await browser.close(); stop(); process.exit(0);
