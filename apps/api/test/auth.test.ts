import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const password = 'un mot de passe solide';

describe('accounts', () => {
  it('signs up, confirms the address, signs in and out', async () => {
    const http = t.http();
    await http
      .post('/api/auth/sign-up')
      .send({ email: 'Camille@Example.org', password, displayName: 'Camille' })
      .expect(202);
    await t.settled(); // the account is created just after the answer

    const early = await http
      .post('/api/auth/sign-in')
      .send({ email: 'camille@example.org', password });
    expect(early.status).toBe(403);
    expect(early.body.error).toBe('email-not-confirmed');

    const token = await t.outbox.tokenFor('Camille@Example.org');
    await http.post('/api/auth/confirm-email').send({ token }).expect(200);
    // A link works once.
    const again = await http.post('/api/auth/confirm-email').send({ token });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid-link');

    const signIn = await http
      .post('/api/auth/sign-in')
      .send({ email: 'camille@example.org', password })
      .expect(200);
    expect(signIn.body.user.role).toBe('applicant');
    const cookie = String(signIn.headers['set-cookie']);
    expect(cookie).toMatch(/nec_session=.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const session = await http.get('/api/auth/session').expect(200);
    expect(session.body.csrfToken).toBe(signIn.body.csrfToken);

    // Sign-out is a write: without the CSRF token it is refused.
    const noCsrf = await http.post('/api/auth/sign-out');
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error).toBe('csrf-token-invalid');
    await http.post('/api/auth/sign-out').set('X-CSRF-Token', signIn.body.csrfToken).expect(204);
    await http.get('/api/auth/session').expect(401);
  });

  it('does not tell whether an address already has an account', async () => {
    const http = t.http();
    const first = await http
      .post('/api/auth/sign-up')
      .send({ email: 'dup@example.org', password, displayName: 'A' });
    const second = await http
      .post('/api/auth/sign-up')
      .send({ email: 'dup@example.org', password, displayName: 'B' });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    expect(await t.outbox.lastTo('dup@example.org')).toContain('déjà un compte');
  });

  it('rejects a wrong password without saying which part is wrong', async () => {
    const res = await t
      .http()
      .post('/api/auth/sign-in')
      .send({ email: 'nobody@example.org', password: 'whatever-password' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: 'invalid-credentials',
      message: expect.any(String),
      fields: [],
    });
  });

  it('resets a forgotten password and closes existing sessions', async () => {
    const http = t.http();
    await http
      .post('/api/auth/sign-up')
      .send({ email: 'reset@example.org', password, displayName: 'R' })
      .expect(202);
    await http
      .post('/api/auth/confirm-email')
      .send({ token: await t.outbox.tokenFor('reset@example.org') })
      .expect(200);
    await http.post('/api/auth/sign-in').send({ email: 'reset@example.org', password }).expect(200);

    await t
      .http()
      .post('/api/auth/password-reset/request')
      .send({ email: 'reset@example.org' })
      .expect(202);
    await t
      .http()
      .post('/api/auth/password-reset/request')
      .send({ email: 'unknown@example.org' })
      .expect(202);
    const token = await t.outbox.tokenFor('reset@example.org');
    await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: 'un tout nouveau secret' })
      .expect(200);

    await http.get('/api/auth/session').expect(401);
    await t
      .http()
      .post('/api/auth/sign-in')
      .send({ email: 'reset@example.org', password })
      .expect(401);
    await t
      .http()
      .post('/api/auth/sign-in')
      .send({ email: 'reset@example.org', password: 'un tout nouveau secret' })
      .expect(200);
  });

  it('expires sessions', async () => {
    const http = t.http();
    await http
      .post('/api/auth/sign-up')
      .send({ email: 'late@example.org', password, displayName: 'L' })
      .expect(202);
    await http
      .post('/api/auth/confirm-email')
      .send({ token: await t.outbox.tokenFor('late@example.org') })
      .expect(200);
    await http.post('/api/auth/sign-in').send({ email: 'late@example.org', password }).expect(200);
    t.clock.set(new Date(Date.now() + 13 * 3600_000).toISOString());
    try {
      const res = await http.get('/api/auth/session');
      expect(res.status).toBe(401);
    } finally {
      t.clock.set(null);
    }
  });

  it('lists every invalid field of a sign-up at once', async () => {
    const res = await t
      .http()
      .post('/api/auth/sign-up')
      .send({ email: 'pas-une-adresse', password: 'court', extra: 1 });
    expect(res.status).toBe(400);
    const paths = (res.body.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
  });
});

describe('no account enumeration', () => {
  const timed = async (run: () => Promise<unknown>): Promise<number> => {
    const start = performance.now();
    await run();
    return performance.now() - start;
  };
  const signUp = (email: string) =>
    t.http().post('/api/auth/sign-up').send({ email, password, displayName: 'E' });

  it('answers sign-up the same, and does the slow hash, whether the address is known or not', async () => {
    await signUp('connue@example.org').expect(202);
    await t.settled();
    const known = await signUp('connue@example.org');
    const unknown = await signUp('nouvelle@example.org');
    expect(known.status).toBe(unknown.status);
    expect(known.body).toEqual(unknown.body);
    // One-sided, so it cannot flake: load only slows requests down, so a known-address sign-up
    // that skipped the hash would stay far below the fastest hash measured here.
    const hashes: number[] = [];
    const knowns: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      hashes.push(await timed(() => hashPassword(password)));
      knowns.push(await timed(() => signUp('connue@example.org').expect(202)));
    }
    expect(Math.min(...knowns)).toBeGreaterThanOrEqual(Math.min(...hashes) * 0.5);
    await t.settled();
    expect(await t.outbox.lastTo('connue@example.org')).toContain('déjà un compte');
  });

  it('answers a password reset the same, the lookup and mail coming after the answer', async () => {
    const known = await t
      .http()
      .post('/api/auth/password-reset/request')
      .send({ email: 'connue@example.org' });
    const unknown = await t
      .http()
      .post('/api/auth/password-reset/request')
      .send({ email: 'inconnue@example.org' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    expect(await t.outbox.lastTo('connue@example.org')).toContain('nouveau mot de passe');
    await expect(t.outbox.lastTo('inconnue@example.org')).rejects.toThrow();
  });
});
