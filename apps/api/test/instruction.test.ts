import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addDays,
  addMonths,
  campaignCharterRef,
  exampleNecLocalDossier,
  formatCents,
  necLocal2023,
  permanentNecLocalCampaign,
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
  insertDossierRow,
  insertOrganisation,
  uniqueSiret,
  type Client,
} from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let open: Campaign;
let alice: Client;
let bob: Client;
let instructor: Client;
let colleague: Client;
let otherInstructor: Client;
let admin: Client;
let analyst: Client;
let aliceOrg: string;
let bobOrg: string;

// Early March: an event a few months ahead fits the campaign's lead time and agreement end.
const YEAR = new Date().getUTCFullYear();
const TODAY = `${YEAR}-03-02`;
const atToday = () => t.clock.set(`${TODAY}T09:00:00Z`);

interface Variant {
  title?: string;
  subsidyCents?: number;
  departement?: string;
  monthsAhead?: number;
  smallBudget?: boolean;
}

/** A complete NEC local dossier; the subsidy, area and date vary so the queue has something to filter. */
function content(v: Variant = {}): Record<string, unknown> {
  const c: Record<string, unknown> = { ...exampleNecLocalDossier() };
  delete c.charterAcceptance;
  if (v.title) c.title = v.title;
  c.event = { ...(c.event as object), startDate: addMonths(TODAY, v.monthsAhead ?? 5) };
  const [lead, ...others] = c.organisers as Record<string, unknown>[];
  c.organisers = [{ ...lead, siret: uniqueSiret() }, ...others];
  if (v.departement) c.area = [{ kind: 'departement', code: v.departement }];
  const requests = c.requests as Record<string, unknown>;
  if (v.smallBudget) {
    // 4 000 € of expenses: the 80 % cap (3 200 €) is below the campaign's maximum (5 000 €).
    c.budget = {
      expenses: [{ category: 'logistics', label: 'Salle et matériel', amountCents: 400_000 }],
      resources: [
        { kind: 'own-funds', label: 'Fonds propres', amountCents: 100_000 },
        { kind: 'anct-subsidy', label: 'Subvention NEC local', amountCents: 300_000 },
      ],
    };
    c.requests = { ...requests, subsidy: { requested: true, amountCents: 300_000 } };
  } else if (v.subsidyCents !== undefined) {
    const s = v.subsidyCents;
    const budget = c.budget as {
      expenses: unknown[];
      resources: { kind: string; amountCents: number }[];
    };
    c.budget = {
      ...budget,
      resources: budget.resources.map((r) =>
        r.kind === 'anct-subsidy'
          ? { ...r, amountCents: s }
          : r.kind === 'own-funds'
            ? { ...r, amountCents: 900_000 - s }
            : r,
      ),
    };
    c.requests = { ...requests, subsidy: { requested: true, amountCents: s } };
  }
  return c;
}

/** A dossier created, filled in, charter accepted and submitted through the applicant's endpoints. */
async function submitted(
  client: Client,
  organisationId: string,
  v: Variant = {},
): Promise<{ id: string; reference: string }> {
  const created = await client.post('/api/dossiers', { campaignId: open.id, organisationId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  await client.put(`/api/dossiers/${id}/draft`, { version: 1, content: content(v) }).expect(200);
  const charter = campaignCharterRef(open)!;
  await client
    .post(`/api/dossiers/${id}/charter-acceptance`, {
      charterId: charter.id,
      version: charter.version,
    })
    .expect(201);
  const res = await client.post(`/api/dossiers/${id}/submit`, { version: 2 });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { id, reference: created.body.reference as string };
}

beforeAll(async () => {
  // Long sessions: the overdue test moves the clock days ahead.
  t = await startTestApp({
    NEC_SESSION_TTL_HOURS: '10000',
    NEC_ATTACHMENTS_DIR: await mkdtemp(join(tmpdir(), 'nec-instruction-')),
  });
  atToday();
  open = permanentNecLocalCampaign(YEAR);
  await insertCampaign(t, open);
  await insertCampaign(t, necLocal2023);
  alice = await applicant(t, 'alice@example.org');
  bob = await applicant(t, 'bob@example.org');
  instructor = await agent(t, 'instructor', 'instructeur@example.org');
  colleague = await agent(t, 'instructor', 'collegue@example.org');
  otherInstructor = await agent(t, 'instructor', 'autre-instructeur@example.org');
  admin = await agent(t, 'admin', 'admin@example.org');
  analyst = await agent(t, 'analyst', 'analyste@example.org');
  await assignInstructor(t, open.id, instructor.userId);
  await assignInstructor(t, open.id, colleague.userId);
  await assignInstructor(t, necLocal2023.id, otherInstructor.userId);
  aliceOrg = await insertOrganisation(t, alice.userId, 'Association des Octets (fictive)');
  bobOrg = await insertOrganisation(t, bob.userId, 'Tiers-lieu du Pont (fictif)', 'tiers-lieu');
}, 120_000);
afterAll(async () => {
  await t.close();
});

type QueueBody = {
  items: {
    id: string;
    reference: string;
    state: string;
    title: string;
    organisation: { name: string };
    requestedSubsidyCents: number | null;
    eventDate: string;
    regionCodes: string[];
    labelVerdict: string | null;
    subsidyVerdict: string | null;
    assignee: { id: string } | null;
    hasOverdueRequest: boolean;
  }[];
  total: number;
  page: number;
  pageSize: number;
  countsByState: Record<string, number>;
};

describe('the instruction queue', () => {
  const made: {
    id: string;
    reference: string;
    subsidy: number;
    region: string;
    eventDate: string;
  }[] = [];

  beforeAll(async () => {
    // 12 submitted dossiers of the open campaign: alternately Maine-et-Loire (région 52) and Moselle (44).
    for (let i = 0; i < 12; i += 1) {
      const subsidy = 250_000 + i * 20_000;
      const monthsAhead = 4 + (i % 4);
      const departement = i % 2 === 0 ? '49' : '57';
      const who = i < 8 ? { client: alice, org: aliceOrg } : { client: bob, org: bobOrg };
      const d = await submitted(who.client, who.org, {
        title: `Rencontre numérique n°${i}`,
        subsidyCents: subsidy,
        departement,
        monthsAhead,
      });
      made.push({
        ...d,
        subsidy,
        region: i % 2 === 0 ? '52' : '44',
        eventDate: addMonths(TODAY, monthsAhead),
      });
    }
    // Two drafts (never listed) and three dossiers of another campaign.
    await alice
      .post('/api/dossiers', { campaignId: open.id, organisationId: aliceOrg })
      .expect(201);
    await bob.post('/api/dossiers', { campaignId: open.id, organisationId: bobOrg }).expect(201);
    for (let i = 0; i < 3; i += 1)
      await insertDossierRow(t, {
        campaign: necLocal2023,
        organisationId: bobOrg,
        createdBy: bob.userId,
        state: 'submitted',
      });
    // Four taken for review by the instructor, two of which wait for information.
    for (const d of made.slice(0, 4))
      await instructor.post(`/api/instruction/dossiers/${d.id}/take`).expect(200);
    for (const d of made.slice(0, 2)) {
      await instructor
        .post(`/api/instruction/dossiers/${d.id}/information-requests`, {
          message: 'Merci de préciser le programme.',
          dueDate: addDays(TODAY, 20),
        })
        .expect(201);
    }
  }, 180_000);

  const queue = async (client: Client, query = ''): Promise<QueueBody> => {
    const res = await client.get(`/api/instruction/dossiers${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as QueueBody;
  };

  it('lists the submitted dossiers of the instructor’s campaigns, never drafts, with counts by state', async () => {
    const body = await queue(instructor, `?campaignId=${open.id}`);
    expect(body.total).toBe(12);
    expect(body.items).toHaveLength(12);
    expect(body.items.every((i) => i.state !== 'draft')).toBe(true);
    expect(body.countsByState).toEqual({
      submitted: 8,
      'under-review': 2,
      'information-requested': 2,
    });
    expect(body).toMatchObject({ page: 1, pageSize: 20 });
    const first = body.items.find((i) => i.id === made[1]!.id)!;
    expect(first).toMatchObject({
      regionCodes: ['44'],
      labelVerdict: 'eligible',
      subsidyVerdict: 'eligible',
      organisation: { name: 'Association des Octets (fictive)' },
    });
    expect(first.assignee?.id).toBe(instructor.userId);
    // The other campaign's instructor sees only theirs; an admin sees everything.
    expect((await queue(otherInstructor)).total).toBe(3);
    expect((await queue(otherInstructor, `?campaignId=${open.id}`)).total).toBe(0);
    expect((await queue(admin)).total).toBe(15);
  });

  it('filters by state (repeated or comma-separated), keeping the counts of every state', async () => {
    const repeated = await queue(instructor, '?state=under-review&state=information-requested');
    expect(repeated.total).toBe(4);
    expect(new Set(repeated.items.map((i) => i.state))).toEqual(
      new Set(['under-review', 'information-requested']),
    );
    expect(repeated.countsByState).toEqual({
      submitted: 8,
      'under-review': 2,
      'information-requested': 2,
    });
    expect((await queue(instructor, '?state=submitted,under-review')).total).toBe(10);
  });

  it('filters by région, requested subsidy, event dates, verdicts and assignee', async () => {
    const moselle = await queue(instructor, '?region=44');
    expect(moselle.total).toBe(6);
    expect(moselle.items.every((i) => i.regionCodes.includes('44'))).toBe(true);
    expect(moselle.countsByState).toEqual({
      submitted: 4,
      'under-review': 1,
      'information-requested': 1,
    });

    const mid = await queue(instructor, '?subsidyMin=300000&subsidyMax=400000');
    expect(mid.items.map((i) => i.requestedSubsidyCents).sort()).toEqual(
      made
        .map((d) => d.subsidy)
        .filter((s) => s >= 300_000 && s <= 400_000)
        .sort(),
    );

    const from = addMonths(TODAY, 5);
    const to = addMonths(TODAY, 6);
    const dated = await queue(instructor, `?eventFrom=${from}&eventTo=${to}`);
    expect(dated.total).toBe(made.filter((d) => d.eventDate >= from && d.eventDate <= to).length);
    expect(dated.items.every((i) => i.eventDate >= from && i.eventDate <= to)).toBe(true);

    expect((await queue(instructor, '?labelVerdict=eligible')).total).toBe(12);
    expect((await queue(instructor, '?subsidyVerdict=not-requested')).total).toBe(0);
    expect((await queue(instructor, `?assignee=${instructor.userId}`)).total).toBe(4);
    expect((await queue(instructor, '?assignee=none')).total).toBe(8);
  });

  it('searches the reference, title, objective and organisation, case-insensitively and literally', async () => {
    expect(
      (await queue(instructor, `?q=${encodeURIComponent('numérique n°1')}`)).items
        .map((i) => i.title)
        .sort(),
    ).toEqual(['Rencontre numérique n°1', 'Rencontre numérique n°10', 'Rencontre numérique n°11']);
    const byRef = await queue(instructor, `?q=${made[3]!.reference.toLowerCase()}`);
    expect(byRef.items.map((i) => i.id)).toEqual([made[3]!.id]);
    expect((await queue(instructor, `?q=${encodeURIComponent('TIERS-LIEU du pont')}`)).total).toBe(
      4,
    );
    const objective = exampleNecLocalDossier().objective.slice(10, 30);
    expect((await queue(instructor, `?q=${encodeURIComponent(objective)}`)).total).toBe(12);
    expect((await queue(instructor, '?q=%25')).total).toBe(0);
    expect((await queue(instructor, '?q=_')).total).toBe(0);
    expect((await queue(instructor, '?q=')).total).toBe(12);
  });

  it('sorts and paginates', async () => {
    const bySubsidy = await queue(instructor, '?sort=requestedSubsidy&order=desc');
    const amounts = bySubsidy.items.map((i) => i.requestedSubsidyCents!);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const byRef = await queue(instructor, '?sort=reference&order=asc&pageSize=5&page=3');
    expect(byRef).toMatchObject({ total: 12, page: 3, pageSize: 5 });
    expect(byRef.items.map((i) => i.reference)).toEqual(
      made
        .map((d) => d.reference)
        .sort()
        .slice(10),
    );
    const byDate = await queue(instructor, '?sort=eventDate&order=asc');
    const dates = byDate.items.map((i) => i.eventDate);
    expect(dates).toEqual([...dates].sort());
    expect((await queue(instructor, '?sort=submittedAt&order=desc&pageSize=1')).items).toHaveLength(
      1,
    );
    expect((await queue(instructor, '?sort=updatedAt')).total).toBe(12);
  });

  it('refuses unknown or malformed parameters (400)', async () => {
    for (const query of [
      '?unknown=1',
      '?pageSize=101',
      '?page=0',
      '?state=draft',
      '?state=nope',
      '?sort=title',
      '?order=up',
      '?region=ABC',
      '?subsidyMin=-1',
      '?assignee=quelqu-un',
      '?eventFrom=demain',
    ]) {
      const res = await instructor.get(`/api/instruction/dossiers${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error).toBe('invalid-request');
    }
  });

  it('keeps analysts and applicants out (403)', async () => {
    expect((await analyst.get('/api/instruction/dossiers')).status).toBe(403);
    expect((await alice.get('/api/instruction/dossiers')).status).toBe(403);
  });
});

describe('assignment', () => {
  let dossier: { id: string };
  beforeAll(async () => {
    dossier = await submitted(alice, aliceOrg);
  }, 60_000);

  it('assigns to an instructor of the campaign or an admin, and refuses anyone else', async () => {
    const url = `/api/instruction/dossiers/${dossier.id}/assignee`;
    const res = await instructor.put(url, { instructorId: colleague.userId });
    expect(res.status).toBe(200);
    expect(res.body.assignee).toMatchObject({ id: colleague.userId });
    expect((await admin.put(url, { instructorId: admin.userId })).status).toBe(200);
    for (const id of [
      otherInstructor.userId,
      alice.userId,
      analyst.userId,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const refused = await instructor.put(url, { instructorId: id });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        error: 'invalid-assignee',
        fields: [{ path: 'instructorId' }],
      });
    }
    expect((await instructor.put(url, { instructorId: null })).body.assignee).toBeNull();
    expect((await instructor.put(url, { instructorId: 'x' })).status).toBe(400);
    expect((await instructor.put(url, { instructorId: null, extra: 1 })).status).toBe(400);
    const audit = await t.app
      .get(DataSource)
      .getRepository(AuditEntryEntity)
      .findBy({ subjectId: dossier.id, action: 'dossier.assign' });
    expect(audit).toHaveLength(3);
  });

  it('answers 404 to an instructor of another campaign and 403 to analysts', async () => {
    expect(
      (
        await otherInstructor.put(`/api/instruction/dossiers/${dossier.id}/assignee`, {
          instructorId: null,
        })
      ).status,
    ).toBe(404);
    expect(
      (await otherInstructor.post(`/api/instruction/dossiers/${dossier.id}/take`)).status,
    ).toBe(404);
    expect(
      (
        await analyst.put(`/api/instruction/dossiers/${dossier.id}/assignee`, {
          instructorId: null,
        })
      ).status,
    ).toBe(403);
  });

  it('take assigns the caller only when nobody has the dossier', async () => {
    await instructor
      .put(`/api/instruction/dossiers/${dossier.id}/assignee`, { instructorId: colleague.userId })
      .expect(200);
    const res = await instructor.post(`/api/instruction/dossiers/${dossier.id}/take`);
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('under-review');
    const row = (
      await instructor.get(`/api/instruction/dossiers?assignee=${colleague.userId}`)
    ).body.items.find((i: { id: string }) => i.id === dossier.id);
    expect(row).toBeDefined();
    const again = await instructor.post(`/api/instruction/dossiers/${dossier.id}/take`);
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('illegal-transition');
  });
});

describe('from submission to decision', () => {
  it('goes submitted → under review → information requested → answered → interview → accepted with an amount', async () => {
    atToday();
    const d = await submitted(alice, aliceOrg, { title: 'Parcours complet' });
    const base = `/api/instruction/dossiers/${d.id}`;
    // Deciding before review is not a legal move.
    expect((await instructor.post(`${base}/decision`, { decision: 'accept' })).status).toBe(409);

    const taken = await instructor.post(`${base}/take`).expect(200);
    expect(taken.body.state).toBe('under-review');

    const noMessage = await instructor.post(`${base}/information-requests`, {
      message: '  ',
      dueDate: addDays(TODAY, 10),
    });
    expect(noMessage.status).toBe(422);
    expect(noMessage.body.error).toBe('information-message');
    const pastDue = await instructor.post(`${base}/information-requests`, {
      message: 'Le devis de la salle ?',
      dueDate: TODAY,
    });
    expect(pastDue.status).toBe(422);
    expect(pastDue.body.error).toBe('information-due-date');

    const due = addDays(TODAY, 10);
    const asked = await instructor.post(`${base}/information-requests`, {
      message: 'Pouvez-vous joindre le devis de la salle ?',
      dueDate: due,
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ dueDate: due, answeredAt: null, overdue: false });
    expect(await t.outbox.lastTo('alice@example.org')).toContain(
      'Pouvez-vous joindre le devis de la salle ?',
    );

    const listed = await alice.get(`/api/dossiers/${d.id}/information-requests`).expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: asked.body.id, overdue: false }),
    ]);
    expect((await bob.get(`/api/dossiers/${d.id}/information-requests`)).status).toBe(404);
    expect((await otherInstructor.get(`/api/dossiers/${d.id}/information-requests`)).status).toBe(
      404,
    );

    // Past the due date without an answer: overdue, and flagged in the queue.
    t.clock.set(`${addDays(due, 1)}T09:00:00Z`);
    expect(
      (await alice.get(`/api/dossiers/${d.id}/information-requests`)).body.items[0].overdue,
    ).toBe(true);
    const flagged = (await instructor.get('/api/instruction/dossiers?overdue=true')).body;
    expect(flagged.items.map((i: { id: string }) => i.id)).toEqual([d.id]);
    expect(flagged.items[0].hasOverdueRequest).toBe(true);
    atToday();
    expect((await instructor.get('/api/instruction/dossiers?overdue=true')).body.total).toBe(0);

    // Only a member of the organisation answers, once.
    expect(
      (
        await bob.post(`/api/dossiers/${d.id}/information-requests/${asked.body.id}/answer`, {
          text: 'Non',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await alice.post(`/api/dossiers/${d.id}/information-requests/${asked.body.id}/answer`, {
          text: '',
        })
      ).status,
    ).toBe(400);
    // The answer may point to files of the dossier, and only to those.
    const unknownFile = await alice.post(
      `/api/dossiers/${d.id}/information-requests/${asked.body.id}/answer`,
      { text: 'Voir pièce jointe', attachmentIds: ['00000000-0000-4000-8000-000000000000'] },
    );
    expect(unknownFile.status).toBe(422);
    expect(unknownFile.body.fields[0]).toMatchObject({
      path: 'attachmentIds.0',
      code: 'unknown-attachment',
    });
    const upload = await alice.agent
      .post(`/api/dossiers/${d.id}/attachments`)
      .set('X-CSRF-Token', alice.csrfToken)
      .field('kind', 'information-answer')
      .attach(
        'file',
        Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
        'devis.pdf',
      );
    expect(upload.status).toBe(201);
    const answered = await alice.post(
      `/api/dossiers/${d.id}/information-requests/${asked.body.id}/answer`,
      { text: 'Le devis est en pièce jointe du message.', attachmentIds: [upload.body.id] },
    );
    expect(answered.status).toBe(200);
    expect(answered.body.state).toBe('under-review');
    const twice = await alice.post(
      `/api/dossiers/${d.id}/information-requests/${asked.body.id}/answer`,
      { text: 'Encore' },
    );
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe('already-answered');
    const after = await instructor.get(`/api/dossiers/${d.id}/information-requests`).expect(200);
    expect(after.body.items[0]).toMatchObject({
      answerText: 'Le devis est en pièce jointe du message.',
      answerAttachmentIds: [upload.body.id],
      overdue: false,
    });
    expect(after.body.items[0].answeredAt).not.toBeNull();

    const interview = await instructor.post(`${base}/interview`, {
      date: addDays(TODAY, 7),
      notes: 'Première impression positive.',
    });
    expect(interview.status).toBe(201);
    expect(interview.body).toMatchObject({
      date: addDays(TODAY, 7),
      notes: 'Première impression positive.',
    });
    const notes = await instructor.put(`${base}/interview/notes`, {
      notes: 'Projet solide, partenaires engagés.',
    });
    expect(notes.status).toBe(200);
    expect(notes.body.notes).toBe('Projet solide, partenaires engagés.');
    expect(await t.outbox.lastTo('alice@example.org')).toContain('entretien');

    const accepted = await admin.post(`${base}/decision`, {
      decision: 'accept',
      awardedAmountCents: 400_000,
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.state).toBe('accepted');
    expect(accepted.body.history.map((h: { event: string }) => h.event)).toEqual([
      'create',
      'submit',
      'take-for-review',
      'request-information',
      'answer-information',
      'schedule-interview',
      'accept',
    ]);
    expect(await t.outbox.lastTo('alice@example.org')).toContain(formatCents(400_000));
    const row = (await admin.get(`/api/instruction/dossiers?q=${d.reference}`)).body.items[0];
    expect(row).toMatchObject({ state: 'accepted', awardedAmountCents: 400_000 });
    // The interview notes never reach the applicant.
    expect(JSON.stringify((await alice.get(`/api/dossiers/${d.id}`)).body)).not.toContain(
      'Projet solide',
    );
  });

  it('refuses an amount outside the campaign’s bounds with the rule’s explanation (422), and changes nothing', async () => {
    const small = await submitted(alice, aliceOrg, { smallBudget: true });
    const usual = await submitted(alice, aliceOrg);
    await instructor.post(`/api/instruction/dossiers/${small.id}/take`).expect(200);
    await instructor.post(`/api/instruction/dossiers/${usual.id}/take`).expect(200);
    const cases: [string, number, string][] = [
      [small.id, 350_000, 'subsidy-cap'],
      [usual.id, 600_000, 'subsidy-max'],
      [usual.id, 200_000, 'subsidy-min'],
    ];
    for (const [id, amount, code] of cases) {
      const res = await instructor.post(`/api/instruction/dossiers/${id}/decision`, {
        decision: 'accept',
        awardedAmountCents: amount,
      });
      expect(res.status, `${code} ${JSON.stringify(res.body)}`).toBe(422);
      expect(res.body.error).toBe('amount-out-of-bounds');
      expect(res.body.fields).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'awardedAmountCents', code })]),
      );
      expect(res.body.message).toContain(formatCents(amount));
      expect((await instructor.get(`/api/dossiers/${id}`)).body.state).toBe('under-review');
    }
    const cap = await instructor.post(`/api/instruction/dossiers/${small.id}/decision`, {
      decision: 'accept',
      awardedAmountCents: 350_000,
    });
    expect(cap.body.message).toContain(formatCents(320_000));
    // At the cap exactly, accepted.
    expect(
      (
        await instructor.post(`/api/instruction/dossiers/${small.id}/decision`, {
          decision: 'accept',
          awardedAmountCents: 320_000,
        })
      ).status,
    ).toBe(200);
    // Malformed amounts are a bad request.
    expect(
      (
        await instructor.post(`/api/instruction/dossiers/${usual.id}/decision`, {
          decision: 'accept',
          awardedAmountCents: 10.5,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await instructor.post(`/api/instruction/dossiers/${usual.id}/decision`, {
          decision: 'maybe',
        })
      ).status,
    ).toBe(400);
    // Label only (no amount).
    const labelOnly = await instructor.post(`/api/instruction/dossiers/${usual.id}/decision`, {
      decision: 'accept',
    });
    expect(labelOnly.status).toBe(200);
  });

  it('refuses a dossier with a reason, which the applicant receives', async () => {
    const d = await submitted(bob, bobOrg);
    await instructor.post(`/api/instruction/dossiers/${d.id}/take`).expect(200);
    const noReason = await instructor.post(`/api/instruction/dossiers/${d.id}/decision`, {
      decision: 'refuse',
      reason: ' ',
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error).toBe('refusal-reason');
    const refused = await instructor.post(`/api/instruction/dossiers/${d.id}/decision`, {
      decision: 'refuse',
      reason: 'Le budget ne correspond pas au programme présenté.',
    });
    expect(refused.status).toBe(200);
    expect(refused.body.state).toBe('refused');
    expect(await t.outbox.lastTo('bob@example.org')).toContain(
      'Le budget ne correspond pas au programme présenté.',
    );
    expect(
      (
        await otherInstructor.post(`/api/instruction/dossiers/${d.id}/decision`, {
          decision: 'refuse',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
  });
});

describe('messages and private notes', () => {
  let d: { id: string };
  beforeAll(async () => {
    atToday();
    d = await submitted(alice, aliceOrg);
    await instructor.post(`/api/instruction/dossiers/${d.id}/take`).expect(200);
  }, 60_000);

  it('carries messages both ways; applicants see the ANCT side as a team', async () => {
    const mine = await alice.post(`/api/dossiers/${d.id}/messages`, {
      body: 'Bonjour, une question sur le calendrier.',
    });
    expect(mine.status).toBe(201);
    expect(mine.body.author).toMatchObject({ side: 'applicant', role: 'applicant', name: 'alice' });
    expect(await t.outbox.lastTo('instructeur@example.org')).toContain('vous a écrit');
    const reply = await instructor.post(`/api/dossiers/${d.id}/messages`, {
      body: 'Bonjour, nous revenons vers vous.',
    });
    expect(reply.status).toBe(201);
    expect(await t.outbox.lastTo('alice@example.org')).toContain('vous a écrit');

    const seenByApplicant = (await alice.get(`/api/dossiers/${d.id}/messages`).expect(200)).body
      .items;
    expect(seenByApplicant.map((m: { body: string }) => m.body)).toEqual([
      'Bonjour, une question sur le calendrier.',
      'Bonjour, nous revenons vers vous.',
    ]);
    expect(seenByApplicant[1].author).toEqual({ side: 'anct', role: null, name: 'Équipe ANCT' });
    const seenByAgent = (await admin.get(`/api/dossiers/${d.id}/messages`).expect(200)).body.items;
    expect(seenByAgent[1].author).toEqual({ side: 'anct', role: 'instructor', name: 'instructor' });

    expect((await bob.get(`/api/dossiers/${d.id}/messages`)).status).toBe(404);
    expect((await bob.post(`/api/dossiers/${d.id}/messages`, { body: 'Intrus' })).status).toBe(404);
    expect((await otherInstructor.get(`/api/dossiers/${d.id}/messages`)).status).toBe(404);
    expect((await analyst.get(`/api/dossiers/${d.id}/messages`)).status).toBe(403);
    expect(
      (await alice.post(`/api/dossiers/${d.id}/messages`, { body: 'x'.repeat(5001) })).status,
    ).toBe(400);
    expect((await alice.post(`/api/dossiers/${d.id}/messages`, { body: '' })).status).toBe(400);
    const draft = await alice.post('/api/dossiers', {
      campaignId: open.id,
      organisationId: aliceOrg,
    });
    const onDraft = await alice.post(`/api/dossiers/${draft.body.id}/messages`, {
      body: 'Trop tôt',
    });
    expect(onDraft.status).toBe(409);
    expect(onDraft.body.error).toBe('not-submitted');
  });

  it('keeps private notes to instructors and admins', async () => {
    const note = await instructor.post(`/api/instruction/dossiers/${d.id}/notes`, {
      body: 'Note interne : vérifier le cofinancement.',
    });
    expect(note.status).toBe(201);
    const listed = await admin.get(`/api/instruction/dossiers/${d.id}/notes`).expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        body: 'Note interne : vérifier le cofinancement.',
        author: { id: instructor.userId, name: 'instructor' },
      }),
    ]);
    expect((await alice.get(`/api/instruction/dossiers/${d.id}/notes`)).status).toBe(403);
    expect((await otherInstructor.get(`/api/instruction/dossiers/${d.id}/notes`)).status).toBe(404);
    for (const path of [
      `/api/dossiers/${d.id}`,
      `/api/dossiers/${d.id}/messages`,
      `/api/dossiers/${d.id}/information-requests`,
    ]) {
      expect(JSON.stringify((await alice.get(path)).body), path).not.toContain('cofinancement.');
    }
    const reads = await t.app
      .get(DataSource)
      .getRepository(AuditEntryEntity)
      .findBy({ subjectId: d.id, action: 'dossier.read' });
    expect(reads.some((r) => (r.details as { part?: string }).part === 'notes')).toBe(true);
  });

  it('answers 403 to analysts on every instruction endpoint', async () => {
    const id = d.id;
    const calls = [
      analyst.get('/api/instruction/dossiers'),
      analyst.put(`/api/instruction/dossiers/${id}/assignee`, { instructorId: null }),
      analyst.post(`/api/instruction/dossiers/${id}/take`),
      analyst.post(`/api/instruction/dossiers/${id}/information-requests`, {
        message: 'x',
        dueDate: addDays(TODAY, 3),
      }),
      analyst.post(`/api/instruction/dossiers/${id}/interview`, { date: addDays(TODAY, 3) }),
      analyst.put(`/api/instruction/dossiers/${id}/interview/notes`, { notes: 'x' }),
      analyst.post(`/api/instruction/dossiers/${id}/decision`, { decision: 'accept' }),
      analyst.get(`/api/instruction/dossiers/${id}/notes`),
      analyst.post(`/api/instruction/dossiers/${id}/notes`, { body: 'x' }),
      analyst.get(`/api/dossiers/${id}/information-requests`),
      analyst.get(`/api/dossiers/${id}/messages`),
      analyst.post(`/api/dossiers/${id}/messages`, { body: 'x' }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('role-not-allowed');
    }
  });
});
