import { type DossierState, permanentNecLocalCampaign } from '@nec/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../src/app.factory.js';
import {
  agent,
  applicant,
  insertCampaign,
  insertDossierRow,
  insertOrganisation,
  type Client,
} from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * Hostile input on every write route of the OpenAPI document: over-long text, integers past
 * what an int4 column holds, NUL bytes, lone surrogates, 100k-item lists (a 413 is a fine
 * answer), plus a NUL in each path parameter. Sent as an applicant and as an admin (between them
 * every write route is reachable past its role check), on a draft and on a submitted dossier.
 * Any answer ≥ 500 fails. The routes come from the document, so a new route is fuzzed at once.
 */
type Mode = 'long' | 'big' | 'nul' | 'surrogate' | 'huge-list';
const modes: Mode[] = ['long', 'big', 'nul', 'surrogate', 'huge-list'];

interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}

/** Identifiers that make a body plausible enough to reach past the first checks. */
interface Ids {
  uuid: string;
  campaignId: string;
}

const hostileText: Record<Exclude<Mode, 'big' | 'huge-list'>, string> = {
  long: 'x'.repeat(100_000),
  nul: 'avant\u0000après',
  surrogate: 'x\ud800y',
};

/** A value for `schema` where every leaf of the kind `mode` targets is hostile. */
function valueFor(schema: JsonSchema | undefined, mode: Mode, ids: Ids, depth = 0): unknown {
  if (!schema || depth > 6) return mode === 'big' ? 2 ** 31 : hostileOr(mode, 'x');
  const options = schema.oneOf ?? schema.anyOf;
  if (options?.[0]) return valueFor(options[0], mode, ids, depth + 1);
  if (schema.allOf?.[0]) return valueFor(schema.allOf[0], mode, ids, depth + 1);
  if (schema.enum) return mode === 'big' ? schema.enum[0] : hostileOr(mode, schema.enum[0]);
  switch (schema.type) {
    case 'object':
      return objectFor(schema, mode, ids, depth);
    case 'array': {
      const item = valueFor(schema.items, mode, ids, depth + 1);
      return mode === 'huge-list' ? Array.from({ length: 100_000 }, () => item) : [item];
    }
    case 'integer':
    case 'number':
      return mode === 'big' ? 2 ** 31 : 1;
    case 'boolean':
      return true;
    default:
      return stringFor(schema, mode, ids);
  }
}

function hostileOr(mode: Mode, fallback: unknown): unknown {
  return mode in hostileText ? hostileText[mode as keyof typeof hostileText] : fallback;
}

function stringFor(schema: JsonSchema, mode: Mode, ids: Ids): unknown {
  if (mode in hostileText) return hostileText[mode as keyof typeof hostileText];
  if (schema.format === 'uuid') return ids.uuid;
  if (schema.format === 'date') return '2026-05-04';
  if (schema.format === 'date-time') return '2026-05-04T10:00:00.000Z';
  if (schema.format === 'email') return 'fuzz@example.org';
  return ids.campaignId;
}

function objectFor(
  schema: JsonSchema,
  mode: Mode,
  ids: Ids,
  depth: number,
): Record<string, unknown> {
  const entries = Object.entries(schema.properties ?? {}).map(
    ([key, property]): [string, unknown] => [key, valueFor(property, mode, ids, depth + 1)],
  );
  if (entries.length === 0 && schema.additionalProperties !== false) {
    // A free-form object (a draft's content): hostile values under names forms use.
    const free = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
    return {
      title: valueFor(free, mode, ids, depth + 1),
      event: { startDate: valueFor(free, mode, ids, depth + 1), expectedAttendees: 2 ** 31 },
      requests: { subsidy: { requested: true, amountCents: 2 ** 31 } },
      [hostileText.nul]: 'clé',
    };
  }
  return Object.fromEntries(entries);
}

/** A body of the route's schema, or an object of hostile values where the route takes none. */
function bodyFor(route: Route, mode: Mode, ids: Ids): object {
  const value = valueFor(route.body, mode, ids);
  return typeof value === 'object' && value !== null ? value : { value };
}

interface Route {
  method: 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body: JsonSchema | undefined;
}

function writeRoutes(document: ReturnType<typeof buildOpenApi>): Route[] {
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const content = (
        operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined
      )?.content;
      routes.push({ method, path, body: content?.['application/json']?.schema });
    }
  }
  return routes;
}

/** Sessions are kept: signing out or deleting one's account would end the run. */
const skipped = new Set(['post /api/auth/sign-out', 'delete /api/account']);

let t: TestApp;
let alice: Client;
let admin: Client;
let organisationId: string;
let reviewId: string;
let acceptedId: string;
let heldId: string;
let campaignId: string;

beforeAll(async () => {
  t = await startTestApp();
  const campaign = permanentNecLocalCampaign(new Date().getUTCFullYear());
  campaignId = campaign.id;
  await insertCampaign(t, campaign);
  alice = await applicant(t, 'alice.fuzz@example.org');
  admin = await agent(t, 'admin', 'admin.fuzz@example.org');
  organisationId = await insertOrganisation(t, alice.userId, 'Association du Fuzz (fictive)');
  const inState = (state: DossierState) =>
    insertDossierRow(t, { campaign, organisationId, createdBy: alice.userId, state });
  reviewId = await inState('under-review');
  acceptedId = await inState('accepted');
  heldId = await inState('event-held');
});
afterAll(async () => {
  await t.close();
});

function concretePath(path: string, id: string, param: (name: string) => string): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    name === 'id' && !path.includes('campaigns') ? id : param(name),
  );
}

/** Which dossier a route is fuzzed on: a fresh draft each time, and dossiers further on. */
function dossiersFor(path: string): (() => Promise<string>)[] {
  if (!path.includes('{id}')) return [freshDraft];
  const later = path.includes('bilan')
    ? heldId
    : path.includes('agreement')
      ? acceptedId
      : reviewId;
  return [freshDraft, () => Promise.resolve(later)];
}

/** A new draft, so a save, a submission or a withdrawal does not spoil the next request. */
async function freshDraft(): Promise<string> {
  const created = await alice.post('/api/dossiers', { campaignId, organisationId });
  return (created.body as { id: string }).id;
}

describe('fuzzing every write route', () => {
  it('never answers 5xx to hostile bodies or path parameters', async () => {
    const routes = writeRoutes(buildOpenApi(t.app)).filter(
      (r) => !skipped.has(`${r.method} ${r.path}`),
    );
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const route of routes) {
      for (const dossier of dossiersFor(route.path)) {
        for (const client of [alice, admin]) {
          for (const mode of modes) {
            const dossierId = await dossier();
            const url = concretePath(route.path, dossierId, (name) =>
              name === 'campaignId' || route.path.includes('campaigns') ? campaignId : dossierId,
            );
            const body = bodyFor(route, mode, { uuid: dossierId, campaignId });
            const res = await client[route.method](url, body);
            if (res.status >= 500) failures.push(`${route.method} ${url} ${mode}: ${res.status}`);
          }
        }
      }
      const nulPath = concretePath(route.path, '%00', () => '%00');
      if (nulPath !== route.path) {
        const res = await admin[route.method](nulPath, {});
        if (res.status >= 500) failures.push(`${route.method} ${nulPath}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
