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

/** A half-filled NEC local draft of the demo applicant (made once), to show the live panel. */
async function showcaseDraft(context) {
  const session = await (await context.request.get(`${base}/api/auth/session`)).json();
  const headers = { 'x-csrf-token': session.csrfToken };
  const list = await (await context.request.get(`${base}/api/dossiers?pageSize=100`)).json();
  const existing = list.items.find((d) => d.state === 'draft' && d.title === 'Fête des communs du Val');
  if (existing) return existing;
  const orgs = await (await context.request.get(`${base}/api/organisations/mine`)).json();
  const organisation = orgs.items[0];
  const campaigns = await (await context.request.get(`${base}/api/campaigns`)).json();
  const campaign = campaigns.items.find((c) => c.callKind === 'nec-local');
  const created = await (
    await context.request.post(`${base}/api/dossiers`, {
      headers,
      data: { campaignId: campaign.id, organisationId: organisation.id },
    })
  ).json();
  const content = {
    title: 'Fête des communs du Val',
    objective: 'Faire se rencontrer les lieux de médiation numérique du Val autour de leurs outils libres.',
    themes: { catalogue: ['digital-inclusion', 'digital-commons'], free: [], expectedBenefits: 'Un réseau durable.' },
    area: [{ kind: 'departement', code: '49' }],
    audiences: { targets: ['Médiatrices et médiateurs numériques'], expectedAttendees: 120 },
    organisers: [
      { name: organisation.name, siret: organisation.siret, category: organisation.category, role: 'lead', supportsEvent: true },
    ],
    budget: {
      expenses: [
        { category: 'logistics', label: 'Location de la salle', amountCents: 250000 },
        { category: 'programming', label: 'Accueil des intervenantes et intervenants', amountCents: 180050 },
        { category: 'communication', label: 'Affiches et programme', amountCents: 70000 },
      ],
      resources: [
        { kind: 'own-funds', label: 'Fonds propres', amountCents: 50050 },
        { kind: 'anct-subsidy', label: 'Subvention NEC', amountCents: 420000 },
      ],
    },
    requests: { label: true, subsidy: { requested: true, amountCents: 420000 }, duo: false },
  };
  await context.request.put(`${base}/api/dossiers/${created.id}/draft`, {
    headers,
    data: { version: created.version, content },
  });
  return created;
}

async function shoot(context, name, path, action) {
  if (only && !name.includes(only)) return;
  const page = await context.newPage();
  await page.goto(base + path, { waitUntil: 'networkidle' });
  await page.locator('main h1').first().waitFor();
  await page.waitForSelector('[role=status][aria-live], .fr-stepper, .fr-alert, .fr-table, .fr-card, form, article, dl, ul', { timeout: 15000 }).catch(() => {});
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
  const draft = await showcaseDraft(context);
  const list = await (await context.request.get(`${base}/api/dossiers?pageSize=100`)).json();
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
