// Screenshots of every page, at desktop width and at 320 px, in headless Debian chromium, to
// look at them (a human or a reviewer): `pnpm --filter @nec/portal screenshots` against a
// running portal (PORTAL_URL, default http://127.0.0.1:5173). PNGs go to .screenshots/
// (git-ignored). Signs in as the demo applicant to reach the account pages. The README's
// pictures (docs/screenshots/) are copies of some of them at 1280 px: `bilan-1280.png` is
// docs/screenshots/bilan.png (budget lines planned beside actual, photos), against a fresh API.
import { mkdirSync } from 'node:fs';
import { chromium, request as apiRequest } from '@playwright/test';
import { actualLinesFrom, exampleNecLocalDossier } from '@nec/domain';
import { completeSecondFactor, demoPassword } from '../e2e/demo-accounts.mjs';

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

/**
 * A demo agent signed in on its own (second factor included), with its CSRF header, for the
 * follow-up showcase.
 */
async function staff(email) {
  const context = await apiRequest.newContext({ baseURL: base });
  const res = await context.post('/api/auth/sign-in', { data: { email, password: demoPassword } });
  if (!res.ok()) throw new Error(`Connexion ${email} refusée : ${res.status()}`);
  const { csrfToken, mfaPending } = await res.json();
  // Demo agents have a second factor (its secret is published with the demo data).
  if (mfaPending === 'verify') await completeSecondFactor(context, csrfToken);
  const headers = { 'x-csrf-token': csrfToken };
  const call = async (method, path, data) => {
    const r = await context[method](path, { headers, data });
    if (!r.ok()) throw new Error(`${method} ${path} : ${r.status()} ${await r.text()}`);
    return r.status() === 204 ? null : r.json();
  };
  return { get: (p) => call('get', p), post: (p, d) => call('post', p, d), put: (p, d) => call('put', p, d) };
}

const isoDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Dossiers of the demo applicant at the follow-up stages the screenshots show (made once):
 * one with an information request waiting, one accepted with a subsidy, its request answered
 * with a file, messages exchanged, the agreement signed and the event declared held (under a
 * call without lead time made by the demo admin, so that the event can be today).
 */
async function showcaseFollowup(context) {
  const session = await (await context.request.get(`${base}/api/auth/session`)).json();
  const headers = { 'x-csrf-token': session.csrfToken };
  const as = async (method, path, data, extra = {}) => {
    const r = await context.request[method](`${base}${path}`, { headers, data, ...extra });
    if (!r.ok()) throw new Error(`${method} ${path} : ${r.status()} ${await r.text()}`);
    return r.json();
  };
  const list = await as('get', '/api/dossiers?pageSize=100');
  const find = (title) => list.items.find((d) => d.title === title);
  const orgs = await as('get', '/api/organisations/mine');
  const organisation = orgs.items[0];
  const instructor = await staff('instructrice@nec.example');

  async function submitted(title, startDate, campaignId) {
    const campaign = campaignId
      ? await as('get', `/api/campaigns/${campaignId}`)
      : await as('get', `/api/campaigns/for-event?call=nec-local&date=${startDate}`);
    const created = await as('post', '/api/dossiers', { campaignId: campaign.id, organisationId: organisation.id });
    const { charterAcceptance: _apart, ...example } = exampleNecLocalDossier();
    const [lead, ...others] = example.organisers;
    const content = {
      ...example,
      title,
      event: { ...example.event, startDate },
      organisers: [{ ...lead, name: organisation.name, siret: organisation.siret }, ...others],
    };
    const saved = await as('put', `/api/dossiers/${created.id}/draft`, { version: created.version, content });
    await as('post', `/api/dossiers/${created.id}/charter-acceptance`, {
      charterId: campaign.params.charter.id,
      version: campaign.params.charter.version,
    });
    await as('post', `/api/dossiers/${created.id}/submit`, { version: saved.version });
    await instructor.post(`/api/instruction/dossiers/${created.id}/take`);
    return created.id;
  }

  let waiting = find('Rencontres du numérique des Octets');
  if (!waiting) {
    const id = await submitted('Rencontres du numérique des Octets', isoDay(150));
    await instructor.post(`/api/instruction/dossiers/${id}/information-requests`, {
      message: 'Pourriez-vous joindre le devis de la salle et préciser qui, parmi les partenaires, assure l’accueil du public ?',
      dueDate: isoDay(14),
    });
    waiting = { id };
  }

  let held = find('Fête des communs numériques du Val');
  if (!held) {
    const admin = await staff('admin@nec.example');
    const year = isoDay().slice(0, 4);
    const campaignId = `demo-sans-delai-${year}`;
    const { status: _status, ...permanent } = await admin.get(`/api/campaigns/nec-local-permanent-${year}`);
    await admin
      .post('/api/admin/campaigns', {
        ...permanent,
        id: campaignId,
        title: `Appel de démonstration sans délai ${year}`,
        params: { ...permanent.params, leadTimeMonths: 0 },
      })
      .catch(() => undefined);
    const instructors = await admin.get(`/api/admin/campaigns/nec-local-permanent-${year}/instructors`);
    await admin.put(`/api/admin/campaigns/${campaignId}/instructors`, { userIds: instructors.items.map((i) => i.id) });
    const id = await submitted('Fête des communs numériques du Val', isoDay(), campaignId);
    const request = await instructor.post(`/api/instruction/dossiers/${id}/information-requests`, {
      message: 'Merci de joindre le devis de la salle des fêtes.',
      dueDate: isoDay(10),
    });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const file = await as('post', `/api/dossiers/${id}/attachments`, undefined, {
      multipart: { kind: 'information-answer', file: { name: 'devis-salle-des-fetes.pdf', mimeType: 'application/pdf', buffer: pdf } },
    });
    await as('post', `/api/dossiers/${id}/information-requests/${request.id}/answer`, {
      text: 'Voici le devis. L’accueil est assuré par la commune et deux bénévoles de l’association.',
      attachmentIds: [file.id],
    });
    await as('post', `/api/dossiers/${id}/messages`, { body: 'Bonjour, la date de l’événement est confirmée : nous vous attendons !' });
    await instructor.post(`/api/dossiers/${id}/messages`, { body: 'Merci, bonne préparation. La convention vous parviendra après la décision.' });
    await instructor.post(`/api/instruction/dossiers/${id}/decision`, { decision: 'accept', awardedAmountCents: 450_000 });
    await instructor.post(`/api/instruction/dossiers/${id}/agreement/signature`, { signedOn: isoDay() });
    await as('post', `/api/dossiers/${id}/event-held`);
    await as('put', `/api/dossiers/${id}/bilan`, {
      version: 0,
      content: {
        expectedAttendees: { min: 180, max: 180 },
        attendees: 172,
        structuresRepresented: 64,
        speakers: { total: 15, genderSplit: { women: 8, men: 6, nonBinaryOrUndisclosed: 1 } },
        formats: { workshops: 4, discoveryStands: 5, roundTables: 1, others: [] },
        budget: { expensesCents: 1_380_000, resourcesCents: 1_380_000, subsidyCents: 450_000, lines: actualLines() },
        improvements: { fromPublic: ['Prévoir plus de temps entre les ateliers.'], fromOrganisers: [] },
        team: [{ role: 'reception', count: 3 }],
        resources: [],
        licence: 'CC-BY-SA-4.0-FR',
      },
    });
    for (const [name, caption, scene] of demoPhotos) {
      await as('post', `/api/dossiers/${id}/attachments`, undefined, {
        multipart: {
          kind: 'bilan-photo',
          caption,
          consent: 'true',
          file: { name, mimeType: 'image/png', buffer: await drawPhoto(scene) },
        },
      });
    }
    held = { id };
  }
  return { waiting: waiting.id, held: held.id };
}

/**
 * The bilan's budget in detail: the example dossier's planned lines with what was really spent
 * and received (13 800 €, the subsidy as awarded), and a line the dossier had not planned.
 */
function actualLines() {
  const lines = actualLinesFrom(exampleNecLocalDossier().budget);
  const spent = [390_000, 200_000, 240_000, 450_000, 60_000];
  const received = [380_000, 300_000, 250_000, 450_000];
  return {
    expenses: [
      ...lines.expenses.map((line, i) => ({ ...line, amountCents: spent[i] })),
      { category: 'other', label: 'Interprétation en langue des signes', amountCents: 40_000 },
    ],
    resources: lines.resources.map((line, i) => ({ ...line, amountCents: received[i] })),
  };
}

/** A figure of a person seen from the front: head and shoulders, at (x, y), `size` tall. */
const person = (x, y, size, color) =>
  `<circle cx="${x}" cy="${y}" r="${size * 0.22}" fill="#f3c9a8"/>` +
  `<rect x="${x - size * 0.35}" y="${y + size * 0.26}" width="${size * 0.7}" height="${size * 0.8}" rx="${size * 0.3}" fill="${color}"/>`;
const colors = ['#6a6af4', '#e1000f', '#009081', '#ce614a', '#a558a0', '#fc5d00', '#417dc4'];

/**
 * The bilan's demo photos: drawn scenes (no real person is shown), made into PNGs by the
 * browser itself. [file name, caption, SVG body on an 800 × 600 canvas].
 */
const demoPhotos = [
  [
    'atelier.png',
    'Un atelier de l’après-midi : installer un logiciel libre sur un ordinateur reconditionné',
    `<rect width="800" height="600" fill="#fef4f2"/><rect y="420" width="800" height="180" fill="#e9d5c0"/>` +
      [120, 260, 400, 540, 680].map((x, i) => person(x, 250, 150, colors[i])).join('') +
      `<rect x="60" y="380" width="680" height="40" fill="#8d533e"/><rect x="70" y="420" width="16" height="150" fill="#6b3e2e"/><rect x="714" y="420" width="16" height="150" fill="#6b3e2e"/>` +
      [170, 370, 570].map((x) => `<rect x="${x}" y="300" width="110" height="76" rx="6" fill="#3a3a3a"/><rect x="${x + 8}" y="308" width="94" height="60" fill="#bfd7ff"/><rect x="${x - 15}" y="372" width="140" height="10" rx="3" fill="#3a3a3a"/>`).join(''),
  ],
  [
    'pleniere.png',
    'La plénière d’ouverture, devant l’écran du programme de la journée',
    `<rect width="800" height="600" fill="#ececfe"/><rect x="200" y="50" width="400" height="220" fill="#ffffff" stroke="#000091" stroke-width="8"/>` +
      `<rect x="240" y="90" width="320" height="26" fill="#000091"/><rect x="240" y="140" width="250" height="14" fill="#9a9aff"/><rect x="240" y="170" width="280" height="14" fill="#9a9aff"/><rect x="240" y="200" width="210" height="14" fill="#9a9aff"/>` +
      [0, 1, 2]
        .map((row) =>
          Array.from({ length: 7 + row }, (_, i) => {
            const step = 800 / (8 + row);
            return person(step * (i + 1), 330 + row * 85, 90 + row * 20, colors[(i + row) % colors.length]);
          }).join(''),
        )
        .join(''),
  ],
  [
    'stand.png',
    'Le stand de découverte des communs numériques, tenu par deux bénévoles',
    `<rect width="800" height="600" fill="#e6feda"/><rect y="440" width="800" height="160" fill="#c3d7b8"/>` +
      `<rect x="150" y="80" width="500" height="90" fill="#000091"/><text x="400" y="138" font-family="sans-serif" font-size="40" fill="#ffffff" text-anchor="middle">Communs numériques</text>` +
      person(300, 230, 150, colors[2]) + person(500, 230, 150, colors[4]) +
      `<rect x="150" y="370" width="500" height="90" fill="#ffffff" stroke="#929292" stroke-width="4"/>` +
      [190, 300, 410, 520].map((x, i) => `<rect x="${x}" y="352" width="80" height="18" rx="3" fill="${colors[i]}"/>`).join(''),
  ],
];

/** A demo photo as a PNG: the scene drawn by the browser. */
async function drawPhoto(scene) {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.setContent(
    `<body style="margin:0"><svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">${scene}</svg></body>`,
  );
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  return png;
}

/** The bilan's photos are lazy images: brought into view and loaded before the full page is shot. */
async function loadPhotos(page) {
  const images = page.locator('img.nec-photo__img');
  await images.first().waitFor();
  for (const image of await images.all()) await image.scrollIntoViewIfNeeded();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('img.nec-photo__img')].every((i) => i.complete && i.naturalWidth > 0),
  );
  await page.evaluate(() => window.scrollTo(0, 0));
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
    data: { email: 'porteur@nec.example', password: demoPassword },
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
  if (!only || 'suivi-dossier bilan'.includes(only)) {
    const followup = await showcaseFollowup(context);
    await shoot(context, 'suivi-demande', `/dossiers/${followup.waiting}`);
    await shoot(context, 'suivi-dossier', `/dossiers/${followup.held}`);
    await shoot(context, 'bilan', `/dossiers/${followup.held}/bilan`, loadPhotos);
  } else if (submitted) await shoot(context, 'suivi', `/dossiers/${submitted.id}`);
  await context.close();
}
await browser.close();
console.log(`Captures dans ${out}`);
