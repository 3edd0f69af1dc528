import { readdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';
import { e2e } from './env.js';

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

/** Quoted-printable as nodemailer writes it: soft line breaks and `=3D`. */
function decodeMail(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
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

export const test = base;
export { expect };
