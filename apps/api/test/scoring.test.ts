import {
  defaultSelectionWeights,
  necLocal2023,
  permanentNecLocalCampaign,
  selectionCriteria,
  type NecLocalCampaign,
  type SelectionCriterion,
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
  type Client,
} from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

const YEAR = new Date().getUTCFullYear();
let t: TestApp;
let open: NecLocalCampaign;
let weighted: NecLocalCampaign;
let first: Client;
let second: Client;
let stranger: Client;
let admin: Client;
let analyst: Client;
let alice: Client;
const d: Record<string, string> = {};

/** A sheet giving every criterion the same mark (comments on every line, as 0 and 4 need one). */
const every = (score: number) => ({
  scores: selectionCriteria.map((criterion) => ({
    criterion,
    score,
    comment: `Note ${score} : motif`,
  })),
});
const only = (marks: Partial<Record<SelectionCriterion, number>>) => ({
  scores: Object.entries(marks).map(([criterion, score]) => ({
    criterion,
    score,
    comment: 'Motif',
  })),
});
const scoresUrl = (id: string) => `/api/instruction/dossiers/${id}/scores`;
const paths = (body: { fields: { path: string }[] }) => body.fields.map((f) => f.path);

beforeAll(async () => {
  t = await startTestApp();
  open = permanentNecLocalCampaign(YEAR);
  weighted = {
    ...open,
    id: `nec-local-weighted-${YEAR}`,
    params: { ...open.params, selectionWeights: { ...defaultSelectionWeights, soundness: 2 } },
  };
  for (const c of [open, weighted, necLocal2023]) await insertCampaign(t, c);
  first = await agent(t, 'instructor', 'instructrice-1@example.org');
  second = await agent(t, 'instructor', 'instructeur-2@example.org');
  stranger = await agent(t, 'instructor', 'instructeur-2023@example.org');
  admin = await agent(t, 'admin', 'admin@example.org');
  analyst = await agent(t, 'analyst', 'analyste@example.org');
  alice = await applicant(t, 'alice@example.org');
  for (const c of [open, weighted]) {
    await assignInstructor(t, c.id, first.userId);
    await assignInstructor(t, c.id, second.userId);
  }
  await assignInstructor(t, necLocal2023.id, stranger.userId);
  const org = await insertOrganisation(t, alice.userId, 'Association des Grilles (fictive)');
  const row = (state: Parameters<typeof insertDossierRow>[1]['state'], campaign = open) =>
    insertDossierRow(t, { campaign, organisationId: org, createdBy: alice.userId, state });
  d.best = await row('under-review');
  d.partial = await row('submitted');
  d.tieA = await row('interview');
  d.tieB = await row('information-requested');
  d.unscored = await row('under-review');
  d.draft = await row('draft');
  d.closed = await row('closed');
  d.weighted = await row('under-review', weighted);
});
afterAll(async () => {
  await t.close();
});

describe('scoring a dossier', () => {
  it('stores one sheet per instructor, replaced on each save, and scores with the domain', async () => {
    const saved = await first.put(scoresUrl(d.best!), every(2));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      instructor: { id: first.userId },
      complete: true,
      missingCriteria: [],
    });
    // The second save replaces the first one.
    await first.put(scoresUrl(d.best!), every(3)).expect(200);
    await second.put(scoresUrl(d.best!), every(4)).expect(200);

    const res = await first.get(scoresUrl(d.best!)).expect(200);
    expect(res.body.sheets).toHaveLength(2);
    expect(
      res.body.sheets.map((s: { instructor: { id: string; displayName: string } }) => s.instructor),
    ).toEqual([
      { id: first.userId, displayName: 'instructor' },
      { id: second.userId, displayName: 'instructor' },
    ]);
    expect(res.body.sheets[0].scores[0]).toEqual({
      criterion: 'soundness',
      score: 3,
      comment: 'Note 3 : motif',
    });
    // (3 + 4) / 2 = 3.5 on each of the 7 criteria: 24.5 out of 28, i.e. 87.5 %.
    expect(res.body.result).toMatchObject({
      weightedMean: 24.5,
      max: 28,
      normalised: 87.5,
      complete: true,
    });
    expect(res.body.result.meanPerCriterion.innovation).toBe(3.5);
    expect(res.body.result.perInstructor.map((p: { normalised: number }) => p.normalised)).toEqual([
      75, 100,
    ]);
    expect(res.body.criteria.soundness.question).toBeTruthy();

    const audit = await t.app
      .get(DataSource)
      .getRepository(AuditEntryEntity)
      .findBy({ subjectId: d.best!, action: 'dossier.score' });
    expect(audit).toHaveLength(3);
  });

  it('accepts an unfinished sheet and says what is missing', async () => {
    const res = await admin.put(scoresUrl(d.partial!), only({ soundness: 4, innovation: 2 }));
    expect(res.status).toBe(200);
    expect(res.body.complete).toBe(false);
    expect(res.body.missingCriteria).toHaveLength(5);
    const read = await admin.get(scoresUrl(d.partial!)).expect(200);
    expect(read.body.result.complete).toBe(false);
    expect(read.body.result.meanPerCriterion.organiserDiversity).toBeNull();
  });

  it('applies the campaign’s weights', async () => {
    await first.put(scoresUrl(d.weighted!), every(2)).expect(200);
    const res = await first.get(scoresUrl(d.weighted!)).expect(200);
    expect(res.body.weights.soundness).toBe(2);
    expect(res.body.result).toMatchObject({ max: 32, weightedMean: 16, normalised: 50 });
  });

  it('refuses invalid marks with the path of each field at fault', async () => {
    const tooHigh = await first.put(scoresUrl(d.best!), {
      scores: [{ criterion: 'soundness', score: 5, comment: 'Trop' }],
    });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.error).toBe('invalid-request');
    expect(paths(tooHigh.body)).toEqual(['scores.0.score']);

    const unexplained = await first.put(scoresUrl(d.best!), {
      scores: [
        { criterion: 'soundness', score: 2 },
        { criterion: 'innovation', score: 0 },
        { criterion: 'mobilisation', score: 4, comment: '  ' },
      ],
    });
    expect(unexplained.status).toBe(400);
    expect(paths(unexplained.body)).toEqual(['scores.1.comment', 'scores.2.comment']);

    const twice = await first.put(scoresUrl(d.best!), {
      scores: [
        { criterion: 'soundness', score: 2 },
        { criterion: 'soundness', score: 3 },
      ],
    });
    expect(twice.status).toBe(400);
    expect(paths(twice.body)).toEqual(['scores']);

    const unknown = await first.put(scoresUrl(d.best!), {
      scores: [{ criterion: 'charisma', score: 2, note: 'x' }],
      total: 3,
    });
    expect(unknown.status).toBe(400);
    expect(paths(unknown.body)).toEqual(
      expect.arrayContaining(['scores.0.criterion', 'scores.0.note', 'total']),
    );

    // Nothing was changed by the refused saves.
    const res = await first.get(scoresUrl(d.best!)).expect(200);
    expect(res.body.result.normalised).toBe(87.5);
  });

  it('scores only dossiers under instruction: 409 once decided, 404 for a draft (agents never see drafts)', async () => {
    const closed = await first.put(scoresUrl(d.closed!), every(2));
    expect(closed.status).toBe(409);
    expect(closed.body.error).toBe('not-under-instruction');
    // The closed dossier's (empty) scores can still be read.
    await first.get(scoresUrl(d.closed!)).expect(200);

    const draft = await first.put(scoresUrl(d.draft!), every(2));
    expect(draft.status).toBe(404);
    expect(draft.body.error).toBe('not-found');
  });

  it('is closed to analysts and applicants, and to instructors of other campaigns', async () => {
    for (const client of [analyst, alice]) {
      const put = await client.put(scoresUrl(d.best!), every(2));
      expect(put.status).toBe(403);
      expect(put.body.error).toBe('role-not-allowed');
      expect((await client.get(scoresUrl(d.best!))).status).toBe(403);
      expect((await client.get(`/api/instruction/campaigns/${open.id}/ranking`)).status).toBe(403);
    }
    const put = await stranger.put(scoresUrl(d.best!), every(2));
    expect(put.status).toBe(404);
    expect(put.body.error).toBe('not-found');
    expect((await stranger.get(scoresUrl(d.best!))).status).toBe(404);
    expect((await stranger.get(`/api/instruction/campaigns/${open.id}/ranking`)).status).toBe(404);
    expect((await first.get(scoresUrl('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await first.get(scoresUrl('pas-un-identifiant'))).status).toBe(404);
  });
});

describe('ranking a campaign', () => {
  it('ranks the scored dossiers with shared ranks for ties', async () => {
    await first.put(scoresUrl(d.tieA!), every(3)).expect(200);
    await second.put(scoresUrl(d.tieB!), every(3)).expect(200);

    const res = await first.get(`/api/instruction/campaigns/${open.id}/ranking`).expect(200);
    const items = res.body.items as {
      dossierId: string;
      rank: number;
      score: number;
      complete: boolean;
      sheetCount: number;
      organisationName: string;
      reference: string;
      title: string;
      state: string;
    }[];
    // The unscored dossier, the draft, the closed one and the other campaign's are not listed.
    expect(items.map((i) => i.dossierId)).toHaveLength(4);
    const byId = new Map(items.map((i) => [i.dossierId, i]));
    expect(byId.get(d.best!)).toMatchObject({
      rank: 1,
      score: 87.5,
      complete: true,
      sheetCount: 2,
      organisationName: 'Association des Grilles (fictive)',
      title: 'Dossier inséré pour un test',
      state: 'under-review',
    });
    expect(byId.get(d.best!)?.reference).toMatch(/^TEST-/);
    expect(byId.get(d.tieA!)).toMatchObject({ rank: 2, score: 75, complete: true });
    expect(byId.get(d.tieB!)).toMatchObject({ rank: 2, score: 75 });
    // soundness 4 + innovation 2 = 6 out of 28.
    expect(byId.get(d.partial!)).toMatchObject({
      rank: 4,
      score: 21.43,
      complete: false,
      sheetCount: 1,
    });
    expect(items.map((i) => i.rank)).toEqual([1, 2, 2, 4]);

    const asAdmin = await admin.get(`/api/instruction/campaigns/${open.id}/ranking`).expect(200);
    expect(asAdmin.body.items).toEqual(items);
    expect((await admin.get('/api/instruction/campaigns/appel-inconnu/ranking')).status).toBe(404);
    const empty = await stranger
      .get(`/api/instruction/campaigns/${necLocal2023.id}/ranking`)
      .expect(200);
    expect(empty.body.items).toEqual([]);
  });
});
