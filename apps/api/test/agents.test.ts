import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepository } from '../src/audit/audit.repository.js';
import { UsersRepository } from '../src/users/users.repository.js';
import { agent, applicant, type Client } from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let admin: Client;
let instructor: Client;
let analyst: Client;
let alice: Client;

beforeAll(async () => {
  t = await startTestApp();
  admin = await agent(t, 'admin', 'admin@example.org');
  instructor = await agent(t, 'instructor', 'instructor@example.org');
  analyst = await agent(t, 'analyst', 'analyst@example.org');
  alice = await applicant(t, 'alice@example.org');
});
afterAll(async () => {
  await t.close();
});

describe('agents administration', () => {
  it('creates an agent who sets a password with the mailed link, then signs in', async () => {
    const res = await admin
      .post('/api/admin/agents', {
        email: 'Nouvelle.Instructrice@Example.org',
        displayName: 'Nouvelle instructrice',
        role: 'instructor',
      })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email: 'Nouvelle.Instructrice@Example.org',
      displayName: 'Nouvelle instructrice',
      role: 'instructor',
      activated: false,
      active: true,
      mfaEnabled: false,
      createdAt: expect.any(String),
    });

    const mail = await t.outbox.lastTo('Nouvelle.Instructrice@Example.org');
    expect(mail).toContain('définissez votre mot de passe');
    // The account cannot be used before the agent chose a password.
    const early = await t
      .http()
      .post('/api/auth/sign-in')
      .send({ email: 'nouvelle.instructrice@example.org', password: 'un mot de passe choisi' });
    expect(early.status).toBe(401);

    const token = await t.outbox.tokenFor('Nouvelle.Instructrice@Example.org');
    await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: 'un mot de passe choisi' })
      .expect(200);
    const signIn = await t
      .http()
      .post('/api/auth/sign-in')
      .send({ email: 'nouvelle.instructrice@example.org', password: 'un mot de passe choisi' })
      .expect(200);
    expect(signIn.body.user.role).toBe('instructor');

    const listed = (await admin.get('/api/admin/agents').expect(200)).body.items as {
      id: string;
      activated: boolean;
    }[];
    expect(listed.find((a) => a.id === res.body.id)?.activated).toBe(true);

    const audit = await t.app.get(AuditRepository).listForSubject('user', res.body.id as string);
    expect(audit[0]).toMatchObject({
      action: 'agent.create',
      actorId: admin.userId,
      details: { role: 'instructor' },
    });
  });

  it('creates analysts and admins too', async () => {
    await admin
      .post('/api/admin/agents', {
        email: 'analyste2@example.org',
        displayName: 'Analyste',
        role: 'analyst',
      })
      .expect(201);
    await admin
      .post('/api/admin/agents', {
        email: 'admin2@example.org',
        displayName: 'Admin',
        role: 'admin',
      })
      .expect(201);
    expect((await t.app.get(UsersRepository).findByEmail('admin2@example.org'))?.role).toBe(
      'admin',
    );
  });

  it('lists agents, never applicants', async () => {
    const res = await admin.get('/api/admin/agents').expect(200);
    const emails = (res.body.items as { email: string }[]).map((a) => a.email);
    expect(emails).toEqual(
      expect.arrayContaining([
        'admin@example.org',
        'instructor@example.org',
        'analyst@example.org',
        'analyste2@example.org',
      ]),
    );
    expect(emails).not.toContain('alice@example.org');
  });

  it('refuses an address already in use (409), whatever its case, applicants included', async () => {
    for (const email of ['INSTRUCTOR@example.org', 'alice@example.org']) {
      const res = await admin.post('/api/admin/agents', {
        email,
        displayName: 'Doublon',
        role: 'analyst',
      });
      expect(res.status, email).toBe(409);
      expect(res.body.error).toBe('email-taken');
    }
    expect((await t.app.get(UsersRepository).findByEmail('alice@example.org'))?.role).toBe(
      'applicant',
    );
  });

  it('refuses bad bodies, listing every field', async () => {
    const unknown = await admin.post('/api/admin/agents', {
      email: 'x@example.org',
      displayName: 'X',
      role: 'analyst',
      password: 'un mot de passe imposé',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([
      { path: 'password', code: 'unrecognized_keys', message: expect.any(String) },
    ]);

    const wrong = await admin.post('/api/admin/agents', {
      email: 'pas une adresse',
      displayName: 12,
      role: 'applicant',
    });
    expect(wrong.status).toBe(400);
    expect((wrong.body.fields as { path: string }[]).map((f) => f.path)).toEqual([
      'email',
      'displayName',
      'role',
    ]);
    expect(await t.app.get(UsersRepository).findByEmail('x@example.org')).toBeNull();
  });

  it('is for administrators only: 401 without a session, 403 for the other roles', async () => {
    const body = { email: 'intrus@example.org', displayName: 'Intrus', role: 'admin' };
    expect((await t.http().get('/api/admin/agents')).status).toBe(401);
    expect((await t.http().post('/api/admin/agents').send(body)).status).toBe(401);
    for (const client of [alice, instructor, analyst]) {
      expect((await client.get('/api/admin/agents')).status, client.role).toBe(403);
      expect((await client.post('/api/admin/agents', body)).status, client.role).toBe(403);
    }
    expect(await t.app.get(UsersRepository).findByEmail('intrus@example.org')).toBeNull();
  });

  it('needs the CSRF token to create', async () => {
    const res = await admin.agent
      .post('/api/admin/agents')
      .send({ email: 'csrf@example.org', displayName: 'C', role: 'analyst' });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('csrf-token-invalid');
  });
});
