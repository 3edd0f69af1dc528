import {
  addMonths,
  campaignCharterRef,
  permanentNecLocalCampaign,
  type Campaign,
} from '@nec/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agent,
  applicant,
  assignInstructor,
  completeNecLocalContent,
  insertCampaign,
  insertOrganisation,
  signInAgain,
  type Client,
} from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let open: Campaign;
let alice: Client;
let instructor: Client;
let aliceOrg: string;

const YEAR = new Date().getUTCFullYear();
const TODAY = `${YEAR}-03-02`;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${TODAY}T09:00:00Z`);
  open = permanentNecLocalCampaign(YEAR);
  await insertCampaign(t, open);
  alice = await applicant(t, 'alice@example.org');
  aliceOrg = await insertOrganisation(t, alice.userId, 'Association des Octets (fictive)');
  instructor = await agent(t, 'instructor', 'instructeur@example.org');
  await assignInstructor(t, open.id, instructor.userId);
});
afterAll(async () => {
  await t.close();
});

/** A draft holding `content`, with the campaign's charter accepted; returns its id and version. */
async function draftWith(content: Record<string, unknown>) {
  const created = await alice.post('/api/dossiers', {
    campaignId: open.id,
    organisationId: aliceOrg,
  });
  expect(created.status).toBe(201);
  const id = (created.body as { id: string }).id;
  const saved = await alice.put(`/api/dossiers/${id}/draft`, { version: 1, content }).expect(200);
  const charter = campaignCharterRef(open)!;
  await alice
    .post(`/api/dossiers/${id}/charter-acceptance`, {
      charterId: charter.id,
      version: charter.version,
    })
    .expect(201);
  return { id, version: (saved.body as { version: number }).version, saved: saved.body };
}

describe('territory codes: syntax in the schemas, existence in the API', () => {
  it('reports an unknown commune in the draft and refuses to submit it', async () => {
    const content = completeNecLocalContent(addMonths(TODAY, 5));
    const area = [{ kind: 'commune', code: '57999' }];
    const { id, version, saved } = await draftWith({ ...content, area });
    expect(saved.draftIssues).toContainEqual(
      expect.objectContaining({ path: 'area.0.code', code: 'unknown-territory' }),
    );
    const res = await alice.post(`/api/dossiers/${id}/submit`, { version });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('incomplete-dossier');
    expect(res.body.fields).toContainEqual(
      expect.objectContaining({ path: 'area.0.code', code: 'unknown-territory' }),
    );
  });
});

type Field = { path: string; code: string; message: string };

describe('submission while something asked for is ineligible', () => {
  it('is refused while the label is ineligible, with the rule’s explanation', async () => {
    // One month ahead: the label needs the campaign's lead time.
    const { id, version } = await draftWith(completeNecLocalContent(addMonths(TODAY, 1)));
    const res = await alice.post(`/api/dossiers/${id}/submit`, { version });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('ineligible-dossier');
    const fields = res.body.fields as Field[];
    expect(fields.map((f) => [f.path, f.code])).toEqual([['requests.label', 'lead-time']]);
    expect(fields[0]!.message).toMatch(/mois/);
    const after = await alice.get(`/api/dossiers/${id}`).expect(200);
    expect(after.body.state).toBe('draft');
    expect(after.body.versions).toEqual([]);
    expect(after.body.history.map((h: { event: string }) => h.event)).toEqual(['create']);
  });

  it('is refused for an ineligible subsidy request, then accepted once the request is withdrawn', async () => {
    const content = completeNecLocalContent(addMonths(TODAY, 5));
    const audiences = { ...(content.audiences as object), expectedAttendees: 40 };
    const { id, version } = await draftWith({ ...content, audiences });
    const res = await alice.post(`/api/dossiers/${id}/submit`, { version });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('ineligible-dossier');
    const fields = res.body.fields as Field[];
    expect(fields.map((f) => f.path)).toContain('requests.subsidy.requested');
    expect(fields.map((f) => f.code)).toContain('min-attendees');

    // The applicant withdraws the subsidy (and the duo, which needs the same audience).
    const budget = content.budget as { resources: { kind: string }[] };
    const labelOnly = {
      ...content,
      audiences,
      requests: { label: true, subsidy: { requested: false }, duo: false },
      budget: { ...budget, resources: budget.resources.filter((r) => r.kind !== 'anct-subsidy') },
    };
    const saved = await alice
      .put(`/api/dossiers/${id}/draft`, { version, content: labelOnly })
      .expect(200);
    expect(saved.body.draftIssues).toEqual([]);
    const ok = await alice.post(`/api/dossiers/${id}/submit`, { version: saved.body.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.state).toBe('submitted');
  });
});

describe('the record of a submitted dossier', () => {
  it('keeps the verdict frozen at submission, with its date, whatever today is', async () => {
    const eventDay = addMonths(TODAY, 5);
    const { id, version } = await draftWith(completeNecLocalContent(eventDay));
    await alice.post(`/api/dossiers/${id}/submit`, { version }).expect(200);

    // Long after the event: a recomputation would read "the event is past".
    t.clock.set(`${addMonths(eventDay, 2)}T09:00:00Z`);
    try {
      const later = await signInAgain(t, 'alice@example.org');
      const verdict = await later.get(`/api/dossiers/${id}/eligibility`).expect(200);
      expect(verdict.body.label.verdict).toBe('eligible');
      expect(verdict.body.subsidy.verdict).toBe('eligible');
      const record = await later.get(`/api/dossiers/${id}`).expect(200);
      expect(record.body.eligibilityAtSubmission).toMatchObject({
        version: 1,
        evaluatedOn: TODAY,
        eligibility: { callKind: 'nec-local', label: { verdict: 'eligible' } },
      });
      expect(record.body.eligibilityAtSubmission.eligibility).toEqual(verdict.body);
    } finally {
      t.clock.set(`${TODAY}T09:00:00Z`);
    }
  });

  it('shows the awarded amount, the interview (notes for staff only) and the agreement with its signature date', async () => {
    const { id, version } = await draftWith(completeNecLocalContent(addMonths(TODAY, 5)));
    await alice.post(`/api/dossiers/${id}/submit`, { version }).expect(200);
    const draftRecord = (await alice.get(`/api/dossiers/${id}`).expect(200)).body;
    expect(draftRecord).toMatchObject({
      awardedAmountCents: null,
      interview: null,
      agreement: null,
    });

    const base = `/api/instruction/dossiers/${id}`;
    await instructor.post(`${base}/take`).expect(200);
    await instructor
      .post(`${base}/interview`, {
        date: addMonths(TODAY, 1),
        notes: 'Équipe solide (note interne).',
      })
      .expect(201);
    await instructor
      .post(`${base}/decision`, { decision: 'accept', awardedAmountCents: 400_000 })
      .expect(200);
    // The applicant downloads the agreement from the dossier's own address.
    const pdf = await alice.get(`/api/dossiers/${id}/agreement.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    await instructor.post(`${base}/agreement/signature`, { signedOn: TODAY }).expect(201);

    const staffView = (await instructor.get(`/api/dossiers/${id}`).expect(200)).body;
    expect(staffView).toMatchObject({
      awardedAmountCents: 400_000,
      interview: { date: addMonths(TODAY, 1), notes: 'Équipe solide (note interne).' },
      agreement: {
        amountCents: 400_000,
        validUntil: `${YEAR}-12-31`,
        signedOn: TODAY,
        documentPath: `/api/dossiers/${id}/agreement.pdf`,
      },
    });
    const applicantView = (await alice.get(`/api/dossiers/${id}`).expect(200)).body;
    expect(applicantView.interview).toEqual({ date: addMonths(TODAY, 1) });
    expect(applicantView.agreement).toEqual(staffView.agreement);
    expect(JSON.stringify(applicantView)).not.toContain('note interne');
  });
});
