import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A success body that is a download (CSV, PDF, spreadsheet), not JSON. */
export interface FileResponse {
  readonly kind: 'file';
  readonly contentType: string;
}

/** `file('text/csv')`: the route answers with a download of that type. */
export const file = (contentType: string): FileResponse => ({ kind: 'file', contentType });

/** The types of the downloads the API serves (exports, the dashboard's workbook, open data). */
export const exportContentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Statuses a success can have. */
export type SuccessStatus = 200 | 201 | 202 | 204;

/**
 * One route of the API, as the server and every client see it. `path` is the full address with
 * `:name` placeholders (Express style), each one declared in `params`.
 */
export interface RouteDefinition {
  readonly method: HttpMethod;
  readonly path: `/${string}`;
  /** One French line for the documentation. */
  readonly summary: string;
  /** The documentation group (a French title). */
  readonly tag: string;
  /** Reachable without a session (no 401/403). */
  readonly public?: boolean;
  /** Reachable by a session still awaiting its second factor (the MFA steps themselves). */
  readonly allowMfaPending?: boolean;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The body is a multipart form (file uploads); `body` then describes its text fields. */
  readonly multipart?: boolean;
  readonly status: SuccessStatus;
  /** The success body: a schema, a file download, or `null` for 204 (no content). */
  readonly response: z.ZodType | FileResponse | null;
  /** Error statuses this route answers besides the usual ones (see `errorStatusesOf`). */
  readonly errors?: readonly number[];
  /**
   * What the route does to the token a client sends in `X-CSRF-Token`: its answer `issues` it
   * (the session's), or it `ends` it (signing out). Clients keep their token by this mark.
   */
  readonly csrf?: 'issues' | 'ends';
}

/**
 * The session's address: a client reads its CSRF token there before a first write, without the
 * session's schema (the route itself is `auth.session`).
 */
export const sessionPath = '/api/auth/session';

/** Keeps the literal types of a route (method, path, schemas) for the helper types below. */
export const route = <const R extends RouteDefinition>(definition: R): R => definition;

type SchemaOf<R, K extends keyof RouteDefinition> = K extends keyof R
  ? R[K] extends z.ZodType
    ? R[K]
    : never
  : never;

/** What a handler returns for this route (the schema's input side: before any transform). */
export type ResponseOf<R extends RouteDefinition> = R['response'] extends z.ZodType
  ? z.input<R['response']>
  : R['response'] extends null
    ? void
    : unknown;

/** What a client receives once the body is parsed (the schema's output side). */
export type ResponseDataOf<R extends RouteDefinition> = R['response'] extends z.ZodType
  ? z.output<R['response']>
  : R['response'] extends null
    ? undefined
    : Blob;

/** The body as the server's handler receives it, parsed. */
export type BodyOf<R extends RouteDefinition> = z.output<SchemaOf<R, 'body'>>;
/** The body as a client sends it. */
export type BodyInputOf<R extends RouteDefinition> = z.input<SchemaOf<R, 'body'>>;
/** The query string as the handler receives it, parsed (defaults applied). */
export type QueryOf<R extends RouteDefinition> = z.output<SchemaOf<R, 'query'>>;
/** The query string as a client sends it. */
export type QueryInputOf<R extends RouteDefinition> = z.input<SchemaOf<R, 'query'>>;
/** The path parameters as a client sends them. */
export type ParamsOf<R extends RouteDefinition> = z.input<SchemaOf<R, 'params'>>;

/**
 * The error statuses a route documents: 400 when it reads input, 401/403 unless public, 404
 * when it names a resource, 429 when rate-limited, plus the route's own (409, 422…).
 */
export function errorStatusesOf(definition: RouteDefinition): number[] {
  const statuses = new Set<number>(definition.errors ?? []);
  if (definition.body || definition.query || definition.params || definition.multipart)
    statuses.add(400);
  if (!definition.public) {
    statuses.add(401);
    statuses.add(403);
    // Signed-in writes are rate-limited per account.
    if (definition.method !== 'GET') statuses.add(429);
  }
  if (definition.params) statuses.add(404);
  // Any route may meet an outage (database or file storage unreachable): 503 with Retry-After.
  statuses.add(503);
  return [...statuses].sort((a, b) => a - b);
}

/** `/api/dossiers/:id` → `/api/dossiers/{id}` (OpenAPI's template). */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Fills the `:name` placeholders of a path, each value URL-encoded. */
/** A path or query value as text (strings as they are, numbers and booleans printed). */
export function paramText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Fills the `:name` placeholders of a path, each value URL-encoded. */
export function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`Paramètre manquant : ${name}`);
    return encodeURIComponent(paramText(value));
  });
}

/** A regular expression matching the concrete paths of a route template. */
export function pathPattern(path: string): RegExp {
  const escaped = path
    .split(/(:[A-Za-z0-9_]+)/)
    .map((part) => (part.startsWith(':') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${escaped}$`);
}

/**
 * The route a request goes to, among `routes`: the method must match and the path fit the
 * template; a fixed segment wins over a placeholder (`/mine` before `/:id`).
 */
export function findRoute<R extends RouteDefinition>(
  routes: readonly R[],
  method: string,
  url: string,
): R | undefined {
  const path = url.split('?')[0] ?? url;
  const placeholders = (r: R) => (r.path.match(/:/g) ?? []).length;
  return [...routes]
    .filter((r) => r.method === method.toUpperCase() && pathPattern(r.path).test(path))
    .sort((a, b) => placeholders(a) - placeholders(b))[0];
}
