import { auth } from '@nec/contracts/auth';
import { publicReporting } from '@nec/contracts/reporting';
import type { RouteDefinition } from '@nec/contracts/route';
import { describe, expect, it } from 'vitest';
import { ApiError } from './core.js';
import { createLazyApiClientFor } from './lazy.js';
import { fakeFetch, json, thingReads, things } from './testing/fake-fetch.js';

const session = {
  user: {
    id: '6f1c2d6e-52a4-4c59-9d0b-6c2b4b1b9f10',
    email: 'porteuse@example.org',
    displayName: 'Porteuse',
    role: 'applicant',
  },
  csrfToken: 'jeton-1',
  mfaEnabled: false,
  mfaPending: null,
};

/** A loader that counts its calls, failing the first `failures` times as a lost chunk would. */
function counted<T extends Record<string, RouteDefinition>>(routes: T, failures = 0) {
  const loader = Object.assign(
    () => {
      loader.calls += 1;
      return loader.calls <= failures
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve(routes);
    },
    { calls: 0 },
  );
  return loader;
}

describe('createLazyApiClientFor (features loaded by their first call)', () => {
  it('loads nothing before a call, then a feature once, whatever the number of calls', async () => {
    const loadThings = counted(things);
    const { fetch, sent } = fakeFetch(
      json(200, session),
      json(201, { id: 'a1' }),
      json(201, { id: 'a2' }),
    );
    const api = createLazyApiClientFor({ things: loadThings }, { fetch });
    expect(loadThings.calls).toBe(0);
    expect(await api.things.create({ body: { name: 'x' } })).toEqual({ id: 'a1' });
    expect(await api.things.create({ body: { name: 'y' } })).toEqual({ id: 'a2' });
    expect(loadThings.calls).toBe(1);
    expect(sent.map((s) => s.url)).toEqual([auth.session.path, '/api/things', '/api/things']);
  });

  it('preloads a feature ahead of its first call, which then reuses it', async () => {
    const loadThings = counted(things);
    const loadOthers = counted(publicReporting);
    const { fetch, sent } = fakeFetch(json(200, session), json(201, { id: 'a1' }));
    const api = createLazyApiClientFor({ things: loadThings, others: loadOthers }, { fetch });
    api.preload(['things']);
    expect(loadThings.calls).toBe(1);
    expect(loadOthers.calls).toBe(0);
    expect(sent).toHaveLength(0);
    expect(await api.things.create({ body: { name: 'x' } })).toEqual({ id: 'a1' });
    expect(loadThings.calls).toBe(1);
  });

  it('says nothing of a failed preload: the first call loads the feature again', async () => {
    const loadThings = counted(things, 1);
    const { fetch } = fakeFetch(json(200, session), json(201, { id: 'a1' }));
    const api = createLazyApiClientFor({ things: loadThings }, { fetch });
    api.preload(['things']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await api.things.create({ body: { name: 'x' } })).toEqual({ id: 'a1' });
    expect(loadThings.calls).toBe(2);
  });

  it('checks answers against the loaded routes', async () => {
    const { fetch } = fakeFetch(json(200, { editions: 'aucune' }));
    const api = createLazyApiClientFor({ publicReporting: counted(publicReporting) }, { fetch });
    const error = await api.publicReporting.nationalEditions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('unexpected-response');
  });

  it('shares one session between features: a token set once is sent by every feature', async () => {
    const { fetch, sent } = fakeFetch(json(201, { id: 'a1' }));
    const api = createLazyApiClientFor({ things: counted(things), auth: counted(auth) }, { fetch });
    api.setCsrfToken('jeton-2');
    await api.things.create({ body: { name: 'x' } });
    expect(sent.map((s) => s.url)).toEqual(['/api/things']);
    expect(new Headers(sent[0]?.init.headers).get('X-CSRF-Token')).toBe('jeton-2');
  });

  it('fails a call whose feature did not load as a network error, and loads again next time', async () => {
    const loadThings = counted(things, 1);
    const { fetch } = fakeFetch(json(201, { id: 'a1' }));
    const api = createLazyApiClientFor({ things: loadThings }, { fetch });
    api.setCsrfToken('jeton-1');
    const error = await api.things.create({ body: { name: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('network');
    expect(await api.things.create({ body: { name: 'x' } })).toEqual({ id: 'a1' });
    expect(loadThings.calls).toBe(2);
  });

  it('refuses a route its feature does not have, and is not mistaken for a promise', async () => {
    const api = createLazyApiClientFor({ things: counted(things) }, { fetch: fakeFetch().fetch });
    const unknown = (api.things as unknown as Record<string, () => Promise<unknown>>).remove;
    await expect(unknown?.()).rejects.toThrow('things.remove');
    expect((api.things as unknown as { then?: unknown }).then).toBeUndefined();
  });
});

describe('createLazyApiClientFor with the contract’s read paths (a first read sent at once)', () => {
  /** A loader whose routes come when the test says so, as a chunk on a slow line. */
  function held<T>(routes: T) {
    let release = () => undefined as void;
    const arrived = new Promise<T>((resolve) => (release = () => resolve(routes)));
    return { load: () => arrived, release };
  }
  const readPaths = { thingReads: { get: '/api/things/:id' } } as const;
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('sends the read before the feature has loaded, then checks the answer with its schema', async () => {
    const loader = held(thingReads);
    const { fetch, sent } = fakeFetch(json(200, { id: 't1', name: 'Une chose' }));
    const api = createLazyApiClientFor({ thingReads: loader.load }, { fetch, readPaths });
    const answer = api.thingReads.get({ params: { id: 't1' }, query: { detail: true } });
    await tick();
    expect(sent.map((s) => s.url)).toEqual(['/api/things/t1?detail=true']);
    expect(sent[0]?.init.method).toBe('GET');
    loader.release();
    expect(await answer).toEqual({ id: 't1', name: 'Une chose' });
  });

  it('refuses an answer the loaded schema refuses, and reports the API’s errors as ever', async () => {
    const { fetch } = fakeFetch(
      json(200, { id: 't1' }),
      json(404, { statusCode: 404, code: 'not-found', message: 'Introuvable.' }),
    );
    const api = createLazyApiClientFor({ thingReads: counted(thingReads) }, { fetch, readPaths });
    const wrong = await api.thingReads.get({ params: { id: 't1' } }).catch((e: unknown) => e);
    expect((wrong as ApiError).code).toBe('unexpected-response');
    const missing = await api.thingReads.get({ params: { id: 't2' } }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect((missing as ApiError).status).toBe(404);
  });

  it('fails loudly when the read path is not the loaded route’s (a stale read-paths file)', async () => {
    const { fetch } = fakeFetch(json(200, { id: 't1', name: 'x' }));
    const api = createLazyApiClientFor(
      { thingReads: counted(thingReads) },
      { fetch, readPaths: { thingReads: { get: '/api/choses/:id' } } },
    );
    await expect(api.thingReads.get({ params: { id: 't1' } })).rejects.toThrow(TypeError);
  });

  it('fails the read as a network error when its feature does not load', async () => {
    const { fetch } = fakeFetch(json(200, { id: 't1', name: 'x' }));
    const api = createLazyApiClientFor(
      { thingReads: counted(thingReads, 1) },
      { fetch, readPaths },
    );
    const error = await api.thingReads.get({ params: { id: 't1' } }).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('network');
  });

  it('sends writes as before: after their feature, with the session’s token', async () => {
    const { fetch, sent } = fakeFetch(json(200, session), json(201, { id: 'a1' }));
    const api = createLazyApiClientFor(
      { things: counted(things) },
      { fetch, readPaths: { ...readPaths, things: {} } },
    );
    expect(await api.things.create({ body: { name: 'x' } })).toEqual({ id: 'a1' });
    expect(sent.map((s) => s.url)).toEqual([auth.session.path, '/api/things']);
  });
});
