import {
  allRoutes,
  errorBodySchema,
  errorStatusesOf,
  findRoute,
  strictDeep,
  type RouteDefinition,
} from '@nec/contracts';
import type { Response } from 'supertest';
import type { z } from 'zod';

/**
 * Every response an HTTP test receives is checked against the contract: the route must exist
 * (method + path template), the status be its success status or an error it documents, and the
 * body match the route's schema — strictly, so a field the API sends but the contract does not
 * declare fails too. Error bodies match the one error shape.
 */

const routes = allRoutes().map((r) => r.definition);

/** Errors any route can answer whatever it declares: a malformed or oversized request, a crash. */
const ANY_ROUTE_ERRORS = new Set([400, 408, 413, 415, 500]);

/** Addresses outside the contract on purpose: the documentation itself. */
const outsideContract = [/^\/api\/docs(\/|-json$|$)/];

const strictSchemas = new WeakMap<z.ZodType, z.ZodType>();
function strict(schema: z.ZodType): z.ZodType {
  let s = strictSchemas.get(schema);
  if (!s) strictSchemas.set(schema, (s = strictDeep(schema)));
  return s;
}

function mustMatch(schema: z.ZodType, body: unknown, what: string): void {
  const result = strict(schema).safeParse(body);
  if (!result.success) {
    throw new Error(
      `${what}: the body does not match the contract:\n${result.error.message}\nbody: ${JSON.stringify(body).slice(0, 2000)}`,
    );
  }
}

/** The JSON body, also when a test asked for raw bytes (a download's error comes as a Buffer). */
function jsonBody(res: Response): unknown {
  const type = String(res.headers['content-type'] ?? '');
  if (Buffer.isBuffer(res.body) && type.includes('json'))
    return JSON.parse(res.body.toString('utf8')) as unknown;
  return res.body;
}

function checkSuccess(route: RouteDefinition, res: Response, what: string): void {
  const { response } = route;
  if (response === null) {
    if (res.text) throw new Error(`${what}: expected no content, got ${res.text.slice(0, 200)}`);
    return;
  }
  if ('kind' in response) {
    const type = String(res.headers['content-type'] ?? '');
    // `application/octet-stream` stands for any type (a download keeps its detected type).
    if (
      response.contentType !== 'application/octet-stream' &&
      !type.startsWith(response.contentType)
    )
      throw new Error(`${what}: expected a ${response.contentType} file, got ${type}`);
    return;
  }
  mustMatch(response, jsonBody(res), what);
}

export function checkAgainstContract(method: string, url: string, res: Response): void {
  const path = new URL(url, 'http://test').pathname;
  const what = `${method.toUpperCase()} ${path} → ${res.status}`;
  if (outsideContract.some((p) => p.test(path))) return;
  const route = findRoute(routes, method, path);
  if (!route) {
    // Nothing answers there: only the router's 404 (or 405) may come back, in the error shape.
    if (res.status !== 404 && res.status !== 405)
      throw new Error(`${what}: no route of the contract matches this request`);
    mustMatch(errorBodySchema, jsonBody(res), what);
    return;
  }
  if (res.status === route.status) return checkSuccess(route, res, what);
  if (res.status < 400)
    throw new Error(`${what}: the contract says ${route.status} for ${route.path}`);
  if (!ANY_ROUTE_ERRORS.has(res.status) && !errorStatusesOf(route).includes(res.status))
    throw new Error(
      `${what}: status not documented by the contract for ${route.method} ${route.path}`,
    );
  mustMatch(errorBodySchema, jsonBody(res), what);
}
