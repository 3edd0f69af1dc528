import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordHasher } from '../src/auth/password-hasher.js';
import { UsersRepository } from '../src/users/users.repository.js';
import { PASSWORD, signInAgain, type Client } from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

// A low limit on the public account routes (per client address and minute), to reach it.
const LIMIT = 4;

let t: TestApp;
let alice: Client;

beforeAll(async () => {
  t = await startTestApp({ NEC_AUTH_RATE_LIMIT: String(LIMIT) });
  // An applicant created directly: signing up would spend the limited requests.
  await t.app.get(UsersRepository).create({
    email: 'alice@example.org',
    displayName: 'Alice',
    role: 'applicant',
    passwordHash: await t.app.get(PasswordHasher).hash(PASSWORD),
    emailConfirmedAt: new Date(),
  });
  alice = await signInAgain(t, 'alice@example.org');
});
afterAll(async () => {
  await t.close();
});

const resend = (email: string, retour?: string) =>
  t.http().post('/api/auth/confirm-email/resend').send({ email, retour });

describe('POST /api/auth/confirm-email/resend', () => {
  it('mails a new link to an unconfirmed account, answers the same for anyone, and is rate-limited', async () => {
    await t
      .http()
      .post('/api/auth/sign-up')
      .send({ email: 'nouveau@example.org', password: PASSWORD, displayName: 'Nouveau' })
      .expect(202);
    const firstToken = await t.outbox.tokenFor('nouveau@example.org');
    const before = (await t.outbox.all()).length;

    const pending = await resend('nouveau@example.org', '/invitation?jeton=abc');
    const unknown = await resend('personne@example.org');
    const confirmed = await resend('alice@example.org');
    expect([pending.status, unknown.status, confirmed.status]).toEqual([202, 202, 202]);
    expect(unknown.body).toEqual(pending.body);
    expect(confirmed.body).toEqual(pending.body);

    // One new mail only: to the unconfirmed account, with a new link that works.
    expect((await t.outbox.all()).length).toBe(before + 1);
    const newToken = await t.outbox.tokenFor('nouveau@example.org');
    expect(newToken).not.toBe(firstToken);
    const mail = await t.outbox.lastTo('nouveau@example.org');
    expect(mail).toContain('nouveau lien');
    // The way back given with the request rides along, encoded.
    expect(mail).toContain('&retour=%2Finvitation%3Fjeton%3Dabc');

    // The limit counts per route and client address: a fourth resend passes, the fifth waits.
    expect((await resend('autre@example.org')).status).toBe(202);
    const limited = await resend('nouveau@example.org');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();

    await t.http().post('/api/auth/confirm-email').send({ token: newToken }).expect(200);
  });
});

describe('SIRET field errors', () => {
  const siretCodes = async (siret: string) => {
    const res = await alice.post('/api/organisations', {
      siret,
      name: 'Structure (fictive)',
      category: 'association',
    });
    expect(res.status, siret).toBe(400);
    return (res.body.fields as { path: string; code: string }[])
      .filter((f) => f.path === 'siret')
      .map((f) => f.code);
  };

  it('tells a malformed SIRET, a wrong check digit and La Poste’s rule apart', async () => {
    expect(await siretCodes('732 829 320 0007')).toEqual(['siret-format']);
    expect(await siretCodes('7328293200007X')).toEqual(['siret-format']);
    expect(await siretCodes('732 829 320 00075')).toEqual(['siret-checksum']);
    expect(await siretCodes('356 000 000 00011')).toEqual(['siret-la-poste-checksum']);
  });
});
