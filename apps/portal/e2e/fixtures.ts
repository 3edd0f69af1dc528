import { readdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { exampleNecLocalDossier } from '@nec/domain';
import {
  expect,
  test as base,
  type APIRequestContext,
  type Page,
  type PlaywrightWorkerArgs,
} from '@playwright/test';
import { watchSecurityPolicy } from '@nec/ui/e2e/security-policy';
import { completeSecondFactor, demoPassword } from './demo-accounts.mjs';
import { e2e, portalUrl } from './env.js';

/**
 * The axe-core scan every page visited goes through: WCAG 2.1 A and AA rules, any violation
 * fails the test with the rule, the element and its help, so a regression names itself.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? '?'}) : ${v.help} → ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
  expect(found, `Accessibilité de « ${what} » (${page.url()})`).toEqual([]);
}

/** Goes to a page, waits for its main title, and scans it. */
export async function visit(page: Page, path: string, what = path): Promise<void> {
  await page.goto(path);
  await expect(page.locator('main h1').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, what);
}

/**
 * Quoted-printable as nodemailer writes it: soft line breaks, and `=XX` bytes read as UTF-8 by
 * runs (an accented letter is two bytes).
 */
function decodeMail(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/(?:=[0-9A-F]{2})+/g, (run) =>
    Buffer.from(
      run
        .split('=')
        .slice(1)
        .map((hex) => parseInt(hex, 16)),
    ).toString('utf8'),
  );
}

/** The last mail sent to an address (the API writes one .eml file per mail, named after it). */
export async function lastMailTo(address: string): Promise<string> {
  const safe = address.replace(/[^a-zA-Z0-9@._-]/g, '_');
  let text = '';
  await expect
    .poll(() => {
      const files = readdirSync(e2e.outboxDir)
        .filter((f: string) => f.includes(safe))
        .sort();
      const last = files.at(-1);
      text = last ? decodeMail(readFileSync(`${e2e.outboxDir}${last}`, 'utf8')) : '';
      return text !== '';
    })
    .toBe(true);
  return text;
}

/** The portal link of a mail (`/confirmer-mon-adresse?jeton=…`), as a path. */
export function linkIn(mail: string, path: string): string {
  const match = new RegExp(
    `https?://[^\\s]+(${path.replace('/', '\\/')}\\?jeton=[A-Za-z0-9_-]+)`,
  ).exec(mail);
  if (!match?.[1]) throw new Error(`Aucun lien ${path} dans le courriel :\n${mail}`);
  return match[1];
}

/** A valid SIRET (Luhn), different at each call, so each test registers its own structure. */
export function randomSiret(): string {
  const digits = Array.from({ length: 13 }, (_, i) =>
    i === 0 ? 1 + Math.floor(Math.random() * 8) : Math.floor(Math.random() * 10),
  );
  for (let check = 0; check < 10; check++) {
    const all = [...digits, check];
    const sum = all.reduceRight((total, d, i) => {
      const fromRight = all.length - 1 - i;
      const doubled = fromRight % 2 === 1 ? d * 2 : d;
      return total + (doubled > 9 ? doubled - 9 : doubled);
    }, 0);
    if (sum % 10 === 0) return all.join('');
  }
  throw new Error('unreachable');
}

let counter = 0;
/** A fresh, confirmed applicant account, signed in within the page's context. */
export async function signedInApplicant(
  page: Page,
  request: APIRequestContext = page.context().request,
) {
  counter += 1;
  const email = `porteur-${Date.now()}-${counter}@exemple.test`;
  const password = 'une phrase de passe solide';
  expect(
    (
      await request.post('/api/auth/sign-up', {
        data: { email, password, displayName: 'Camille Essai' },
      })
    ).ok(),
  ).toBe(true);
  const token = /jeton=([A-Za-z0-9_-]+)/.exec(
    linkIn(await lastMailTo(email), '/confirmer-mon-adresse'),
  )![1];
  expect((await request.post('/api/auth/confirm-email', { data: { token } })).ok()).toBe(true);
  const signIn = await request.post('/api/auth/sign-in', { data: { email, password } });
  expect(signIn.ok()).toBe(true);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return { email, password, csrfToken };
}

/** An organisation and a NEC local draft of the open permanent call, made through the API. */
export async function draftDossier(page: Page, csrfToken: string) {
  const request = page.context().request;
  const headers = { 'x-csrf-token': csrfToken };
  const organisation = await request.post('/api/organisations', {
    headers,
    data: { siret: randomSiret(), name: 'Tiers-lieu Essai', category: 'tiers-lieu' },
  });
  expect(organisation.ok(), await organisation.text()).toBe(true);
  const { id: organisationId } = (await organisation.json()) as { id: string };
  const campaigns = (await (await request.get('/api/campaigns')).json()) as {
    items: { id: string; callKind: string }[];
  };
  const campaignId = campaigns.items.find((c) => c.callKind === 'nec-local')!.id;
  const dossier = await request.post('/api/dossiers', {
    headers,
    data: { campaignId, organisationId },
  });
  expect(dossier.ok(), await dossier.text()).toBe(true);
  return (await dossier.json()) as { id: string; version: number };
}

/** A demo account of the ANCT side (`instructrice@nec.example`, `admin@nec.example`), signed in on its own. */
export async function staffSession(
  playwright: PlaywrightWorkerArgs['playwright'],
  email: 'instructrice@nec.example' | 'admin@nec.example',
) {
  const request = await playwright.request.newContext({ baseURL: portalUrl });
  const signIn = await request.post('/api/auth/sign-in', {
    data: { email, password: demoPassword },
  });
  expect(signIn.ok(), await signIn.text()).toBe(true);
  const { csrfToken, mfaPending } = (await signIn.json()) as {
    csrfToken: string;
    mfaPending: string | null;
  };
  if (mfaPending === 'verify') await completeSecondFactor(request, csrfToken);
  const headers = { 'x-csrf-token': csrfToken };
  const send = async (method: 'post' | 'put', path: string, data?: unknown) => {
    const res = await request[method](path, { headers, data });
    expect(res.ok(), `${method.toUpperCase()} ${path} : ${await res.text()}`).toBe(true);
    return (await res.json()) as Record<string, unknown>;
  };
  return {
    request,
    get: async (path: string) => {
      const res = await request.get(path);
      expect(res.ok(), `GET ${path} : ${await res.text()}`).toBe(true);
      return (await res.json()) as Record<string, unknown>;
    },
    post: (path: string, data?: unknown) => send('post', path, data),
    put: (path: string, data: unknown) => send('put', path, data),
    dispose: () => request.dispose(),
  };
}

/** A calendar day `days` from today, as the API counts days (UTC). */
export function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A complete NEC local dossier (the domain's example: 180 people expected, a commune supporting,
 * 5,000 € asked on a 14,000 € budget) for an event on `startDate`, made and submitted through the
 * API by the signed-in applicant. The call is the one for the event's date unless given.
 */
export async function submittedDossier(
  page: Page,
  csrfToken: string,
  { startDate, campaignId }: { startDate: string; campaignId?: string },
) {
  const request = page.context().request;
  const headers = { 'x-csrf-token': csrfToken };
  const ok = async (res: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(res.ok(), `${res.url()} : ${await res.text()}`).toBe(true);
    return (await res.json()) as Record<string, unknown>;
  };
  const siret = randomSiret();
  const organisation = await ok(
    await request.post('/api/organisations', {
      headers,
      data: { siret, name: 'Tiers-lieu Essai', category: 'tiers-lieu' },
    }),
  );
  const campaign = await ok(
    await request.get(
      campaignId
        ? `/api/campaigns/${campaignId}`
        : `/api/campaigns/for-event?call=nec-local&date=${startDate}`,
    ),
  );
  const created = await ok(
    await request.post('/api/dossiers', {
      headers,
      data: { campaignId: campaign.id, organisationId: organisation.id },
    }),
  );
  const id = created.id as string;
  const { charterAcceptance: _recordedApart, ...example } = exampleNecLocalDossier();
  const [lead, ...others] = example.organisers;
  const content = {
    ...example,
    title: 'Les communs du bocage',
    event: { ...example.event, startDate },
    organisers: [{ ...lead, siret }, ...others],
  };
  const saved = await ok(
    await request.put(`/api/dossiers/${id}/draft`, {
      headers,
      data: { version: created.version, content },
    }),
  );
  const charter = (campaign.params as { charter: { id: string; version: string } }).charter;
  await ok(
    await request.post(`/api/dossiers/${id}/charter-acceptance`, {
      headers,
      data: { charterId: charter.id, version: charter.version },
    }),
  );
  await ok(
    await request.post(`/api/dossiers/${id}/submit`, {
      headers,
      data: { version: saved.version },
    }),
  );
  return { id, campaignId: campaign.id as string };
}

/** A small PDF (the API recognises the type from its first bytes), padded to `size` bytes. */
export function pdfBuffer(size = 2048): Buffer {
  const head = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n';
  const tail = '\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  const padding = Math.max(0, size - head.length - tail.length);
  return Buffer.from(`${head}%${'x'.repeat(Math.max(0, padding - 1))}${tail}`);
}

/**
 * Every test's page runs under the pages' Content-Security-Policy (vite preview sets it, as the
 * reverse proxy does): anything it refuses on any document the page loads fails the test, named.
 */
export const test = base.extend<{ securityPolicyKept: void }>({
  securityPolicyKept: [
    async ({ page }, use) => {
      const refused: string[] = [];
      await watchSecurityPolicy(page, (refusal) => refused.push(refusal));
      await use();
      expect(refused, 'Refus de la politique de sécurité du contenu').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
