import { generate } from 'otplib';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserEntity } from '../src/users/user.entity.js';
import { agent, applicant, Client, PASSWORD, signInAgain } from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
const NOW = '2026-11-30T10:00:00Z';
const epochOf = (iso: string) => new Date(iso).getTime() / 1000;
const codeAt = (secret: string, iso: string) => generate({ secret, epoch: epochOf(iso) });

beforeAll(async () => {
  t = await startTestApp({
    NEC_MFA_REQUIRED_FOR_AGENTS: 'true',
    NEC_IDLE_TIMEOUT_AGENT_MINUTES: '30',
    NEC_IDLE_TIMEOUT_APPLICANT_MINUTES: '120',
  });
  t.clock.set(NOW);
});
beforeEach(() => {
  t.clock.set(NOW);
});
afterAll(async () => {
  await t.close();
});

async function signIn(email: string, password = PASSWORD) {
  const http = t.http();
  const res = await http.post('/api/auth/sign-in').send({ email, password });
  return {
    http,
    res,
    client: new Client(http, res.body.csrfToken, res.body.user?.id, res.body.user?.role),
  };
}

describe('passwords', () => {
  it('refuses a common password at sign-up with a field error, and one built from the name', async () => {
    for (const password of ['password1234', 'camille.durand2026']) {
      const res = await t
        .http()
        .post('/api/auth/sign-up')
        .send({ email: 'camille.durand@exemple.fr', password, displayName: 'Camille Durand' })
        .expect(400);
      expect(res.body.error).toBe('weak-password');
      expect(res.body.fields[0]).toMatchObject({ path: 'password', code: 'weak-password' });
    }
  });

  it('changes with the current one: other sessions end, reset links die, a mail tells', async () => {
    const email = 'change@exemple.fr';
    const first = await applicant(t, email);
    const second = await signInAgain(t, email);
    await t.http().post('/api/auth/password-reset/request').send({ email }).expect(202);
    const resetToken = await t.outbox.tokenFor(email);

    const wrong = await first.post('/api/account/password', {
      currentPassword: 'pas le bon mot de passe',
      newPassword: 'Girafe cosmique en vacances',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields[0].path).toBe('currentPassword');
    const weak = await first.post('/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'motdepasse123',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.fields[0]).toMatchObject({ path: 'newPassword', code: 'weak-password' });

    await first
      .post('/api/account/password', {
        currentPassword: PASSWORD,
        newPassword: 'Girafe cosmique en vacances',
      })
      .expect(200);
    await first.get('/api/auth/session').expect(200);
    await second.get('/api/auth/session').expect(401);
    expect(await t.outbox.lastTo(email)).toMatch(/vient d’être modifié/);
    const reset = await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: resetToken, password: 'Un autre secret bien long' });
    expect(reset.body.error).toBe('invalid-link');
  });

  it('a reset makes every other outstanding reset link useless, and says so by mail', async () => {
    const email = 'reset-twice@exemple.fr';
    await applicant(t, email);
    await t.http().post('/api/auth/password-reset/request').send({ email }).expect(202);
    const older = await t.outbox.tokenFor(email);
    await t.http().post('/api/auth/password-reset/request').send({ email }).expect(202);
    const newer = await t.outbox.tokenFor(email);
    expect(newer).not.toBe(older);
    await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: newer, password: 'Tortue agile sur le toit' })
      .expect(200);
    const again = await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: older, password: 'Autre tortue agile du soir' })
      .expect(400);
    expect(again.body.error).toBe('invalid-link');
    expect(await t.outbox.lastTo(email)).toMatch(/vient d’être modifié/);
  });

  it('a reset link keeps working when the new password was refused as weak', async () => {
    const email = 'reset-weak@exemple.fr';
    await applicant(t, email);
    await t.http().post('/api/auth/password-reset/request').send({ email }).expect(202);
    const token = await t.outbox.tokenFor(email);
    const weak = await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: 'password1234' })
      .expect(400);
    expect(weak.body.error).toBe('weak-password');
    await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: 'Hibou discret du grenier' })
      .expect(200);
  });
});

describe('sessions', () => {
  it('are listed, ended one by one or all but this one, with the password typed again', async () => {
    const email = 'sessions@exemple.fr';
    const a = await applicant(t, email);
    const b = await signInAgain(t, email);
    const c = await signInAgain(t, email);
    const list = await a.get('/api/account/sessions').expect(200);
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const bId = (await b.get('/api/account/sessions')).body.items.find(
      (s: { current: boolean }) => s.current,
    ).id;
    const confirm = { currentPassword: PASSWORD };

    // Without the password, or with a wrong one, nothing ends.
    await a.delete(`/api/account/sessions/${bId}`).expect(400);
    const missing = await a.delete(`/api/account/sessions/${bId}`, {}).expect(400);
    expect(missing.body.fields[0].path).toBe('currentPassword');
    const wrong = await a
      .delete(`/api/account/sessions/${bId}`, { currentPassword: 'pas le bon mot de passe' })
      .expect(400);
    expect(wrong.body).toMatchObject({
      error: 'wrong-password',
      fields: [{ path: 'currentPassword', code: 'wrong-password' }],
    });
    expect(wrong.body.fields[0].message).toBe('Le mot de passe est incorrect.');
    await b.get('/api/auth/session').expect(200);

    await a.delete(`/api/account/sessions/${bId}`, confirm).expect(204);
    await b.get('/api/auth/session').expect(401);
    await a.delete(`/api/account/sessions/${bId}`, confirm).expect(404);

    const refused = await a
      .post('/api/account/sessions/end-others', { currentPassword: 'pas le bon mot de passe' })
      .expect(400);
    expect(refused.body.fields[0]).toMatchObject({ path: 'currentPassword' });
    await c.get('/api/auth/session').expect(200);
    expect((await a.post('/api/account/sessions/end-others', confirm).expect(200)).body).toEqual({
      ended: 1,
    });
    await c.get('/api/auth/session').expect(401);
    await a.get('/api/auth/session').expect(200);
  });

  it('count wrong passwords like failed sign-ins: 429, even with the right one, then sign-in too', async () => {
    const email = 'sessions-guess@exemple.fr';
    const a = await applicant(t, email);
    const other = await signInAgain(t, email);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await a.post('/api/account/sessions/end-others', {
        currentPassword: `essai numéro ${i}`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    const limited = await a
      .post('/api/account/sessions/end-others', { currentPassword: PASSWORD })
      .expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await other.get('/api/auth/session').expect(200);
    const signIn = await t.http().post('/api/auth/sign-in').send({ email, password: PASSWORD });
    expect(signIn.status).toBe(429);
    // The window passes: the right password works again.
    t.clock.set('2026-11-30T10:16:00Z');
    await a.post('/api/account/sessions/end-others', { currentPassword: PASSWORD }).expect(200);
    await other.get('/api/auth/session').expect(401);
  });

  it('cannot end someone else’s session', async () => {
    const mine = await applicant(t, 'mine@exemple.fr');
    const theirs = await applicant(t, 'theirs@exemple.fr');
    const id = (await theirs.get('/api/account/sessions')).body.items[0].id;
    await mine.delete(`/api/account/sessions/${id}`, { currentPassword: PASSWORD }).expect(404);
    await theirs.get('/api/auth/session').expect(200);
  });

  it('lapse when idle: 2 h for applicants; a request keeps them alive', async () => {
    const client = await applicant(t, 'idle@exemple.fr');
    t.clock.set('2026-11-30T11:59:00Z');
    await client.get('/api/auth/session').expect(200);
    t.clock.set('2026-11-30T13:58:00Z');
    await client.get('/api/auth/session').expect(200);
    t.clock.set('2026-11-30T16:00:00Z');
    const res = await client.get('/api/auth/session').expect(401);
    expect(res.body.message).toMatch(/session a expiré/);
    t.clock.set(NOW);
  });

  it('lapse after 30 minutes for agents', async () => {
    const admin = await adminClient('idle-admin@nec.example');
    t.clock.set('2026-11-30T10:29:00Z');
    await admin.get('/api/admin/agents').expect(200);
    t.clock.set('2026-11-30T11:00:00Z');
    await admin.get('/api/admin/agents').expect(401);
  });

  it('a sign-in ends the session the browser held before', async () => {
    const client = await applicant(t, 'replace@exemple.fr');
    const before = (await client.get('/api/account/sessions')).body.items[0].id;
    await client.agent
      .post('/api/auth/sign-in')
      .send({ email: 'replace@exemple.fr', password: PASSWORD })
      .expect(200);
    const ids = (
      await signInAgain(t, 'replace@exemple.fr').then((c) => c.get('/api/account/sessions'))
    ).body.items.map((s: { id: string }) => s.id);
    expect(ids).not.toContain(before);
  });

  it('sign-out asks the browser to clear its cache and cookies', async () => {
    const client = await applicant(t, 'signout@exemple.fr');
    const res = await client.post('/api/auth/sign-out').expect(204);
    expect(res.headers['clear-site-data']).toBe('"cache", "cookies"');
  });
});

describe('second factor', () => {
  it('an agent enrols at the first sign-in, and nothing else answers before', async () => {
    await agent(t, 'instructor', 'mfa-instructor@nec.example');
    const { res, client } = await signIn('mfa-instructor@nec.example');
    expect(res.status).toBe(200);
    expect(res.body.mfaPending).toBe('enrol');
    const blocked = await client.get('/api/instruction/dossiers').expect(401);
    expect(blocked.body.error).toBe('mfa-required');
    // Public routes treat the half-open session as nobody.
    await client.get('/api/campaigns').expect(200);

    // The password was just checked: enrolment does not ask it again.
    const setup = await client.post('/api/auth/mfa/setup', {}).expect(200);
    expect(setup.body.otpauthUri).toContain('otpauth://totp/');
    const bad = await client.post('/api/auth/mfa/enable', { code: '000000' }).expect(400);
    expect(bad.body.fields[0].path).toBe('code');
    const enabled = await client
      .post('/api/auth/mfa/enable', { code: await codeAt(setup.body.secret, NOW) })
      .expect(200);
    expect(enabled.body.recoveryCodes).toHaveLength(10);
    await client.get('/api/instruction/dossiers').expect(200);
    expect((await client.get('/api/auth/session')).body).toMatchObject({
      mfaEnabled: true,
      mfaPending: null,
    });

    // Next sign-in: the code is asked; the code already used cannot be replayed.
    const next = await signIn('mfa-instructor@nec.example');
    expect(next.res.body.mfaPending).toBe('verify');
    const replay = await next.client
      .post('/api/auth/mfa/verify', { code: await codeAt(setup.body.secret, NOW) })
      .expect(400);
    expect(replay.body.error).toBe('invalid-code');
    t.clock.set('2026-11-30T10:01:00Z');
    const ok = await next.client
      .post('/api/auth/mfa/verify', {
        code: await codeAt(setup.body.secret, '2026-11-30T10:01:00Z'),
      })
      .expect(200);
    expect(ok.body.mfaPending).toBeNull();
    await next.client.get('/api/instruction/dossiers').expect(200);

    // A recovery code opens one session, once.
    const [recovery] = enabled.body.recoveryCodes as string[];
    const lost = await signIn('mfa-instructor@nec.example');
    await lost.client.post('/api/auth/mfa/verify', { code: recovery }).expect(200);
    const again = await signIn('mfa-instructor@nec.example');
    await again.client.post('/api/auth/mfa/verify', { code: recovery }).expect(400);
    // Agents cannot turn it off.
    await next.client
      .post('/api/auth/mfa/disable', { password: PASSWORD, code: '123456' })
      .expect(403);
    t.clock.set(NOW);
  });

  it('an applicant may turn it on, and off again with the password and a code', async () => {
    const client = await applicant(t, 'mfa-applicant@exemple.fr');
    expect((await client.get('/api/auth/session')).body.mfaPending).toBeNull();
    // A complete session confirms the password before binding a phone to the account.
    const missing = await client.post('/api/auth/mfa/setup', {}).expect(400);
    expect(missing.body.fields[0]).toMatchObject({ path: 'currentPassword', code: 'required' });
    const wrong = await client
      .post('/api/auth/mfa/setup', { currentPassword: 'pas le bon mot de passe' })
      .expect(400);
    expect(wrong.body.fields[0]).toMatchObject({ path: 'currentPassword', code: 'wrong-password' });
    const setup = await client
      .post('/api/auth/mfa/setup', { currentPassword: PASSWORD })
      .expect(200);
    const enabled = await client
      .post('/api/auth/mfa/enable', { code: await codeAt(setup.body.secret, NOW) })
      .expect(200);
    expect(await t.outbox.lastTo('mfa-applicant@exemple.fr')).toMatch(/vient d’être activée/);
    const next = await signIn('mfa-applicant@exemple.fr');
    expect(next.res.body.mfaPending).toBe('verify');
    await next.client.get('/api/dossiers').expect(401);

    // Both factors again: a wrong password, then a wrong code, leave it on.
    const later = '2026-11-30T10:01:00Z';
    t.clock.set(later);
    const code = await codeAt(setup.body.secret, later);
    const wrongPassword = await client
      .post('/api/auth/mfa/disable', { password: 'pas le bon mot de passe', code })
      .expect(400);
    expect(wrongPassword.body.fields[0]).toMatchObject({ path: 'password' });
    await client.post('/api/auth/mfa/disable', { password: PASSWORD }).expect(400);
    const wrongCode = await client
      .post('/api/auth/mfa/disable', { password: PASSWORD, code: '000000' })
      .expect(400);
    expect(wrongCode.body.fields[0]).toMatchObject({ path: 'code', code: 'invalid-code' });
    expect((await client.get('/api/auth/session')).body.mfaEnabled).toBe(true);
    // A recovery code does as well as the app (the phone may be the thing lost).
    const [recovery] = enabled.body.recoveryCodes as string[];
    await client.post('/api/auth/mfa/disable', { password: PASSWORD, code: recovery }).expect(204);
    expect(await t.outbox.lastTo('mfa-applicant@exemple.fr')).toMatch(/désactivée/);
    expect((await signIn('mfa-applicant@exemple.fr')).res.body.mfaPending).toBeNull();
  });

  // A dozen scrypt checks in one test: a loaded machine gets the time (as in abuse-limits).
  it('a right password does not wipe the count of wrong codes', async () => {
    const email = 'mfa-cycle@exemple.fr';
    const client = await applicant(t, email);
    const setup = await client
      .post('/api/auth/mfa/setup', { currentPassword: PASSWORD })
      .expect(200);
    await client
      .post('/api/auth/mfa/enable', { code: await codeAt(setup.body.secret, NOW) })
      .expect(200);
    // Password right, then two wrong codes, three times over: the fifth wrong code locks.
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      const { res, client: half } = await signIn(email);
      statuses.push(res.status);
      for (let i = 0; i < 2; i++)
        statuses.push((await half.post('/api/auth/mfa/verify', { code: '123456' })).status);
    }
    expect(statuses).toEqual([200, 400, 400, 200, 400, 400, 200, 400, 429]);
    expect((await signIn(email)).res.status).toBe(429);
    // Nor does a password confirmed by the signed-in owner.
    t.clock.set('2026-11-30T10:20:00Z');
    for (let i = 0; i < 5; i++) {
      await client
        .post('/api/auth/mfa/disable', { password: PASSWORD, code: '000000' })
        .expect(400);
    }
    await client
      .post('/api/auth/mfa/disable', {
        password: PASSWORD,
        code: await codeAt(setup.body.secret, '2026-11-30T10:20:00Z'),
      })
      .expect(429);
  }, 60_000);

  it('failed codes count like failed passwords: 429 with Retry-After', async () => {
    const client = await applicant(t, 'mfa-limit@exemple.fr');
    const setup = await client
      .post('/api/auth/mfa/setup', { currentPassword: PASSWORD })
      .expect(200);
    await client
      .post('/api/auth/mfa/enable', { code: await codeAt(setup.body.secret, NOW) })
      .expect(200);
    const { client: half } = await signIn('mfa-limit@exemple.fr');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await half.post('/api/auth/mfa/verify', { code: '123456' })).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    const limited = await half.post('/api/auth/mfa/verify', { code: '123456' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('agents taken away', () => {
  it('an admin deactivates an agent: sessions end, sign-in refused; reactivation lets them back', async () => {
    const admin = await adminClient('admin-deact@nec.example');
    // The fixture signs in: a session awaiting its second factor is a session all the same.
    const session = await agent(t, 'analyst', 'analyst-deact@nec.example');
    const id = (await admin.get('/api/admin/agents?pageSize=100')).body.items.find(
      (a: { email: string }) => a.email === 'analyst-deact@nec.example',
    ).id;
    expect(
      (await admin.get(`/api/admin/agents/${id}/sessions`).expect(200)).body.items.length,
    ).toBeGreaterThan(0);
    const off = await admin.put(`/api/admin/agents/${id}/active`, { active: false }).expect(200);
    expect(off.body.active).toBe(false);
    await session.get('/api/auth/session').expect(401);
    const refused = await signIn('analyst-deact@nec.example');
    expect(refused.res.status).toBe(403);
    expect(refused.res.body.error).toBe('account-deactivated');
    await admin.put(`/api/admin/agents/${id}/active`, { active: true }).expect(200);
    expect((await signIn('analyst-deact@nec.example')).res.status).toBe(200);
    await admin.put(`/api/admin/agents/${admin.userId}/active`, { active: false }).expect(409);
    expect((await admin.delete(`/api/admin/agents/${id}/sessions`).expect(200)).body.ended).toBe(1);
  });
});

describe('organisations', () => {
  it('are unverified until an instructor verifies them', async () => {
    const owner = await applicant(t, 'verif-owner@exemple.fr');
    const created = await owner
      .post('/api/organisations', {
        siret: '73282932000074',
        name: 'Association vérifiable',
        category: 'association',
      })
      .expect(201);
    expect(created.body.verifiedAt).toBeNull();
    const instructor = await adminClient('verif-admin@nec.example');
    const verified = await instructor
      .put(`/api/instruction/organisations/${created.body.id}/verification`, { verified: true })
      .expect(200);
    expect(verified.body.verifiedAt).toEqual(expect.any(String));
    const mine = await owner.get('/api/organisations/mine').expect(200);
    expect(mine.body.items[0].verifiedAt).toEqual(verified.body.verifiedAt);
    await owner
      .put(`/api/instruction/organisations/${created.body.id}/verification`, { verified: true })
      .expect(403);
  });
});

/** An admin whose second factor is enrolled through the real routes. */
async function adminClient(email: string): Promise<Client> {
  await agent(t, 'admin', email);
  const { client } = await signIn(email);
  const setup = await client.post('/api/auth/mfa/setup', {}).expect(200);
  await client
    .post('/api/auth/mfa/enable', { code: await codeAt(setup.body.secret, NOW) })
    .expect(200);
  return client;
}

describe('accounts in the database', () => {
  it('keeps only hashes of recovery codes', async () => {
    const rows = await t.app.get(DataSource).getRepository(UserEntity).find();
    for (const row of rows)
      for (const h of row.mfaRecoveryHashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
  });
});
