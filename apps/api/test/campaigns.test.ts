import {
  amiMediation2021,
  campaigns,
  nationalHost2025,
  necLocal2023,
  permanentNecLocalCampaign,
  type NecLocalCampaign,
} from '@nec/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepository } from '../src/audit/audit.repository.js';
import { CampaignsService } from '../src/campaigns/campaigns.service.js';
import { agent, applicant, insertCampaign, insertOrganisation, type Client } from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let admin: Client;
let instructor: Client;
let analyst: Client;
let alice: Client;

/**
 * The tests stand on 23 November 2026: the 2026 permanent call is open, and so is the 2027 one
 * (it opens on 1 September 2026, for events next year); the 2028 one is upcoming; the seeds'
 * calls are closed.
 */
const open2026 = permanentNecLocalCampaign(2026);
const open2027 = permanentNecLocalCampaign(2027);
const upcoming2028 = permanentNecLocalCampaign(2028);

/** A campaign of the year 2030 for the write tests, unique per test. */
function draftCampaign(id: string): NecLocalCampaign {
  return { ...permanentNecLocalCampaign(2030), id, title: `Appel de test ${id}` };
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T10:00:00Z');
  for (const c of [...campaigns, open2026, open2027, upcoming2028]) await insertCampaign(t, c);
  admin = await agent(t, 'admin', 'admin@example.org');
  instructor = await agent(t, 'instructor', 'instructor@example.org');
  analyst = await agent(t, 'analyst', 'analyst@example.org');
  alice = await applicant(t, 'alice@example.org');
});
afterAll(async () => {
  await t.close();
});

const ids = (body: { items: { id: string }[] }) => body.items.map((c) => c.id).sort();

describe('public campaigns', () => {
  it('lists the open calls by default, to anyone', async () => {
    const res = await t.http().get('/api/campaigns').expect(200);
    expect(res.body.items).toEqual([
      { ...open2027, status: 'open' },
      { ...open2026, status: 'open' },
    ]);
  });

  it('filters by status', async () => {
    expect(ids((await t.http().get('/api/campaigns?status=closed').expect(200)).body)).toEqual(
      [amiMediation2021.id, nationalHost2025.id, necLocal2023.id].sort(),
    );
    expect(ids((await t.http().get('/api/campaigns?status=upcoming').expect(200)).body)).toEqual([
      upcoming2028.id,
    ]);
    expect((await t.http().get('/api/campaigns?status=all').expect(200)).body.items).toHaveLength(
      6,
    );
  });

  it('follows the clock', async () => {
    t.clock.set('2027-01-02T10:00:00Z');
    try {
      expect(ids((await t.http().get('/api/campaigns').expect(200)).body)).toEqual([open2027.id]);
    } finally {
      t.clock.set('2026-11-23T10:00:00Z');
    }
  });

  it('refuses an unknown status or query parameter', async () => {
    const bad = await t.http().get('/api/campaigns?status=ouvert');
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ path: 'status' })]);
    const typo = await t.http().get('/api/campaigns?stauts=closed');
    expect(typo.status).toBe(400);
    expect(typo.body.fields).toEqual([expect.objectContaining({ path: 'stauts' })]);
  });

  it('gives one campaign with all its parameters', async () => {
    const res = await t.http().get(`/api/campaigns/${necLocal2023.id}`).expect(200);
    expect(res.body).toEqual({ ...necLocal2023, status: 'closed' });
    const missing = await t.http().get('/api/campaigns/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('not-found');
  });
});

describe('campaign administration: access', () => {
  const routes: [string, string, object?][] = [
    ['post', '/api/admin/campaigns', draftCampaign('acces-1')],
    ['put', `/api/admin/campaigns/${open2026.id}`, open2026],
    ['delete', `/api/admin/campaigns/${open2026.id}`],
    ['get', `/api/admin/campaigns/${open2026.id}/instructors`],
    ['put', `/api/admin/campaigns/${open2026.id}/instructors`, { userIds: [] }],
  ];

  it('answers 401 without a session', async () => {
    for (const [method, path, body] of routes) {
      const http = t.http();
      const res = await (method === 'get'
        ? http.get(path)
        : method === 'post'
          ? http.post(path).send(body)
          : method === 'put'
            ? http.put(path).send(body)
            : http.delete(path));
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it('answers 403 to applicants, instructors and analysts', async () => {
    for (const client of [alice, instructor, analyst]) {
      for (const [method, path, body] of routes) {
        const res = await (method === 'get'
          ? client.get(path)
          : method === 'post'
            ? client.post(path, body)
            : method === 'put'
              ? client.put(path, body)
              : client.delete(path));
        expect(res.status, `${client.role} ${method} ${path}`).toBe(403);
        expect(res.body.error).toBe('role-not-allowed');
      }
    }
    // Nothing was changed on the way.
    await t.http().get(`/api/campaigns/${open2026.id}`).expect(200);
    await t.http().get('/api/campaigns/acces-1').expect(404);
  });
});

describe('campaign administration: writes', () => {
  it('creates a campaign, audited, and refuses a duplicate id', async () => {
    const campaign = draftCampaign('nec-local-test-2030');
    const res = await admin.post('/api/admin/campaigns', campaign).expect(201);
    expect(res.body).toEqual({ ...campaign, status: 'upcoming' });
    expect((await t.http().get(`/api/campaigns/${campaign.id}`).expect(200)).body).toEqual(
      res.body,
    );

    const audit = await t.app.get(AuditRepository).listForSubject('campaign', campaign.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['campaign.create', admin.userId]]);

    const again = await admin.post('/api/admin/campaigns', campaign);
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('campaign-exists');
  });

  it('creates campaigns of the other call kinds', async () => {
    await admin
      .post('/api/admin/campaigns', { ...nationalHost2025, id: 'national-host-test' })
      .expect(201);
    await admin
      .post('/api/admin/campaigns', { ...amiMediation2021, id: 'ami-test', closesOn: null })
      .expect(201);
    expect((await t.http().get('/api/campaigns/ami-test').expect(200)).body.closesOn).toBeNull();
  });

  it('refuses an unknown field, at any depth, with its path', async () => {
    const campaign = draftCampaign('unknown-field');
    const res = await admin.post('/api/admin/campaigns', {
      ...campaign,
      colour: 'bleu',
      params: { ...campaign.params, subsidy: { ...campaign.params.subsidy, bonusCents: 1 } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-request');
    expect(res.body.fields).toEqual(
      expect.arrayContaining([
        { path: 'colour', code: 'unrecognized_keys', message: 'Ce champ n’est pas attendu.' },
        {
          path: 'params.subsidy.bonusCents',
          code: 'unrecognized_keys',
          message: 'Ce champ n’est pas attendu.',
        },
      ]),
    );
    expect(res.body.fields).toHaveLength(2);
    await t.http().get('/api/campaigns/unknown-field').expect(404);
  });

  it('lists every wrong field at once', async () => {
    const campaign = draftCampaign('wrong-types');
    const res = await admin.post('/api/admin/campaigns', {
      ...campaign,
      year: 'deux mille trente',
      opensOn: '2030-02-30',
      title: 42,
      params: {
        ...campaign.params,
        leadTimeMonths: -1,
        subsidy: { ...campaign.params.subsidy, capRatio: 'beaucoup' },
        minAttendees: 1.5,
      },
    });
    expect(res.status).toBe(400);
    const paths = (res.body.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual([
      'opensOn',
      'params.leadTimeMonths',
      'params.minAttendees',
      'params.subsidy.capRatio',
      'title',
      'year',
    ]);
  });

  it('refuses an id that does not fit in a URL, and a body that is not a campaign', async () => {
    const res = await admin.post('/api/admin/campaigns', draftCampaign('Appel Été 2030'));
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ path: 'id', code: 'invalid-id' })]);
    const kind = await admin.post('/api/admin/campaigns', {
      ...draftCampaign('kind'),
      callKind: 'hackathon',
    });
    expect(kind.status).toBe(400);
    expect(kind.body.fields[0].path).toBe('callKind');
    expect((await admin.post('/api/admin/campaigns', [])).status).toBe(400);
  });

  it('replaces a campaign in full', async () => {
    const campaign = draftCampaign('replace-me');
    await admin.post('/api/admin/campaigns', campaign).expect(201);
    const changed: NecLocalCampaign = {
      ...campaign,
      title: 'Nouveau titre',
      closesOn: null,
      params: { ...campaign.params, leadTimeMonths: 4 },
    };
    const res = await admin.put('/api/admin/campaigns/replace-me', changed).expect(200);
    expect(res.body).toEqual({ ...changed, status: 'upcoming' });
    expect(await t.app.get(CampaignsService).getCampaign('replace-me')).toEqual(changed);
    const audit = await t.app.get(AuditRepository).listForSubject('campaign', 'replace-me');
    expect(audit.map((a) => a.action)).toEqual(['campaign.create', 'campaign.update']);
  });

  it('refuses a replacement whose id differs from the path, or of an unknown campaign', async () => {
    const mismatch = await admin.put('/api/admin/campaigns/replace-me', draftCampaign('other-id'));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({
      error: 'id-mismatch',
      fields: [expect.objectContaining({ path: 'id' })],
    });
    const unknown = await admin.put(
      '/api/admin/campaigns/never-created',
      draftCampaign('never-created'),
    );
    expect(unknown.status).toBe(404);
    const partial = await admin.put('/api/admin/campaigns/replace-me', {
      id: 'replace-me',
      title: 'Seulement le titre',
    });
    expect(partial.status).toBe(400);
  });

  it('deletes a campaign without dossiers, and refuses (409) one with dossiers', async () => {
    await admin.post('/api/admin/campaigns', draftCampaign('delete-me')).expect(201);
    await admin.delete('/api/admin/campaigns/delete-me').expect(204);
    await t.http().get('/api/campaigns/delete-me').expect(404);
    expect((await admin.delete('/api/admin/campaigns/delete-me')).status).toBe(404);

    const org = await insertOrganisation(t, alice.userId, 'Association des Octets (fictive)');
    await alice.post('/api/dossiers', { campaignId: open2026.id, organisationId: org }).expect(201);
    const res = await admin.delete(`/api/admin/campaigns/${open2026.id}`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'campaign-has-dossiers', dossierCount: 1 });
    await t.http().get(`/api/campaigns/${open2026.id}`).expect(200);

    // Its call kind cannot change any more either.
    const kind = await admin.put(`/api/admin/campaigns/${open2026.id}`, {
      ...nationalHost2025,
      id: open2026.id,
    });
    expect(kind.status).toBe(409);
    expect(kind.body.error).toBe('campaign-has-dossiers');
    const audit = await t.app.get(AuditRepository).listForSubject('campaign', 'delete-me');
    expect(audit.map((a) => a.action)).toEqual(['campaign.create', 'campaign.delete']);
  });
});

describe('campaign instructors', () => {
  it('assigns instructors and admins, and tells other features', async () => {
    const path = `/api/admin/campaigns/${necLocal2023.id}/instructors`;
    expect((await admin.get(path).expect(200)).body).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 20,
    });
    const res = await admin
      .put(path, { userIds: [instructor.userId, admin.userId, instructor.userId] })
      .expect(200);
    expect(res.body.items.map((i: { id: string; role: string }) => [i.id, i.role]).sort()).toEqual(
      [
        [admin.userId, 'admin'],
        [instructor.userId, 'instructor'],
      ].sort(),
    );
    expect((await admin.get(path).expect(200)).body).toEqual({
      items: res.body.items,
      total: 2,
      page: 1,
      pageSize: 20,
    });

    const service = t.app.get(CampaignsService);
    expect(await service.instructsCampaign(instructor.userId, necLocal2023.id)).toBe(true);
    expect(await service.instructsCampaign(instructor.userId, open2026.id)).toBe(false);
    expect(await service.campaignIdsInstructedBy(instructor.userId)).toEqual([necLocal2023.id]);

    // A full replacement: an empty list removes everyone.
    await admin.put(path, { userIds: [admin.userId] }).expect(200);
    expect(await service.campaignIdsInstructedBy(instructor.userId)).toEqual([]);
    const audit = await t.app.get(AuditRepository).listForSubject('campaign', necLocal2023.id);
    // Both writes, and both reads of the list (names are personal data).
    expect(audit.map((a) => a.action).sort()).toEqual([
      'campaign.instructors-read',
      'campaign.instructors-read',
      'campaign.instructors-set',
      'campaign.instructors-set',
    ]);
  });

  it('refuses applicants, analysts and unknown accounts, naming each one', async () => {
    const path = `/api/admin/campaigns/${nationalHost2025.id}/instructors`;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = await admin.put(path, {
      userIds: [instructor.userId, alice.userId, analyst.userId, unknown],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-instructors');
    expect(res.body.fields).toEqual([
      expect.objectContaining({ path: 'userIds.1', code: 'not-an-instructor' }),
      expect.objectContaining({ path: 'userIds.2', code: 'not-an-instructor' }),
      expect.objectContaining({ path: 'userIds.3', code: 'unknown-user' }),
    ]);
    expect((await admin.get(path).expect(200)).body.items).toEqual([]);
  });

  it('refuses a malformed body and an unknown campaign', async () => {
    const bad = await admin.put(`/api/admin/campaigns/${open2026.id}/instructors`, {
      userIds: ['not-a-uuid'],
      extra: true,
    });
    expect(bad.status).toBe(400);
    expect((bad.body.fields as { path: string }[]).map((f) => f.path).sort()).toEqual([
      'extra',
      'userIds.0',
    ]);
    expect((await admin.put('/api/admin/campaigns/nope/instructors', { userIds: [] })).status).toBe(
      404,
    );
    expect((await admin.get('/api/admin/campaigns/nope/instructors')).status).toBe(404);
    await expect(t.app.get(CampaignsService).getCampaign('nope')).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('OpenAPI', () => {
  it('documents the campaign routes', async () => {
    const doc = (await t.http().get('/api/docs/openapi.json').expect(200)).body as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/campaigns',
        '/api/campaigns/{id}',
        '/api/admin/campaigns',
        '/api/admin/campaigns/{id}',
        '/api/admin/campaigns/{id}/instructors',
      ]),
    );
    // The body is documented from the domain's schema, unknown keys excluded.
    const body = JSON.stringify((doc.paths['/api/admin/campaigns'] as { post: unknown }).post);
    expect(body).toContain('leadTimeMonths');
    expect(body).toContain('"additionalProperties":{"not":{}}');
  });
});
