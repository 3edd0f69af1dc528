import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryEntity } from '../src/audit/audit-entry.entity.js';
import { agent, applicant, PASSWORD, uniqueSiret, type Client } from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';
import { LogCapture } from './log-capture.js';

/**
 * The JSON logs (issue 13): a request id on every line and in the answer, nothing secret or
 * personal in them (not even when the database refuses a write), and the security events.
 * One application for the whole file (it starts in seconds), its lines captured by `logs`.
 */
const logs = new LogCapture();
let t: TestApp;
let alice: Client;
let admin: Client;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

beforeAll(async () => {
  t = await startTestApp({ NEC_LOG_LEVEL: 'info', NEC_SIGNIN_ACCOUNT_LIMIT: '3' }, {}, { logs });
  alice = await applicant(t, 'alice.journaux@example.org');
  admin = await agent(t, 'admin', 'admin.journaux@example.org');
});
afterAll(async () => {
  await t.close();
});

describe('request ids', () => {
  it('gives every request an id, sent back in X-Request-Id and written on its log line', async () => {
    const res = await t.http().get('/health').expect(200);
    const id = res.headers['x-request-id'] as string;
    expect(id).toMatch(UUID);
    const line = logs.lines().find((l) => l.event === 'http.request' && l.requestId === id);
    expect(line).toMatchObject({ level: 'info', method: 'GET', path: '/health', status: 200 });
    expect(line?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('keeps a caller’s id when it is a short safe token, and replaces any other', async () => {
    const kept = await t.http().get('/health').set('X-Request-Id', 'proxy-4f9c2a7e.01').expect(200);
    expect(kept.headers['x-request-id']).toBe('proxy-4f9c2a7e.01');
    for (const bad of ['court', 'a b c d e f g h', 'x'.repeat(65), '{"level":"fatal"}']) {
      const res = await t.http().get('/health').set('X-Request-Id', bad).expect(200);
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
  });

  it('carries the id into the work done after answering (the sign-up’s mail)', async () => {
    logs.clear();
    const res = await t
      .http()
      .post('/api/auth/sign-up')
      .send({ email: 'carla.journaux@example.org', password: PASSWORD, displayName: 'Carla' })
      .expect(202);
    await t.settled();
    const id = res.headers['x-request-id'] as string;
    const mail = logs.lines().find((l) => l.context === 'Mail');
    expect(mail?.requestId).toBe(id);
    expect(logs.text()).not.toContain('carla.journaux@example.org');
  });
});

describe('nothing secret or personal reaches the logs', () => {
  it('a refused INSERT logs its statement and error code, never its parameters (the password hash)', async () => {
    const db = t.app.get(DataSource);
    await db.query(
      `ALTER TABLE "users" ADD CONSTRAINT "test_refused_address" CHECK ("email" NOT LIKE 'refus%')`,
    );
    try {
      logs.clear();
      await t
        .http()
        .post('/api/auth/sign-up')
        .send({
          email: 'refus.dominique@example.org',
          password: 'une phrase de passe très secrète',
          displayName: 'Dominique Refusé',
        })
        .expect(202);
      await t.settled();
    } finally {
      await db.query(`ALTER TABLE "users" DROP CONSTRAINT "test_refused_address"`);
    }
    const failed = logs.lines().find((l) => l.event === 'db.query-failed');
    expect(failed).toMatchObject({ err: { code: '23514', constraint: 'test_refused_address' } });
    expect(String(failed?.sql)).toContain('INSERT INTO "users"');
    const text = logs.text();
    for (const secret of [
      'scrypt$',
      'refus.dominique@example.org',
      'Dominique',
      'une phrase de passe',
      'Failing row',
    ])
      expect(text).not.toContain(secret);
  });

  it('never logs a cookie, a CSRF token or a session token', async () => {
    logs.clear();
    await alice.get('/api/auth/session').expect(200);
    await alice.post('/api/organisations', { name: 'x' }).expect(400);
    const text = logs.text();
    expect(text).not.toContain(alice.csrfToken);
    expect(text).not.toMatch(/nec_session=/);
  });
});

describe('security events', () => {
  it('a failed sign-in, and the throttling that follows', async () => {
    logs.clear();
    const http = t.http();
    for (let i = 0; i < 3; i += 1)
      await http
        .post('/api/auth/sign-in')
        .send({ email: 'alice.journaux@example.org', password: 'pas le bon' })
        .expect(401);
    const throttled = await http
      .post('/api/auth/sign-in')
      .send({ email: 'alice.journaux@example.org', password: 'pas le bon' })
      .expect(429);
    const failed = logs.events('auth.sign-in.failed');
    expect(failed).toHaveLength(3);
    expect(failed[0]).toMatchObject({
      level: 'warn',
      type: 'security',
      status: 401,
      code: 'invalid-credentials',
      method: 'POST',
      path: '/api/auth/sign-in',
    });
    expect(failed[0]?.clientAddress).toMatch(/127\.0\.0\.1/);
    expect(failed[0]?.requestId).toMatch(UUID);
    expect(logs.events('rate.limited')[0]).toMatchObject({
      status: 429,
      retryAfterSeconds: throttled.body.retryAfterSeconds,
    });
    // The third failure starts the lock-out: said once, with how long it lasts.
    expect(logs.events('auth.locked-out')).toEqual([
      expect.objectContaining({
        level: 'warn',
        scope: 'account',
        limit: 3,
        retryAfterSeconds: throttled.body.retryAfterSeconds,
        path: '/api/auth/sign-in',
      }),
    ]);
    expect(logs.text()).not.toContain('alice.journaux@example.org');
  });

  it('401, CSRF failure, 403 and 404 on protected routes; validation refusals', async () => {
    logs.clear();
    await t.http().get('/api/dossiers').expect(401);
    // The apps' "is anyone signed in?" probe, without a cookie, is a visitor: no event.
    await t.http().get('/api/auth/session').expect(401);
    // With a cookie that opens nothing (expired, forged), it is one.
    await t.http().get('/api/auth/session').set('Cookie', 'nec_session=inconnu').expect(401);
    await alice.agent.post('/api/organisations').send({}).expect(403);
    await alice.get('/api/admin/agents').expect(403);
    await alice.get(`/api/dossiers/${randomUUID()}`).expect(404);
    await alice.post('/api/organisations', { siret: '123', category: 'nope' }).expect(400);
    expect(logs.events('auth.unauthenticated').map((e) => e.path)).toEqual([
      '/api/dossiers',
      '/api/auth/session',
    ]);
    expect(logs.events('csrf.rejected')[0]).toMatchObject({ actorId: alice.userId });
    expect(logs.events('access.forbidden')[0]).toMatchObject({
      actorId: alice.userId,
      actorRole: 'applicant',
      code: 'role-not-allowed',
    });
    expect(logs.events('access.not-found')[0]).toMatchObject({ status: 404 });
    const refused = logs.events('input.rejected')[0];
    expect(refused).toMatchObject({ status: 400 });
    expect(refused?.fields).toEqual(expect.arrayContaining(['siret', 'category']));
  });

  it('sign-ins, sign-outs and role changes', async () => {
    logs.clear();
    const http = t.http();
    const signIn = await http
      .post('/api/auth/sign-in')
      .send({ email: 'admin.journaux@example.org', password: PASSWORD })
      .expect(200);
    await http
      .post('/api/auth/sign-out')
      .set('X-CSRF-Token', signIn.body.csrfToken as string)
      .expect(204);
    const created = await admin
      .post('/api/admin/agents', {
        email: 'nouvel.agent.journaux@example.org',
        displayName: 'Agent',
        role: 'instructor',
      })
      .expect(201);
    expect(logs.events('auth.sign-in.succeeded')[0]).toMatchObject({ level: 'info' });
    expect(logs.events('session.revoked')[0]).toMatchObject({ action: 'session.sign-out' });
    expect(logs.events('role.changed')[0]).toMatchObject({
      action: 'agent.create',
      actorId: admin.userId,
      subjectId: created.body.id,
    });
    expect(logs.text()).not.toContain('nouvel.agent.journaux@example.org');
  });
});

describe('second factor and password confirmations', () => {
  const NOW = '2026-11-30T10:00:00Z';
  const codeAt = (secret: string, iso: string) =>
    generate({ secret, epoch: new Date(iso).getTime() / 1000 });

  it('a refused code is an event at sign-in, enrolment and turning off; the code never is', async () => {
    t.clock.set(NOW);
    const email = 'bruno.journaux@example.org';
    const bruno = await applicant(t, email);
    const setup = await bruno
      .post('/api/auth/mfa/setup', { currentPassword: PASSWORD })
      .expect(200);
    const secret = setup.body.secret as string;
    logs.clear();
    await bruno.post('/api/auth/mfa/enable', { code: '246813' }).expect(400);
    await bruno.post('/api/auth/mfa/enable', { code: await codeAt(secret, NOW) }).expect(200);
    const http = t.http();
    const half = await http.post('/api/auth/sign-in').send({ email, password: PASSWORD });
    await http
      .post('/api/auth/mfa/verify')
      .set('X-CSRF-Token', half.body.csrfToken as string)
      .send({ code: 'zzzz-yyyy' })
      .expect(400);
    await bruno.post('/api/auth/mfa/disable', { password: PASSWORD, code: '135792' }).expect(400);
    await bruno.post('/api/auth/mfa/disable', { password: PASSWORD, code: '975310' }).expect(400);

    const failed = logs.events('auth.second-factor.failed');
    expect(failed.map((e) => [e.stage, e.proof, e.path])).toEqual([
      ['enable', 'totp', '/api/auth/mfa/enable'],
      ['sign-in', 'recovery-code', '/api/auth/mfa/verify'],
      ['disable', 'totp', '/api/auth/mfa/disable'],
      ['disable', 'totp', '/api/auth/mfa/disable'],
    ]);
    expect(failed[0]).toMatchObject({ level: 'warn', type: 'security', actorId: bruno.userId });
    expect(failed[1]?.sessionId).toMatch(UUID);
    // Enabling cleared the count; the third failure after it locks the account.
    expect(logs.events('auth.locked-out')).toEqual([
      expect.objectContaining({ scope: 'account', limit: 3, actorId: bruno.userId }),
    ]);
    // Neither a generic refusal nor an ended session: one event each, the right one.
    expect(logs.events('input.rejected')).toEqual([]);
    expect(logs.events('session.revoked')).toEqual([]);
    const text = logs.text();
    for (const code of ['"246813"', 'zzzz-yyyy', '"135792"', '"975310"', secret])
      expect(text).not.toContain(code);
    t.clock.set(null);
  });

  it('a wrong password typed again before ending sessions', async () => {
    const carole = await applicant(t, 'carole.journaux@example.org');
    logs.clear();
    await carole
      .post('/api/account/sessions/end-others', { currentPassword: 'mauvaise devinette' })
      .expect(400);
    await carole
      .delete(`/api/account/sessions/${randomUUID()}`, { currentPassword: 'autre devinette' })
      .expect(400);
    expect(logs.events('auth.reauthentication.failed')).toEqual([
      expect.objectContaining({
        level: 'warn',
        purpose: 'sessions-end-others',
        actorId: carole.userId,
        path: '/api/account/sessions/end-others',
      }),
      expect.objectContaining({ purpose: 'session-end', actorId: carole.userId }),
    ]);
    expect(logs.events('input.rejected')).toEqual([]);
    expect(logs.text()).not.toContain('devinette');
  });
});

describe('audit rows say where they come from', () => {
  it('client address, user agent, session and request id', async () => {
    const res = await alice.agent
      .post('/api/organisations')
      .set('X-CSRF-Token', alice.csrfToken)
      .set('User-Agent', 'Navigateur de test/1.0')
      .set('X-Request-Id', 'test-audit-origin-01')
      .send({ siret: uniqueSiret(), name: 'Association (fictive)', category: 'association' })
      .expect(201);
    const row = await t.app
      .get(DataSource)
      .getRepository(AuditEntryEntity)
      .findOneByOrFail({ action: 'organisation.created', subjectId: res.body.id as string });
    expect(row).toMatchObject({
      actorId: alice.userId,
      userAgent: 'Navigateur de test/1.0',
      requestId: 'test-audit-origin-01',
    });
    expect(row.clientAddress).toMatch(/127\.0\.0\.1/);
    const session = await t.app
      .get(DataSource)
      .query(
        `SELECT "session_id" FROM "audit_log" WHERE "action" = 'session.sign-in' AND "actor_id" = $1`,
        [alice.userId],
      );
    expect(session[0]?.session_id).toMatch(UUID);
    expect(row.sessionId).toBe(session[0]?.session_id);
  });
});
