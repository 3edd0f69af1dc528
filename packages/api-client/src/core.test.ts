import { readFileSync } from 'node:fs';
import { auth } from '@nec/contracts/auth';
import { openData, publicReporting } from '@nec/contracts/reporting';
import { describe, expect, it } from 'vitest';
import { ApiError, createApiClientFor } from './core.js';
import { fakeFetch, json, things } from './testing/fake-fetch.js';

const noEditions = {
  editions: [],
  totals: {
    editions: 0,
    editionsWithFigures: 0,
    cumulativePresent: 0,
    cumulativeSpeakersOrContributors: 0,
    cumulativeOnlineViewers: 0,
    peakPresent: null,
    presentGrowthPercent: null,
    timeline: [],
  },
};

describe('createApiClientFor (a client for a few features of the contract)', () => {
  it('has the calls of the features it is given, and only those', async () => {
    const { fetch, sent } = fakeFetch(json(200, noEditions));
    const api = createApiClientFor({ publicReporting, openData }, { fetch });
    expect(Object.keys(api).sort()).toEqual(
      ['call', 'openData', 'publicReporting', 'setCsrfToken', 'upload'].sort(),
    );
    expect(await api.publicReporting.nationalEditions()).toEqual(noEditions);
    expect(sent[0]?.url).toBe('/api/public/reporting/national-editions');
    expect(sent[0]?.init).toMatchObject({ method: 'GET', credentials: 'include' });
  });

  it('checks answers against the routes it was given', async () => {
    const { fetch } = fakeFetch(json(200, { editions: 'aucune' }));
    const api = createApiClientFor({ publicReporting }, { fetch });
    const error = await api.publicReporting.nationalEditions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('unexpected-response');
  });

  it('reads the session for the CSRF token of a write even without the auth feature', async () => {
    const session = {
      user: {
        id: '6f1c2d6e-52a4-4c59-9d0b-6c2b4b1b9f10',
        email: 'analyste@example.org',
        displayName: 'Analyste',
        role: 'analyst',
      },
      csrfToken: 'jeton-1',
      mfaEnabled: true,
      mfaPending: null,
    };
    const { fetch, sent } = fakeFetch(json(200, session), json(201, { id: 'a1' }));
    const api = createApiClientFor({ things }, { fetch });
    expect(await api.things.create({ body: { name: 'x' } })).toEqual({ id: 'a1' });
    expect(sent.map((s) => s.url)).toEqual([auth.session.path, '/api/things']);
    expect(new Headers(sent[1]?.init.headers).get('X-CSRF-Token')).toBe('jeton-1');
  });

  it('loads only the narrow entries of the contract, never its whole route table', () => {
    for (const file of ['core.ts', 'errors.ts', 'lazy.ts']) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      const specifiers = [...source.matchAll(/from '(@nec\/contracts[^']*)'/g)].map((m) => m[1]);
      expect(specifiers.length, file).toBeGreaterThan(0);
      expect(specifiers, file).not.toContain('@nec/contracts');
    }
  });
});
