import {
  necLocal2023,
  permanentNecLocalCampaign,
  type Campaign,
  type DossierState,
} from '@nec/domain';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuditEntryEntity } from '../src/audit/audit-entry.entity.js';
import { ExportsRepository } from '../src/exports/exports.repository.js';
import { EXPORT_BATCH_SIZE } from '../src/exports/exports.service.js';
import {
  agent,
  applicant,
  assignInstructor,
  insertCampaign,
  insertOrganisation,
  type Client,
} from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let db: DataSource;
let admin: Client;
let instructor: Client;
let instructor2023: Client;
let analyst: Client;
let porteur: Client;
let orgA: string;
let orgB: string;
let sirets: Map<string, string>;

const YEAR = 2026;
const open = permanentNecLocalCampaign(YEAR);
const bulkCampaign = permanentNecLocalCampaign(YEAR - 1);

interface Row {
  reference: string;
  campaign: Campaign;
  organisationId: string;
  state: DossierState;
  title: string;
  eventDate?: string | null;
  subsidyCents?: number | null;
  awardedCents?: number | null;
  regions?: string[];
  labelVerdict?: string | null;
  subsidyVerdict?: string | null;
  submittedAt?: string | null;
  assignee?: string | null;
}

/** A dossier row written straight into the table, every column the export reads set explicitly. */
async function insertDossier(r: Row): Promise<string> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO "dossiers" ("reference", "campaign_id", "organisation_id", "call_kind", "state", "title", "content", "version",
       "event_date", "requested_subsidy_cents", "awarded_amount_cents", "region_codes", "label_verdict", "subsidy_verdict", "submitted_at", "assigned_instructor_id")
     VALUES ($1, $2, $3, 'nec-local', $4, $5, '{}'::jsonb, 1, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING "id"`,
    [
      r.reference,
      r.campaign.id,
      r.organisationId,
      r.state,
      r.title,
      r.eventDate ?? null,
      r.subsidyCents ?? null,
      r.awardedCents ?? null,
      r.regions ?? [],
      r.labelVerdict ?? null,
      r.subsidyVerdict ?? null,
      r.state === 'draft' ? null : (r.submittedAt ?? '2026-02-10T08:30:00Z'),
      r.assignee ?? null,
    ],
  );
  return rows[0]!.id;
}

/** The response body as bytes (supertest parses only text types by default). */
function binary(req: request.Test) {
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** CSV lines split on `;` (the test data hold no `;` nor quotes), BOM checked and removed. */
function parseCsv(body: Buffer): string[][] {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(';'));
}

async function csv(
  client: Client,
  path: string,
): Promise<{ res: request.Response; lines: string[][] }> {
  const res = await binary(client.get(path));
  expect(res.status, res.status === 200 ? '' : JSON.stringify(res.body)).toBe(200);
  return { res, lines: parseCsv(res.body as Buffer) };
}

const references = (lines: string[][]) => lines.slice(1).map((l) => l[0]);

async function workbook(client: Client, path: string): Promise<ExcelJS.Worksheet> {
  const res = await binary(client.get(path));
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const body = res.body as Buffer;
  expect(body.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

const cellValues = (sheet: ExcelJS.Worksheet, rowNumber: number): unknown[] =>
  (sheet.getRow(rowNumber).values as unknown[]).slice(1);

beforeAll(async () => {
  t = await startTestApp({ NEC_SESSION_TTL_HOURS: '10000' });
  t.clock.set('2026-03-02T09:00:00Z');
  db = t.app.get(DataSource);
  await insertCampaign(t, open);
  await insertCampaign(t, necLocal2023);
  await insertCampaign(t, bulkCampaign);
  admin = await agent(t, 'admin', 'admin-exports@example.org');
  instructor = await agent(t, 'instructor', 'instructrice-exports@example.org');
  instructor2023 = await agent(t, 'instructor', 'instructeur-2023@example.org');
  analyst = await agent(t, 'analyst', 'analyste-exports@example.org');
  porteur = await applicant(t, 'porteuse-exports@example.org');
  await assignInstructor(t, open.id, instructor.userId);
  await assignInstructor(t, necLocal2023.id, instructor2023.userId);
  orgA = await insertOrganisation(t, porteur.userId, 'Association des Octets (fictive)');
  orgB = await insertOrganisation(
    t,
    porteur.userId,
    '=HYPERLINK("http://example.org")',
    'tiers-lieu',
  );
  const orgs: { id: string; siret: string }[] = await db.query(
    `SELECT "id", "siret" FROM "organisations"`,
  );
  sirets = new Map(orgs.map((o) => [o.id, o.siret]));
  await db.query(`UPDATE "users" SET "display_name" = 'Instructrice Exemple' WHERE "id" = $1`, [
    instructor.userId,
  ]);

  // The open campaign: one dossier per state worth filtering on, in two régions.
  await insertDossier({
    reference: 'EXP-001',
    campaign: open,
    organisationId: orgA,
    state: 'submitted',
    title: 'Fête du numérique',
    eventDate: '2026-09-12',
    subsidyCents: 300_000,
    regions: ['52'],
    labelVerdict: 'eligible',
    subsidyVerdict: 'eligible',
    submittedAt: '2026-02-01T08:00:00Z',
  });
  await insertDossier({
    reference: 'EXP-002',
    campaign: open,
    organisationId: orgA,
    state: 'under-review',
    title: 'Atelier des aidants',
    eventDate: '2026-10-01',
    subsidyCents: 450_000,
    regions: ['44'],
    labelVerdict: 'eligible',
    subsidyVerdict: 'incomplete',
    submittedAt: '2026-02-02T08:00:00Z',
    assignee: instructor.userId,
  });
  await insertDossier({
    reference: 'EXP-003',
    campaign: open,
    organisationId: orgB,
    state: 'accepted',
    title: 'Rencontre, inclusion et médiation',
    eventDate: '2026-07-04',
    subsidyCents: 250_000,
    awardedCents: 200_050,
    regions: ['44', '52'],
    labelVerdict: 'eligible',
    subsidyVerdict: 'eligible',
    submittedAt: '2026-02-03T23:30:00Z',
    assignee: instructor.userId,
  });
  await insertDossier({
    reference: 'EXP-004',
    campaign: open,
    organisationId: orgB,
    state: 'refused',
    title: 'Forum sans subvention',
    eventDate: '2026-11-20',
    subsidyCents: null,
    regions: ['52'],
    labelVerdict: 'ineligible',
    subsidyVerdict: 'not-requested',
    submittedAt: '2026-02-04T08:00:00Z',
  });
  await insertDossier({
    reference: 'EXP-005',
    campaign: open,
    organisationId: orgA,
    state: 'draft',
    title: 'Brouillon jamais exporté',
    subsidyCents: 300_000,
    regions: ['52'],
  });
  // Another campaign, instructed by someone else.
  await insertDossier({
    reference: 'EXP-101',
    campaign: necLocal2023,
    organisationId: orgA,
    state: 'submitted',
    title: 'Édition 2023',
    eventDate: '2023-09-12',
    subsidyCents: 400_000,
    regions: ['52'],
    submittedAt: '2023-03-01T08:00:00Z',
  });
}, 120_000);

afterAll(async () => {
  await t.close();
});

describe('GET /api/exports/dossiers.csv', () => {
  it('streams every submitted dossier as a French-Excel CSV: BOM, « ; », labels, euros, Paris time', async () => {
    const { res, lines } = await csv(
      admin,
      `/api/exports/dossiers.csv?campaignId=${open.id}&sort=reference`,
    );
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="dossiers-2026-03-02.csv"',
    );
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    expect(lines[0]).toEqual([
      'Référence',
      'Appel',
      'État',
      'Structure',
      'SIRET',
      'Titre',
      'Date de l’événement',
      'Région',
      'Subvention demandée (€)',
      'Montant attribué (€)',
      'Recevabilité du label',
      'Recevabilité de la subvention',
      'Déposé le',
      'Instructeur ou instructrice',
    ]);
    // Drafts are never exported.
    expect(references(lines)).toEqual(['EXP-001', 'EXP-002', 'EXP-003', 'EXP-004']);
    expect(lines[3]).toEqual([
      'EXP-003',
      open.title,
      'Accepté',
      // A formula typed by an applicant is neutralised (`'`), then quoted by the CSV writer.
      `"'=HYPERLINK(""http://example.org"")"`,
      sirets.get(orgB),
      'Rencontre, inclusion et médiation',
      '2026-07-04',
      'Grand Est, Pays de la Loire',
      '2500,00',
      '2000,50',
      'Éligible',
      'Éligible',
      // 23:30 UTC on 3 February is 00:30 on the 4th in Paris.
      '2026-02-04 00:30',
      'Instructrice Exemple',
    ]);
    expect(lines[4]!.slice(8, 12)).toEqual(['', '', 'Inéligible', 'Pas de demande']);
  });

  it('follows the queue’s filters exactly', async () => {
    const base = `/api/exports/dossiers.csv?campaignId=${open.id}&sort=reference`;
    expect(references((await csv(admin, `${base}&state=accepted,refused`)).lines)).toEqual([
      'EXP-003',
      'EXP-004',
    ]);
    expect(
      references((await csv(admin, `${base}&state=submitted&state=under-review`)).lines),
    ).toEqual(['EXP-001', 'EXP-002']);
    expect(references((await csv(admin, `${base}&region=44`)).lines)).toEqual([
      'EXP-002',
      'EXP-003',
    ]);
    expect(
      references((await csv(admin, `${base}&subsidyMin=260000&subsidyMax=450000`)).lines),
    ).toEqual(['EXP-001', 'EXP-002']);
    expect(references((await csv(admin, `${base}&q=aidants`)).lines)).toEqual(['EXP-002']);
    expect(references((await csv(admin, `${base}&assignee=none`)).lines)).toEqual([
      'EXP-001',
      'EXP-004',
    ]);
    expect(references((await csv(admin, `${base}&assignee=${instructor.userId}`)).lines)).toEqual([
      'EXP-002',
      'EXP-003',
    ]);
    expect(
      references((await csv(admin, `${base}&eventFrom=2026-09-01&eventTo=2026-10-31`)).lines),
    ).toEqual(['EXP-001', 'EXP-002']);
    expect(references((await csv(admin, `${base}&labelVerdict=ineligible`)).lines)).toEqual([
      'EXP-004',
    ]);
    expect(references((await csv(admin, `${base}&subsidyVerdict=incomplete`)).lines)).toEqual([
      'EXP-002',
    ]);
    // Nothing matches: the header line alone.
    expect((await csv(admin, `${base}&q=introuvable`)).lines).toHaveLength(1);
  });

  it('follows the queue’s sort, NULLs last', async () => {
    const base = `/api/exports/dossiers.csv?campaignId=${open.id}`;
    expect(
      references((await csv(admin, `${base}&sort=requestedSubsidy&order=desc`)).lines),
    ).toEqual(['EXP-002', 'EXP-001', 'EXP-003', 'EXP-004']);
    expect(references((await csv(admin, `${base}&sort=eventDate&order=asc`)).lines)).toEqual([
      'EXP-003',
      'EXP-001',
      'EXP-002',
      'EXP-004',
    ]);
    // Default: by submission, oldest first (as the queue).
    expect(references((await csv(admin, base)).lines)).toEqual([
      'EXP-001',
      'EXP-002',
      'EXP-003',
      'EXP-004',
    ]);
  });

  it('gives an instructor only the campaigns they instruct, as the queue does', async () => {
    expect(
      references((await csv(instructor, '/api/exports/dossiers.csv?sort=reference')).lines),
    ).toEqual(['EXP-001', 'EXP-002', 'EXP-003', 'EXP-004']);
    expect(references((await csv(instructor2023, '/api/exports/dossiers.csv')).lines)).toEqual([
      'EXP-101',
    ]);
    expect(
      (await csv(instructor2023, `/api/exports/dossiers.csv?campaignId=${open.id}`)).lines,
    ).toHaveLength(1);
  });

  it('refuses unknown or malformed parameters, the page included (400)', async () => {
    for (const query of [
      'page=2',
      'pageSize=10',
      'state=draft',
      'region=ABC',
      'sort=title',
      'foo=1',
    ]) {
      const res = await admin.get(`/api/exports/dossiers.csv?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error).toBe('invalid-request');
    }
  });

  it('is audited with its filters', async () => {
    await csv(instructor, `/api/exports/dossiers.csv?state=accepted&region=44`);
    const entries = await db
      .getRepository(AuditEntryEntity)
      .find({ where: { actorId: instructor.userId, action: 'export.dossiers' } });
    expect(entries.at(-1)?.details).toMatchObject({
      format: 'csv',
      filters: { state: ['accepted'], region: '44', sort: 'submittedAt', order: 'asc' },
    });
  });
});

describe('GET /api/exports/dossiers.xlsx', () => {
  it('streams a valid workbook whose sheet holds the dossiers with typed cells', async () => {
    const res = await binary(
      admin.get(`/api/exports/dossiers.xlsx?campaignId=${open.id}&sort=reference`),
    );
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="dossiers-2026-03-02.xlsx"',
    );
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const sheet = await workbook(
      admin,
      `/api/exports/dossiers.xlsx?campaignId=${open.id}&sort=reference`,
    );
    expect(sheet.name).toBe('Dossiers');
    expect(sheet.actualRowCount).toBe(5);
    expect(cellValues(sheet, 1)[0]).toBe('Référence');
    const row = cellValues(sheet, 4);
    expect(row.slice(0, 6)).toEqual([
      'EXP-003',
      open.title,
      'Accepté',
      '=HYPERLINK("http://example.org")',
      sirets.get(orgB),
      'Rencontre, inclusion et médiation',
    ]);
    expect(row[6]).toEqual(new Date('2026-07-04T00:00:00Z'));
    expect(row[7]).toBe('Grand Est, Pays de la Loire');
    expect(row[8]).toBe(2500);
    expect(row[9]).toBe(2000.5);
    expect(row[12]).toEqual(new Date('2026-02-04T00:30:00Z')); // Paris wall clock
    expect(row[13]).toBe('Instructrice Exemple');
    expect(sheet.getRow(4).getCell(9).numFmt).toBe('#,##0.00 "€"');
  });

  it('follows the filters and the instructor’s campaigns', async () => {
    const sheet = await workbook(instructor2023, '/api/exports/dossiers.xlsx');
    expect(sheet.actualRowCount).toBe(2);
    expect(cellValues(sheet, 2)[0]).toBe('EXP-101');
    const filtered = await workbook(
      admin,
      `/api/exports/dossiers.xlsx?campaignId=${open.id}&state=refused`,
    );
    expect(filtered.actualRowCount).toBe(2);
    expect(cellValues(filtered, 2)[0]).toBe('EXP-004');
  });
});

describe('GET /api/exports/bilans.csv and .xlsx', () => {
  beforeAll(async () => {
    const bilan = async (
      reference: string,
      campaign: Campaign,
      f: {
        year: number;
        region: string | null;
        departement: string | null;
        attendees: number;
        submitted: boolean;
        subsidyCents: number | null;
      },
    ) => {
      const id = await insertDossier({
        reference,
        campaign,
        organisationId: orgA,
        state: f.submitted ? 'bilan-submitted' : 'event-held',
        title: `Bilan ${reference}`,
        regions: f.region ? [f.region] : [],
      });
      await db.query(
        `INSERT INTO "bilans" ("dossier_id", "content", "version", "created_at", "updated_at", "submitted_at", "year", "event_date", "region_code", "departement_code",
           "event_mode", "porteur_category", "call_kind", "attendees", "structures", "speakers", "women_speakers", "men_speakers", "workshops", "expenses_cents", "subsidy_cents", "themes", "theme_families")
         VALUES ($1, '{}'::jsonb, 2, now(), now(), $2, $3, $4, $5, $6, 'in-person', 'association', 'nec-local', $7, 12, 8, 5, 3, 4, 900000, $8, $9, $10)`,
        [
          id,
          f.submitted ? '2026-01-15T10:00:00Z' : null,
          f.year,
          `${f.year}-06-10`,
          f.region,
          f.departement,
          f.attendees,
          f.subsidyCents,
          ['inclusion', 'Jeux vidéo'],
          ['inclusion'],
        ],
      );
    };
    await bilan('BIL-001', open, {
      year: 2026,
      region: '52',
      departement: '49',
      attendees: 180,
      submitted: true,
      subsidyCents: 300_000,
    });
    await bilan('BIL-002', open, {
      year: 2026,
      region: '44',
      departement: '57',
      attendees: 220,
      submitted: true,
      subsidyCents: null,
    });
    await bilan('BIL-003', open, {
      year: 2026,
      region: '52',
      departement: '49',
      attendees: 90,
      submitted: false,
      subsidyCents: 100_000,
    });
    await bilan('BIL-101', necLocal2023, {
      year: 2023,
      region: '52',
      departement: '44',
      attendees: 150,
      submitted: true,
      subsidyCents: 250_000,
    });
  });

  it('exports the submitted bilans with their figures, filtered by campaign, year and région', async () => {
    const { res, lines } = await csv(admin, '/api/exports/bilans.csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="bilans-2026-03-02.csv"');
    expect(res.headers['transfer-encoding']).toBe('chunked');
    // Drafts (BIL-003) are left out.
    expect(references(lines)).toEqual(['BIL-001', 'BIL-002', 'BIL-101']);
    const header = lines[0]!;
    const first = Object.fromEntries(header.map((h, i) => [h, lines[1]![i]]));
    expect(first).toMatchObject({
      Structure: 'Association des Octets (fictive)',
      SIRET: sirets.get(orgA),
      Appel: open.title,
      Année: '2026',
      'Date de l’événement': '2026-06-10',
      Région: 'Pays de la Loire',
      Département: 'Maine-et-Loire',
      Participants: '180',
      Intervenants: '8',
      'Intervenantes (femmes)': '5',
      'Dépenses (€)': '9000,00',
      'Subvention (€)': '3000,00',
      'Bilan déposé le': '2026-01-15 11:00',
    });
    expect(first['Thématiques']).toContain('Jeux vidéo');
    expect(references((await csv(admin, '/api/exports/bilans.csv?year=2023')).lines)).toEqual([
      'BIL-101',
    ]);
    expect(references((await csv(admin, '/api/exports/bilans.csv?region=44')).lines)).toEqual([
      'BIL-002',
    ]);
    expect(
      references(
        (await csv(admin, `/api/exports/bilans.csv?campaignId=${open.id}&region=52`)).lines,
      ),
    ).toEqual(['BIL-001']);
    expect((await admin.get('/api/exports/bilans.csv?year=deux-mille')).status).toBe(400);
  });

  it('gives an instructor only the bilans of the campaigns they instruct', async () => {
    expect(references((await csv(instructor, '/api/exports/bilans.csv')).lines)).toEqual([
      'BIL-001',
      'BIL-002',
    ]);
    expect(references((await csv(instructor2023, '/api/exports/bilans.csv')).lines)).toEqual([
      'BIL-101',
    ]);
  });

  it('writes the same bilans in a workbook', async () => {
    const sheet = await workbook(instructor, '/api/exports/bilans.xlsx?region=52');
    expect(sheet.name).toBe('Bilans');
    expect(sheet.actualRowCount).toBe(2);
    const row = cellValues(sheet, 2);
    expect(row[0]).toBe('BIL-001');
    expect(row[10]).toBe(180);
    expect(row[17]).toBe(3000);
    const entries = await db
      .getRepository(AuditEntryEntity)
      .find({ where: { actorId: instructor.userId, action: 'export.bilans' } });
    expect(entries.at(-1)?.details).toMatchObject({ format: 'xlsx', filters: { region: '52' } });
  });
});

describe('who may export', () => {
  const paths = [
    '/api/exports/dossiers.csv',
    '/api/exports/dossiers.xlsx',
    '/api/exports/bilans.csv',
    '/api/exports/bilans.xlsx',
  ];

  it('refuses applicants and analysts (403) and anonymous callers (401)', async () => {
    for (const path of paths) {
      for (const client of [porteur, analyst]) {
        const res = await client.get(path);
        expect(res.status, `${client.role} ${path}`).toBe(403);
        expect(res.body.error).toBe('role-not-allowed');
      }
      expect((await t.http().get(path)).status, path).toBe(401);
    }
  });
});

describe('a large export', () => {
  const COUNT = 2_000;

  beforeAll(async () => {
    // In bulk: four states, three régions, subsidies with NULLs and many ties, submission times
    // with microseconds and ties (the cursor must carry them exactly).
    await db.query(
      `INSERT INTO "dossiers" ("reference", "campaign_id", "organisation_id", "call_kind", "state", "title", "content", "version",
         "event_date", "requested_subsidy_cents", "region_codes", "label_verdict", "subsidy_verdict", "submitted_at")
       SELECT 'BULK-' || lpad(i::text, 5, '0'), $1, $2, 'nec-local',
         (ARRAY['submitted', 'under-review', 'accepted', 'refused'])[1 + i % 4],
         'Rencontre numérique n°' || i, '{}'::jsonb, 1,
         DATE '2025-05-01' + (i % 120),
         CASE WHEN i % 7 = 0 THEN NULL ELSE 250000 + 10000 * (i % 13) END,
         ARRAY[(ARRAY['52', '44', '84'])[1 + i % 3]], 'eligible', 'eligible',
         TIMESTAMPTZ '2025-02-01 08:00:00+00' + (i % 300) * INTERVAL '1 second' + (i % 997) * INTERVAL '1 microsecond'
       FROM generate_series(1, ${COUNT}) AS i`,
      [bulkCampaign.id, orgA],
    );
  }, 60_000);

  const expectedOrder = async (orderBy: string): Promise<string[]> => {
    const rows: { reference: string }[] = await db.query(
      `SELECT "reference" FROM "dossiers" d WHERE "campaign_id" = $1 ORDER BY ${orderBy}, d."reference" ASC`,
      [bulkCampaign.id],
    );
    return rows.map((r) => r.reference);
  };

  it('is read in batches and written progressively, in the exact order of the queue', async () => {
    const spy = vi.spyOn(t.app.get(ExportsRepository), 'dossierBatch');
    try {
      const { res, lines } = await csv(
        admin,
        `/api/exports/dossiers.csv?campaignId=${bulkCampaign.id}&sort=requestedSubsidy&order=desc`,
      );
      expect(res.headers['transfer-encoding']).toBe('chunked');
      expect(lines).toHaveLength(COUNT + 1);
      // 2 000 rows in batches of 500: 4 full batches, then an empty one says it is over.
      expect(spy.mock.calls.length).toBe(Math.floor(COUNT / EXPORT_BATCH_SIZE) + 1);
      for (const call of spy.mock.calls) expect(call[3]).toBe(EXPORT_BATCH_SIZE);
      expect(references(lines)).toEqual(
        await expectedOrder(`d."requested_subsidy_cents" DESC NULLS LAST`),
      );
    } finally {
      spy.mockRestore();
    }
    // Timestamps with microseconds and ties.
    const bySubmission = await csv(
      admin,
      `/api/exports/dossiers.csv?campaignId=${bulkCampaign.id}&sort=submittedAt&order=asc`,
    );
    expect(references(bySubmission.lines)).toEqual(
      await expectedOrder(`d."submitted_at" ASC NULLS LAST`),
    );
    const byEvent = await csv(
      admin,
      `/api/exports/dossiers.csv?campaignId=${bulkCampaign.id}&sort=eventDate&order=desc&state=accepted,refused`,
    );
    const acceptedOrRefused = (ref: string) =>
      [2, 3].includes(Number(ref.slice('BULK-'.length)) % 4);
    expect(references(byEvent.lines)).toEqual(
      (await expectedOrder(`d."event_date" DESC NULLS LAST`)).filter(acceptedOrRefused),
    );
  }, 60_000);

  it('cuts the connection when reading fails midway, so a truncated file is never taken for a whole one', async () => {
    const repository = t.app.get(ExportsRepository);
    const original = repository.dossierBatch.bind(repository);
    let calls = 0;
    const spy = vi.spyOn(repository, 'dossierBatch').mockImplementation((...args) => {
      calls += 1;
      return calls === 2 ? Promise.reject(new Error('panne simulée')) : original(...args);
    });
    try {
      for (const format of ['csv', 'xlsx']) {
        calls = 0;
        await expect(
          binary(admin.get(`/api/exports/dossiers.${format}?campaignId=${bulkCampaign.id}`)).then(
            (r) => r.status,
          ),
        ).rejects.toThrow();
      }
      // A failure on the first batch, before any byte is written, is an ordinary error response.
      calls = 1;
      const res = await admin.get(`/api/exports/dossiers.csv?campaignId=${bulkCampaign.id}`);
      expect(res.status).toBe(500);
    } finally {
      spy.mockRestore();
    }
  }, 60_000);

  it('writes the whole workbook', async () => {
    const sheet = await workbook(
      admin,
      `/api/exports/dossiers.xlsx?campaignId=${bulkCampaign.id}&region=84`,
    );
    const expected = Math.floor((COUNT + 1) / 3); // i % 3 = 2 for i in 1..2000
    expect(sheet.actualRowCount).toBe(expected + 1);
  }, 60_000);
});
