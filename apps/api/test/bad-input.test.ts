import { permanentNecLocalCampaign } from '@nec/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import {
  agent,
  applicant,
  insertCampaign,
  insertOrganisation,
  PASSWORD,
  type Client,
} from './fixtures.js';
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

describe('sign-in limits', () => {
  let limited: TestApp;
  beforeAll(async () => {
    // 3 failures per address and minute, 2 per account and 15 minutes; addresses read from
    // X-Forwarded-For (behind a proxy) so one test can play several clients.
    limited = await startTestApp({
      NEC_AUTH_RATE_LIMIT: '3',
      NEC_SIGNIN_ACCOUNT_LIMIT: '2',
      NEC_TRUST_PROXY: 'true',
    });
    await agent(limited, 'admin', 'a.limite@example.org');
    await agent(limited, 'admin', 'b.limite@example.org');
  });
  afterAll(async () => {
    await limited.close();
  });

  const signIn = (from: string, email: string, password = PASSWORD) =>
    limited.http().post('/api/auth/sign-in').set('X-Forwarded-For', from).send({ email, password });

  it('does not count successes: an office behind one address signs everyone in', async () => {
    for (let i = 0; i < 8; i += 1) {
      expect((await signIn('10.0.2.1', 'b.limite@example.org')).status).toBe(200);
    }
  });

  it('limits failures per account, whatever the address, with a standard Retry-After', async () => {
    expect((await signIn('10.0.0.1', 'a.limite@example.org', 'mauvais mot')).status).toBe(401);
    expect((await signIn('10.0.0.2', 'a.limite@example.org', 'mauvais mot')).status).toBe(401);
    const blocked = await signIn('10.0.0.3', 'A.Limite@example.org');
    expect(blocked.status).toBe(429);
    expectErrorShape(blocked.body, 'rate-limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(blocked.headers['retry-after-auth']).toBeUndefined();
    // Another account from the same address is not affected.
    expect((await signIn('10.0.0.3', 'b.limite@example.org')).status).toBe(200);
    // Once the window has passed, the right password opens the account again.
    limited.clock.set(new Date(Date.now() + 16 * 60_000).toISOString());
    expect((await signIn('10.0.0.3', 'a.limite@example.org')).status).toBe(200);
    limited.clock.set(null);
  });

  it('limits failures per client address, across accounts', async () => {
    for (const who of ['x1', 'x2', 'x3']) {
      expect((await signIn('10.0.1.1', `${who}@example.org`, 'mauvais mot')).status).toBe(401);
    }
    const blocked = await signIn('10.0.1.1', 'b.limite@example.org');
    expect(blocked.status).toBe(429);
    const wait = Number(blocked.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect((await signIn('10.0.1.2', 'b.limite@example.org')).status).toBe(200);
  });

  it('answers the other public endpoints’ limit with a standard Retry-After', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 5; i += 1) {
      last = await limited
        .http()
        .post('/api/auth/password-reset/request')
        .set('X-Forwarded-For', '10.0.3.1')
        .send({ email: 'personne@example.org' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
  });
});
