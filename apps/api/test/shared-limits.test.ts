import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseThrottlerStorage } from '../src/limits/database-throttler-storage.js';
import { CredentialsPurgeService } from '../src/retention/credentials-purge.service.js';
import { UsersRepository } from '../src/users/users.repository.js';
import { PasswordHasher } from '../src/auth/password-hasher.js';
import { agent, PASSWORD } from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * The limits live in the database (issue 13): two replicas on one database count the same hits
 * and failures, a restart forgets none, and concurrent hits never pass the limit. Addresses come
 * from X-Forwarded-For (behind a proxy) so that each test plays its own client.
 */
const ENV = {
  NEC_AUTH_RATE_LIMIT: '3',
  NEC_SIGNIN_ACCOUNT_LIMIT: '2',
  NEC_TRUST_PROXY: 'true',
  NEC_WRITE_RATE_LIMIT: '4',
};

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await startTestApp(ENV);
  b = await startTestApp(ENV, {}, { sameDatabaseAs: a });
  await agent(a, 'admin', 'replicas@example.org');
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const resetRequest = (t: TestApp, from: string) =>
  t
    .http()
    .post('/api/auth/password-reset/request')
    .set('X-Forwarded-For', from)
    .send({ email: 'personne@example.org' });

const signIn = (t: TestApp, from: string, email: string, password = PASSWORD) =>
  t.http().post('/api/auth/sign-in').set('X-Forwarded-For', from).send({ email, password });

describe('two replicas on one database', () => {
  it('share the throttler’s limit: the second refuses at the limit, with Retry-After', async () => {
    const statuses: number[] = [];
    for (const t of [a, b, a]) statuses.push((await resetRequest(t, '10.1.0.1')).status);
    expect(statuses).toEqual([202, 202, 202]);
    const refused = await resetRequest(b, '10.1.0.1');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      error: 'rate-limited',
      message: 'Trop de tentatives. Patientez une minute avant de réessayer.',
    });
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect((await resetRequest(a, '10.1.0.1')).status).toBe(429);
    // Once the block is over, either replica lets the client in again.
    const later = new Date(Date.now() + 61_000).toISOString();
    a.clock.set(later);
    b.clock.set(later);
    try {
      expect((await resetRequest(b, '10.1.0.1')).status).toBe(202);
    } finally {
      a.clock.set(null);
      b.clock.set(null);
    }
  });

  it('share the failed sign-ins: a lock-out on one holds on the other', async () => {
    const email = 'replicas@example.org';
    expect((await signIn(a, '10.1.1.1', email, 'mauvais mot')).status).toBe(401);
    expect((await signIn(b, '10.1.1.2', email, 'mauvais mot')).status).toBe(401);
    for (const t of [a, b]) {
      const refused = await signIn(t, '10.1.1.3', email);
      expect(refused.status).toBe(429);
      expect(refused.body.error).toBe('rate-limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60);
    }
  });

  it('let no more wrong passwords through than the limit, however many arrive at once', async () => {
    const email = 'burst@example.org';
    await agent(a, 'admin', email);
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signIn(i % 2 ? a : b, `10.1.3.${i}`, email, `essai ${i}`),
      ),
    );
    const statuses = burst.map((res) => res.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect((await signIn(b, '10.1.3.99', email)).status).toBe(429);
  });

  it('give the slot back after a right password: an office signs everyone in at once', async () => {
    const emails = ['office1@example.org', 'office2@example.org', 'office3@example.org'];
    for (const email of emails) await agent(a, 'admin', email);
    for (let round = 0; round < 2; round += 1) {
      const at = await Promise.all(
        emails.map((email, i) => signIn(i % 2 ? a : b, '10.1.4.1', email)),
      );
      expect(at.map((res) => res.status)).toEqual([200, 200, 200]);
    }
  });

  it('keep no e-mail address in the failures’ table', async () => {
    const rows: { key: string }[] = await a.app
      .get(DataSource)
      .query(`SELECT "key" FROM "sign_in_failures"`);
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never let concurrent hits past the limit, from both replicas at once', async () => {
    const storages = [a, b].map((t) => t.app.get(DatabaseThrottlerStorage));
    const hits = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        storages[i % 2]!.increment('concurrent-key', 60_000, 10, 60_000, 'auth'),
      ),
    );
    expect(hits.filter((hit) => !hit.isBlocked)).toHaveLength(10);
    const requests = await Promise.all(
      Array.from({ length: 30 }, (_, i) => resetRequest(i % 2 ? a : b, '10.1.2.1')),
    );
    expect(requests.filter((res) => res.status === 202)).toHaveLength(3);
    expect(requests.filter((res) => res.status === 429)).toHaveLength(27);
  });

  it('count hits whose instants arrive out of order (replicas’ clocks a few ms apart)', async () => {
    const at = Date.now();
    a.clock.set(new Date(at).toISOString());
    b.clock.set(new Date(at - 5).toISOString());
    try {
      const [onA, onB] = [a, b].map((t) => t.app.get(DatabaseThrottlerStorage));
      const hit = (storage: DatabaseThrottlerStorage) =>
        storage.increment('skewed-key', 60_000, 2, 60_000, 'auth');
      expect((await hit(onA!)).isBlocked).toBe(false);
      expect((await hit(onB!)).isBlocked).toBe(false);
      expect((await hit(onA!)).isBlocked).toBe(true);
      expect((await hit(onB!)).isBlocked).toBe(true);
    } finally {
      a.clock.set(null);
      b.clock.set(null);
    }
  });

  it('share the limit on signed-in writes: one account, one count, whichever replica', async () => {
    const email = 'ecritures.repliques@example.org';
    await a.app.get(UsersRepository).create({
      email,
      displayName: 'Écritures',
      role: 'applicant',
      passwordHash: await a.app.get(PasswordHasher).hash(PASSWORD),
      emailConfirmedAt: new Date(),
    });
    const session = await signIn(a, '10.1.9.1', email).expect(200);
    const cookie = session.headers['set-cookie'] as unknown as string[];
    const csrf = (session.body as { csrfToken: string }).csrfToken;
    const write = (t: TestApp) =>
      t.http().post('/api/organisations').set('Cookie', cookie).set('X-CSRF-Token', csrf).send({});
    // Four writes (refused as invalid: they count all the same), two on each replica.
    for (const t of [a, b, a, b]) expect((await write(t)).status).toBe(400);
    for (const t of [a, b]) {
      const refused = await write(t);
      expect(refused.status).toBe(429);
      expect(refused.body.error).toBe('rate-limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    // Reads go on, on both.
    for (const t of [a, b])
      expect((await t.http().get('/api/organisations/mine').set('Cookie', cookie)).status).toBe(
        200,
      );
  });

  it('purge the counters that count nothing any more with the daily purge', async () => {
    a.clock.set(new Date(Date.now() + 24 * 3600_000).toISOString());
    try {
      const purge = await a.app.get(CredentialsPurgeService).purge();
      expect(purge.limits).toBeGreaterThan(0);
    } finally {
      a.clock.set(null);
    }
    const left: { count: string | number }[] = await a.app
      .get(DataSource)
      .query(
        `SELECT (SELECT count(*) FROM "rate_limits") + (SELECT count(*) FROM "sign_in_failures") AS "count"`,
      );
    expect(Number(left[0]?.count)).toBe(0);
  });
});

describe('a restart', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nec-limits-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a lock-out and a throttler’s block', async () => {
    const env = { ...ENV, NEC_DATA_DIR: join(dir, 'pglite') };
    const before = await startTestApp(env, {}, { keepDatabase: true });
    const email = 'restart@example.org';
    await agent(before, 'admin', email);
    for (const from of ['10.2.0.1', '10.2.0.2'])
      expect((await signIn(before, from, email, 'mauvais mot')).status).toBe(401);
    for (let i = 0; i < 3; i += 1)
      expect((await resetRequest(before, '10.2.1.1')).status).toBe(202);
    expect((await resetRequest(before, '10.2.1.1')).status).toBe(429);
    await before.close();

    const after = await startTestApp(env, {}, { sameDatabaseAs: before });
    try {
      const locked = await signIn(after, '10.2.0.3', email);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
      expect((await resetRequest(after, '10.2.1.1')).status).toBe(429);
    } finally {
      await after.close();
      await before.dropDatabase();
    }
    // Two applications started one after the other on a database on disk: slow on a busy machine.
  }, 120_000);
});
