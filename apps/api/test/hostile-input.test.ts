import { permanentNecLocalCampaign } from '@nec/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, applicant, insertCampaign, insertOrganisation, type Client } from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let alice: Client;
let instructor: Client;
let campaignId: string;
let organisationId: string;

beforeAll(async () => {
  t = await startTestApp();
  const campaign = permanentNecLocalCampaign(new Date().getUTCFullYear());
  campaignId = campaign.id;
  await insertCampaign(t, campaign);
  alice = await applicant(t, 'alice.hostile@example.org');
  instructor = await agent(t, 'instructor', 'instructeur.hostile@example.org');
  organisationId = await insertOrganisation(t, alice.userId, 'Association des Octets (fictive)');
});
afterAll(async () => {
  await t.close();
});

async function newDraft(): Promise<string> {
  const res = await alice.post('/api/dossiers', { campaignId, organisationId }).expect(201);
  return (res.body as { id: string }).id;
}

const fieldsOf = (body: unknown) =>
  (body as { fields: { path: string; code: string }[] }).fields.map((f) => `${f.path}:${f.code}`);

describe('text that cannot be stored', () => {
  it('refuses a NUL in a body field with a field error', async () => {
    const id = await newDraft();
    const res = await alice.post(`/api/dossiers/${id}/messages`, { body: 'bonjour\u0000' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['body:invalid-characters']);
  });

  it('refuses a lone surrogate sent as a JSON escape', async () => {
    const res = await t
      .http()
      .post('/api/auth/sign-up')
      .set('Content-Type', 'application/json')
      .send(
        '{"email":"x@example.org","password":"un long mot de passe","displayName":"x\\ud800y"}',
      );
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['displayName:invalid-characters']);
  });

  it('answers malformed JSON holding a lone surrogate with the JSON error shape', async () => {
    const res = await t
      .http()
      .post('/api/auth/sign-in')
      .set('Content-Type', 'application/json')
      .send('{"email":"\\ud800');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'malformed-json', fields: [] });
  });

  it('refuses a NUL in a path parameter or a query string', async () => {
    for (const url of ['/api/campaigns/%00', '/api/campaigns?status=%00', '/api/campaigns?q=%00']) {
      const res = await t.http().get(url);
      expect(res.status, url).toBe(400);
      expect(res.body).toMatchObject({ error: 'invalid-request' });
      expect(fieldsOf(res.body)[0], url).toMatch(/:invalid-characters$/);
    }
    const search = await instructor.get('/api/instruction/dossiers?q=%00');
    expect(fieldsOf(search.body)).toEqual(['q:invalid-characters']);
  });

  it('refuses a path that is not UTF-8', async () => {
    const res = await t.http().get('/api/campaigns/%ED%A0%80');
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['path:invalid-characters']);
  });
});

describe('numbers an integer column cannot hold', () => {
  it('refuses a version or an amount of 2³¹ with a field error', async () => {
    const id = await newDraft();
    const draft = await alice.put(`/api/dossiers/${id}/draft`, { version: 2 ** 31, content: {} });
    expect(draft.status).toBe(400);
    expect(fieldsOf(draft.body)).toEqual(['version:too_big']);
    const queue = await instructor.get(`/api/instruction/dossiers?subsidyMin=${2 ** 31}`);
    expect(queue.status).toBe(400);
    expect(fieldsOf(queue.body)).toEqual(['subsidyMin:too_big']);
  });
});

describe('a draft save with invalid fields', () => {
  it('saves every other field and says which were not saved, and why', async () => {
    const id = await newDraft();
    const content = {
      title: 'T'.repeat(301),
      objective: 'Un objectif gardé',
      event: { startDate: '2026-02-30' },
      audiences: { expectedAttendees: 2 ** 31 },
      requests: { subsidy: { requested: true, amountCents: 2 ** 31 } },
      summary: 'avant\u0000après',
      organisers: [{ name: 'x\ud800' }, { name: 'Gardé' }],
    };
    const res = await alice.put(`/api/dossiers/${id}/draft`, { version: 1, content });
    expect(res.status).toBe(200);
    expect(res.body.unsaved).toEqual([
      expect.objectContaining({ path: 'summary', code: 'invalid-characters' }),
      expect.objectContaining({ path: 'organisers.0.name', code: 'invalid-characters' }),
    ]);
    const issues = (res.body.draftIssues as { path: string }[]).map((i) => i.path);
    expect(issues).toEqual(
      expect.arrayContaining([
        'title',
        'event.startDate',
        'audiences.expectedAttendees',
        'requests.subsidy.amountCents',
      ]),
    );
    const read = await alice.get(`/api/dossiers/${id}`).expect(200);
    const { summary: _unsaved, ...kept } = content;
    expect(read.body.content).toEqual({ ...kept, organisers: [{}, { name: 'Gardé' }] });
    // The summary columns only take valid values: a title too long is no title yet.
    expect(read.body).toMatchObject({ title: null, eventDate: null, requestedSubsidyCents: null });
  });
});

describe('caching', () => {
  it('forbids storing answers that hold personal data, and lets public data be cached', async () => {
    const id = await newDraft();
    for (const url of [`/api/dossiers/${id}`, '/api/dossiers', '/api/auth/session']) {
      const res = await alice.get(url).expect(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const error = await alice.get('/api/dossiers/inconnu');
    expect(error.headers['cache-control']).toBe('no-store');
    const campaigns = await t.http().get('/api/campaigns').expect(200);
    expect(campaigns.headers['cache-control']).toBe('public, max-age=300');
  });
});
