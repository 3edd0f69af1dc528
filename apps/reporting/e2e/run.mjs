#!/usr/bin/env node
// End-to-end tests of the reporting app in headless Chromium, against the real built API with
// the demo data (history included) on a throw-away embedded database, and the app's production
// build served by `vite preview` (its `/api` proxied to that API). Build first:
// `pnpm turbo run build --filter @nec/api... --filter @nec/reporting`. Run: `pnpm --filter
// @nec/reporting e2e`. Chromium: /usr/bin/chromium (CHROME_PATH), never downloaded.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
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
import { watchSecurityPolicy } from '@nec/ui/e2e/security-policy';
import { ADMIN, ANALYST, signInAgent, totpCode } from './demo-agents.mjs';

const APP_DIR = resolve(fileURLToPath(import.meta.url), '../..');
/** Screenshots of the sign-in steps (desktop and 320 px), to look at: git-ignored. */
const SHOTS = join(APP_DIR, 'test-results/screenshots');
const today = new Date().toISOString().slice(0, 10);
const ALL = `from=2019-01-01&to=${today}`;
let base = '';
let browser;
let outboxDir = '';
/** The analyst's cookies, signed in once (a code serves once: no sign-in per test). */
let analystState;

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
/** Cents as the app shows them: whole euros (« 13 € »). */
const euros = (cents) =>
  plain(
    new Intl.NumberFormat('fr-FR', {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    }).format(Math.round(cents / 100)),
  );
/** A share as the app shows it (« 41,3 % »). */
const percent = (ratio) =>
  `${plain(new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(ratio * 100))} %`;

/** The figures added for the issue (stands, all-male panels, subsidy per attendee, Les Bases). */
async function expectNewFigures(page, expected) {
  assert.ok(expected.totals.allMalePanelEvents > 0, 'l’historique compte des panels masculins');
  assert.equal(await figure(page, 'discovery-stands'), integer(expected.totals.discoveryStands));
  assert.equal(await figure(page, 'all-male-panels'), integer(expected.totals.allMalePanelEvents));
  assert.equal(await figure(page, 'subsidy-per-attendee'), euros(expected.subsidyPerAttendeeCents));
  assert.equal(await figure(page, 'les-bases'), percent(expected.lesBasesShare));
}

async function analystPage() {
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: 'fr-FR',
    storageState: analystState,
  });
  return context.newPage();
}

/** Axe's violations on the page as it is now, as short lines (none expected). */
async function axeViolations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

/** The page at desktop width and at 320 px, full length, into test-results/screenshots. */
async function screenshots(page, name) {
  await mkdir(SHOTS, { recursive: true });
  const desktop = page.viewportSize();
  await page.screenshot({ path: join(SHOTS, `${name}-bureau.png`), fullPage: true });
  await page.setViewportSize({ width: 320, height: 800 });
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= 320),
    `${name} : rien ne dépasse à 320 px`,
  );
  await page.screenshot({ path: join(SHOTS, `${name}-320.png`), fullPage: true });
  if (desktop) await page.setViewportSize(desktop);
}

/** Undoes quoted-printable as the outbox's mails are written (soft breaks, `=XX` bytes). */
function decodeQuotedPrintable(raw) {
  return raw.replace(/=\r?\n/g, '').replace(/(?:=[0-9A-Fa-f]{2})+/g, (run) =>
    Buffer.from(
      run
        .split('=')
        .slice(1)
        .map((h) => parseInt(h, 16)),
    ).toString('utf8'),
  );
}

/** The token of the last mail's link to `address` in the outbox. */
async function tokenMailedTo(address) {
  const safe = address.replace(/[^a-zA-Z0-9@._-]/g, '_');
  const files = (await readdir(outboxDir)).filter((f) => f.endsWith(`-${safe}.eml`)).sort();
  assert.ok(files.length > 0, `un courriel pour ${address}`);
  const mail = decodeQuotedPrintable(await readFile(join(outboxDir, files.at(-1)), 'utf8'));
  const token = /jeton=([A-Za-z0-9_-]+)/.exec(mail)?.[1];
  assert.ok(token, `un lien avec jeton dans le courriel à ${address}`);
  return token;
}

/** A key figure once loaded: « … » stands for a figure still on its way (up to 10 s). */
async function figure(page, id) {
  const value = page.locator(`[data-figure="${id}"] [data-value]`).first();
  for (let i = 0; i < 50 && (await value.innerText()).trim() === '…'; i += 1)
    await page.waitForTimeout(200);
  return plain(await value.innerText());
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
  outboxDir = join(tmp, 'outbox');
  const env = apiEnv({ port: apiPort, dataDir: join(tmp, 'pglite'), outboxDir, extra: {} });
  // The demo seed refuses production (its accounts' password is public): loaded as development;
  // the API itself runs in production mode, second factor required for agents.
  const seedEnv = { ...env, NODE_ENV: 'development' };
  runCli(API_MIGRATE, seedEnv, 'La migration');
  runCli(API_SEED, seedEnv, 'Les données de démonstration');
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
  watchSecurityPolicyOf(browser);
  const context = await browser.newContext();
  await signInAgent(context.request, base, ANALYST);
  analystState = await context.storageState();
  await context.close();
});

/** What the pages' Content-Security-Policy refused, on every page the tests open (none expected). */
const refusedByPolicy = [];

/** Every context the tests open reports what its pages' policy refuses; the last test reads it. */
function watchSecurityPolicyOf(chromiumBrowser) {
  const newContext = chromiumBrowser.newContext.bind(chromiumBrowser);
  chromiumBrowser.newContext = async (options) => {
    const context = await newContext(options);
    await watchSecurityPolicy(context, (refusal) => refusedByPolicy.push(refusal));
    return context;
  };
  chromiumBrowser.newPage = async (options) =>
    (await chromiumBrowser.newContext(options)).newPage();
}

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
  await expectNewFigures(page, expected);
  assert.match(await page.locator('.rep-map').first().innerHTML(), /<svg/);
  assert.match(await page.content(), /IGN — Admin Express COG 2018, Licence Ouverte/);
  await page.close();
});

test('the public page needs no chart library for its figures and tables; a missing chart says so', async () => {
  const page = await browser.newPage();
  // The charts' chunks (ECharts, the map's drawing) and the map's contours never arrive.
  const blocked = [];
  await page.route(/\/assets\/(EChart|map-chart|france\.topo)-[^/]*\.(js|json)$/, (route) => {
    blocked.push(route.request().url());
    return route.abort();
  });
  await page.goto(`${base}/`, { waitUntil: 'networkidle' });
  const expected = aggregateBilans(seededRecords(), { from: '2019-01-01', to: today });
  assert.equal(await figure(page, 'events'), integer(expected.count));
  assert.ok(blocked.length > 0, 'la page demande les graphiques après coup');
  const map = page.getByRole('region', { name: 'Les NEC locaux sur la carte de France' });
  await map.locator('.fr-alert--error').waitFor();
  assert.match(await map.innerText(), /n’a pas pu être chargé/);
  await map.getByRole('button', { name: 'Voir les données' }).click();
  assert.ok((await map.locator('tbody tr').count()) > 0, 'le tableau de la carte');
  assert.match(await map.locator('tbody').innerText(), /\([0-9]{2}\)/);
  assert.ok(await map.getByRole('button', { name: /Télécharger en SVG/ }).isDisabled());
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
  await expectNewFigures(page, all);
  await page.goBack();
  await expectFigure(page, 'events', integer(expected.count));
  await page.context().close();
});

test('a click on the map filters the page on that territory', async () => {
  const page = await analystPage();
  await page.goto(`${base}/tableau-de-bord?${ALL}`, { waitUntil: 'networkidle' });
  // The network can fall idle while ECharts' chunks are still being evaluated on a busy machine:
  // the click waits for the drawn map, not for a placeholder.
  await page.locator('.rep-map svg').first().waitFor();
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
  const shownAllMale = await figure(page, 'all-male-panels');
  // « Imprimer le rapport » opens the browser's print dialog (stood in for: headless has none).
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', '');
  });
  await page.getByRole('button', { name: 'Imprimer le rapport' }).click();
  await page.locator('body[data-printed]').waitFor();
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

  // The workbook holds every table: the key figures as on screen, one sheet per table.
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Classeur Excel (XLSX)' }).click(),
  ]);
  assert.match(
    xlsx.suggestedFilename(),
    /^tableau-de-bord-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/,
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await readFile(await xlsx.path()));
  const keyFigures = workbook.getWorksheet('Chiffres clés');
  const cells = (label) => {
    let found;
    keyFigures.eachRow((row) => {
      if (row.getCell(1).value === label) found = row;
    });
    return found;
  };
  assert.equal(integer(cells('Personnes présentes').getCell(2).value), shown);
  const allMale = cells('Événements sans aucune intervenante').getCell(2).value;
  assert.equal(integer(allMale), shownAllMale);
  assert.ok(workbook.getWorksheet('Par département').rowCount > 1);
  assert.ok(workbook.getWorksheet('Tranches de public').rowCount > 1);
  await page.context().close();
});

test('the dashboard lists the events without any woman speaker, each linking to its bilan', async () => {
  const page = await analystPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/tableau-de-bord?${ALL}`, { waitUntil: 'networkidle' });
  const expected = aggregateBilans(seededRecords(), { from: '2019-01-01', to: today });
  const count = expected.totals.allMalePanelEvents;
  const list = page.locator('[data-all-male-panels]');
  await list.waitFor();
  assert.match(
    plain(await list.locator('caption').innerText()),
    new RegExp(`^${integer(count)} événements? sans intervenante`),
  );
  assert.equal(await list.locator('tbody tr').count(), Math.min(10, count));
  assert.equal(await figure(page, 'all-male-panels'), integer(count));
  const text = await list.innerText();
  assert.doesNotMatch(text, /fictif|fictive|@/);
  await screenshots(page, 'tableau-de-bord');
  await list
    .getByRole('link', { name: /Voir le bilan/ })
    .first()
    .click();
  await page.waitForURL(/\/evenements\//);
  await page.locator('[data-speakers="women"]').waitFor();
  assert.equal(plain(await page.locator('[data-speakers="women"] td').last().innerText()), '0');
  assert.notEqual(plain(await page.locator('[data-speakers="men"] td').last().innerText()), '0');

  // A month with events but none of them without women shows the empty state, not a table.
  const month = expected.byMonth.find((row) => row.count > 0 && row.allMalePanelEvents === 0);
  assert.ok(month, 'un mois sans panel masculin');
  const last = new Date(Date.UTC(Number(month.key.slice(0, 4)), Number(month.key.slice(5)), 0));
  await page.goto(
    `${base}/tableau-de-bord?from=${month.key}-01&to=${last.toISOString().slice(0, 10)}`,
    { waitUntil: 'networkidle' },
  );
  await page.getByText('Aucun événement sans intervenante').waitFor();
  assert.equal(await page.locator('[data-all-male-panels]').count(), 0);
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
    `/tableau-de-bord?${ALL}`,
    `/tableau-de-bord?${ALL}&regions=84`,
    '/editions-nationales',
    '/territoires/84',
    '/exports',
    '/compte',
    '/connexion',
    '/mentions-legales',
    '/donnees-personnelles',
    '/accessibilite',
    '/plan-du-site',
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

test('an analyst sees the browsers open on the account and ends the others with the password', async () => {
  // A second browser signed in to the same account (a forgotten computer, say).
  const other = await browser.newContext();
  await signInAgent(other.request, base, ANALYST);
  assert.equal((await other.request.get(`${base}/api/reporting/overview?${ALL}`)).status(), 200);

  const page = await analystPage();
  await page.goto(`${base}/`, { waitUntil: 'networkidle' });
  await page.getByRole('link', { name: 'Mon compte' }).first().click();
  await page.getByRole('heading', { name: 'Vos sessions actives' }).waitFor();
  await page.getByText('Ce navigateur').waitFor();
  assert.ok((await page.getByRole('button', { name: 'Fermer cette session' }).count()) >= 1);
  assert.deepEqual(await axeViolations(page), [], 'mon compte');
  await screenshots(page, 'compte-sessions');

  // The password is asked first; a wrong one is refused on the field and ends nothing.
  await page.getByRole('button', { name: 'Fermer toutes les autres sessions' }).click();
  const password = page.getByLabel('Votre mot de passe');
  await password.fill('pas-le-bon-mot-de-passe');
  await page.getByRole('button', { name: 'Fermer les autres sessions' }).click();
  await page.getByText('Le mot de passe est incorrect.').waitFor();
  assert.equal(await password.getAttribute('aria-invalid'), 'true');
  assert.equal((await other.request.get(`${base}/api/reporting/overview?${ALL}`)).status(), 200);

  await password.fill(ANALYST.password);
  await page.getByRole('button', { name: 'Fermer les autres sessions' }).click();
  await page.getByText(/sessions? fermées?\./).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Fermer cette session' }).count(), 0);
  assert.equal((await other.request.get(`${base}/api/reporting/overview?${ALL}`)).status(), 401);
  // This browser's own session goes on.
  assert.equal((await page.request.get(`${base}/api/reporting/overview?${ALL}`)).status(), 200);
  assert.deepEqual(await axeViolations(page), [], 'mon compte, après fermeture');
  await other.close();
  await page.context().close();
});

test('an analyst signs in with the code of the app; a wrong code is refused on the field', async () => {
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${base}/tableau-de-bord`, { waitUntil: 'networkidle' });
  await page.waitForURL(/\/connexion\?retour=/);
  await page.getByLabel('Adresse électronique').fill(ANALYST.email);
  await page.getByLabel('Mot de passe').fill(ANALYST.password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  const step = page.getByRole('heading', { name: 'Confirmez qu’il s’agit bien de vous' });
  await step.waitFor();
  // The step takes focus; the dashboard stays closed until the code is given.
  assert.equal(
    await page.evaluate(() => document.activeElement?.id),
    'double-authentification-titre',
  );
  assert.equal((await page.request.get(`${base}/api/reporting/overview?${ALL}`)).status(), 401);
  const field = page.getByLabel('Code à 6 chiffres');
  assert.equal(await field.getAttribute('inputmode'), 'numeric');
  assert.equal(await field.getAttribute('autocomplete'), 'one-time-code');

  // A reload resumes at the same step (the session says it is still due).
  await page.reload({ waitUntil: 'networkidle' });
  await step.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'étape du code');
  await screenshots(page, 'connexion-code');

  const code = await totpCode(ANALYST.email);
  const wrong = code.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
  await field.fill(wrong);
  await page.getByRole('button', { name: 'Valider' }).click();
  const error = page.locator('#champ-code-erreur');
  await error.waitFor();
  assert.match(await error.innerText(), /n’est pas valide/);
  assert.equal(await page.locator('[role="alert"]:has(#champ-code-erreur)').count(), 1);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await axeViolations(page), [], 'étape du code, en erreur');
  await screenshots(page, 'connexion-code-erreur');

  await page.getByRole('button', { name: 'Utiliser un code de secours' }).click();
  await page.getByLabel('Code de secours').waitFor();
  await page.getByRole('button', { name: 'Utiliser le code de l’application' }).click();
  await field.fill(code);
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.waitForURL(/\/tableau-de-bord/);
  await page.getByRole('heading', { level: 1 }).first().waitFor();

  // Signing out ends the session on the server, not only in the page.
  await page.getByRole('link', { name: 'Se déconnecter' }).first().click();
  await page.getByText('Vous êtes déconnecté·e du pilotage.').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'déconnexion');
  assert.equal((await page.request.get(`${base}/api/reporting/overview?${ALL}`)).status(), 401);
  await page.goto(`${base}/tableau-de-bord`, { waitUntil: 'networkidle' });
  await page.waitForURL(/\/connexion\?retour=/);
  await context.close();
});

test('a new analyst sets up the app at the first sign-in and keeps the recovery codes', async () => {
  // The admin creates the analyst (the admin too signs in with a second factor)…
  const admin = await browser.newContext();
  const csrfToken = await signInAgent(admin.request, base, ADMIN);
  const email = `analyste-${Date.now()}@nec.example`;
  const created = await admin.request.post(`${base}/api/admin/agents`, {
    data: { email, displayName: 'Analyste nouvellement arrivée', role: 'analyst' },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  assert.equal(created.status(), 201, await created.text());
  await admin.close();
  // … who sets a password with the invitation's link from the outbox.
  const password = 'une longue phrase pour le pilotage des chiffres';
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
  });
  const reset = await context.request.post(`${base}/api/auth/password-reset/confirm`, {
    data: { token: await tokenMailedTo(email), password },
  });
  assert.equal(reset.status(), 200, await reset.text());

  const page = await context.newPage();
  await page.goto(`${base}/connexion`, { waitUntil: 'networkidle' });
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.getByRole('heading', { name: 'Protégez votre compte d’agent' }).waitFor();
  await page.locator('.nec-qr-code__image path').waitFor();
  const secret = (await page.locator('.nec-totp-secret code').innerText()).replace(/\s/g, '');
  assert.match(secret, /^[A-Z2-7]{16,}$/);
  const uri = await page.getByRole('link', { name: /ouvrir directement/ }).getAttribute('href');
  assert.ok(uri?.startsWith('otpauth://totp/') && uri.includes(`secret=${secret}`));
  assert.deepEqual(await axeViolations(page), [], 'enrôlement');
  await screenshots(page, 'enrolement');

  await page.getByLabel('Code à 6 chiffres').fill(await totpCode(email, secret));
  await page.getByRole('button', { name: 'Activer' }).click();
  await page.getByRole('heading', { name: 'Conservez vos codes de secours' }).waitFor();
  const codes = await page.locator('.nec-recovery-codes__list code').allInnerTexts();
  assert.equal(codes.length, 10);
  for (const code of codes) assert.match(code, /^[a-z0-9]{4}-[a-z0-9]{4}$/);
  assert.deepEqual(await axeViolations(page), [], 'codes de secours');
  await screenshots(page, 'enrolement-codes');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger (.txt)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.txt$/);
  const file = await readFile(await download.path(), 'utf8');
  for (const code of codes) assert.ok(file.includes(code), code);
  assert.ok(file.includes(email));

  // Going on needs the box ticked: the codes are never shown again.
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.locator('#codes-conserves-erreur').waitFor();
  assert.ok(page.url().includes('/connexion'));
  // DSFR draws the box over the input: a person clicks the label.
  await page.locator('label[for="codes-conserves"]').click();
  assert.ok(await page.getByLabel('J’ai conservé mes codes de secours en lieu sûr').isChecked());
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.waitForURL(/\/tableau-de-bord/);
  await context.close();

  // A recovery code opens a session once.
  const later = await browser.newContext();
  const signIn = await later.request.post(`${base}/api/auth/sign-in`, {
    data: { email, password },
  });
  const { csrfToken: laterToken, mfaPending } = await signIn.json();
  assert.equal(mfaPending, 'verify');
  const verify = (code) =>
    later.request.post(`${base}/api/auth/mfa/verify`, {
      data: { code },
      headers: { 'X-CSRF-Token': laterToken },
    });
  assert.equal((await verify(codes[0])).status(), 200);
  await later.close();
});

test('no page of the suite had anything refused by its security policy', async () => {
  const headers = (await fetch(`${base}/`)).headers;
  assert.match(headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  assert.equal(headers.get('x-content-type-options'), 'nosniff');
  assert.deepEqual(refusedByPolicy, []);
});
