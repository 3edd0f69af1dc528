import type { AddressInfo } from 'node:net';
import {
  ConflictError,
  SessionExpiredError,
  createApiClient,
  type ApiClient,
} from '@nec/api-client';
import { permanentNecLocalCampaign } from '@nec/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, insertCampaign, uniqueSiret } from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

/** Node's `fetch` keeps no cookies: a one-site cookie jar stands in for the browser's. */
function browserFetch(): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(input, { ...init, headers });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
}

const YEAR = new Date().getUTCFullYear();
let t: TestApp;
let api: ApiClient;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${YEAR}-03-02T09:00:00Z`);
  await insertCampaign(t, permanentNecLocalCampaign(YEAR));
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  api = createApiClient({ baseUrl: `http://127.0.0.1:${port}`, fetch: browserFetch() });
});
afterAll(async () => {
  await t.close();
});

describe('the API client against the real API', () => {
  it('signs up, signs in, files a draft and meets the typed errors', async () => {
    const email = 'cliente@example.org';
    await api.auth.signUp({ body: { email, password: PASSWORD, displayName: 'Cliente' } });
    await api.auth.confirmEmail({ body: { token: await t.outbox.tokenFor(email) } });
    const session = await api.auth.signIn({ body: { email, password: PASSWORD } });
    expect(session.user.email).toBe(email);

    const organisation = await api.organisations.create({
      body: {
        siret: uniqueSiret(),
        name: 'Association du Client (fictive)',
        category: 'association',
      },
    });
    const campaigns = await api.campaigns.list();
    expect(campaigns.total).toBe(1);
    const campaignId = campaigns.items[0]!.id;

    const draft = await api.dossiers.create({
      body: { campaignId, organisationId: organisation.id },
    });
    const saved = await api.dossiers.saveDraft({
      params: { id: draft.id },
      body: { version: draft.version, content: { title: 'Rencontre numérique' } },
    });
    expect(saved.version).toBe(draft.version + 1);

    const stale = await api.dossiers
      .saveDraft({ params: { id: draft.id }, body: { version: draft.version, content: {} } })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).currentVersion).toBe(saved.version);

    const mine = await api.dossiers.list({ query: { pageSize: 10 } });
    expect(mine).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(mine.items[0]?.title).toBe('Rencontre numérique');

    const invalid = await api.organisations
      .create({ body: { siret: '123', name: '', category: 'association' } })
      .catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 400, fieldErrors: { siret: expect.any(String) } });

    await api.auth.signOut();
    await expect(api.dossiers.list()).rejects.toBeInstanceOf(SessionExpiredError);
  });
});
