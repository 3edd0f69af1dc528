import { permanentNecLocalCampaign } from '@nec/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, insertCampaign, insertOrganisation, type Client } from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let alice: Client;
let dossierId: string;

beforeAll(async () => {
  t = await startTestApp();
  const campaign = permanentNecLocalCampaign(new Date().getUTCFullYear());
  await insertCampaign(t, campaign);
  alice = await applicant(t, 'alice@example.org');
  const org = await insertOrganisation(t, alice.userId, 'Association des Octets (fictive)');
  const res = await alice.post('/api/dossiers', { campaignId: campaign.id, organisationId: org });
  dossierId = res.body.id;
});
afterAll(async () => {
  await t.close();
});

/** Every error has the one shape, and never a stack trace or SQL. */
function expectErrorShape(body: unknown, code: string): void {
  expect(body).toMatchObject({
    error: code,
    message: expect.any(String),
    fields: expect.any(Array),
  });
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/at .*\.(ts|js):\d+|SELECT |INSERT |UPDATE |QueryFailedError/);
}

describe('bad input through HTTP', () => {
  it('answers malformed JSON with 400', async () => {
    const res = await alice.agent
      .put(`/api/dossiers/${dossierId}/draft`)
      .set('X-CSRF-Token', alice.csrfToken)
      .set('Content-Type', 'application/json')
      .send('{"version": 1, "content": {');
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'malformed-json');
  });

  it('lists wrong types field by field', async () => {
    const res = await alice.put(`/api/dossiers/${dossierId}/draft`, { version: 'un', content: [] });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'invalid-request');
    expect(res.body.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'content',
      'version',
    ]);
  });

  it('refuses unknown fields', async () => {
    const res = await alice.put(`/api/dossiers/${dossierId}/draft`, {
      version: 1,
      content: {},
      state: 'accepted',
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      expect.objectContaining({ path: '', code: 'unrecognized_keys' }),
    ]);
  });

  it('refuses bodies over the limit with 413 and keeps the saved draft', async () => {
    await alice
      .put(`/api/dossiers/${dossierId}/draft`, { version: 1, content: { title: 'Gardé' } })
      .expect(200);
    const huge = { version: 2, content: { objective: 'x'.repeat(1_100_000) } };
    const res = await alice.put(`/api/dossiers/${dossierId}/draft`, huge);
    expect(res.status).toBe(413);
    expectErrorShape(res.body, 'payload-too-large');
    const read = await alice.get(`/api/dossiers/${dossierId}`).expect(200);
    expect(read.body.content).toEqual({ title: 'Gardé' });
    expect(read.body.version).toBe(2);
  });

  it('refuses a write without the CSRF token, and changes nothing', async () => {
    const res = await alice.agent
      .put(`/api/dossiers/${dossierId}/draft`)
      .send({ version: 2, content: { title: 'Volé' } });
    expect(res.status).toBe(403);
    expectErrorShape(res.body, 'csrf-token-invalid');
    expect((await alice.get(`/api/dossiers/${dossierId}`)).body.content).toEqual({
      title: 'Gardé',
    });
  });

  it('refuses form-encoded writes (415), which a cross-site form could send', async () => {
    const res = await t
      .http()
      .post('/api/auth/sign-in')
      .type('form')
      .send('email=a@example.org&password=x');
    expect(res.status).toBe(415);
    expectErrorShape(res.body, 'unsupported-media-type');
  });

  it('answers unknown routes and malformed ids with the same 404 shape', async () => {
    const unknown = await alice.get('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expectErrorShape(unknown.body, 'not-found');
    const badId = await alice.get("/api/dossiers/1' OR '1'='1");
    expect(badId.status).toBe(404);
    expectErrorShape(badId.body, 'not-found');
  });

  it('answers an anonymous write with 401', async () => {
    const res = await t
      .http()
      .put(`/api/dossiers/${dossierId}/draft`)
      .send({ version: 2, content: {} });
    expect(res.status).toBe(401);
    expectErrorShape(res.body, 'unauthenticated');
  });
});

describe('rate limiting on public endpoints', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ NEC_AUTH_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await limited.close();
  });

  it('answers 429 once a client exceeds the sign-in limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await limited
        .http()
        .post('/api/auth/sign-in')
        .send({ email: 'x@example.org', password: 'mauvais-mot-de-passe' });
      statuses.push(res.status);
      if (res.status === 429) expectErrorShape(res.body, 'rate-limited');
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
