import { permanentNecLocalCampaign, type Role } from '@nec/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, applicant, insertCampaign, insertOrganisation, type Client } from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * Every role × every endpoint, the forbidden cells included. The list of endpoints comes from
 * the OpenAPI document, so an endpoint added without a row here fails the first test.
 */
type Access = 'public' | readonly Role[];

const ALL: readonly Role[] = ['applicant', 'instructor', 'analyst', 'admin'];
const AGENTS_AND_APPLICANTS: readonly Role[] = ['applicant', 'instructor', 'admin'];
const STAFF: readonly Role[] = ['instructor', 'admin'];

const matrix: Record<string, Access> = {
  'GET /health': 'public',
  'GET /api/health': 'public',
  'GET /api/ping': 'public',
  'POST /api/auth/sign-up': 'public',
  'POST /api/auth/confirm-email': 'public',
  'POST /api/auth/sign-in': 'public',
  'POST /api/auth/sign-out': ALL,
  'GET /api/auth/session': ALL,
  'POST /api/auth/password-reset/request': 'public',
  'POST /api/auth/confirm-email/resend': 'public',
  'POST /api/auth/password-reset/confirm': 'public',
  'POST /api/auth/mfa/setup': ALL,
  'POST /api/auth/mfa/enable': ALL,
  'POST /api/auth/mfa/verify': ALL,
  'POST /api/auth/mfa/disable': ALL,
  'POST /api/account/password': ALL,
  'GET /api/account/sessions': ALL,
  'DELETE /api/account/sessions/{sessionId}': ALL,
  'POST /api/account/sessions/end-others': ALL,
  'PUT /api/admin/agents/{id}/active': ['admin'],
  'GET /api/admin/agents/{id}/sessions': ['admin'],
  'DELETE /api/admin/agents/{id}/sessions': ['admin'],
  'PUT /api/instruction/organisations/{id}/verification': STAFF,
  'GET /api/campaigns': 'public',
  'GET /api/campaigns/{id}': 'public',
  'GET /api/campaigns/for-event': 'public',
  'GET /api/territories': 'public',
  'GET /api/charters': 'public',
  'GET /api/charters/{version}': 'public',
  'GET /api/service-contacts': 'public',
  'POST /api/admin/campaigns': ['admin'],
  'PUT /api/admin/campaigns/{id}': ['admin'],
  'DELETE /api/admin/campaigns/{id}': ['admin'],
  'GET /api/admin/campaigns/{id}/instructors': ['admin'],
  'PUT /api/admin/campaigns/{id}/instructors': ['admin'],
  'GET /api/admin/agents': ['admin'],
  'GET /api/admin/audit': ['admin'],
  'GET /api/admin/audit/dossiers/{id}': ['admin'],
  'POST /api/admin/agents': ['admin'],
  'POST /api/organisations': ['applicant'],
  'GET /api/organisations/mine': ['applicant'],
  'POST /api/organisations/{id}/invitations': ['applicant'],
  'GET /api/organisations/{id}/invitations': ['applicant'],
  'DELETE /api/organisations/{id}/invitations/{invitationId}': ['applicant'],
  'GET /api/invitations/{token}/preview': 'public',
  'GET /api/invitations/{token}': ['applicant'],
  'POST /api/invitations/{token}/accept': ['applicant'],
  'POST /api/invitations/{token}/decline': ['applicant'],
  'POST /api/organisations/join-requests': ['applicant'],
  'GET /api/organisations/join-requests/mine': ['applicant'],
  'DELETE /api/organisations/join-requests/{requestId}': ['applicant'],
  'GET /api/organisations/{id}/join-requests': ['applicant'],
  'POST /api/organisations/{id}/join-requests/{requestId}/accept': ['applicant'],
  'POST /api/organisations/{id}/join-requests/{requestId}/decline': ['applicant'],
  'PUT /api/organisations/{id}/members/{userId}/role': ['applicant'],
  'DELETE /api/organisations/{id}/members/{userId}': ['applicant'],
  'GET /api/account/export': ALL,
  'DELETE /api/account': ['applicant'],
  'POST /api/dossiers': ['applicant'],
  'GET /api/dossiers': AGENTS_AND_APPLICANTS,
  'GET /api/dossiers/{id}': AGENTS_AND_APPLICANTS,
  'PUT /api/dossiers/{id}/draft': ['applicant'],
  'GET /api/dossiers/{id}/eligibility': AGENTS_AND_APPLICANTS,
  'POST /api/dossiers/{id}/charter-acceptance': ['applicant'],
  'POST /api/dossiers/{id}/submit': ['applicant'],
  'POST /api/dossiers/{id}/withdraw': ['applicant'],
  'POST /api/dossiers/{id}/attachments': ['applicant'],
  'GET /api/dossiers/{id}/attachments': AGENTS_AND_APPLICANTS,
  'GET /api/dossiers/{id}/attachments/{attachmentId}': AGENTS_AND_APPLICANTS,
  'DELETE /api/dossiers/{id}/attachments/{attachmentId}': ['applicant'],
  'GET /api/instruction/dossiers': STAFF,
  'GET /api/exports/dossiers.csv': STAFF,
  'GET /api/exports/dossiers.xlsx': STAFF,
  'GET /api/exports/bilans.csv': STAFF,
  'GET /api/exports/bilans.xlsx': STAFF,
  'PUT /api/instruction/dossiers/{id}/assignee': STAFF,
  'POST /api/instruction/dossiers/{id}/take': STAFF,
  'POST /api/instruction/dossiers/{id}/information-requests': STAFF,
  'POST /api/instruction/dossiers/{id}/interview': STAFF,
  'PUT /api/instruction/dossiers/{id}/interview/notes': STAFF,
  'POST /api/instruction/dossiers/{id}/decision': STAFF,
  'GET /api/instruction/dossiers/{id}/notes': STAFF,
  'POST /api/instruction/dossiers/{id}/notes': STAFF,
  'GET /api/dossiers/{id}/information-requests': AGENTS_AND_APPLICANTS,
  'POST /api/dossiers/{id}/information-requests/{requestId}/answer': ['applicant'],
  'GET /api/dossiers/{id}/messages': AGENTS_AND_APPLICANTS,
  'POST /api/dossiers/{id}/messages': AGENTS_AND_APPLICANTS,
  'PUT /api/instruction/dossiers/{id}/scores': STAFF,
  'GET /api/instruction/dossiers/{id}/scores': STAFF,
  'GET /api/instruction/campaigns/{campaignId}/ranking': STAFF,
  'GET /api/dossiers/{id}/agreement.pdf': AGENTS_AND_APPLICANTS,
  'POST /api/instruction/dossiers/{id}/agreement/signature': STAFF,
  'POST /api/instruction/dossiers/{id}/committees': STAFF,
  'GET /api/instruction/dossiers/{id}/committees': STAFF,
  'POST /api/dossiers/{id}/event-held': AGENTS_AND_APPLICANTS,
  'GET /api/dossiers/{id}/bilan': AGENTS_AND_APPLICANTS,
  'PUT /api/dossiers/{id}/bilan': ['applicant'],
  'POST /api/dossiers/{id}/bilan/submit': ['applicant'],
  'POST /api/instruction/dossiers/{id}/close': ['instructor', 'admin'],
  'GET /api/national-editions': ['admin', 'analyst'],
  'PUT /api/admin/national-editions/{year}': ['admin'],
  'GET /api/reporting/overview': ['analyst', 'admin'],
  'GET /api/reporting/national-editions': ['analyst', 'admin'],
  'GET /api/reporting/breakdowns/{dimension}': ['analyst', 'admin'],
  'GET /api/reporting/distributions/{figure}': ['analyst', 'admin'],
  'GET /api/reporting/events': ['analyst', 'admin'],
  'GET /api/reporting/events/{id}': ['analyst', 'admin'],
  'GET /api/reporting/workbook.xlsx': ['analyst', 'admin'],
  'GET /api/public/reporting/overview': 'public',
  'GET /api/public/reporting/breakdowns/{dimension}': 'public',
  'GET /api/public/reporting/national-editions': 'public',
  'GET /api/open-data/nec-locaux.csv': 'public',
  'GET /api/open-data/nec-locaux.schema.json': 'public',
};

/** Endpoints whose success would end the caller's session: called last, with a spare session. */
const SESSION_ENDING = new Set(['POST /api/auth/sign-out']);

let t: TestApp;
let clients: Record<Role, Client>;
let spare: Record<Role, Client>;
let documented: string[];
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  const campaign = permanentNecLocalCampaign(new Date().getUTCFullYear());
  await insertCampaign(t, campaign);
  const make = async (suffix: string): Promise<Record<Role, Client>> => ({
    applicant: await applicant(t, `porteur${suffix}@example.org`),
    instructor: await agent(t, 'instructor', `instructeur${suffix}@example.org`),
    analyst: await agent(t, 'analyst', `analyste${suffix}@example.org`),
    admin: await agent(t, 'admin', `admin${suffix}@example.org`),
  });
  clients = await make('');
  spare = await make('-2');
  const org = await insertOrganisation(
    t,
    clients.applicant.userId,
    'Association du Tableau (fictive)',
  );
  const dossier = await clients.applicant.post('/api/dossiers', {
    campaignId: campaign.id,
    organisationId: org,
  });
  ids.id = dossier.body.id as string;
  ids.userId = clients.applicant.userId;
  ids.campaign = campaign.id;
  const doc = await t.http().get('/api/docs/openapi.json').expect(200);
  documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
  );
});
afterAll(async () => {
  await t.close();
});

/** A concrete URL for a documented path: real ids where the route needs one. */
function urlOf(path: string): string {
  return path
    .replace('/api/campaigns/{id}', `/api/campaigns/${ids.campaign}`)
    .replace('/api/admin/campaigns/{id}', `/api/admin/campaigns/${ids.campaign}`)
    .replace('{id}', ids.id!)
    .replace('{userId}', ids.userId!);
}

function send(client: Client | null, key: string) {
  const [method, path] = key.split(' ') as [string, string];
  const url = urlOf(path);
  const http = client ?? null;
  switch (method) {
    case 'GET':
      return http ? http.get(url) : t.http().get(url);
    case 'POST':
      return http ? http.post(url, {}) : t.http().post(url).send({});
    case 'PUT':
      return http ? http.put(url, {}) : t.http().put(url).send({});
    case 'PATCH':
      return http ? http.patch(url, {}) : t.http().patch(url).send({});
    case 'DELETE':
      return http ? http.delete(url, {}) : t.http().delete(url).send({});
    default:
      throw new Error(`unexpected method ${method}`);
  }
}

describe('authorisation matrix', () => {
  it('has a row for every documented endpoint, and no row for an undocumented one', () => {
    const rows = Object.keys(matrix).sort();
    expect(documented.filter((d) => !d.startsWith('GET /api/docs')).sort()).toEqual(rows);
  });

  const cells = Object.entries(matrix).filter(([key]) => !SESSION_ENDING.has(key));

  it.each(cells)('%s: anonymous callers get 401 unless public', async (key, access) => {
    const res = await send(null, key);
    if (access === 'public') expect(res.status, key).not.toBe(401);
    else {
      expect(res.status, key).toBe(401);
      expect(res.body.error).toBe('unauthenticated');
    }
  });

  for (const role of ALL) {
    it.each(cells)(`%s as ${role}`, async (key, access) => {
      const res = await send(clients[role], key);
      const allowed = access === 'public' || access.includes(role);
      if (allowed) {
        expect(res.status, `${role} ${key} → ${res.status} ${JSON.stringify(res.body)}`).not.toBe(
          401,
        );
        expect(res.body?.error, `${role} ${key}`).not.toBe('role-not-allowed');
      } else {
        expect(res.status, `${role} ${key}`).toBe(403);
        expect(res.body.error).toBe('role-not-allowed');
      }
    });
  }

  it.each([...SESSION_ENDING])('%s works for every role, then the session is gone', async (key) => {
    for (const role of ALL) {
      const res = await send(spare[role], key);
      expect(res.status, `${role} ${key}`).toBeLessThan(300);
      expect((await spare[role].get('/api/auth/session')).status).toBe(401);
    }
  });
});
