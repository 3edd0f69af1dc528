#!/usr/bin/env node
// End-to-end tests of the reporting app in headless Chromium, against the real built API with
// the demo data (history included) on a throw-away embedded database, and the app's production
// build served by `vite preview` (its `/api` proxied to that API). Build first:
// `pnpm turbo run build --filter @nec/api... --filter @nec/reporting`. Run: `pnpm --filter
// @nec/reporting e2e`. Chromium: /usr/bin/chromium (CHROME_PATH), never downloaded.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { aggregateBilans } from '@nec/domain';
import { generateBilanHistory, historyEventsPerYear, historyRecord } from '@nec/domain/history';
import { chromium } from 'playwright-core';
import {
  API_MIGRATE,
  API_SEED,
  apiEnv,
  cleanup,
  freePort,
  onCleanup,
  runCli,
  startApi,
} from '../../../bench/lib/harness.mjs';

const APP_DIR = resolve(fileURLToPath(import.meta.url), '../..');
const ANALYST = { email: 'analyste@nec.example', password: 'demo-nec-2026!' };
const today = new Date().toISOString().slice(0, 10);
const ALL = `from=2019-01-01&to=${today}`;
let base = '';
let browser;

/** The seeded bilans, as the domain sees them: the demo's history (seed 2019, up to today). */
function seededRecords() {
  const years = new Date().getUTCFullYear() - 2019 + 1;
  return generateBilanHistory(historyEventsPerYear * years, 2019, {
    firstYear: 2019,
    until: today,
  }).map((event) => historyRecord(event));
}

const plain = (text) => text.replace(/\s/gu, ' ').trim();
const integer = (n) => plain(new Intl.NumberFormat('fr-FR').format(n));

async function analystPage() {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'fr-FR' });
  const page = await context.newPage();
  const res = await page.request.post(`${base}/api/auth/sign-in`, { data: ANALYST });
  assert.equal(res.status(), 200, 'connexion de l’analyste');
  return page;
}

async function figure(page, id) {
  return plain(await page.locator(`[data-figure="${id}"] [data-value]`).first().innerText());
}

/** Waits (up to 10 s) until a key figure reads `value`, then checks it. */
async function expectFigure(page, id, value) {
  for (let i = 0; i < 50 && (await figure(page, id).catch(() => '')) !== value; i += 1)
    await page.waitForTimeout(200);
  assert.equal(await figure(page, id), value, id);
}

before(async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'nec-e2e-reporting-'));
  onCleanup(() => rm(tmp, { recursive: true, force: true }));
  const apiPort = await freePort();
  const env = apiEnv({
    port: apiPort,
    dataDir: join(tmp, 'pglite'),
    outboxDir: join(tmp, 'outbox'),
    extra: {},
  });
  runCli(API_MIGRATE, env, 'La migration');
  runCli(API_SEED, env, 'Les données de démonstration');
  await startApi(env, join(tmp, 'api.log'));
  const appPort = await freePort();
  const preview = spawn(
    join(APP_DIR, 'node_modules/.bin/vite'),
    ['preview', '--port', String(appPort), '--strictPort'],
    {
      cwd: APP_DIR,
      env: { ...process.env, NEC_API_URL: `http://127.0.0.1:${apiPort}` },
      stdio: 'ignore',
    },
  );
  onCleanup(() => preview.kill('SIGTERM'));
  base = `http://127.0.0.1:${appPort}`;
  for (let i = 0; i < 100; i += 1) {
    if ((await fetch(base).catch(() => null))?.ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  browser = await chromium.launch({
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
});

after(async () => {
  await browser?.close();
  await cleanup();
});

test('the public page shows the totals of the domain’s aggregation of the seeded bilans', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/`, { waitUntil: 'networkidle' });
  const expected = aggregateBilans(seededRecords(), { from: '2019-01-01', to: today });
  assert.equal(await figure(page, 'events'), integer(expected.count));
  assert.equal(await figure(page, 'attendees'), integer(expected.totals.attendees));
  assert.match(await page.locator('.rep-map').first().innerHTML(), /<svg/);
  assert.match(await page.content(), /IGN — Admin Express COG 2018, Licence Ouverte/);
  await page.close();
});

test('a filter in the URL changes the figures, the map and the tables; tags remove it', async () => {
  const page = await analystPage();
  await page.goto(`${base}/tableau-de-bord?${ALL}&regions=84`, { waitUntil: 'networkidle' });
  const expected = aggregateBilans(seededRecords(), {
    from: '2019-01-01',
    to: today,
    regions: ['84'],
  });
  assert.equal(await figure(page, 'events'), integer(expected.count));
  await page.getByRole('button', { name: 'Voir les données' }).first().click();
  const mapRows = await page.locator('.rep-panel').first().locator('tbody tr').allInnerTexts();
  assert.equal(mapRows.length, 1);
  assert.match(mapRows[0] ?? '', /Auvergne-Rhône-Alpes \(84\)/);
  await page.getByRole('button', { name: /Retirer le filtre Région/ }).click();
  await page.waitForURL((url) => !url.search.includes('regions='));
  await page.waitForLoadState('networkidle');
  const all = aggregateBilans(seededRecords(), { from: '2019-01-01', to: today });
  await expectFigure(page, 'events', integer(all.count));
  await page.goBack();
  await expectFigure(page, 'events', integer(expected.count));
  await page.context().close();
});

test('a click on the map filters the page on that territory', async () => {
  const page = await analystPage();
  await page.goto(`${base}/tableau-de-bord?${ALL}`, { waitUntil: 'networkidle' });
  await page.locator('.rep-map').first().scrollIntoViewIfNeeded();
  const box = await page.locator('.rep-map').first().boundingBox();
  assert.ok(box);
  // Metropolitan France sits in the middle of the map: its centre is inside a région.
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.waitForURL((url) => url.search.includes('regions='));
  assert.match(page.url(), /regions=\d{2}/);
  await page.context().close();
});

test('an export downloads the figures shown on screen; charts download as SVG and PNG', async () => {
  const page = await analystPage();
  await page.goto(`${base}/tableau-de-bord?${ALL}&eventModes=online`, { waitUntil: 'networkidle' });
  const shown = await figure(page, 'attendees');
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', { name: /Télécharger en SVG/ })
      .first()
      .click(),
  ]);
  assert.match(svg.suggestedFilename(), /\.svg$/);
  assert.match(await readFile(await svg.path(), 'utf8'), /<svg/);
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', { name: /Télécharger en PNG/ })
      .first()
      .click(),
  ]);
  const bytes = await readFile(await png.path());
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);

  await page.goto(`${base}/exports?${ALL}&eventModes=online`, { waitUntil: 'networkidle' });
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Chiffres clés/ }).click(),
  ]);
  const line = (await readFile(await csv.path(), 'utf8'))
    .split('\r\n')
    .find((l) => l.startsWith('Personnes présentes'));
  assert.equal(plain(line?.split(',')[1] ?? ''), shown);
  await page.context().close();
});

test('the analyst reads one event’s bilan, never a name, and never reaches a dossier', async () => {
  const page = await analystPage();
  await page.goto(`${base}/territoires/84`, { waitUntil: 'networkidle' });
  await page
    .getByRole('link', { name: /Voir le bilan/ })
    .first()
    .click();
  await page.waitForURL(/\/evenements\//);
  await page.getByText('Prévu et réalisé').waitFor();
  const text = await page.locator('main').innerText();
  assert.match(text, /Prévu et réalisé/);
  assert.doesNotMatch(text, /fictif|fictive|@/);
  assert.equal((await page.request.get(`${base}/api/dossiers`)).status(), 403);
  assert.equal(await page.locator('a[href*="dossier"]').count(), 0);
  await page.context().close();
});

test('axe-core finds no violation on any page', async () => {
  const page = await analystPage();
  const paths = [
    '/',
    `/tableau-de-bord?${ALL}&regions=84`,
    '/editions-nationales',
    '/territoires/84',
    '/exports',
    '/connexion',
  ];
  for (const path of paths) {
    await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    const { violations } = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(
      violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`),
      [],
      path,
    );
  }
  await page.context().close();
});
