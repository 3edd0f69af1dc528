import {
  addDays,
  addMonths,
  aggregateBilans,
  campaignCharterRef,
  metz2023Bilan,
  nationalEditions,
  type NecLocalBilanInput,
  permanentNecLocalCampaign,
  recordFigures,
  type Campaign,
  type Role,
  type TransitionContext,
  type WorkflowEvent,
} from '@nec/domain';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryEntity } from '../src/audit/audit-entry.entity.js';
import type { Actor } from '../src/auth/actor.js';
import { BilanEntity } from '../src/bilans/bilan.entity.js';
import { BilansRepository } from '../src/bilans/bilans.repository.js';
import { NationalEditionEntity } from '../src/bilans/national-edition.entity.js';
import { seedNationalEditions } from '../src/bilans/national-editions.seed.js';
import type { StatePatch } from '../src/dossiers/dossiers.repository.js';
import { DossierWorkflowService } from '../src/dossiers/dossier-workflow.service.js';
import { seedDemo } from '../src/seed/seed.service.js';
import {
  agent,
  applicant,
  assignInstructor,
  insertCampaign,
  insertOrganisation,
  signInAgain,
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

// Early March, as in the dossier tests: the event, five months ahead, is in early August.
const YEAR = new Date().getUTCFullYear();
const TODAY = `${YEAR}-03-02`;
const EVENT_DAY = addMonths(TODAY, 5);

/** A complete bilan: Metz 2023's figures with a gender split and a subsidy. */
function completeBilan(): NecLocalBilanInput {
  return {
    ...metz2023Bilan,
    speakers: { total: 15, genderSplit: { women: 8, men: 6, nonBinaryOrUndisclosed: 1 } },
    budget: { expensesCents: 1_400_000, resourcesCents: 1_400_000, subsidyCents: 500_000 },
  };
}

const actorOf = (client: Client, role: Role): Actor => ({
  id: client.userId,
  role,
  email: `${role}@example.org`,
  displayName: role,
  sessionId: '',
  csrfToken: '',
  mfaEnabled: false,
  mfaPending: false,
});

/** Fires a step as the instructor, straight through the workflow service (the instruction endpoints are another feature's). */
async function fire(
  dossierId: string,
  event: WorkflowEvent,
  context: TransitionContext = {},
  patch: StatePatch = {},
) {
  await t.app.get(DataSource).transaction((manager) =>
    t.app.get(DossierWorkflowService).fire(manager, {
      dossierId,
      event,
      actor: actorOf(instructor, 'instructor'),
      context,
      patch,
    }),
  );
}

/** A dossier submitted by Alice, reviewed, accepted with a 5,000 € subsidy and its agreement signed. */
async function agreementSigned(): Promise<string> {
  t.clock.set(`${TODAY}T09:00:00Z`);
  const created = await alice
    .post('/api/dossiers', { campaignId: open.id, organisationId: aliceOrg })
    .expect(201);
  const id = created.body.id as string;
  await alice
    .put(`/api/dossiers/${id}/draft`, { version: 1, content: completeNecLocalContent(EVENT_DAY) })
    .expect(200);
  const charter = campaignCharterRef(open)!;
  await alice
    .post(`/api/dossiers/${id}/charter-acceptance`, {
      charterId: charter.id,
      version: charter.version,
    })
    .expect(201);
  await alice.post(`/api/dossiers/${id}/submit`, { version: 2 }).expect(200);
  await fire(id, 'take-for-review');
  await fire(id, 'accept', { awardedAmountCents: 500_000 }, { awardedAmountCents: 500_000 });
  await fire(id, 'sign-agreement', { awardedAmountCents: 500_000 });
  return id;
}

/** Moves the clock, and signs everyone in again (sessions last hours, the clock jumps months). */
async function moveTo(iso: string): Promise<void> {
  t.clock.set(iso);
  const again = (name: string) => signInAgain(t, `${name}@example.org`);
  [alice, bob, instructor, otherInstructor, admin, analyst] = await Promise.all([
    again('alice'),
    again('bob'),
    again('instructeur'),
    again('autre-instructeur'),
    again('admin'),
    again('analyste'),
  ]);
}

const paths = (fields: { path: string }[]) => fields.map((f) => f.path);
const bilanRow = (dossierId: string) =>
  t.app.get(DataSource).getRepository(BilanEntity).findOneBy({ dossierId });

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${TODAY}T09:00:00Z`);
  open = permanentNecLocalCampaign(YEAR);
  await insertCampaign(t, open);
  alice = await applicant(t, 'alice@example.org');
  bob = await applicant(t, 'bob@example.org');
  instructor = await agent(t, 'instructor', 'instructeur@example.org');
  otherInstructor = await agent(t, 'instructor', 'autre-instructeur@example.org');
  admin = await agent(t, 'admin', 'admin@example.org');
  analyst = await agent(t, 'analyst', 'analyste@example.org');
  await assignInstructor(t, open.id, instructor.userId);
  aliceOrg = await insertOrganisation(t, alice.userId, 'Association des Octets (fictive)');
  await insertOrganisation(t, bob.userId, 'Tiers-lieu du Pont (fictif)', 'tiers-lieu');
});
afterAll(async () => {
  await t.close();
});

describe('the bilan of a NEC local', () => {
  let id: string;

  it('refuses a bilan before the event, and writes nothing', async () => {
    id = await agreementSigned();
    const early = await alice.post(`/api/dossiers/${id}/event-held`);
    expect(early.status).toBe(422);
    expect(early.body.error).toBe('event-over');
    const dossier = await alice.get(`/api/dossiers/${id}`).expect(200);
    expect(dossier.body.state).toBe('agreement-signed');
    expect(dossier.body.history.map((h: { event: string }) => h.event)).not.toContain(
      'mark-event-held',
    );

    const draft = await alice.put(`/api/dossiers/${id}/bilan`, {
      version: 0,
      content: { attendees: 10 },
    });
    expect(draft.status).toBe(409);
    expect(draft.body.error).toBe('not-editable');
    expect(await bilanRow(id)).toBeNull();

    // The day before the event is still too early; its (only) day is not.
    await moveTo(`${addDays(EVENT_DAY, -1)}T18:00:00Z`);
    expect((await alice.post(`/api/dossiers/${id}/event-held`)).status).toBe(422);
  });

  it('marks the event held, then offers a bilan pre-filled from the accepted dossier', async () => {
    await moveTo(`${EVENT_DAY}T18:00:00Z`);
    const held = await alice.post(`/api/dossiers/${id}/event-held`);
    expect(held.status).toBe(200);
    expect(held.body).toEqual({ id, state: 'event-held' });

    const res = await alice.get(`/api/dossiers/${id}/bilan`).expect(200);
    expect(res.body).toMatchObject({
      dossierId: id,
      dossierState: 'event-held',
      state: 'draft',
      version: 0,
      submittedAt: null,
    });
    expect(res.body.planned).toMatchObject({
      startDate: EVENT_DAY,
      eventMode: 'hybrid',
      expectedAttendees: 180,
      awardedAmountCents: 500_000,
    });
    expect(res.body.planned.formats.kinds).toEqual(['workshop', 'round-table', 'discovery-stand']);
    expect(res.body.planned.budget.expenses.length).toBeGreaterThan(0);
    expect(res.body.planned.budgetTotals.subsidyCents).toBe(500_000);
    expect(res.body.bilan).toEqual({
      expectedAttendees: { min: 180, max: 180 },
      budget: { subsidyCents: 500_000 },
    });
    expect(res.body.draftIssues).toEqual([]);
    expect(res.body.availableEvents).toContain('submit-bilan');
  });

  it('saves a draft as typed, reports its invalid fields, and refuses a stale version', async () => {
    const typed = { attendees: 'beaucoup', structuresRepresented: 71, formats: { workshops: 4 } };
    const saved = await alice.put(`/api/dossiers/${id}/bilan`, { version: 0, content: typed });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(paths(saved.body.draftIssues)).toEqual(['attendees']);
    const read = await alice.get(`/api/dossiers/${id}/bilan`).expect(200);
    expect(read.body.bilan).toEqual(typed);
    expect(read.body.version).toBe(1);
    expect(paths(read.body.draftIssues)).toEqual(['attendees']);

    const stale = await alice.put(`/api/dossiers/${id}/bilan`, {
      version: 0,
      content: { attendees: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: 'version-conflict',
      currentVersion: 1,
      content: typed,
    });
    const staleUpdate = await alice.put(`/api/dossiers/${id}/bilan`, {
      version: 7,
      content: { attendees: 1 },
    });
    expect(staleUpdate.status).toBe(409);

    const unknownBodyField = await alice.put(`/api/dossiers/${id}/bilan`, {
      version: 1,
      content: {},
      extra: true,
    });
    expect(unknownBodyField.status).toBe(400);
  });

  it('refuses an incomplete bilan with every field at fault, and changes nothing', async () => {
    const res = await alice.post(`/api/dossiers/${id}/bilan/submit`, { version: 1 });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('incomplete-bilan');
    expect(paths(res.body.fields)).toEqual(
      expect.arrayContaining([
        'attendees',
        'speakers',
        'formats.discoveryStands',
        'formats.others',
        'budget',
        'improvements',
        'team',
        'resources',
      ]),
    );
    expect((await alice.get(`/api/dossiers/${id}`)).body.state).toBe('event-held');
    expect((await bilanRow(id))?.submittedAt).toBeNull();
  });

  it('keeps the bilan away from analysts, other structures and other instructors', async () => {
    const asAnalyst = await analyst.get(`/api/dossiers/${id}/bilan`);
    expect(asAnalyst.status).toBe(403);
    expect(asAnalyst.body.error).toBe('role-not-allowed');
    expect((await bob.get(`/api/dossiers/${id}/bilan`)).status).toBe(404);
    expect((await bob.put(`/api/dossiers/${id}/bilan`, { version: 1, content: {} })).status).toBe(
      404,
    );
    expect((await otherInstructor.get(`/api/dossiers/${id}/bilan`)).status).toBe(404);
    expect(
      (await instructor.put(`/api/dossiers/${id}/bilan`, { version: 1, content: {} })).status,
    ).toBe(403);
  });

  it('shows the bilan to the instructor of the campaign, and audits the read', async () => {
    const res = await instructor.get(`/api/dossiers/${id}/bilan`).expect(200);
    expect(res.body.version).toBe(1);
    const reads = await t.app
      .get(DataSource)
      .getRepository(AuditEntryEntity)
      .findBy({ action: 'dossier.read', subjectId: id, actorId: instructor.userId });
    expect(reads.some((r) => (r.details as { part?: string }).part === 'bilan')).toBe(true);
  });

  it('submits a complete bilan: dossier bilan-submitted, bilan frozen with its reporting columns', async () => {
    await alice
      .put(`/api/dossiers/${id}/bilan`, { version: 1, content: completeBilan() })
      .expect(200);
    expect((await alice.post(`/api/dossiers/${id}/bilan/submit`, { version: 1 })).status).toBe(409);

    const res = await alice.post(`/api/dossiers/${id}/bilan/submit`, { version: 2 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'submitted',
      dossierState: 'bilan-submitted',
      version: 3,
      draftIssues: [],
    });
    expect(res.body.bilan.licence).toBe('CC-BY-SA-4.0-FR');

    const late = await alice.put(`/api/dossiers/${id}/bilan`, { version: 3, content: {} });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('not-editable');
    expect((await alice.post(`/api/dossiers/${id}/bilan/submit`, { version: 3 })).status).toBe(409);

    const row = await bilanRow(id);
    expect(row).toMatchObject({
      year: YEAR,
      eventDate: EVENT_DAY,
      regionCode: '52',
      departementCode: '49',
      eventMode: 'hybrid',
      porteurCategory: 'tiers-lieu',
      callKind: 'nec-local',
      attendees: 181,
      structures: 71,
      speakers: 15,
      womenSpeakers: 8,
      menSpeakers: 6,
      workshops: 4,
      expensesCents: 1_400_000,
      subsidyCents: 500_000,
      themes: ['digital-inclusion', 'digital-commons', 'Numérique et ruralité'],
    });
    expect(row?.themeFamilies?.length).toBeGreaterThan(0);
    const history = (await alice.get(`/api/dossiers/${id}`)).body.history.map(
      (h: { event: string }) => h.event,
    );
    expect(history.slice(-2)).toEqual(['mark-event-held', 'submit-bilan']);
  });

  it('gives reporting the same records as the table: listRecords and aggregateBilans agree with the columns', async () => {
    const records = await t.app.get(BilansRepository).listRecords();
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({
      year: YEAR,
      eventDate: EVENT_DAY,
      regionCode: '52',
      departementCode: '49',
      callKind: 'nec-local',
    });
    const aggregate = aggregateBilans(records);
    const sums: Record<string, unknown>[] = await t.app.get(DataSource).query(
      `SELECT COUNT(*)::int AS count, SUM(attendees)::int AS attendees, SUM(structures)::int AS structures, SUM(speakers)::int AS speakers,
              SUM(women_speakers)::int AS "womenSpeakers", SUM(women_speakers + men_speakers)::int AS "speakersWithKnownGender",
              SUM(workshops)::int AS workshops, SUM(expenses_cents)::bigint::text AS "expensesCents", COALESCE(SUM(subsidy_cents), 0)::bigint::text AS "subsidyCents",
              SUM(discovery_stands)::int AS "discoveryStands", (COUNT(*) FILTER (WHERE les_bases))::int AS "lesBasesEvents",
              (COUNT(*) FILTER (WHERE men_speakers > 0 AND women_speakers = 0))::int AS "allMalePanelEvents"
         FROM bilans WHERE submitted_at IS NOT NULL`,
    );
    const sql = sums[0]!;
    expect({
      ...sql,
      expensesCents: Number(sql.expensesCents),
      subsidyCents: Number(sql.subsidyCents),
    }).toEqual({ count: aggregate.count, ...aggregate.totals });
    expect(recordFigures(record!)).toEqual(aggregate.totals);

    expect(await t.app.get(BilansRepository).listRecords({ from: addDays(EVENT_DAY, 1) })).toEqual(
      [],
    );
    expect(
      await t.app.get(BilansRepository).listRecords({
        years: [YEAR],
        regionCode: '52',
        departementCode: '49',
        callKind: 'nec-local',
        to: EVENT_DAY,
      }),
    ).toHaveLength(1);
    expect(await t.app.get(BilansRepository).listRecords({ regionCode: '11' })).toEqual([]);
  });

  it('is closed by the instruction only', async () => {
    const asApplicant = await alice.post(`/api/instruction/dossiers/${id}/close`);
    expect(asApplicant.status).toBe(403);
    expect(asApplicant.body.error).toBe('role-not-allowed');
    expect((await otherInstructor.post(`/api/instruction/dossiers/${id}/close`)).status).toBe(404);
    const closed = await instructor.post(`/api/instruction/dossiers/${id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toEqual({ id, state: 'closed' });
    expect((await admin.post(`/api/instruction/dossiers/${id}/close`)).status).toBe(409);
  });

  it('lets a label-only dossier go from accepted straight to its event', async () => {
    t.clock.set(`${TODAY}T09:00:00Z`);
    const created = await alice
      .post('/api/dossiers', { campaignId: open.id, organisationId: aliceOrg })
      .expect(201);
    const labelOnly = created.body.id as string;
    await alice
      .put(`/api/dossiers/${labelOnly}/draft`, {
        version: 1,
        content: completeNecLocalContent(EVENT_DAY),
      })
      .expect(200);
    const charter = campaignCharterRef(open)!;
    await alice
      .post(`/api/dossiers/${labelOnly}/charter-acceptance`, {
        charterId: charter.id,
        version: charter.version,
      })
      .expect(201);
    await alice.post(`/api/dossiers/${labelOnly}/submit`, { version: 2 }).expect(200);
    await fire(labelOnly, 'take-for-review');
    await fire(labelOnly, 'accept', { awardedAmountCents: 0 }, { awardedAmountCents: 0 });
    await moveTo(`${EVENT_DAY}T10:00:00Z`);
    const held = await instructor.post(`/api/dossiers/${labelOnly}/event-held`);
    expect(held.status).toBe(200);
    expect(held.body.state).toBe('event-held');
    const bilan = await alice.get(`/api/dossiers/${labelOnly}/bilan`).expect(200);
    expect(bilan.body.bilan.budget).toEqual({ subsidyCents: 0 });
  });

  it('answers 404 for an unknown or malformed dossier id', async () => {
    expect((await alice.get('/api/dossiers/not-a-uuid/bilan')).status).toBe(404);
    expect(
      (await alice.get('/api/dossiers/00000000-0000-4000-8000-000000000000/bilan')).status,
    ).toBe(404);
  });
});

describe('national editions', () => {
  beforeAll(async () => {
    await t.app.get(DataSource).transaction((manager) => seedNationalEditions(manager, new Date()));
  });

  it('lists the seeded editions with their totals, for analysts and admins', async () => {
    const res = await analyst.get('/api/national-editions').expect(200);
    expect(res.body.items.map((e: { year: number }) => e.year)).toEqual(
      nationalEditions.map((e) => e.year),
    );
    const year2024 = res.body.items.find((e: { year: number }) => e.year === 2024);
    expect(year2024).toMatchObject({ city: 'Chambéry', present: null, hasPublishedFigures: false });
    expect(res.body.totals.cumulativePresent).toBe(850 + 800 + 400 + 1800 + 2000);
    expect((await admin.get('/api/national-editions')).status).toBe(200);
    const asApplicant = await alice.get('/api/national-editions');
    expect(asApplicant.status).toBe(403);
  });

  it('lets only admins write an edition, with the domain schema, strictly', async () => {
    const edition = {
      ...nationalEditions.find((e) => e.year === 2024)!,
      venues: ['Parc des expositions (fictif)'],
      venuesCount: 1,
      present: 2100,
      speakers: 280,
    };
    const asAnalyst = await analyst.put('/api/admin/national-editions/2024', edition);
    expect(asAnalyst.status).toBe(403);
    expect(asAnalyst.body.error).toBe('role-not-allowed');

    const unknown = await admin.put('/api/admin/national-editions/2024', {
      ...edition,
      attendance: 12,
    });
    expect(unknown.status).toBe(400);
    expect(paths(unknown.body.fields)).toContain('attendance');
    const onlineWithVenue = await admin.put('/api/admin/national-editions/2024', {
      ...edition,
      online: true,
    });
    expect(onlineWithVenue.status).toBe(400);
    expect(paths(onlineWithVenue.body.fields)).toContain('online');
    const mismatch = await admin.put('/api/admin/national-editions/2025', edition);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error).toBe('year-mismatch');
    expect((await admin.put('/api/admin/national-editions/deux-mille', edition)).status).toBe(400);

    const saved = await admin.put('/api/admin/national-editions/2024', edition);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ year: 2024, present: 2100, hasPublishedFigures: true });

    // Seeding again leaves an edition an admin changed alone.
    await t.app.get(DataSource).transaction((manager) => seedNationalEditions(manager, new Date()));
    const list = await analyst.get('/api/national-editions').expect(200);
    expect(list.body.items.find((e: { year: number }) => e.year === 2024).present).toBe(2100);
  });
});

describe('demo seed', () => {
  it('loads the national editions with the rest of the demo data', async () => {
    const fresh = await startTestApp();
    try {
      const report = await seedDemo(fresh.app);
      expect(report.status).toBe('seeded');
      const rows = await fresh.app
        .get(DataSource)
        .getRepository(NationalEditionEntity)
        .find({ order: { year: 'ASC' } });
      expect(rows.map((r) => [r.year, r.city, r.present])).toEqual(
        nationalEditions.map((e) => [e.year, e.city, e.present]),
      );
    } finally {
      await fresh.close();
    }
  });
});
