import { permanentNecLocalCampaign, type Campaign } from '@nec/domain';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicant,
  insertCampaign,
  insertDossierRow,
  insertOrganisation,
  uniqueSiret,
  type Client,
} from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';
import { docx } from './zip-files.js';

/**
 * Abuse (issue 13): quotas per account, the rate limit on signed-in writes, and the files that
 * cost far more to open than to send (zip bombs, PDFs of too many pages).
 */
let t: TestApp;
let campaign: Campaign;

beforeAll(async () => {
  t = await startTestApp({
    NEC_QUOTA_ORGANISATIONS: '2',
    NEC_QUOTA_DOSSIERS_PER_YEAR: '2',
    NEC_QUOTA_ATTACHMENTS_PER_DOSSIER: '2',
    NEC_QUOTA_MESSAGES_PER_HOUR: '2',
    NEC_QUOTA_PENDING_INVITATIONS: '2',
    NEC_QUOTA_PENDING_JOIN_REQUESTS: '2',
    NEC_WRITE_RATE_LIMIT: '12',
    NEC_PDF_MAX_PAGES: '5',
  });
  campaign = permanentNecLocalCampaign(new Date().getUTCFullYear());
  await insertCampaign(t, campaign);
});
afterAll(async () => {
  await t.close();
});

function upload(client: Client, dossierId: string, bytes: Buffer, filename: string) {
  return client.agent
    .post(`/api/dossiers/${dossierId}/attachments`)
    .set('X-CSRF-Token', client.csrfToken)
    .field('kind', 'budget')
    .attach('file', bytes, { filename });
}

const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% document ${n}\ntrailer <<>>\n%%EOF\n`);

function pdfOfPages(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  for (let i = 0; i < pages; i += 1) doc.addPage().text(`Page ${i + 1}`);
  doc.end();
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

describe('quotas per account', () => {
  it('organisations: a 409 quota-exceeded past the limit', async () => {
    const alice = await applicant(t, 'alice.quotas@example.org');
    const create = () =>
      alice.post('/api/organisations', {
        siret: uniqueSiret(),
        name: 'Association (fictive)',
        category: 'association',
      });
    await create().expect(201);
    await create().expect(201);
    const refused = await create().expect(409);
    expect(refused.body).toMatchObject({
      error: 'quota-exceeded',
      quota: 'organisations',
      limit: 2,
    });
    expect(refused.body.message).toContain('2 structures');
  });

  it('dossiers over twelve months', async () => {
    const bruno = await applicant(t, 'bruno.quotas@example.org');
    const organisationId = await insertOrganisation(t, bruno.userId, 'Tiers-lieu (fictif)');
    const create = () => bruno.post('/api/dossiers', { campaignId: campaign.id, organisationId });
    await create().expect(201);
    await create().expect(201);
    const refused = await create().expect(409);
    expect(refused.body).toMatchObject({ error: 'quota-exceeded', quota: 'dossiers', limit: 2 });
  });

  it('documents per dossier', async () => {
    const chloe = await applicant(t, 'chloe.quotas@example.org');
    const organisationId = await insertOrganisation(t, chloe.userId, 'Association (fictive)');
    const dossierId = await insertDossierRow(t, {
      campaign,
      organisationId,
      createdBy: chloe.userId,
      state: 'draft',
    });
    await upload(chloe, dossierId, pdf(1), 'un.pdf').expect(201);
    await upload(chloe, dossierId, pdf(2), 'deux.pdf').expect(201);
    const refused = await upload(chloe, dossierId, pdf(3), 'trois.pdf').expect(409);
    expect(refused.body).toMatchObject({ error: 'quota-exceeded', quota: 'attachments' });
    expect(refused.body.message).toContain('Retirez-en un');
  });

  it('messages per hour: a 429 with Retry-After', async () => {
    const denis = await applicant(t, 'denis.quotas@example.org');
    const organisationId = await insertOrganisation(t, denis.userId, 'Association (fictive)');
    const dossierId = await insertDossierRow(t, {
      campaign,
      organisationId,
      createdBy: denis.userId,
      state: 'submitted',
    });
    const write = () =>
      denis.post(`/api/dossiers/${dossierId}/messages`, { body: 'Une question sur le budget.' });
    await write().expect(201);
    await write().expect(201);
    const refused = await write().expect(429);
    expect(refused.body).toMatchObject({ error: 'rate-limited', quota: 'messages', limit: 2 });
    const seconds = Number(refused.headers['retry-after']);
    expect(seconds).toBeGreaterThan(3500);
    expect(seconds).toBeLessThanOrEqual(3600);
    expect(refused.body.retryAfterSeconds).toBe(seconds);
  });
});

describe('quotas on what waits for an answer', () => {
  it('invitations per organisation: a 409 past the limit, room again once one is withdrawn', async () => {
    const iris = await applicant(t, 'iris.quotas@example.org');
    const organisationId = await insertOrganisation(t, iris.userId, 'Association (fictive)');
    const invite = (email: string) =>
      iris.post(`/api/organisations/${organisationId}/invitations`, { email });
    const first = await invite('un.quotas@example.org').expect(201);
    await invite('deux.quotas@example.org').expect(201);
    const refused = await invite('trois.quotas@example.org').expect(409);
    expect(refused.body).toMatchObject({ error: 'quota-exceeded', quota: 'invitations', limit: 2 });
    await iris
      .delete(`/api/organisations/${organisationId}/invitations/${first.body.id}`)
      .expect(204);
    await invite('trois.quotas@example.org').expect(201);
  });

  it('requests to join per account', async () => {
    const gaston = await applicant(t, 'gaston.quotas@example.org');
    const owner = await applicant(t, 'hugo.quotas@example.org');
    const sirets: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const id = await insertOrganisation(t, owner.userId, `Structure ${i} (fictive)`);
      const rows: { siret: string }[] = await t.app
        .get(DataSource)
        .query(`SELECT "siret" FROM "organisations" WHERE "id" = $1`, [id]);
      sirets.push(rows[0]!.siret);
    }
    const ask = (siret: string) => gaston.post('/api/organisations/join-requests', { siret });
    await ask(sirets[0]!).expect(201);
    await ask(sirets[1]!).expect(201);
    const refused = await ask(sirets[2]!).expect(409);
    expect(refused.body).toMatchObject({
      error: 'quota-exceeded',
      quota: 'join-requests',
      limit: 2,
    });
  });
});

describe('rate limit on signed-in writes', () => {
  it('answers 429 with Retry-After past the limit per minute, reads go on, sign-out works', async () => {
    const emma = await applicant(t, 'emma.quotas@example.org');
    // Refused writes (here: an invalid body) count as writes.
    for (let i = 0; i < 12; i += 1) await emma.post('/api/organisations', {}).expect(400);
    const refused = await emma.post('/api/organisations', {}).expect(429);
    expect(refused.body.error).toBe('rate-limited');
    const seconds = Number(refused.headers['retry-after']);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(refused.body.retryAfterSeconds).toBe(seconds);
    await emma.get('/api/organisations/mine').expect(200);
    // Another account is not affected.
    const other = await applicant(t, 'fanny.quotas@example.org');
    await other.post('/api/organisations', {}).expect(400);
    // A minute later, writes are accepted again.
    t.clock.set(new Date(Date.now() + 61_000).toISOString());
    try {
      await emma.post('/api/organisations', {}).expect(400);
    } finally {
      t.clock.set(null);
    }
    await emma.post('/api/auth/sign-out').expect(204);
  });
});

describe('files that cost too much to open', () => {
  let gaelle: Client;
  let dossierId: string;
  beforeAll(async () => {
    gaelle = await applicant(t, 'gaelle.quotas@example.org');
    const organisationId = await insertOrganisation(t, gaelle.userId, 'Association (fictive)');
    dossierId = await insertDossierRow(t, {
      campaign,
      organisationId,
      createdBy: gaelle.userId,
      state: 'draft',
    });
  });

  it('refuses a DOCX that inflates to 400 MB (a zip bomb of a few hundred KB)', async () => {
    const bomb = await docx({ zeros: 400 * 1024 * 1024 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload(gaelle, dossierId, bomb, 'rapport.docx').expect(422);
    expect(res.body).toMatchObject({
      error: 'archive-too-large',
      fields: [{ path: 'file', code: 'archive-too-large' }],
    });
    expect(res.body.message).toMatch(/refusé par précaution/);
  }, 60_000);

  it('accepts an ordinary DOCX', async () => {
    const ordinary = await docx({ data: '<w:document>Budget prévisionnel</w:document>' });
    await upload(gaelle, dossierId, ordinary, 'budget.docx').expect(201);
  });

  it('refuses a PDF of more pages than allowed (NEC_PDF_MAX_PAGES)', async () => {
    const res = await upload(gaelle, dossierId, await pdfOfPages(6), 'long.pdf').expect(422);
    expect(res.body).toMatchObject({ error: 'pdf-too-many-pages' });
    expect(res.body.message).toContain('6 pages');
    await upload(gaelle, dossierId, await pdfOfPages(5), 'court.pdf').expect(201);
  });
});
