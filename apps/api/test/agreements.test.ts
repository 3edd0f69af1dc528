import {
  exampleNecLocalDossier,
  necLocal2023,
  permanentNecLocalCampaign,
  type NecLocalCampaign,
} from '@nec/domain';
import type request from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/auth/actor.js';
import { DossierEntity } from '../src/dossiers/dossier.entity.js';
import { DossierWorkflowService } from '../src/dossiers/dossier-workflow.service.js';
import { OrganisationEntity } from '../src/organisations/organisation.entity.js';
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
import { pdfText } from './pdf-text.js';

const YEAR = new Date().getUTCFullYear();
const TODAY = `${YEAR}-06-10`;
const EVENT_DAY = `${YEAR}-10-15`;
let t: TestApp;
let open: NecLocalCampaign;
let instructor: Client;
let stranger: Client;
let admin: Client;
let analyst: Client;
let alice: Client;
let bob: Client;
let siret: string;
const d: Record<string, string> = {};

const pdfUrl = (id: string) => `/api/dossiers/${id}/agreement.pdf`;
const signUrl = (id: string) => `/api/instruction/dossiers/${id}/agreement/signature`;
const committeesUrl = (id: string) => `/api/instruction/dossiers/${id}/committees`;

/** The response body as raw bytes, whatever its type. */
function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  // In Node, superagent hands the parser the raw response stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
const download = (client: Client, id: string) => client.get(pdfUrl(id)).buffer(true).parse(binary);
/** Text of the PDF with every run of spaces (no-break ones included) and line breaks as one space. */
const flat = (pdf: Buffer) => pdfText(pdf).replace(/[\s\u00a0]+/g, ' ');

/** An instructor acting outside HTTP, to bring test dossiers to a decision through the workflow. */
const actorOf = (client: Client): Actor => ({
  id: client.userId,
  role: client.role,
  email: 'instructeur@example.org',
  displayName: 'Instructeur',
  sessionId: 'test',
  csrfToken: 'test',
  mfaEnabled: false,
  mfaPending: false,
});

async function acceptedDossier(
  organisationId: string,
  awardedAmountCents: number,
): Promise<string> {
  const id = await insertDossierRow(t, {
    campaign: open,
    organisationId,
    createdBy: alice.userId,
    state: 'under-review',
  });
  const content = {
    ...exampleNecLocalDossier(),
    event: { ...exampleNecLocalDossier().event, startDate: EVENT_DAY, endDate: `${YEAR}-10-16` },
  };
  await t.app
    .get(DataSource)
    .getRepository(DossierEntity)
    .update(id, { content, title: 'Numérique en Commun[s] des Bois', eventDate: EVENT_DAY });
  await t.app.get(DataSource).transaction((manager) =>
    t.app.get(DossierWorkflowService).fire(manager, {
      dossierId: id,
      event: 'accept',
      actor: actorOf(instructor),
      context: { awardedAmountCents },
      patch: { awardedAmountCents },
    }),
  );
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${TODAY}T09:00:00Z`);
  open = permanentNecLocalCampaign(YEAR);
  await insertCampaign(t, open);
  await insertCampaign(t, necLocal2023);
  instructor = await agent(t, 'instructor', 'instructeur@example.org');
  stranger = await agent(t, 'instructor', 'instructeur-2023@example.org');
  admin = await agent(t, 'admin', 'admin@example.org');
  analyst = await agent(t, 'analyst', 'analyste@example.org');
  alice = await applicant(t, 'alice@example.org');
  bob = await applicant(t, 'bob@example.org');
  await assignInstructor(t, open.id, instructor.userId);
  await assignInstructor(t, necLocal2023.id, stranger.userId);
  const aliceOrg = await insertOrganisation(t, alice.userId, 'Association des Communs (fictive)');
  siret = (
    await t.app.get(DataSource).getRepository(OrganisationEntity).findOneByOrFail({ id: aliceOrg })
  ).siret;
  d.subsidised = await acceptedDossier(aliceOrg, 450_000);
  d.labelOnly = await acceptedDossier(aliceOrg, 0);
  d.reviewed = await insertDossierRow(t, {
    campaign: open,
    organisationId: aliceOrg,
    createdBy: alice.userId,
    state: 'under-review',
  });
});
afterAll(async () => {
  await t.close();
});

describe('the grant agreement', () => {
  it('is a PDF that states the parties, the event, the amount, the payment and the validity', async () => {
    const res = await download(instructor, d.subsidised!);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="convention-TEST-.*\.pdf"$/,
    );
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FlateDecode'); // the real, compressed document

    const text = flat(pdf);
    const reference = (
      await t.app
        .get(DataSource)
        .getRepository(DossierEntity)
        .findOneByOrFail({ id: d.subsidised! })
    ).reference;
    expect(text).toContain('Convention de subvention');
    expect(text).toContain('Programme Société Numérique');
    expect(text).toContain('Association des Communs (fictive)');
    expect(text).toContain(
      `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`,
    );
    expect(text).toContain('« Numérique en Commun[s] des Bois »');
    expect(text).toContain(`du 15 octobre ${YEAR} au 16 octobre ${YEAR}`);
    expect(text).toContain('Salle des Communs (fictive), 1 place du Marché');
    expect(text).toContain('4 500 € (quatre mille cinq cents euros)');
    expect(text).toContain('versée en totalité, en une seule fois, dès la signature');
    expect(text).toContain(`jusqu’au 31 décembre ${YEAR} inclus`);
    expect(text).toContain(`Référence du dossier : ${reference}`);
    expect(text).toContain(`Établie en deux exemplaires le 10 juin ${YEAR}`);
    expect(text).toContain('Nom, qualité et signature');
  });

  it('may be downloaded by the applicant’s members and admins, not by others', async () => {
    const asApplicant = await download(alice, d.subsidised!);
    expect(asApplicant.status).toBe(200);
    expect(flat(asApplicant.body as Buffer)).toContain('4 500 €');
    expect((await download(admin, d.subsidised!)).status).toBe(200);

    expect((await bob.get(pdfUrl(d.subsidised!))).status).toBe(404);
    expect((await stranger.get(pdfUrl(d.subsidised!))).status).toBe(404);
    const res = await analyst.get(pdfUrl(d.subsidised!));
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('role-not-allowed');
  });

  it('does not exist without a subsidy or before the decision (409)', async () => {
    const labelOnly = await instructor.get(pdfUrl(d.labelOnly!));
    expect(labelOnly.status).toBe(409);
    expect(labelOnly.body.error).toBe('no-subsidy');
    const reviewed = await instructor.get(pdfUrl(d.reviewed!));
    expect(reviewed.status).toBe(409);
    expect(reviewed.body.error).toBe('agreement-unavailable');
  });
});

describe('recording the signature', () => {
  it('refuses a bad body, a date in the future, applicants and analysts', async () => {
    const empty = await instructor.post(signUrl(d.subsidised!), {});
    expect(empty.status).toBe(400);
    expect(empty.body.fields.map((f: { path: string }) => f.path)).toEqual(['signedOn']);
    expect(
      (await instructor.post(signUrl(d.subsidised!), { signedOn: TODAY, extra: 1 })).status,
    ).toBe(400);
    const future = await instructor.post(signUrl(d.subsidised!), { signedOn: `${YEAR}-06-11` });
    expect(future.status).toBe(422);
    expect(future.body.fields[0]).toMatchObject({ path: 'signedOn', code: 'date-in-future' });
    expect((await alice.post(signUrl(d.subsidised!), { signedOn: TODAY })).status).toBe(403);
    expect((await analyst.post(signUrl(d.subsidised!), { signedOn: TODAY })).status).toBe(403);
    expect((await stranger.post(signUrl(d.subsidised!), { signedOn: TODAY })).status).toBe(404);
  });

  it('is refused by the workflow for a label-only dossier and before acceptance', async () => {
    const labelOnly = await instructor.post(signUrl(d.labelOnly!), { signedOn: TODAY });
    expect(labelOnly.status).toBe(422);
    expect(labelOnly.body.error).toBe('subsidy-awarded');
    const reviewed = await instructor.post(signUrl(d.reviewed!), { signedOn: TODAY });
    expect(reviewed.status).toBe(409);
    expect(reviewed.body.error).toBe('illegal-transition');
  });

  it('moves the dossier to agreement-signed; the signed agreement stays downloadable', async () => {
    const res = await instructor.post(signUrl(d.subsidised!), { signedOn: `${YEAR}-06-08` });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      dossierId: d.subsidised,
      amountCents: 450_000,
      validUntil: `${YEAR}-12-31`,
      signedOn: `${YEAR}-06-08`,
    });

    const dossier = await instructor.get(`/api/dossiers/${d.subsidised!}`).expect(200);
    expect(dossier.body.state).toBe('agreement-signed');
    expect(dossier.body.history.at(-1)).toMatchObject({ event: 'sign-agreement' });

    const again = await instructor.post(signUrl(d.subsidised!), { signedOn: TODAY });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('illegal-transition');

    const pdf = await download(alice, d.subsidised!);
    expect(pdf.status).toBe(200);
    const text = flat(pdf.body as Buffer);
    expect(text).toContain(`Convention signée le 8 juin ${YEAR}`);
    expect(text).toContain('4 500 €');
  });
});

describe('follow-up committees', () => {
  it('are recorded under a signed agreement only, and listed', async () => {
    const before = await instructor.post(committeesUrl(d.labelOnly!), {
      date: TODAY,
      minutes: 'Point d’étape.',
    });
    expect(before.status).toBe(409);
    expect(before.body.error).toBe('no-signed-agreement');

    const invalid = await instructor.post(committeesUrl(d.subsidised!), {
      date: 'demain',
      minutes: ' ',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'date',
      'minutes',
    ]);
    const future = await instructor.post(committeesUrl(d.subsidised!), {
      date: `${YEAR}-07-01`,
      minutes: 'Pas encore tenu.',
    });
    expect(future.status).toBe(422);

    const created = await instructor.post(committeesUrl(d.subsidised!), {
      date: `${YEAR}-06-09`,
      minutes: 'Programme arrêté, intervenantes confirmées.',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      date: `${YEAR}-06-09`,
      minutes: 'Programme arrêté, intervenantes confirmées.',
      createdBy: { id: instructor.userId },
    });
    await admin
      .post(committeesUrl(d.subsidised!), { date: `${YEAR}-06-01`, minutes: 'Lancement.' })
      .expect(201);

    const list = await instructor.get(committeesUrl(d.subsidised!)).expect(200);
    expect(list.body.items.map((c: { date: string }) => c.date)).toEqual([
      `${YEAR}-06-01`,
      `${YEAR}-06-09`,
    ]);
    expect((await alice.get(committeesUrl(d.subsidised!))).status).toBe(403);
    expect((await stranger.get(committeesUrl(d.subsidised!))).status).toBe(404);
  });
});
