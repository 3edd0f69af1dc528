import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentsService } from '../src/agents/agents.service.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ NEC_MFA_REQUIRED_FOR_AGENTS: 'true' });
});
afterAll(async () => {
  await t.close();
});

describe('the first administrator (cli/create-admin)', () => {
  it('gets a one-time link to choose a password, then enrols the second factor', async () => {
    const agents = t.app.get(AgentsService);
    const link = await agents.createFirstAdmin({
      email: 'premiere.admin@exemple.gouv.fr',
      displayName: 'Première administratrice',
    });
    const token = new URL(link).searchParams.get('jeton');
    expect(token).toBeTruthy();
    const password = 'Lanterne bleue du phare breton';
    await t.http().post('/api/auth/password-reset/confirm').send({ token, password }).expect(200);
    await t.http().post('/api/auth/password-reset/confirm').send({ token, password }).expect(400);
    const signIn = await t
      .http()
      .post('/api/auth/sign-in')
      .send({ email: 'premiere.admin@exemple.gouv.fr', password })
      .expect(200);
    expect(signIn.body).toMatchObject({ user: { role: 'admin' }, mfaPending: 'enrol' });
  });

  it('is refused once an administrator exists', async () => {
    await expect(
      t.app.get(AgentsService).createFirstAdmin({
        email: 'seconde.admin@exemple.gouv.fr',
        displayName: 'Seconde administratrice',
      }),
    ).rejects.toThrow(/existe déjà/);
  });
});
