// Only the schema-free part of the contract: an app's client carries the routes it is given,
// not every feature's schemas (see `createApiClientFor`), and no schema before its first call.
import {
  fillPath,
  paramText,
  sessionPath,
  type BodyInputOf,
  type ParamsOf,
  type QueryInputOf,
  type ResponseDataOf,
  type RouteDefinition,
} from '@nec/contracts/route';
import { ApiError, clientErrorBody, errorFrom } from './errors.js';

/** What a call takes: the route's path parameters, query and body, each where the route has one. */
export type CallArgs<R extends RouteDefinition> = (R extends { params: object }
  ? { params: ParamsOf<R> }
  : { params?: never }) &
  (R extends { query: object } ? { query?: QueryInputOf<R> } : { query?: never }) &
  (R extends { body: object }
    ? R extends { multipart: true }
      ? { body: FormData }
      : { body: BodyInputOf<R> }
    : { body?: never }) & { signal?: AbortSignal };

/** How far an upload has gone: bytes sent of the total, and the fraction (0 to 1). */
export interface UploadProgress {
  loaded: number;
  total: number;
  fraction: number;
}

/** A route that takes a multipart form (a file and the text fields its `body` schema describes). */
export type MultipartRoute = RouteDefinition & { multipart: true; body: object };

/**
 * What an upload takes: the route's path parameters, its text fields (typed by the route's
 * `body` schema), the file, and a callback told of the progress as the bytes leave.
 */
export type UploadArgs<R extends RouteDefinition> = (R extends { params: object }
  ? { params: ParamsOf<R> }
  : { params?: never }) & {
  fields: BodyInputOf<R>;
  file: Blob;
  /** The file's name as sent; a `File`'s own name by default. */
  fileName?: string;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
};

/** One call: resolves with the parsed, typed response; rejects with an `ApiError`. */
export type Call<R extends RouteDefinition> =
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "no argument required"
  {} extends CallArgs<R>
    ? (args?: CallArgs<R>) => Promise<ResponseDataOf<R>>
    : (args: CallArgs<R>) => Promise<ResponseDataOf<R>>;

/** Routes grouped by feature, as the contract is (`contract`, or a few of its features). */
export type RouteTable = Record<string, Record<string, RouteDefinition>>;

/** The calls of a route table, grouped as it is: `api.dossiers.get({ params: { id } })`. */
export type ApiCallsOf<C extends RouteTable> = {
  [F in keyof C]: {
    [N in keyof C[F]]: C[F][N] extends RouteDefinition ? Call<C[F][N]> : never;
  };
};

export type ApiClientOf<C extends RouteTable> = ApiCallsOf<C> & ClientSession;

/** What every client has beside its calls, whatever its routes (functions, safe to pass on). */
export interface ClientSession {
  /** Sets (or forgets) the CSRF token sent with writes; sign-in and session calls set it. */
  setCsrfToken: (token: string | undefined) => void;
  /** Calls any route of the contract with this client's session: what the grouped calls do. */
  call: <R extends RouteDefinition>(route: R, args?: CallArgs<R>) => Promise<ResponseDataOf<R>>;
  /**
   * Sends a file to a multipart route, telling `onProgress` how far it has gone (`fetch` cannot:
   * this goes through `XMLHttpRequest`), with the same cookie, CSRF token, errors and response
   * check as every other call: `api.upload(attachments.upload, { params, fields, file })`.
   */
  upload: <R extends MultipartRoute>(route: R, args: UploadArgs<R>) => Promise<ResponseDataOf<R>>;
}

export interface ApiClientOptions {
  /** Where the API is: `''` for the same origin (the apps are served beside it). */
  baseUrl?: string;
  /** The `fetch` to use (tests, server-side rendering); the browser's by default. */
  fetch?: typeof fetch;
  /** Makes the `XMLHttpRequest` of an upload with progress (tests); the browser's by default. */
  xhr?: () => UploadRequest;
}

/**
 * What an upload uses of `XMLHttpRequest` (the only browser API that reports upload progress),
 * declared here so the package also typechecks without the DOM library (the API's tests).
 */
export interface UploadRequest {
  open(method: string, url: string): void;
  withCredentials: boolean;
  setRequestHeader(name: string, value: string): void;
  upload: { onprogress: ((event: UploadProgressEvent) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  ontimeout: (() => void) | null;
  onabort: (() => void) | null;
  readonly status: number;
  readonly responseText: string;
  getAllResponseHeaders(): string;
  abort(): void;
  send(body?: FormData | string | null): void;
}

interface UploadProgressEvent {
  lengthComputable: boolean;
  loaded: number;
  total: number;
}

const browserXhr = (): UploadRequest =>
  new (globalThis as unknown as { XMLHttpRequest: new () => UploadRequest }).XMLHttpRequest();

const CSRF_HEADER = 'X-CSRF-Token';

/** `?state=a&state=b`: arrays repeat their key; absent values are left out. */
export function queryString(query: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item !== undefined && item !== null) search.append(key, paramText(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The address of a route, its path filled and its query written as every call writes them: for
 * a link the browser follows itself (a file to download), typed by the route like a call.
 */
export function routeUrl<R extends RouteDefinition>(
  route: R,
  args: Pick<CallArgs<R>, 'params' | 'query'>,
  baseUrl = '',
): string {
  const { params, query } = args as { params?: Record<string, unknown>; query?: object };
  return urlOf(route, params, query as Record<string, unknown> | undefined, baseUrl);
}

function urlOf(
  route: Pick<RouteDefinition, 'path'>,
  params: Record<string, unknown> | undefined,
  query: Record<string, unknown> | undefined,
  baseUrl: string,
): string {
  return `${baseUrl}${fillPath(route.path, params)}${queryString(query)}`;
}

/** What `send` needs of a route: where to send, and whether a write needs the CSRF token. */
type RouteAddress = Pick<RouteDefinition, 'method' | 'path' | 'public'>;

const sessionRoute: RouteAddress = { method: 'GET', path: sessionPath };

const hasCsrfToken = (data: unknown): data is { csrfToken: string } =>
  typeof data === 'object' &&
  data !== null &&
  typeof (data as { csrfToken?: unknown }).csrfToken === 'string';

/**
 * A typed client of the API for the features of the contract an app uses, e.g.
 * `createApiClientFor({ auth, reporting })` with the features imported from their own entries
 * (`@nec/contracts/auth`…): the app's bundle then holds only those routes' schemas.
 * `createApiClient` binds the whole contract.
 *
 * Each call fills the path, sends the session cookie (`credentials: 'include'`) and, on
 * writes, the session's CSRF token (fetched from the session route when missing, whether or
 * not `routes` has `auth`); the answer is checked against the route's schema and typed by it.
 * Errors are `ApiError`s (`ConflictError` on 409, `RateLimitError` on 429,
 * `SessionExpiredError` on 401).
 */
export function createApiClientFor<const C extends RouteTable>(
  routes: C,
  options: ApiClientOptions = {},
): ApiClientOf<C> {
  const { call, setCsrfToken, upload } = createClientCore(options);
  const calls = Object.fromEntries(
    Object.entries(routes).map(([feature, featureRoutes]) => [
      feature,
      Object.fromEntries(
        Object.entries(featureRoutes).map(([name, route]) => [
          name,
          (args?: CallArgs<RouteDefinition>) => call(route, args),
        ]),
      ),
    ]),
  ) as unknown as ApiCallsOf<C>;
  return { ...calls, setCsrfToken, call, upload };
}

/** What the lazy client adds to a client's session: a read sent before its route has loaded. */
export interface ClientCore extends ClientSession {
  /**
   * Sends a read (`GET path`, its path filled and its query written as `call` does) at once,
   * and checks the answer against `route` once that has loaded: a feature's schemas and its
   * first request then travel together. `route` must be the GET route of that path.
   */
  readEarly: <R extends RouteDefinition>(
    path: `/${string}`,
    route: Promise<R>,
    args?: CallArgs<R>,
  ) => Promise<ResponseDataOf<R>>;
}

/** A client's session and calls without a route table: what both clients are built on. */
export function createClientCore(options: ApiClientOptions = {}): ClientCore {
  const baseUrl = options.baseUrl ?? '';
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const makeXhr = options.xhr ?? browserXhr;
  let csrfToken: string | undefined;

  async function send(route: RouteAddress, args: CallArgsAny): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: FormData | string | undefined;
    if (args.body instanceof FormData) body = args.body;
    else if (args.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(args.body);
    }
    if (route.method !== 'GET') {
      if (!route.public) csrfToken ??= await fetchCsrfToken();
      if (csrfToken) headers[CSRF_HEADER] = csrfToken;
    }
    const url = urlOf(route, args.params, args.query, baseUrl);
    if (args.onProgress) return sendWithProgress(route.method, url, headers, body, args);
    try {
      return await fetchImpl(url, {
        method: route.method,
        headers,
        body,
        credentials: 'include',
        signal: args.signal,
      });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(0, clientErrorBody('network'));
    }
  }

  /** The same request through `XMLHttpRequest`, whose upload events tell the progress. */
  function sendWithProgress(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: FormData | string | undefined,
    args: CallArgsAny,
  ): Promise<Response> {
    const onProgress = args.onProgress;
    return new Promise<Response>((resolve, reject) => {
      const xhr = makeXhr();
      const aborted = () => reject(new DOMException('Envoi annulé.', 'AbortError'));
      if (args.signal?.aborted) {
        aborted();
        return;
      }
      xhr.open(method, url);
      xhr.withCredentials = true;
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0)
          onProgress?.({
            loaded: event.loaded,
            total: event.total,
            fraction: event.loaded / event.total,
          });
      };
      xhr.onload = () => {
        const status = xhr.status;
        const text = status === 204 ? null : xhr.responseText;
        resolve(new Response(text, { status, headers: headersOf(xhr.getAllResponseHeaders()) }));
      };
      xhr.onerror = () => reject(new ApiError(0, clientErrorBody('network')));
      xhr.ontimeout = xhr.onerror;
      xhr.onabort = aborted;
      args.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(body ?? null);
    });
  }

  /** The session's token, read from its route (only the token: no schema needed for it). */
  async function fetchCsrfToken(): Promise<string> {
    const res = await send(sessionRoute, {});
    if (!res.ok) throw await failure(res);
    const data: unknown = await res.json().catch(() => undefined);
    if (!hasCsrfToken(data)) throw new ApiError(res.status, clientErrorBody('unexpected-response'));
    return data.csrfToken;
  }

  async function failure(res: Response): Promise<ApiError> {
    const json: unknown = await res.json().catch(() => null);
    const error = await errorFrom(res.status, json, res.headers);
    if (error.status === 401) csrfToken = undefined;
    return error;
  }

  async function call<R extends RouteDefinition>(
    route: R,
    args: CallArgsAny,
    retried = false,
  ): Promise<ResponseDataOf<R>> {
    const res = await send(route, args);
    if (!res.ok) {
      const error = await failure(res);
      // The token changed (signed in again in another tab): fetch the current one, once.
      if (error.code === 'csrf-token-invalid' && !retried) {
        csrfToken = undefined;
        return call(route, args, true);
      }
      throw error;
    }
    return (await readSuccess(route, res)) as ResponseDataOf<R>;
  }

  async function readSuccess(route: RouteDefinition, res: Response): Promise<unknown> {
    const { response } = route;
    if (response === null) {
      if (route.csrf === 'ends') csrfToken = undefined;
      return undefined;
    }
    if ('kind' in response) return res.blob();
    const parsed = response.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new ApiError(res.status, clientErrorBody('unexpected-response'));
    if (route.csrf === 'issues' && hasCsrfToken(parsed.data)) csrfToken = parsed.data.csrfToken;
    return parsed.data;
  }

  async function readEarly<R extends RouteDefinition>(
    path: `/${string}`,
    route: Promise<R>,
    args: CallArgsAny,
  ): Promise<ResponseDataOf<R>> {
    const [res, loaded] = await Promise.all([send({ method: 'GET', path }, args), route]);
    if (loaded.method !== 'GET' || loaded.path !== path)
      throw new TypeError(`${path} n’est pas l’adresse de la route chargée (${loaded.path}).`);
    if (!res.ok) throw await failure(res);
    return (await readSuccess(loaded, res)) as ResponseDataOf<R>;
  }

  async function upload<R extends MultipartRoute>(
    route: R,
    args: UploadArgs<R>,
  ): Promise<ResponseDataOf<R>> {
    const form = new FormData();
    for (const [name, value] of Object.entries(args.fields as Record<string, unknown>)) {
      if (value !== undefined && value !== null) form.append(name, paramText(value));
    }
    const name = args.fileName ?? ('name' in args.file ? String(args.file.name) : 'fichier');
    form.append('file', args.file, name);
    const size = args.file.size;
    const result = await call(route, {
      params: args.params,
      body: form,
      signal: args.signal,
      onProgress: args.onProgress ?? (() => undefined),
    });
    args.onProgress?.({ loaded: size, total: size, fraction: 1 });
    return result;
  }

  return {
    setCsrfToken: (token) => {
      csrfToken = token;
    },
    call: <R extends RouteDefinition>(route: R, args?: CallArgs<R>) =>
      call(route, (args ?? {}) as CallArgsAny),
    upload,
    readEarly: <R extends RouteDefinition>(
      path: `/${string}`,
      route: Promise<R>,
      args?: CallArgs<R>,
    ) => readEarly(path, route, (args ?? {}) as CallArgsAny),
  };
}

/** The headers of an `XMLHttpRequest` answer (`name: value` lines) as a `Headers`. */
function headersOf(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

interface CallArgsAny {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  signal?: AbortSignal;
  /** Sent through `XMLHttpRequest` to follow the upload's progress. */
  onProgress?: (progress: UploadProgress) => void;
}

export {
  ApiError,
  ConflictError,
  RateLimitError,
  SessionExpiredError,
  errorFrom,
  type FieldErrors,
} from './errors.js';
