// Screenshots of every page, at desktop width and at 320 px, in headless Debian chromium, to
// look at them (a human or a reviewer): `pnpm --filter @nec/portal screenshots` against a
// running portal (PORTAL_URL, default http://127.0.0.1:5173). PNGs go to .screenshots/
// (git-ignored). Signs in as the demo applicant to reach the account pages.
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const base = process.env.PORTAL_URL ?? 'http://127.0.0.1:5173';
const out = new URL('../.screenshots/', import.meta.url).pathname;
const only = process.argv[2];
mkdirSync(out, { recursive: true });

const publicPages = [
  ['accueil', '/'],
  ['appel', '/appels/nec-local-permanent-2026'],
  ['faq', '/questions-frequentes'],
  ['mentions-legales', '/mentions-legales'],
  ['donnees-personnelles', '/donnees-personnelles'],
  ['accessibilite', '/accessibilite'],
  ['plan-du-site', '/plan-du-site'],
  ['inscription', '/inscription'],
  ['connexion', '/connexion'],
  ['mot-de-passe-oublie', '/mot-de-passe-oublie'],
  ['introuvable', '/nulle-part'],
];
const privatePages = [
  ['mes-dossiers', '/mes-dossiers'],
  ['mes-structures', '/mes-structures'],
  ['compte', '/compte'],
  ['nouveau-dossier', '/dossiers/nouveau'],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function shoot(context, name, path, action) {
  if (only && !name.includes(only)) return;
  const page = await context.newPage();
  await page.goto(base + path, { waitUntil: 'networkidle' });
  if (action) await action(page);
  await page.waitForTimeout(300);
  const width = page.viewportSize().width;
  await page.screenshot({ path: `${out}${name}-${width}.png`, fullPage: true });
  await page.close();
}

for (const width of [1280, 320]) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
  for (const [name, path] of publicPages) await shoot(context, name, path);
  const signIn = await context.request.post(`${base}/api/auth/sign-in`, {
    data: { email: 'porteur@nec.example', password: 'demo-nec-2026!' },
  });
  if (!signIn.ok()) throw new Error(`Connexion de démonstration refusée : ${signIn.status()}`);
  for (const [name, path] of privatePages) await shoot(context, name, path);
  const list = await (await context.request.get(`${base}/api/dossiers?pageSize=100`)).json();
  const draft = list.items.find((d) => d.state === 'draft');
  const submitted = list.items.find((d) => d.state !== 'draft');
  if (draft) {
    for (const step of ['projet', 'publics', 'structures', 'budget', 'territoire', 'recapitulatif']) {
      await shoot(context, `dossier-${step}`, `/dossiers/${draft.id}/${step}`);
    }
  }
  if (submitted) await shoot(context, 'suivi', `/dossiers/${submitted.id}`);
  await context.close();
}
await browser.close();
console.log(`Captures dans ${out}`);
