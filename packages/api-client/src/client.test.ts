import { contract } from '@nec/contracts';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  ConflictError,
  RateLimitError,
  SessionExpiredError,
  createApiClient,
  queryString,
  routeUrl,
  type UploadRequest,
} from './index.js';
import { fakeFetch, json, type Sent } from './testing/fake-fetch.js';

const session = {
  user: {
    id: '6f1c2d6e-52a4-4c59-9d0b-6c2b4b1b9f10',
    email: 'porteuse@example.org',
    displayName: 'Porteuse',
    role: 'applicant',
  },
  csrfToken: 'jeton-csrf-1',
  mfaEnabled: false,
  mfaPending: null,
};
const dossierId = '0b8f3a3e-8d0f-4c1b-9a54-3f7a3c1f2a11';
const saved = { version: 3, updatedAt: '2026-11-29T10:00:00.000Z', draftIssues: [], unsaved: [] };

const headerOf = (s: Sent | undefined, name: string) => new Headers(s?.init.headers).get(name);

describe('createApiClient', () => {
  it('calls the route of the contract, with the cookie, and returns the parsed page', async () => {
    const { fetch, sent } = fakeFetch(json(200, { items: [], total: 0, page: 2, pageSize: 5 }));
    const api = createApiClient({ baseUrl: 'https://nec.example', fetch });
    const page = await api.campaigns.list({ query: { status: 'all', page: 2, pageSize: 5 } });
    expect(page).toEqual({ items: [], total: 0, page: 2, pageSize: 5 });
    expect(sent[0]?.url).toBe('https://nec.example/api/campaigns?status=all&page=2&pageSize=5');
    expect(sent[0]?.init).toMatchObject({ method: 'GET', credentials: 'include' });
  });

  it('fills path parameters, URL-encoded', async () => {
    const { fetch, sent } = fakeFetch(
      json(404, { error: 'not-found', message: 'Introuvable.', fields: [] }),
    );
    const api = createApiClient({ fetch });
    await expect(api.campaigns.get({ params: { id: 'a b/c' } })).rejects.toBeInstanceOf(ApiError);
    expect(sent[0]?.url).toBe('/api/campaigns/a%20b%2Fc');
  });

  it('keeps the CSRF token of the sign-in and sends it with every write', async () => {
    const { fetch, sent } = fakeFetch(json(200, session), json(200, saved));
    const api = createApiClient({ fetch });
    const signedIn = await api.auth.signIn({
      body: { email: 'porteuse@example.org', password: 'un mot de passe' },
    });
    expect(signedIn.user.role).toBe('applicant');
    const result = await api.dossiers.saveDraft({
      params: { id: dossierId },
      body: { version: 2, content: { title: 'Mon évènement' } },
    });
    expect(result.version).toBe(3);
    expect(sent[1]?.init.method).toBe('PUT');
    expect(sent[1]?.url).toBe(`/api/dossiers/${dossierId}/draft`);
    expect(headerOf(sent[1], 'X-CSRF-Token')).toBe('jeton-csrf-1');
    expect(headerOf(sent[1], 'Content-Type')).toBe('application/json');
    expect(JSON.parse(sent[1]?.init.body as string)).toEqual({
      version: 2,
      content: { title: 'Mon évènement' },
    });
  });

  it('reads the session first when a write needs a token it does not have yet (page reload)', async () => {
    const { fetch, sent } = fakeFetch(json(200, session), json(200, saved));
    const api = createApiClient({ fetch });
    await api.dossiers.saveDraft({ params: { id: dossierId }, body: { version: 2, content: {} } });
    expect(sent.map((s) => s.url)).toEqual([
      '/api/auth/session',
      `/api/dossiers/${dossierId}/draft`,
    ]);
    expect(headerOf(sent[1], 'X-CSRF-Token')).toBe('jeton-csrf-1');
  });

  it('keeps the token the second factor’s answer carries, and forgets it on sign-out', async () => {
    const { fetch, sent } = fakeFetch(
      json(200, { ...session, csrfToken: 'jeton-apres-code' }),
      () => new Response(null, { status: 204 }),
      json(200, { ...session, csrfToken: 'jeton-suivant' }),
      json(200, saved),
    );
    const api = createApiClient({ fetch });
    api.setCsrfToken('jeton-avant-code');
    await api.auth.mfaVerify({ body: { code: '123456' } });
    await api.auth.signOut();
    expect(headerOf(sent[1], 'X-CSRF-Token')).toBe('jeton-apres-code');
    await api.dossiers.saveDraft({ params: { id: dossierId }, body: { version: 2, content: {} } });
    expect(sent[2]?.url).toBe('/api/auth/session');
    expect(headerOf(sent[3], 'X-CSRF-Token')).toBe('jeton-suivant');
  });

  it('fails a write with the session’s own error when its token cannot be read', async () => {
    const expired = { error: 'unauthenticated', message: 'Connectez-vous.', fields: [] };
    const { fetch, sent } = fakeFetch(json(401, expired));
    const api = createApiClient({ fetch });
    const write = api.dossiers.saveDraft({
      params: { id: dossierId },
      body: { version: 2, content: {} },
    });
    await expect(write).rejects.toBeInstanceOf(SessionExpiredError);
    expect(sent.map((s) => s.url)).toEqual(['/api/auth/session']);
  });

  it('fetches the current token and retries once when the token is refused', async () => {
    const refused = { error: 'csrf-token-invalid', message: 'Jeton périmé.', fields: [] };
    const { fetch, sent } = fakeFetch(
      json(403, refused),
      json(200, { ...session, csrfToken: 'jeton-csrf-2' }),
      json(200, saved),
    );
    const api = createApiClient({ fetch });
    api.setCsrfToken('ancien');
    await api.dossiers.saveDraft({ params: { id: dossierId }, body: { version: 2, content: {} } });
    expect(headerOf(sent[2], 'X-CSRF-Token')).toBe('jeton-csrf-2');
  });

  it('turns the error shape into an ApiError with field errors for a form', async () => {
    const { fetch } = fakeFetch(
      json(400, {
        error: 'invalid-request',
        message: 'Certains champs sont invalides.',
        fields: [
          {
            path: 'email',
            code: 'invalid_format',
            message: 'Saisissez une adresse électronique valide.',
          },
          { path: 'email', code: 'too_big', message: 'Trop longue.' },
          { path: 'password', code: 'too_small', message: 'Au moins 12 caractères.' },
        ],
      }),
    );
    const api = createApiClient({ fetch });
    const error = await api.auth
      .signUp({ body: { email: 'x', password: 'court', displayName: 'X' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid-request',
      message: 'Certains champs sont invalides.',
      fieldErrors: {
        email: 'Saisissez une adresse électronique valide.',
        password: 'Au moins 12 caractères.',
      },
    });
  });

  it('gives a 409 as a ConflictError with the version the server holds', async () => {
    const { fetch } = fakeFetch(
      json(200, session),
      json(409, {
        error: 'version-conflict',
        message: 'Ce dossier a été modifié entre-temps.',
        fields: [],
        currentVersion: 5,
        content: { title: 'Autre onglet' },
      }),
    );
    const api = createApiClient({ fetch });
    const error = await api.dossiers
      .saveDraft({ params: { id: dossierId }, body: { version: 2, content: {} } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      status: 409,
      code: 'version-conflict',
      currentVersion: 5,
      current: { currentVersion: 5, content: { title: 'Autre onglet' } },
    });
  });

  it('gives a 429 as a RateLimitError with its delay, from the body or the header', async () => {
    const limited = { error: 'rate-limited', message: 'Trop de tentatives.', fields: [] };
    const { fetch } = fakeFetch(
      json(429, { ...limited, retryAfterSeconds: 42 }),
      json(429, limited, { 'Retry-After': '17' }),
    );
    const api = createApiClient({ fetch });
    const body = { email: 'a@example.org', password: 'x' };
    await expect(api.auth.signIn({ body })).rejects.toMatchObject({ retryAfterSeconds: 42 });
    const second = await api.auth.signIn({ body }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(RateLimitError);
    expect(second).toMatchObject({ retryAfterSeconds: 17 });
  });

  it('gives a 401 as a SessionExpiredError', async () => {
    const { fetch } = fakeFetch(
      json(401, { error: 'unauthenticated', message: 'Connectez-vous.', fields: [] }),
    );
    const api = createApiClient({ fetch });
    await expect(api.dossiers.list()).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it('refuses an answer that does not match the contract', async () => {
    const { fetch } = fakeFetch(json(200, { items: 'pas une liste' }));
    const api = createApiClient({ fetch });
    await expect(api.campaigns.list()).rejects.toMatchObject({ code: 'unexpected-response' });
  });

  it('reports an unreachable server as an ApiError in French', async () => {
    const fetch = (() => Promise.reject(new TypeError('fetch failed'))) as typeof globalThis.fetch;
    const api = createApiClient({ fetch });
    await expect(api.campaigns.list()).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('returns nothing for a 204', async () => {
    const { fetch } = fakeFetch(json(200, session), () => new Response(null, { status: 204 }));
    const api = createApiClient({ fetch });
    await expect(api.auth.signOut()).resolves.toBeUndefined();
  });
});

/** A fake `XMLHttpRequest`: records what is sent, reports progress, answers as told. */
function fakeXhr(answer: { status: number; body: unknown; headers?: string } | 'network') {
  const made: FakeXhr[] = [];
  class FakeXhr {
    method = '';
    url = '';
    withCredentials = false;
    headers: Record<string, string> = {};
    body: unknown = null;
    status = 0;
    responseText = '';
    upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    onabort: (() => void) | null = null;
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    getAllResponseHeaders() {
      return answer === 'network' ? '' : (answer.headers ?? 'content-type: application/json\r\n');
    }
    abort() {
      this.onabort?.();
    }
    send(body: unknown) {
      this.body = body;
      queueMicrotask(() => {
        if (answer === 'network') return this.onerror?.();
        for (const loaded of [0, 512, 1024])
          this.upload.onprogress?.({
            lengthComputable: true,
            loaded,
            total: 1024,
          } as ProgressEvent);
        this.status = answer.status;
        this.responseText = JSON.stringify(answer.body);
        this.onload?.();
      });
    }
  }
  return {
    made,
    xhr: () => {
      const x = new FakeXhr();
      made.push(x);
      return x as unknown as UploadRequest;
    },
  };
}

describe('upload with progress', () => {
  const attachment = {
    id: '5d3c2b1a-0f9e-4d8c-b7a6-958473625140',
    dossierId,
    kind: 'information-answer',
    originalName: 'devis.pdf',
    sizeBytes: 1024,
    detectedType: 'application/pdf',
    sha256: 'a'.repeat(64),
    scanStatus: 'not-scanned',
    downloadable: true,
    uploadedAt: '2026-11-29T10:00:00.000Z',
    uploadedByRole: 'applicant',
    uploadedByMe: true,
    caption: null,
    purgedAt: null,
  };
  const file = new File([new Uint8Array(1024)], 'devis.pdf', { type: 'application/pdf' });

  it('sends the file and the typed fields, with the cookie and token, and reports progress', async () => {
    const { fetch } = fakeFetch(json(200, session));
    const { xhr, made } = fakeXhr({ status: 201, body: attachment });
    const api = createApiClient({ fetch, xhr });
    const seen: number[] = [];
    const result = await api.upload(contract.attachments.upload, {
      params: { id: dossierId },
      fields: { kind: 'information-answer' },
      file,
      onProgress: (p) => seen.push(p.fraction),
    });
    expect(result.originalName).toBe('devis.pdf');
    expect(seen).toEqual([0, 0.5, 1, 1]);
    const sent = made[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe(`/api/dossiers/${dossierId}/attachments`);
    expect(sent.withCredentials).toBe(true);
    expect(sent.headers['X-CSRF-Token']).toBe('jeton-csrf-1');
    const form = sent.body as FormData;
    expect(form.get('kind')).toBe('information-answer');
    expect((form.get('file') as File).name).toBe('devis.pdf');
  });

  it('turns a refusal into the same typed errors as other calls', async () => {
    const { xhr } = fakeXhr({
      status: 413,
      body: {
        error: 'file-too-large',
        message: 'Le fichier dépasse la taille maximale autorisée (10 Mo).',
        fields: [{ path: 'file', code: 'file-too-large', message: 'Taille maximale : 10 Mo.' }],
      },
    });
    const api = createApiClient({ xhr });
    api.setCsrfToken('jeton');
    const error = await api
      .upload(contract.attachments.upload, {
        params: { id: dossierId },
        fields: { kind: 'budget' },
        file,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 413, fieldErrors: { file: 'Taille maximale : 10 Mo.' } });
  });

  it('reports a network failure in French, and an abort as an AbortError', async () => {
    const api = createApiClient({ xhr: fakeXhr('network').xhr });
    api.setCsrfToken('jeton');
    const args = { params: { id: dossierId }, fields: { kind: 'budget' as const }, file };
    await expect(api.upload(contract.attachments.upload, args)).rejects.toMatchObject({
      status: 0,
      code: 'network',
    });
    const controller = new AbortController();
    controller.abort();
    const ok = createApiClient({ xhr: fakeXhr({ status: 201, body: attachment }).xhr });
    ok.setCsrfToken('jeton');
    await expect(
      ok.upload(contract.attachments.upload, { ...args, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('queryString', () => {
  it('repeats array keys and leaves absent values out', () => {
    expect(queryString({ state: ['submitted', 'accepted'], q: undefined, page: 1 })).toBe(
      '?state=submitted&state=accepted&page=1',
    );
    expect(queryString({})).toBe('');
  });
});

describe('routeUrl', () => {
  it('writes a route’s address as a call sends it: path filled, lists repeated', () => {
    expect(
      routeUrl(contract.reporting.workbook, {
        query: { regions: ['84', '44'], from: '2024-01-01', to: '2024-12-31' },
      }),
    ).toBe('/api/reporting/workbook.xlsx?regions=84&regions=44&from=2024-01-01&to=2024-12-31');
    expect(
      routeUrl(contract.attachments.download, { params: { id: 'a b', attachmentId: '7' } }, '/x'),
    ).toBe('/x/api/dossiers/a%20b/attachments/7');
  });
});

// Types only: what does not fit the contract does not compile.
export function typeChecks(api: ReturnType<typeof createApiClient>) {
  // @ts-expect-error — a dossier is read by its id
  void api.dossiers.get();
  // @ts-expect-error — the draft's version is a number
  void api.dossiers.saveDraft({ params: { id: dossierId }, body: { version: '2', content: {} } });
  // @ts-expect-error — no such route
  void api.dossiers.delete;
  void api.upload(contract.attachments.upload, {
    params: { id: dossierId },
    // @ts-expect-error — the upload's fields are the route's: `kind` is one of the upload kinds
    fields: { kind: 'x' },
    file: new Blob(),
  });
  // @ts-expect-error — only multipart routes take a file
  void api.upload(contract.dossiers.get, {
    params: { id: dossierId },
    fields: {},
    file: new Blob(),
  });
  // @ts-expect-error — the workbook takes the reporting query: no such filter
  void routeUrl(contract.reporting.workbook, { query: { organisation: 'x' } });
  return api.dossiers.get({ params: { id: dossierId } }).then((d) => d.state satisfies string);
}
