import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password.js';
import { PasswordHasher } from '../src/auth/password-hasher.js';
import { randomToken } from '../src/auth/tokens.js';
import { UsersRepository } from '../src/users/users.repository.js';
import { DEFAULT_SCRYPT_COST } from '../src/config/config.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
beforeAll(async () => {
  // The production cost: this file times sign-ups against a hash (accounts' enumeration).
  t = await startTestApp({ NEC_PASSWORD_SCRYPT_COST: String(DEFAULT_SCRYPT_COST) });
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

describe('signing up with an address that has an account', () => {
  const retour = '/appels/nec-local-2026';
  // What a new address gets: every other case must answer exactly this (timing: see below).
  let newAddressAnswer: unknown;
  const signUp = (email: string, displayName: string, pass = password) =>
    t.http().post('/api/auth/sign-up').send({ email, password: pass, displayName, retour });
  const confirm = async (email: string) =>
    t
      .http()
      .post('/api/auth/confirm-email')
      .send({ token: await t.outbox.tokenFor(email) })
      .expect(200);
  const mailsTo = async (email: string) =>
    (await t.outbox.all()).filter((m) => m.toLowerCase().includes(`to: ${email}`)).length;

  it('mails a new address its first confirmation link, with the way back', async () => {
    const res = await signUp('premiere@example.org', 'Première').expect(202);
    newAddressAnswer = res.body;
    const mail = await t.outbox.lastTo('premiere@example.org');
    expect(mail).toContain('Pour activer votre compte');
    expect(mail).toContain(`&retour=${encodeURIComponent(retour)}`);
    await confirm('premiere@example.org');
  });

  it('mails an unconfirmed account a new link; the first password stays', async () => {
    const first = await signUp('perdu@example.org', 'Perdu').expect(202);
    const firstToken = await t.outbox.tokenFor('perdu@example.org');
    // The first mail is lost: the person signs up again, with another password and name.
    const second = await signUp('Perdu@Example.org', 'Autre nom', 'un autre mot de passe solide');
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    expect(second.body).toEqual(newAddressAnswer);

    expect(await mailsTo('perdu@example.org')).toBe(2);
    const mail = await t.outbox.lastTo('perdu@example.org');
    expect(mail).toContain('Bonjour Perdu,');
    expect(mail).toContain('nouveau lien pour activer votre compte');
    expect(mail).toContain('garde le mot de passe choisi lors de la première inscription');
    expect(mail).toContain('/mot-de-passe-oublie');
    expect(mail).toContain(`&retour=${encodeURIComponent(retour)}`);
    expect(mail).not.toContain('déjà un compte');
    const newToken = await t.outbox.tokenFor('perdu@example.org');
    expect(newToken).not.toBe(firstToken);

    await t.http().post('/api/auth/confirm-email').send({ token: newToken }).expect(200);
    await t
      .http()
      .post('/api/auth/sign-in')
      .send({ email: 'perdu@example.org', password: 'un autre mot de passe solide' })
      .expect(401);
    const signIn = await t
      .http()
      .post('/api/auth/sign-in')
      .send({ email: 'perdu@example.org', password })
      .expect(200);
    expect(signIn.body.user.displayName).toBe('Perdu');
  });

  it('tells a confirmed account it exists, with the sign-in and reset links, and no link to confirm', async () => {
    const res = await signUp('premiere@example.org', 'Quelqu’un').expect(202);
    expect(res.body).toEqual(newAddressAnswer);
    const mail = await t.outbox.lastTo('premiere@example.org');
    expect(mail).toContain('vous avez déjà un compte');
    expect(mail).toContain(`/connexion?retour=${encodeURIComponent(retour)}`);
    expect(mail).toContain('/mot-de-passe-oublie');
    expect(mail).not.toContain('jeton=');
  });

  it('never mails a confirmation link to an agent whose invitation is still unused', async () => {
    await t.app.get(UsersRepository).create({
      email: 'agent.invite@example.org',
      displayName: 'Agent',
      role: 'instructor',
      passwordHash: await t.app.get(PasswordHasher).hash(randomToken()),
      emailConfirmedAt: null,
    });
    await signUp('agent.invite@example.org', 'Agent').expect(202);
    expect(await t.outbox.lastTo('agent.invite@example.org')).toContain('déjà un compte');
    await t
      .http()
      .post('/api/auth/confirm-email/resend')
      .send({ email: 'agent.invite@example.org' });
    expect(await mailsTo('agent.invite@example.org')).toBe(1);
    expect(await t.outbox.lastTo('agent.invite@example.org')).not.toContain('jeton=');
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
    // Known twice over: an account in use, and one still awaiting its confirmation.
    await signUp('connue@example.org').expect(202);
    await t
      .http()
      .post('/api/auth/confirm-email')
      .send({ token: await t.outbox.tokenFor('connue@example.org') })
      .expect(200);
    await signUp('en-attente@example.org').expect(202);
    await t.settled();
    const known = await signUp('connue@example.org');
    const pending = await signUp('en-attente@example.org');
    const unknown = await signUp('nouvelle@example.org');
    expect(known.status).toBe(unknown.status);
    expect(known.body).toEqual(unknown.body);
    expect(pending.status).toBe(unknown.status);
    expect(pending.body).toEqual(unknown.body);
    // One-sided, so it cannot flake: load only slows requests down, so a known-address sign-up
    // that skipped the hash would stay far below the fastest hash measured here.
    const hashes: number[] = [];
    const knowns: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      hashes.push(await timed(() => hashPassword(password, DEFAULT_SCRYPT_COST)));
      knowns.push(await timed(() => signUp('connue@example.org').expect(202)));
      knowns.push(await timed(() => signUp('en-attente@example.org').expect(202)));
    }
    expect(Math.min(...knowns)).toBeGreaterThanOrEqual(Math.min(...hashes) * 0.5);
    await t.settled();
    expect(await t.outbox.lastTo('connue@example.org')).toContain('déjà un compte');
    expect(await t.outbox.lastTo('en-attente@example.org')).toContain('nouveau lien');
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
