#!/usr/bin/env node
// Screenshots of the reporting app's pages (desktop and 320 px) with axe-core's verdict on each,
// against a running app (REPORTING_URL, default http://127.0.0.1:5174) whose API holds the demo
// data. Usage: node scripts/screenshots.mjs [out-dir]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { ANALYST, signInAgent } from '../e2e/demo-agents.mjs';

const base = process.env.REPORTING_URL ?? 'http://127.0.0.1:5174';
const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
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
const pages = [
  ['accueil', '/'],
  ['tableau-de-bord', '/tableau-de-bord?from=2019-01-01&to=2026-12-31'],
  [
    'tableau-filtre',
    '/tableau-de-bord?from=2023-01-01&to=2025-12-31&regions=84&eventModes=in-person',
  ],
  ['editions', '/editions-nationales'],
  ['territoire', '/territoires/84'],
  ['exports', '/exports'],
];
let violations = 0;
try {
  // Signed in once (password, then the second factor), the cookies reused at both widths.
  const signedIn = await browser.newContext();
  await signInAgent(signedIn.request, base, ANALYST);
  const storageState = await signedIn.storageState();
  await signedIn.close();
  for (const [width, suffix] of [
    [1280, 'bureau'],
    [320, '320'],
  ]) {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: 'fr-FR',
      storageState,
    });
    const page = await context.newPage();
    for (const [name, path] of pages) {
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(out, `${name}-${suffix}.png`), fullPage: true });
      // At 320 px, the map and the first chart as seen on a phone screen.
      if (width === 320 && (await page.locator('.rep-map').count()) > 0) {
        await page.locator('.rep-map').first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(out, `${name}-${suffix}-carte.png`) });
      }
      if (suffix === 'bureau') {
        const result = await new AxeBuilder({ page }).analyze();
        violations += result.violations.length;
        for (const v of result.violations)
          console.log(
            `axe ${name}: ${v.id} (${v.impact}) ×${v.nodes.length} — ${v.nodes[0]?.target.join(' ')}`,
          );
      }
    }
    const event = await page
      .locator('a[href^="/evenements/"]')
      .first()
      .getAttribute('href')
      .catch(() => null);
    await context.close();
    if (event) console.log(`événement vu : ${event}`);
  }
} finally {
  await browser.close();
}
console.log(`${violations} violation(s) axe ; captures dans ${out}/`);
