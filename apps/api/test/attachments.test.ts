import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import {
  campaignCharterRef,
  exampleNationalHostDossier,
  nationalHost2025,
  permanentNecLocalCampaign,
  type Campaign,
  type DossierState,
  type NationalHostCampaign,
} from '@nec/domain';
import type request from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentsService } from '../src/attachments/attachments.service.js';
import type {
  AttachmentScanner,
  ScanVerdict,
} from '../src/attachments/scanning/attachment-scanner.js';
import { AuditEntryEntity } from '../src/audit/audit-entry.entity.js';
import { DossierEntity } from '../src/dossiers/dossier.entity.js';
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

// ── bytes of real (tiny) files ──────────────────────────────────────────────

const pdf = (extra = '') =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n${extra}trailer <</Root 1 0 R>>\n%%EOF\n`,
  );

/** A 1-pixel-high PNG; other widths give other bytes (the same bytes twice are refused). */
function png(width = 1): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); // width
  ihdr.writeUInt32BE(1, 4); // height
  ihdr.set([8, 6, 0, 0, 0], 8); // depth, colour type, compression, filter, interlace
  const chunk = Buffer.concat([Buffer.from('IHDR'), ihdr]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(chunk));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(13);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    length,
    chunk,
    crc,
  ]);
}

/** A stored (uncompressed) zip, enough for the office formats' signatures. */
function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const n = Buffer.from(name);
    const d = Buffer.from(content);
    const c = crc32(d);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt32LE(c, 14);
    h.writeUInt32LE(d.length, 18);
    h.writeUInt32LE(d.length, 22);
    h.writeUInt16LE(n.length, 26);
    locals.push(h, n, d);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt32LE(c, 16);
    ch.writeUInt32LE(d.length, 20);
    ch.writeUInt32LE(d.length, 24);
    ch.writeUInt16LE(n.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, n);
    offset += 30 + n.length + d.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const contentTypes = (part: string, type: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="${part}" ContentType="${type}"/></Types>`;

const samples: [string, Buffer, string][] = [
  ['pdf', pdf(), 'application/pdf'],
  ['png', png(), 'image/png'],
  [
    'jpg',
    Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
    ]),
    'image/jpeg',
  ],
  [
    'webp',
    Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.from([30, 0, 0, 0]),
      Buffer.from('WEBPVP8 '),
      Buffer.alloc(22),
    ]),
    'image/webp',
  ],
  [
    'odt',
    zip([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<x/>'],
    ]),
    'application/vnd.oasis.opendocument.text',
  ],
  [
    'ods',
    zip([
      ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['content.xml', '<x/>'],
    ]),
    'application/vnd.oasis.opendocument.spreadsheet',
  ],
  [
    'docx',
    zip([
      [
        '[Content_Types].xml',
        contentTypes(
          '/word/document.xml',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        ),
      ],
      ['word/document.xml', '<x/>'],
    ]),
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  [
    'xlsx',
    zip([
      [
        '[Content_Types].xml',
        contentTypes(
          '/xl/workbook.xml',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        ),
      ],
      ['xl/workbook.xml', '<x/>'],
    ]),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
];

// ── a scanner the tests hold ────────────────────────────────────────────────

/** Answers `clean` at once, or, while `holding`, waits until the test releases a verdict. */
class HeldScanner implements AttachmentScanner {
  readonly name = 'test';
  holding = false;
  private waiting: ((verdict: ScanVerdict) => void)[] = [];

  scan(): Promise<ScanVerdict> {
    if (!this.holding) return Promise.resolve('clean');
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(verdict: ScanVerdict): void {
    for (const resolve of this.waiting.splice(0)) resolve(verdict);
  }
}

// ── helpers ─────────────────────────────────────────────────────────────────

interface UploadOptions {
  filename?: string;
  contentType?: string;
  kind?: string;
  csrf?: boolean;
  /** More text fields (a photo's `caption` and `consent`). */
  fields?: Record<string, string>;
}

/** What a photo of the bilan is sent with. */
const photoFields = { caption: 'La plénière d’ouverture', consent: 'true' };

function upload(client: Client, dossierId: string, bytes: Buffer, options: UploadOptions = {}) {
  let req = client.agent.post(`/api/dossiers/${dossierId}/attachments`);
  if (options.csrf !== false) req = req.set('X-CSRF-Token', client.csrfToken);
  req = req.field('kind', options.kind ?? 'budget');
  for (const [name, value] of Object.entries(options.fields ?? {})) req = req.field(name, value);
  return req.attach('file', bytes, {
    filename: options.filename ?? 'document.pdf',
    contentType: options.contentType ?? 'application/pdf',
  });
}

function binary(res: request.Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

function download(client: Client, dossierId: string, attachmentId: string) {
  return client
    .get(`/api/dossiers/${dossierId}/attachments/${attachmentId}`)
    .buffer(true)
    .parse(binary);
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// ── set-up ──────────────────────────────────────────────────────────────────

let t: TestApp;
let dir: string;
const scanner = new HeldScanner();
let campaign: Campaign;
let alice: Client;
let bob: Client;
let instructor: Client;
let otherInstructor: Client;
let admin: Client;
let analyst: Client;
let aliceOrg: string;
let bobOrg: string;

const YEAR = new Date().getUTCFullYear();

async function dossierIn(
  state: DossierState,
  organisationId = aliceOrg,
  submittedAt: string | null = null,
): Promise<string> {
  const id = await insertDossierRow(t, {
    campaign,
    organisationId,
    createdBy: alice.userId,
    state,
  });
  if (submittedAt)
    await t.app
      .get(DataSource)
      .getRepository(DossierEntity)
      .update({ id }, { submittedAt: new Date(submittedAt) });
  return id;
}

const settled = () => t.app.get(AttachmentsService).settled();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nec-attachments-'));
  t = await startTestApp({ NEC_ATTACHMENTS_DIR: dir }, { scanner });
  campaign = permanentNecLocalCampaign(YEAR);
  await insertCampaign(t, campaign);
  alice = await applicant(t, 'alice.pj@example.org');
  bob = await applicant(t, 'bob.pj@example.org');
  instructor = await agent(t, 'instructor', 'instructeur.pj@example.org');
  otherInstructor = await agent(t, 'instructor', 'instructeur2.pj@example.org');
  admin = await agent(t, 'admin', 'admin.pj@example.org');
  analyst = await agent(t, 'analyst', 'analyste.pj@example.org');
  await assignInstructor(t, campaign.id, instructor.userId);
  aliceOrg = await insertOrganisation(t, alice.userId, 'Association des Pièces (fictive)');
  bobOrg = await insertOrganisation(t, bob.userId, 'Association Voisine (fictive)');
  // Six accounts, each with its scrypt hash and sign-in: over a minute on a busy CI machine.
}, 180_000);
afterAll(async () => {
  scanner.release('clean');
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

// ── tests ───────────────────────────────────────────────────────────────────

describe('uploading', () => {
  it('stores a PDF with the type read from its bytes, its SHA-256, and serves the exact bytes back', async () => {
    const dossier = await dossierIn('draft');
    const bytes = pdf('% budget prévisionnel\n');
    const res = await upload(alice, dossier, bytes, {
      filename: 'Budget prévisionnel été.pdf',
    }).expect(201);
    expect(res.body).toMatchObject({
      dossierId: dossier,
      kind: 'budget',
      originalName: 'Budget prévisionnel été.pdf',
      sizeBytes: bytes.length,
      detectedType: 'application/pdf',
      sha256: sha256(bytes),
      uploadedByRole: 'applicant',
      uploadedByMe: true,
    });
    expect(['pending', 'clean']).toContain(res.body.scanStatus);
    await settled();

    const list = await alice.get(`/api/dossiers/${dossier}/attachments`).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: res.body.id, scanStatus: 'clean', downloadable: true }),
    ]);

    const file = await download(alice, dossier, res.body.id as string).expect(200);
    expect(Buffer.compare(file.body as Buffer, bytes)).toBe(0);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-length']).toBe(String(bytes.length));
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="Budget previsionnel ete.pdf"; filename*=UTF-8''Budget%20pr%C3%A9visionnel%20%C3%A9t%C3%A9.pdf`,
    );
  });

  it('never keeps the user’s file name on disk: the folder only holds random keys', async () => {
    const dossier = await dossierIn('draft');
    await upload(alice, dossier, pdf('% chemin\n'), { filename: '../../etc/passwd.pdf' }).expect(
      201,
    );
    const names = (await readdir(dir, { recursive: true })).map(String);
    expect(names.some((n) => n.includes('passwd') || n.includes('..'))).toBe(false);
    const list = await alice.get(`/api/dossiers/${dossier}/attachments`).expect(200);
    expect(list.body.items[0].originalName).toBe('passwd.pdf');
  });

  it.each(samples)('accepts a %s file, recognised from its bytes', async (ext, bytes, mime) => {
    const dossier = await dossierIn('draft');
    const res = await upload(alice, dossier, bytes, {
      filename: `fichier.${ext}`,
      contentType: 'application/octet-stream',
      kind: 'other',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.detectedType).toBe(mime);
  });

  it('trusts the bytes, not the name: a PNG named .pdf is a PNG, and is served as .png', async () => {
    const dossier = await dossierIn('draft');
    const bytes = png();
    const res = await upload(alice, dossier, bytes, {
      filename: 'photo.pdf',
      contentType: 'application/pdf',
      kind: 'bilan-photo',
      fields: photoFields,
    }).expect(201);
    expect(res.body.detectedType).toBe('image/png');
    await settled();
    const file = await download(alice, dossier, res.body.id as string).expect(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toContain('filename="photo.png"');
    expect(Buffer.compare(file.body as Buffer, bytes)).toBe(0);
  });

  it.each([
    [
      'HTML sent as a PDF',
      Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
    ],
    ['a Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)])],
    ['a plain zip', zip([['a.txt', 'bonjour']])],
    ['plain text', Buffer.from('juste du texte')],
  ])(
    'refuses %s with 415 unsupported-file-type, whatever its declared type',
    async (_label, bytes) => {
      const dossier = await dossierIn('draft');
      const res = await upload(alice, dossier, bytes, {
        filename: 'x.pdf',
        contentType: 'application/pdf',
      }).expect(415);
      expect(res.body.error).toBe('unsupported-file-type');
      expect(res.body.fields[0].path).toBe('file');
      expect((await alice.get(`/api/dossiers/${dossier}/attachments`)).body.items).toEqual([]);
    },
  );

  it('refuses the same bytes twice on a dossier (409 duplicate-attachment)', async () => {
    const dossier = await dossierIn('draft');
    const first = await upload(alice, dossier, pdf('% unique\n')).expect(201);
    const again = await upload(alice, dossier, pdf('% unique\n'), {
      filename: 'copie.pdf',
      kind: 'other',
    }).expect(409);
    expect(again.body).toMatchObject({
      error: 'duplicate-attachment',
      attachmentId: first.body.id,
    });
  });

  it('answers 400 without a file, with an unknown kind, with an empty file or with an extra field', async () => {
    const dossier = await dossierIn('draft');
    const url = `/api/dossiers/${dossier}/attachments`;
    const noFile = await alice.agent
      .post(url)
      .set('X-CSRF-Token', alice.csrfToken)
      .field('kind', 'budget')
      .expect(400);
    expect(noFile.body.error).toBe('file-missing');
    const badKind = await upload(alice, dossier, pdf(), { kind: 'selfie' }).expect(400);
    expect(badKind.body.fields[0].path).toBe('kind');
    expect((await upload(alice, dossier, Buffer.alloc(0)).expect(400)).body.error).toBe(
      'empty-file',
    );
    const extra = await alice.agent
      .post(url)
      .set('X-CSRF-Token', alice.csrfToken)
      .field('kind', 'budget')
      .field('owner', 'x')
      .attach('file', pdf(), 'a.pdf')
      .expect(400);
    expect(extra.body.error).toBe('invalid-request');
    const otherField = await alice.agent
      .post(url)
      .set('X-CSRF-Token', alice.csrfToken)
      .field('kind', 'budget')
      .attach('document', pdf(), 'a.pdf')
      .expect(400);
    expect(otherField.body.error).toBe('invalid-upload');
  });

  it('requires the CSRF header (403) and a session (401)', async () => {
    const dossier = await dossierIn('draft');
    const res = await upload(alice, dossier, pdf(), { csrf: false }).expect(403);
    expect(res.body.error).not.toBe('role-not-allowed');
    await t
      .http()
      .post(`/api/dossiers/${dossier}/attachments`)
      .field('kind', 'budget')
      .attach('file', pdf(), 'a.pdf')
      .expect(401);
  });

  it('hides another organisation’s dossier (404) and keeps analysts and agents out of uploads (403)', async () => {
    const dossier = await dossierIn('draft');
    const own = await upload(alice, dossier, pdf('% privé\n')).expect(201);
    expect((await upload(bob, dossier, pdf()).expect(404)).body.error).toBe('not-found');
    await bob.get(`/api/dossiers/${dossier}/attachments`).expect(404);
    await download(bob, dossier, own.body.id as string).expect(404);
    await bob.delete(`/api/dossiers/${dossier}/attachments/${own.body.id}`).expect(404);
    expect((await analyst.get(`/api/dossiers/${dossier}/attachments`).expect(403)).body.error).toBe(
      'role-not-allowed',
    );
    expect((await upload(analyst, dossier, pdf()).expect(403)).body.error).toBe('role-not-allowed');
    expect((await upload(instructor, dossier, pdf()).expect(403)).body.error).toBe(
      'role-not-allowed',
    );
    const bobs = await dossierIn('draft', bobOrg);
    expect((await upload(alice, bobs, pdf('% chez Bob\n')).expect(404)).body.error).toBe(
      'not-found',
    );
    // A draft is not visible to agents at all.
    await instructor.get(`/api/dossiers/${dossier}/attachments`).expect(404);
    await admin.get(`/api/dossiers/${dossier}/attachments`).expect(404);
    // Unknown and malformed ids.
    await alice
      .get(`/api/dossiers/${dossier}/attachments/00000000-0000-4000-8000-000000000000`)
      .expect(404);
    await alice.get(`/api/dossiers/${dossier}/attachments/pas-un-id`).expect(404);
  });

  it('accepts files only while the applicant side may still change them', async () => {
    const underReview = await dossierIn('under-review', aliceOrg, `${YEAR}-01-10T10:00:00Z`);
    expect((await upload(alice, underReview, pdf('% tard\n')).expect(409)).body.error).toBe(
      'attachments-locked',
    );
    const held = await dossierIn('event-held', aliceOrg, `${YEAR}-01-10T10:00:00Z`);
    await upload(alice, held, pdf('% tard 2\n')).expect(409);
    await upload(alice, held, png(), {
      kind: 'bilan-photo',
      filename: 'photo.png',
      contentType: 'image/png',
      fields: photoFields,
    }).expect(201);
  });
});

describe('photos of the bilan', () => {
  const photo = (client: Client, dossier: string, bytes: Buffer, fields = photoFields) =>
    upload(client, dossier, bytes, {
      kind: 'bilan-photo',
      filename: 'photo.png',
      contentType: 'image/png',
      fields,
    });

  it('keeps a caption and the consent to publish, and lists them to the instructor', async () => {
    const dossier = await dossierIn('event-held', aliceOrg, `${YEAR}-01-10T10:00:00Z`);
    const res = await photo(alice, dossier, png(2)).expect(201);
    expect(res.body).toMatchObject({ kind: 'bilan-photo', caption: 'La plénière d’ouverture' });
    const row = await t.app
      .get(DataSource)
      .query(`SELECT "image_consent_at" FROM "dossier_attachments" WHERE "id" = $1`, [res.body.id]);
    expect(row[0].image_consent_at).not.toBeNull();
    await settled();
    const seen = await instructor.get(`/api/dossiers/${dossier}/attachments`).expect(200);
    expect(seen.body.items).toEqual([
      expect.objectContaining({ id: res.body.id, caption: 'La plénière d’ouverture' }),
    ]);
    await download(instructor, dossier, res.body.id as string).expect(200);
    // An instructor of another campaign, another organisation: the dossier does not exist.
    await otherInstructor.get(`/api/dossiers/${dossier}/attachments`).expect(404);
    await bob.get(`/api/dossiers/${dossier}/attachments`).expect(404);
    await download(bob, dossier, res.body.id as string).expect(404);
    expect((await photo(bob, dossier, png(3)).expect(404)).body.error).toBe('not-found');
    expect((await photo(instructor, dossier, png(3)).expect(403)).body.error).toBe(
      'role-not-allowed',
    );
    await bob.delete(`/api/dossiers/${dossier}/attachments/${res.body.id}`).expect(404);
    await instructor.delete(`/api/dossiers/${dossier}/attachments/${res.body.id}`).expect(403);
    await alice.delete(`/api/dossiers/${dossier}/attachments/${res.body.id}`).expect(204);
    const after = await alice.get(`/api/dossiers/${dossier}/attachments`).expect(200);
    expect(after.body.items).toEqual([]);
  });

  it('requires a caption and the consent of the people shown, in French at their fields', async () => {
    const dossier = await dossierIn('event-held', aliceOrg, `${YEAR}-01-10T10:00:00Z`);
    const res = await photo(alice, dossier, png(4), { caption: ' ', consent: 'false' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const fields = (res.body.fields as { path: string; message: string }[]).map((f) => f.path);
    expect(fields).toEqual(['caption', 'consent']);
    expect(JSON.stringify(res.body)).toContain('reconnaissables');
    // Other documents take neither.
    const draft = await dossierIn('draft');
    await upload(alice, draft, pdf('% légende\n'), { fields: { caption: 'x' } }).expect(res.status);
  });

  it('takes images only, judged from the bytes, each of 5 Mo at most', async () => {
    const dossier = await dossierIn('event-held', aliceOrg, `${YEAR}-01-10T10:00:00Z`);
    const asPdf = await upload(alice, dossier, pdf('% pas une photo\n'), {
      kind: 'bilan-photo',
      filename: 'photo.png',
      contentType: 'image/png',
      fields: photoFields,
    }).expect(415);
    expect(asPdf.body.error).toBe('unsupported-file-type');
    const big = Buffer.concat([png(5), Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await photo(alice, dossier, big).expect(413);
    expect(tooBig.body.fields[0].message).toBe('Taille maximale : 5 Mo.');
  });

  it('takes ten photos at most per dossier', async () => {
    const dossier = await dossierIn('event-held', aliceOrg, `${YEAR}-01-10T10:00:00Z`);
    for (let width = 10; width < 20; width += 1)
      await photo(alice, dossier, png(width)).expect(201);
    const eleventh = await photo(alice, dossier, png(20)).expect(409);
    expect(eleventh.body.error).toBe('too-many-photos');
    await settled();
  });

  it('freezes the photos once the bilan is submitted', async () => {
    const dossier = await dossierIn('bilan-submitted', aliceOrg, `${YEAR}-01-10T10:00:00Z`);
    expect((await photo(alice, dossier, png(30)).expect(409)).body.error).toBe(
      'attachments-locked',
    );
  });
});

describe('the virus scan', () => {
  it('keeps a file away from everybody until it is declared clean, then serves it to the instructor (audited)', async () => {
    const dossier = await dossierIn('information-requested', aliceOrg, `${YEAR}-01-10T10:00:00Z`);
    scanner.holding = true;
    const bytes = pdf('% réponse\n');
    const res = await upload(alice, dossier, bytes, {
      kind: 'information-answer',
      filename: 'reponse.pdf',
    }).expect(201);
    const id = res.body.id as string;
    expect(res.body.scanStatus).toBe('pending');

    const seen = await instructor.get(`/api/dossiers/${dossier}/attachments`).expect(200);
    expect(seen.body.items).toEqual([
      expect.objectContaining({
        id,
        scanStatus: 'pending',
        downloadable: false,
        uploadedByMe: false,
      }),
    ]);
    expect((await download(instructor, dossier, id).expect(409)).body.toString()).toContain(
      'scan-pending',
    );
    await download(alice, dossier, id).expect(409);
    await otherInstructor.get(`/api/dossiers/${dossier}/attachments`).expect(404);
    await download(otherInstructor, dossier, id).expect(404);

    scanner.holding = false;
    scanner.release('clean');
    await settled();
    const file = await download(instructor, dossier, id).expect(200);
    expect(Buffer.compare(file.body as Buffer, bytes)).toBe(0);
    await download(admin, dossier, id).expect(200);

    const audit = await t.app
      .get(DataSource)
      .getRepository(AuditEntryEntity)
      .find({ where: { subjectId: dossier, action: 'dossier.read', actorId: instructor.userId } });
    expect(audit.map((a) => a.details)).toEqual(
      expect.arrayContaining([{ part: 'attachments' }, { part: 'attachment', attachmentId: id }]),
    );
    const uploads = await t.app
      .get(DataSource)
      .getRepository(AuditEntryEntity)
      .find({ where: { subjectId: dossier, action: 'attachment.upload' } });
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.details).toMatchObject({ attachmentId: id, sha256: sha256(bytes) });
  });

  it('answers 410 file-infected for an infected file and removes its bytes', async () => {
    const dossier = await dossierIn('information-requested', aliceOrg, `${YEAR}-01-10T10:00:00Z`);
    scanner.holding = true;
    const before = new Set((await readdir(dir, { recursive: true })).map(String));
    const res = await upload(alice, dossier, pdf('% X5O!P%@AP\n'), {
      kind: 'information-answer',
    }).expect(201);
    const added = (await readdir(dir, { recursive: true }))
      .map(String)
      .filter((n) => !before.has(n) && n.includes('-'));
    expect(added).toHaveLength(1);
    scanner.holding = false;
    scanner.release('infected');
    await settled();
    expect(
      (await download(instructor, dossier, res.body.id as string).expect(410)).body.toString(),
    ).toContain('file-infected');
    await download(alice, dossier, res.body.id as string).expect(410);
    const list = await alice.get(`/api/dossiers/${dossier}/attachments`).expect(200);
    expect(list.body.items[0]).toMatchObject({ scanStatus: 'infected', downloadable: false });
    const after = new Set((await readdir(dir, { recursive: true })).map(String));
    expect(after.has(added[0]!)).toBe(false);
  });

  it('answers 409 scan-failed when the scanner could not decide', async () => {
    const dossier = await dossierIn('draft');
    scanner.holding = true;
    const res = await upload(alice, dossier, pdf('% erreur\n')).expect(201);
    scanner.holding = false;
    scanner.release('error');
    await settled();
    expect(
      (await download(alice, dossier, res.body.id as string).expect(409)).body.toString(),
    ).toContain('scan-failed');
  });
});

describe('deleting', () => {
  it('lets a member remove a file from a draft, bytes included', async () => {
    const dossier = await dossierIn('draft');
    const res = await upload(alice, dossier, pdf('% à retirer\n')).expect(201);
    await settled();
    await alice.delete(`/api/dossiers/${dossier}/attachments/${res.body.id}`).expect(204);
    expect((await alice.get(`/api/dossiers/${dossier}/attachments`)).body.items).toEqual([]);
    await download(alice, dossier, res.body.id as string).expect(404);
    await alice.delete(`/api/dossiers/${dossier}/attachments/${res.body.id}`).expect(404);
  });

  it('keeps the files sent with the submission; only the new ones can be removed while information is requested', async () => {
    const dossier = await dossierIn('information-requested', aliceOrg, `${YEAR}-01-10T10:00:00Z`);
    t.clock.set(`${YEAR}-01-05T10:00:00Z`);
    const sent = await upload(alice, dossier, pdf('% envoyé\n'), { kind: 'support-letter' }).expect(
      201,
    );
    t.clock.set(null);
    const fresh = await upload(alice, dossier, pdf('% nouveau\n'), {
      kind: 'information-answer',
    }).expect(201);
    await settled();
    expect(
      (await alice.delete(`/api/dossiers/${dossier}/attachments/${sent.body.id}`).expect(409)).body
        .error,
    ).toBe('attachment-frozen');
    await alice.delete(`/api/dossiers/${dossier}/attachments/${fresh.body.id}`).expect(204);
  });

  it('refuses to remove files once the dossier is under review', async () => {
    const dossier = await dossierIn('draft');
    const res = await upload(alice, dossier, pdf('% figé\n')).expect(201);
    await t.app
      .get(DataSource)
      .getRepository(DossierEntity)
      .update({ id: dossier }, { state: 'under-review' });
    expect(
      (await alice.delete(`/api/dossiers/${dossier}/attachments/${res.body.id}`).expect(409)).body
        .error,
    ).toBe('attachments-locked');
    expect(
      (await instructor.delete(`/api/dossiers/${dossier}/attachments/${res.body.id}`).expect(403))
        .body.error,
    ).toBe('role-not-allowed');
  });
});

describe('the size limit', () => {
  let small: TestApp;
  let smallDir: string;
  let carol: Client;
  let carolDossier: string;

  beforeAll(async () => {
    smallDir = await mkdtemp(join(tmpdir(), 'nec-attachments-small-'));
    small = await startTestApp({ NEC_UPLOAD_MAX_BYTES: '1024', NEC_ATTACHMENTS_DIR: smallDir });
    await insertCampaign(small, campaign);
    carol = await applicant(small, 'carol.pj@example.org');
    const org = await insertOrganisation(small, carol.userId, 'Association Légère (fictive)');
    carolDossier = await insertDossierRow(small, {
      campaign,
      organisationId: org,
      createdBy: carol.userId,
      state: 'draft',
    });
  });
  afterAll(async () => {
    await small.close();
    await rm(smallDir, { recursive: true, force: true });
  });

  const sized = (size: number) => {
    const head = pdf();
    return Buffer.concat([head, Buffer.alloc(size - head.length, 0x20)]);
  };

  it('says not-scanned (never clean) without a scanner, and serves the file', async () => {
    const bytes = sized(512);
    const res = await upload(carol, carolDossier, bytes).expect(201);
    await small.app.get(AttachmentsService).settled();
    const list = await carol.get(`/api/dossiers/${carolDossier}/attachments`).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: res.body.id, scanStatus: 'not-scanned', downloadable: true }),
    ]);
    const file = await download(carol, carolDossier, res.body.id as string).expect(200);
    expect(Buffer.compare(file.body as Buffer, bytes)).toBe(0);
    await carol.delete(`/api/dossiers/${carolDossier}/attachments/${res.body.id as string}`);
  });

  it('answers 413 file-too-large above NEC_UPLOAD_MAX_BYTES, and accepts a file of exactly the limit', async () => {
    const res = await upload(carol, carolDossier, sized(1025)).expect(413);
    expect(res.body).toMatchObject({
      error: 'file-too-large',
      fields: [expect.objectContaining({ path: 'file' })],
    });
    const big = await upload(carol, carolDossier, sized(200_000)).expect(413);
    expect(big.body.error).toBe('file-too-large');
    await upload(carol, carolDossier, sized(1024)).expect(201);
  });
});

describe('documents listed by a host application', () => {
  it('must be files uploaded for this very dossier, of the kind stated, not refused by the scanner', async () => {
    const host: NationalHostCampaign = {
      ...nationalHost2025,
      id: `national-host-pj-${YEAR}`,
      year: YEAR,
      opensOn: `${YEAR}-01-01`,
      closesOn: `${YEAR + 1}-12-31`,
      params: {
        ...nationalHost2025.params,
        applicationDeadline: `${YEAR + 1}-12-31`,
        editionYear: YEAR + 1,
      },
    };
    await insertCampaign(t, host);
    const created = await alice
      .post('/api/dossiers', { campaignId: host.id, organisationId: aliceOrg })
      .expect(201);
    const id = created.body.id as string;
    const letter = (await upload(alice, id, pdf('% lettre\n'), { kind: 'support-letter' }))
      .body as { id: string };
    const venue = (await upload(alice, id, pdf('% lieu\n'), { kind: 'venue-document' })).body as {
      id: string;
    };
    const elsewhere = (
      await upload(alice, await dossierIn('draft'), pdf('% autre\n'), {
        kind: 'support-letter',
      }).expect(201)
    ).body as { id: string };
    await settled();

    const listed = (attachments: { id: string; kind: string }[]) => ({
      ...exampleNationalHostDossier(),
      // In the edition's usual window, for the year this campaign hosts (an ineligible dossier
      // cannot be submitted).
      proposedDates: [{ startDate: `${YEAR + 1}-10-08`, endDate: `${YEAR + 1}-10-09` }],
      attachments: attachments.map((a, i) => ({ ...a, name: `Document ${i + 1}` })),
    });
    let version = 1;
    const save = async (content: object) => {
      const saved = await alice.put(`/api/dossiers/${id}/draft`, { version, content }).expect(200);
      version = saved.body.version as number;
    };
    await save(
      listed([
        { id: letter.id, kind: 'support-letter' },
        { id: elsewhere.id, kind: 'support-letter' },
        { id: venue.id, kind: 'council-decision' },
      ]),
    );
    const charter = campaignCharterRef(host)!;
    await alice
      .post(`/api/dossiers/${id}/charter-acceptance`, {
        charterId: charter.id,
        version: charter.version,
      })
      .expect(201);
    version = (await alice.get(`/api/dossiers/${id}`).expect(200)).body.version as number;

    const refused = await alice.post(`/api/dossiers/${id}/submit`, { version });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('invalid-attachments');
    expect(
      refused.body.fields.map((f: { path: string; code: string }) => [f.path, f.code]),
    ).toEqual([
      ['attachments.1.id', 'unknown-attachment'],
      ['attachments.2.id', 'attachment-kind-mismatch'],
    ]);
    expect((await alice.get(`/api/dossiers/${id}`).expect(200)).body.state).toBe('draft');

    await save(
      listed([
        { id: letter.id, kind: 'support-letter' },
        { id: venue.id, kind: 'venue-document' },
      ]),
    );
    const submitted = await alice.post(`/api/dossiers/${id}/submit`, { version }).expect(200);
    expect(submitted.body.state).toBe('submitted');
  });
});
