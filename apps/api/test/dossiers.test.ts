import {
  addMonths,
  campaignCharterRef,
  exampleNecLocalDossier,
  permanentNecLocalCampaign,
  necLocal2023,
  type Campaign,
} from '@nec/domain';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryEntity } from '../src/audit/audit-entry.entity.js';
import {
  agent,
  applicant,
  assignInstructor,
  insertCampaign,
  insertOrganisation,
  type Client,
  completeNecLocalContent,
} from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let open: Campaign;
let alice: Client;
let bob: Client;
let instructor: Client;
let otherInstructor: Client;
let admin: Client;
let analyst: Client;
let aliceOrg: string;
let bobOrg: string;

// Early March: an event five months ahead still ends before the agreement's 31 December.
const YEAR = new Date().getUTCFullYear();
const TODAY = `${YEAR}-03-02`;
const today = () => TODAY;

/** A complete dossier whose event is far enough ahead for the open campaign. */

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${TODAY}T09:00:00Z`);
  open = permanentNecLocalCampaign(YEAR);
  await insertCampaign(t, open);
  await insertCampaign(t, necLocal2023);
  alice = await applicant(t, 'alice@example.org');
  bob = await applicant(t, 'bob@example.org');
  instructor = await agent(t, 'instructor', 'instructeur@example.org');
  otherInstructor = await agent(t, 'instructor', 'autre-instructeur@example.org');
  admin = await agent(t, 'admin', 'admin@example.org');
  analyst = await agent(t, 'analyst', 'analyste@example.org');
  await assignInstructor(t, open.id, instructor.userId);
  aliceOrg = await insertOrganisation(t, alice.userId, 'Association des Octets (fictive)');
  bobOrg = await insertOrganisation(t, bob.userId, 'Tiers-lieu du Pont (fictif)', 'tiers-lieu');
});
afterAll(async () => {
  await t.close();
});

async function newDraft(client: Client, organisationId: string) {
  const res = await client.post('/api/dossiers', { campaignId: open.id, organisationId });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; reference: string; state: string };
}

describe('dossier life as an applicant', () => {
  it('creates, saves, accepts the charter and submits a dossier', async () => {
    const draft = await newDraft(alice, aliceOrg);
    expect(draft.state).toBe('draft');
    expect(draft.version).toBe(1);
    expect(draft.reference).toMatch(/^NEC-\d{4}-\d{5}$/);

    // A half-filled draft with a wrong-typed field is stored as typed, and the field reported.
    const partial = { title: 'Mon NEC local', audiences: { expectedAttendees: 'beaucoup' } };
    const saved = await alice.put(`/api/dossiers/${draft.id}/draft`, {
      version: 1,
      content: partial,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    expect(saved.body.draftIssues.map((i: { path: string }) => i.path)).toContain(
      'audiences.expectedAttendees',
    );
    const read = await alice.get(`/api/dossiers/${draft.id}`).expect(200);
    expect(read.body.content).toEqual(partial);
    expect(read.body.title).toBe('Mon NEC local');

    // Submitting an incomplete dossier lists every missing field at once and changes nothing.
    const incomplete = await alice.post(`/api/dossiers/${draft.id}/submit`, { version: 2 });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error).toBe('incomplete-dossier');
    const paths = incomplete.body.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'objective',
        'themes',
        'area',
        'organisers',
        'event',
        'budget',
        'audiences.expectedAttendees',
      ]),
    );
    expect((await alice.get(`/api/dossiers/${draft.id}`)).body.state).toBe('draft');

    await alice
      .put(`/api/dossiers/${draft.id}/draft`, {
        version: 2,
        content: completeNecLocalContent(addMonths(today(), 5)),
      })
      .expect(200);

    // The charter must be the campaign's version.
    const charter = campaignCharterRef(open)!;
    const wrong = await alice.post(`/api/dossiers/${draft.id}/charter-acceptance`, {
      charterId: charter.id,
      version: '1999',
    });
    expect(wrong.status).toBe(422);
    const noCharter = await alice.post(`/api/dossiers/${draft.id}/submit`, { version: 3 });
    expect(noCharter.status).toBe(422);
    await alice
      .post(`/api/dossiers/${draft.id}/charter-acceptance`, {
        charterId: charter.id,
        version: charter.version,
      })
      .expect(201);

    const stale = await alice.post(`/api/dossiers/${draft.id}/submit`, { version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('version-conflict');

    const submitted = await alice.post(`/api/dossiers/${draft.id}/submit`, { version: 3 });
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    expect(submitted.body.versions).toHaveLength(1);
    expect(submitted.body.history.map((h: { event: string }) => h.event)).toEqual([
      'create',
      'submit',
    ]);
    expect(submitted.body.charterAcceptance).toMatchObject({
      charterId: charter.id,
      version: charter.version,
      acceptedBy: alice.userId,
    });
    expect(await t.outbox.lastTo('alice@example.org')).toContain(draft.reference);

    // Once submitted, the draft is frozen.
    const late = await alice.put(`/api/dossiers/${draft.id}/draft`, {
      version: submitted.body.version,
      content: {},
    });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('not-editable');
    // …and the charter is accepted on a draft only (domain rule `checkCharterAcceptable`).
    const lateCharter = await alice.post(`/api/dossiers/${draft.id}/charter-acceptance`, {
      charterId: charter.id,
      version: charter.version,
    });
    expect(lateCharter.status).toBe(409);
    expect(lateCharter.body.error).toBe('not-editable');

    const verdict = await alice.get(`/api/dossiers/${draft.id}/eligibility`).expect(200);
    const failing = (v: { rules: { status: string; explanation: string }[] }) =>
      v.rules.filter((r) => r.status !== 'pass').map((r) => r.explanation);
    expect(failing(verdict.body.label)).toEqual([]);
    expect(verdict.body.label.verdict).toBe('eligible');
    expect(failing(verdict.body.subsidy)).toEqual([]);
    expect(verdict.body.subsidy.verdict).toBe('eligible');
  });

  it('answers a stale-version submit with 409, even when the old copy is incomplete', async () => {
    const draft = await newDraft(alice, aliceOrg);
    await alice.put(`/api/dossiers/${draft.id}/draft`, { version: 1, content: {} }).expect(200);
    const stale = await alice.post(`/api/dossiers/${draft.id}/submit`, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'version-conflict', currentVersion: 2, fields: [] });
  });

  it('never lets a charter acceptance be forged through the draft', async () => {
    const draft = await newDraft(alice, aliceOrg);
    await alice
      .put(`/api/dossiers/${draft.id}/draft`, { version: 1, content: exampleNecLocalDossier() })
      .expect(200);
    const verdict = await alice.get(`/api/dossiers/${draft.id}/eligibility`).expect(200);
    const charterRule = verdict.body.label.rules.find((r: { id: string }) =>
      r.id.includes('charter'),
    );
    expect(charterRule.status).not.toBe('pass');
  });

  it('refuses a save based on a stale version (two tabs) and returns the current one', async () => {
    const draft = await newDraft(alice, aliceOrg);
    await alice
      .put(`/api/dossiers/${draft.id}/draft`, { version: 1, content: { title: 'Onglet A' } })
      .expect(200);
    const res = await alice.put(`/api/dossiers/${draft.id}/draft`, {
      version: 1,
      content: { title: 'Onglet B' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: 'version-conflict',
      currentVersion: 2,
      content: { title: 'Onglet A' },
    });
  });

  it('lets only one of two simultaneous saves of the same version win', async () => {
    const draft = await newDraft(alice, aliceOrg);
    const [a, b] = await Promise.all([
      alice.put(`/api/dossiers/${draft.id}/draft`, { version: 1, content: { title: 'A' } }),
      alice.put(`/api/dossiers/${draft.id}/draft`, { version: 1, content: { title: 'B' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('withdraws a dossier once, then refuses the illegal transition', async () => {
    const draft = await newDraft(alice, aliceOrg);
    const res = await alice.post(`/api/dossiers/${draft.id}/withdraw`, {
      reason: 'Événement reporté',
    });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('withdrawn');
    const again = await alice.post(`/api/dossiers/${draft.id}/withdraw`, {});
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('illegal-transition');
  });

  it('refuses a dossier for a closed campaign or for someone else’s organisation', async () => {
    const closed = await alice.post('/api/dossiers', {
      campaignId: necLocal2023.id,
      organisationId: aliceOrg,
    });
    expect(closed.status).toBe(422);
    expect(closed.body.error).toBe('campaign-not-open');
    const foreign = await alice.post('/api/dossiers', {
      campaignId: open.id,
      organisationId: bobOrg,
    });
    expect(foreign.status).toBe(403);
    const unknown = await alice.post('/api/dossiers', {
      campaignId: 'nope',
      organisationId: aliceOrg,
    });
    expect(unknown.status).toBe(404);
  });
});

describe('who sees what', () => {
  let submittedId: string;
  let draftId: string;

  beforeAll(async () => {
    const d = await newDraft(bob, bobOrg);
    draftId = d.id;
    const s = await newDraft(bob, bobOrg);
    await bob
      .put(`/api/dossiers/${s.id}/draft`, {
        version: 1,
        content: completeNecLocalContent(addMonths(today(), 5)),
      })
      .expect(200);
    const charter = campaignCharterRef(open)!;
    await bob
      .post(`/api/dossiers/${s.id}/charter-acceptance`, {
        charterId: charter.id,
        version: charter.version,
      })
      .expect(201);
    await bob.post(`/api/dossiers/${s.id}/submit`, { version: 2 }).expect(200);
    submittedId = s.id;
  });

  it('hides another organisation’s dossier from an applicant (404, not listed)', async () => {
    expect((await alice.get(`/api/dossiers/${submittedId}`)).status).toBe(404);
    expect(
      (await alice.put(`/api/dossiers/${draftId}/draft`, { version: 1, content: {} })).status,
    ).toBe(404);
    const mine = await alice.get('/api/dossiers').expect(200);
    expect(mine.body.items.map((d: { id: string }) => d.id)).not.toContain(submittedId);
  });

  it('shows submitted dossiers of their campaigns to instructors, and audits the read', async () => {
    const list = await instructor.get('/api/dossiers').expect(200);
    const ids = list.body.items.map((d: { id: string }) => d.id);
    expect(ids).toContain(submittedId);
    expect(ids).not.toContain(draftId);
    await instructor.get(`/api/dossiers/${submittedId}`).expect(200);
    const reads = await t.app
      .get(DataSource)
      .getRepository(AuditEntryEntity)
      .findBy({ action: 'dossier.read', subjectId: submittedId, actorId: instructor.userId });
    expect(reads).toHaveLength(1);
    expect((await instructor.get(`/api/dossiers/${draftId}`)).status).toBe(404);
  });

  it('hides dossiers of campaigns an instructor does not instruct', async () => {
    expect((await otherInstructor.get(`/api/dossiers/${submittedId}`)).status).toBe(404);
    expect((await otherInstructor.get('/api/dossiers')).body.items).toEqual([]);
  });

  it('lets admins read submitted dossiers but never drafts', async () => {
    await admin.get(`/api/dossiers/${submittedId}`).expect(200);
    expect((await admin.get(`/api/dossiers/${draftId}`)).status).toBe(404);
    const ids = (await admin.get('/api/dossiers').expect(200)).body.items.map(
      (d: { id: string }) => d.id,
    );
    expect(ids).toContain(submittedId);
    expect(ids).not.toContain(draftId);
  });

  it('lists the same summary as the dossier itself shows (dates as ISO strings)', async () => {
    const one = (await bob.get(`/api/dossiers/${submittedId}`).expect(200)).body;
    const listed = (await bob.get('/api/dossiers').expect(200)).body.items.find(
      (d: { id: string }) => d.id === submittedId,
    );
    const summaryKeys = Object.keys(listed as object);
    expect(listed).toEqual(Object.fromEntries(summaryKeys.map((k) => [k, one[k]])));
    expect(listed).not.toHaveProperty('content');
    expect(listed.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(listed.organisation.name).toEqual(expect.any(String));
  });

  it('keeps analysts away from dossiers', async () => {
    expect((await analyst.get('/api/dossiers')).status).toBe(403);
    expect((await analyst.get(`/api/dossiers/${submittedId}`)).status).toBe(403);
  });

  it('lets agents read but not write on the applicant’s behalf', async () => {
    expect((await instructor.post(`/api/dossiers/${submittedId}/withdraw`, {})).status).toBe(403);
    expect(
      (await admin.put(`/api/dossiers/${draftId}/draft`, { version: 1, content: {} })).status,
    ).toBe(403);
  });
});
