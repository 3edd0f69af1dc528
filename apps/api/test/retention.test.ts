import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { permanentNecLocalCampaign, type Campaign, type DossierState } from '@nec/domain';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AttachmentsService } from '../src/attachments/attachments.service.js';
import {
  ATTACHMENT_STORAGE,
  type AttachmentStorage,
} from '../src/attachments/storage/attachment-storage.js';
import type { AttachmentDto } from '@nec/contracts';
import { AuditEntryEntity } from '../src/audit/audit-entry.entity.js';
import { AuditService } from '../src/audit/audit.service.js';
import { Clock } from '../src/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../src/config/config.js';
import { Transactions } from '../src/database/transactions.js';
import {
  ClosedDossierFilesPurgeService,
  type ClosedDossierFilesPurge,
} from '../src/retention/closed-dossier-files-purge.service.js';
import { ClosedDossierFilesRepository } from '../src/retention/closed-dossier-files.repository.js';
import { CredentialsPurgeService } from '../src/retention/credentials-purge.service.js';
import {
  OrphanDraftsPurgeService,
  type OrphanDraftsPurge,
} from '../src/retention/orphan-drafts-purge.service.js';
import {
  applicant,
  insertCampaign,
  insertDossierRow,
  insertOrganisation,
  PASSWORD,
  type Client,
} from './fixtures.js';
import { startTestApp, type TestApp } from './harness.js';
import { LogCapture } from './log-capture.js';

/** The daily purges of sessions and e-mailed links, and of drafts left with no member (docs/data.md). */
const logs = new LogCapture();
let t: TestApp;
let alice: Client;
let db: DataSource;
let filesDir: string;
let campaign: Campaign;

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600_000);
const hash = () => randomBytes(32).toString('hex');

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'nec-retention-'));
  t = await startTestApp(
    {
      NEC_ATTACHMENTS_DIR: filesDir,
      NEC_LOG_LEVEL: 'info',
      NEC_CLOSED_DOSSIER_FILE_RETENTION_MONTHS: '60',
    },
    {},
    { logs },
  );
  db = t.app.get(DataSource);
  alice = await applicant(t, 'alice.retention@example.org');
  campaign = permanentNecLocalCampaign(new Date().getUTCFullYear());
  await insertCampaign(t, campaign);
});
afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

async function session(expiresAt: Date): Promise<void> {
  await db.query(
    `INSERT INTO "sessions" ("token_hash", "user_id", "csrf_token", "expires_at") VALUES ($1, $2, 'x', $3)`,
    [hash(), alice.userId, expiresAt],
  );
}

async function link(purpose: string, expiresAt: Date, usedAt: Date | null): Promise<void> {
  await db.query(
    `INSERT INTO "one_time_tokens" ("user_id", "purpose", "token_hash", "expires_at", "used_at") VALUES ($1, $2, $3, $4, $5)`,
    [alice.userId, purpose, hash(), expiresAt, usedAt],
  );
}

const count = async (table: string): Promise<number> => {
  const rows: { n: string }[] = await db.query(
    `SELECT count(*) AS "n" FROM "${table}" WHERE "user_id" = $1`,
    [alice.userId],
  );
  return Number(rows[0]?.n);
};

describe('purge of sessions and links', () => {
  it('deletes what expired or was used more than NEC_TOKEN_RETENTION_DAYS (7) ago, keeps the rest', async () => {
    await session(daysAgo(10)); // gone
    await session(daysAgo(2)); // kept a while
    await link('reset-password', daysAgo(9), daysAgo(10)); // used long ago: gone
    await link('confirm-email', daysAgo(8), null); // expired long ago: gone
    await link('reset-password', daysAgo(-1), daysAgo(1)); // used yesterday: kept
    await link('reset-password', daysAgo(-1), null); // live: kept
    const sessionsBefore = await count('sessions');
    const linksBefore = await count('one_time_tokens');

    const purge = await t.app.get(CredentialsPurgeService).purge();

    expect(purge).toMatchObject({ sessions: 1, tokens: 2 });
    expect(purge.cutoff.getTime()).toBeCloseTo(daysAgo(7).getTime(), -4);
    expect(await count('sessions')).toBe(sessionsBefore - 1);
    expect(await count('one_time_tokens')).toBe(linksBefore - 2);
    // The live session still opens the account.
    await alice.get('/api/auth/session').expect(200);
    // Nothing left to purge: a second run deletes nothing.
    expect(await t.app.get(CredentialsPurgeService).purge()).toMatchObject({
      sessions: 0,
      tokens: 0,
    });
  });
});

// ── drafts left with no member ──────────────────────────────────────────────

const monthsAgo = (months: number) => {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
};

const pdf = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% ${text}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
  );

let memberCounter = 0;
/** An applicant with an organisation of their own, owner of its drafts. */
async function member(): Promise<{ client: Client; organisationId: string }> {
  memberCounter += 1;
  const client = await applicant(t, `membre${memberCounter}.retention@example.org`);
  const organisationId = await insertOrganisation(t, client.userId, 'Association (fictive)');
  return { client, organisationId };
}

function dossier(organisationId: string, by: Client, state: DossierState = 'draft') {
  return insertDossierRow(t, { campaign, organisationId, createdBy: by.userId, state });
}

/** Sends a document with the dossier, through the API; returns its id and storage key. */
async function send(
  by: Client,
  dossierId: string,
  text: string,
): Promise<{ id: string; storageKey: string }> {
  const res = await by.agent
    .post(`/api/dossiers/${dossierId}/attachments`)
    .set('X-CSRF-Token', by.csrfToken)
    .field('kind', 'budget')
    .attach('file', pdf(text), { filename: 'budget.pdf', contentType: 'application/pdf' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const rows: { storage_key: string }[] = await db.query(
    `SELECT "storage_key" FROM "dossier_attachments" WHERE "id" = $1`,
    [res.body.id],
  );
  return { id: res.body.id as string, storageKey: rows[0]!.storage_key };
}

/** Sends a document with the dossier, through the API; returns its storage key. */
async function attach(by: Client, dossierId: string, text: string): Promise<string> {
  return (await send(by, dossierId, text)).storageKey;
}

/** The member deletes their account, through the API (the organisation keeps its dossiers). */
async function leave(by: Client): Promise<void> {
  await t.app.get(AttachmentsService).settled();
  const res = await by.delete('/api/account', { password: PASSWORD });
  expect(res.status, JSON.stringify(res.body)).toBe(204);
}

/** Sets the dossier's last change (its own save and its documents') `months` ago. */
async function lastChanged(dossierId: string, months: number): Promise<void> {
  const at = monthsAgo(months);
  await db.query(`UPDATE "dossiers" SET "updated_at" = $2 WHERE "id" = $1`, [dossierId, at]);
  await db.query(`UPDATE "dossier_attachments" SET "uploaded_at" = $2 WHERE "dossier_id" = $1`, [
    dossierId,
    at,
  ]);
}

const exists = async (table: string, id: string): Promise<boolean> => {
  const rows: unknown[] = await db.query(`SELECT 1 FROM "${table}" WHERE "id" = $1`, [id]);
  return rows.length > 0;
};
const attachmentRows = async (dossierId: string): Promise<number> => {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM "dossier_attachments" WHERE "dossier_id" = $1`,
    [dossierId],
  );
  return rows.length;
};
const storedFile = (key: string) => existsSync(join(filesDir, key.slice(0, 2), key));
const storedFileOf = async (attachmentId: string): Promise<boolean> => {
  const rows: { storage_key: string }[] = await db.query(
    `SELECT "storage_key" FROM "dossier_attachments" WHERE "id" = $1`,
    [attachmentId],
  );
  return storedFile(rows[0]!.storage_key);
};
const purgeAudit = (dossierId: string) =>
  db.getRepository(AuditEntryEntity).findBy({ action: 'dossier.purged', subjectId: dossierId });
const purgeDrafts = () => t.app.get(OrphanDraftsPurgeService).purge();

describe('purge of drafts left with no member', () => {
  const orphan = { organisationId: '', draft: '', file: '' };
  const recent = { organisationId: '', draft: '', sentLately: '', file: '' };
  const kept = { organisationId: '', draft: '' };
  const submitted = { organisationId: '', dossier: '', withdrawn: '' };
  let first: OrphanDraftsPurge;

  beforeAll(async () => {
    // An old draft with a document, whose only member deleted their account: purged.
    const a = await member();
    orphan.organisationId = a.organisationId;
    orphan.draft = await dossier(a.organisationId, a.client);
    orphan.file = await attach(a.client, orphan.draft, 'budget orphelin');
    await leave(a.client);
    await lastChanged(orphan.draft, 13);

    // Orphan drafts changed within the 12 months: kept (one saved lately; one whose row is old
    // but which received a document lately, a change too).
    const b = await member();
    recent.organisationId = b.organisationId;
    recent.draft = await dossier(b.organisationId, b.client);
    recent.sentLately = await dossier(b.organisationId, b.client);
    recent.file = await attach(b.client, recent.sentLately, 'budget récent');
    await leave(b.client);
    await lastChanged(recent.draft, 11);
    await db.query(`UPDATE "dossiers" SET "updated_at" = $2 WHERE "id" = $1`, [
      recent.sentLately,
      monthsAgo(13),
    ]);

    // An old draft whose organisation still has a member: kept.
    const c = await member();
    kept.organisationId = c.organisationId;
    kept.draft = await dossier(c.organisationId, c.client);
    await lastChanged(kept.draft, 24);

    // Old dossiers past the draft, in an organisation with no member left: kept (their archive
    // is the ANCT's decision). The account can go once the dossier is decided or withdrawn; a
    // submitted one is set afterwards, since the deletion is refused during the instruction.
    const d = await member();
    submitted.organisationId = d.organisationId;
    submitted.withdrawn = await dossier(d.organisationId, d.client, 'withdrawn');
    await leave(d.client);
    submitted.dossier = await insertDossierRow(t, {
      campaign,
      organisationId: d.organisationId,
      createdBy: null,
      state: 'submitted',
    });
    await lastChanged(submitted.withdrawn, 36);
    await lastChanged(submitted.dossier, 36);

    expect(storedFile(orphan.file)).toBe(true);
    logs.clear();
    first = await purgeDrafts();
  });

  it('deletes an orphan draft unchanged for NEC_ORPHAN_DRAFT_RETENTION_MONTHS (12), its documents and its empty organisation', async () => {
    expect(first).toMatchObject({
      dossiers: 1,
      organisations: 1,
      files: 1,
      filesNotDeleted: 0,
      failed: 0,
    });
    expect(first.cutoff.getTime()).toBeCloseTo(monthsAgo(12).getTime(), -5);
    expect(await exists('dossiers', orphan.draft)).toBe(false);
    expect(await attachmentRows(orphan.draft)).toBe(0);
    expect(storedFile(orphan.file)).toBe(false);
    expect(await exists('organisations', orphan.organisationId)).toBe(false);
  });

  it('records the purge in the audit trail, as the system, and in the logs', async () => {
    const entries = await purgeAudit(orphan.draft);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: null,
      actorRole: 'system',
      subjectType: 'dossier',
      details: {
        reason: 'orphan-draft-retention',
        organisationId: orphan.organisationId,
        organisationDeleted: true,
        attachments: 1,
        retentionMonths: 12,
      },
    });
    expect(logs.lines().filter((l) => l.event === 'retention.orphan-drafts-purged')).toEqual([
      expect.objectContaining({ level: 'info', dossiers: 1, organisations: 1, files: 1 }),
    ]);
  });

  it('keeps an orphan draft changed or given a document within the period', async () => {
    expect(await exists('dossiers', recent.draft)).toBe(true);
    expect(await exists('dossiers', recent.sentLately)).toBe(true);
    expect(await attachmentRows(recent.sentLately)).toBe(1);
    expect(storedFile(recent.file)).toBe(true);
    expect(await exists('organisations', recent.organisationId)).toBe(true);
  });

  it('keeps an old draft whose organisation still has a member', async () => {
    expect(await exists('dossiers', kept.draft)).toBe(true);
    expect(await exists('organisations', kept.organisationId)).toBe(true);
    expect(await purgeAudit(kept.draft)).toEqual([]);
  });

  it('keeps old submitted or withdrawn dossiers of an organisation with no member', async () => {
    expect(await exists('dossiers', submitted.dossier)).toBe(true);
    expect(await exists('dossiers', submitted.withdrawn)).toBe(true);
    expect(await exists('organisations', submitted.organisationId)).toBe(true);
  });

  it('purges nothing on a second run', async () => {
    const audited = await db.getRepository(AuditEntryEntity).countBy({ action: 'dossier.purged' });
    expect(await purgeDrafts()).toMatchObject({
      dossiers: 0,
      organisations: 0,
      files: 0,
      failed: 0,
    });
    expect(await db.getRepository(AuditEntryEntity).countBy({ action: 'dossier.purged' })).toBe(
      audited,
    );
  });
});

describe('a stored file the purge cannot delete', () => {
  it('is logged and left behind: the rows are gone all the same, and the next drafts are purged', async () => {
    const a = await member();
    const failing = await dossier(a.organisationId, a.client);
    const failingFile = await attach(a.client, failing, 'stockage en panne');
    const next = await dossier(a.organisationId, a.client);
    const nextFile = await attach(a.client, next, 'stockage rétabli');
    await leave(a.client);
    // The older draft is purged first: its file's deletion is the one that fails.
    await lastChanged(failing, 15);
    await lastChanged(next, 14);
    const storage = t.app.get<AttachmentStorage>(ATTACHMENT_STORAGE);
    const refusal = vi
      .spyOn(storage, 'delete')
      .mockRejectedValueOnce(new Error('stockage indisponible'));
    logs.clear();

    try {
      expect(await purgeDrafts()).toMatchObject({
        dossiers: 2,
        organisations: 1,
        files: 1,
        filesNotDeleted: 1,
        failed: 0,
      });
    } finally {
      refusal.mockRestore();
    }

    // Nothing in the database points at the file left behind; the operators have its key.
    expect(await exists('dossiers', failing)).toBe(false);
    expect(await attachmentRows(failing)).toBe(0);
    expect(storedFile(failingFile)).toBe(true);
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ level: 'error', storageKey: failingFile, dossierId: failing }),
    );
    expect(await exists('dossiers', next)).toBe(false);
    expect(storedFile(nextFile)).toBe(false);
    expect(await exists('organisations', a.organisationId)).toBe(false);
    expect(await purgeAudit(failing)).toHaveLength(1);
    expect(await purgeAudit(next)).toHaveLength(1);
  });
});

describe('purge of invitations and requests to join', () => {
  it('deletes those over for more than NEC_MEMBERSHIP_REQUEST_RETENTION_DAYS (30), keeps the rest', async () => {
    const orgs: { id: string }[] = await db.query(
      `INSERT INTO "organisations" ("siret", "siren", "name", "category") VALUES ('99999050000010', '999990500', 'Association (fictive)', 'association') RETURNING "id"`,
    );
    const organisationId = orgs[0]!.id;
    const invitation = (email: string, status: string, expiresAt: Date, settledAt: Date | null) =>
      db.query(
        `INSERT INTO "organisation_invitations" ("organisation_id", "email", "token_hash", "status", "expires_at", "settled_at") VALUES ($1, $2, $3, $4, $5, $6)`,
        [organisationId, email, hash(), status, expiresAt, settledAt],
      );
    await invitation('a@example.org', 'accepted', daysAgo(30), daysAgo(35)); // gone
    await invitation('b@example.org', 'pending', daysAgo(31), null); // lapsed long ago: gone
    await invitation('c@example.org', 'revoked', daysAgo(-5), daysAgo(2)); // kept a while
    await invitation('d@example.org', 'pending', daysAgo(-5), null); // live: kept
    const request = (status: string, settledAt: Date | null) =>
      db.query(
        `INSERT INTO "organisation_join_requests" ("organisation_id", "requester_id", "status", "settled_at") VALUES ($1, $2, $3, $4)`,
        [organisationId, alice.userId, status, settledAt],
      );
    await request('declined', daysAgo(40)); // gone
    await request('cancelled', daysAgo(31)); // gone
    await request('accepted', daysAgo(3)); // kept a while
    await request('pending', null); // waiting: kept

    const purge = await t.app.get(CredentialsPurgeService).purge();

    expect(purge).toMatchObject({ invitations: 2, joinRequests: 2 });
    expect(purge.membershipCutoff.getTime()).toBeCloseTo(daysAgo(30).getTime(), -4);
    const left = await db.query(
      `SELECT "email" FROM "organisation_invitations" WHERE "organisation_id" = $1 ORDER BY "email"`,
      [organisationId],
    );
    expect(left).toEqual([{ email: 'c@example.org' }, { email: 'd@example.org' }]);
    const statuses = await db.query(
      `SELECT "status" FROM "organisation_join_requests" WHERE "organisation_id" = $1 ORDER BY "status"`,
      [organisationId],
    );
    expect(statuses).toEqual([{ status: 'accepted' }, { status: 'pending' }]);
  });
});

// ── files of closed dossiers ────────────────────────────────────────────────

describe('purge of the files of closed dossiers', () => {
  let owner: Client;
  const refused = { dossier: '', budget: { id: '', storageKey: '' }, photo: '' };
  const recent = { dossier: '', file: '' };
  const open = { dossier: '', file: '' };
  const unrecorded = { dossier: '', file: '' };
  let first: ClosedDossierFilesPurge;

  /** A dossier of `owner` with one document, then set to `state` (entered `months` ago). */
  async function closedDossier(
    organisationId: string,
    state: DossierState,
    months: number | null,
  ): Promise<{ dossier: string; file: { id: string; storageKey: string }; photo: string }> {
    const id = await dossier(organisationId, owner);
    const file = await send(owner, id, `pièce ${state} ${months ?? 'sans date'}`);
    // A second document, made one of the event's photos (sent while the dossier is open).
    const photo = await send(owner, id, `photo ${state}`);
    await db.query(`UPDATE "dossier_attachments" SET "kind" = 'bilan-photo' WHERE "id" = $1`, [
      photo.id,
    ]);
    await t.app.get(AttachmentsService).settled();
    await db.query(`UPDATE "dossiers" SET "state" = $2 WHERE "id" = $1`, [id, state]);
    if (months !== null) {
      await db.query(
        `INSERT INTO "dossier_transitions" ("dossier_id", "event", "from_state", "to_state", "actor_role", "details", "at")
          VALUES ($1, 'test', 'draft', $2, 'system', '{}', $3)`,
        [id, state, monthsAgo(months)],
      );
    }
    return { dossier: id, file, photo: photo.id };
  }

  beforeAll(async () => {
    const a = await member();
    owner = a.client;
    // Refused 61 months ago: its documents go, not the event's photos (the reports show them).
    const r = await closedDossier(a.organisationId, 'refused', 61);
    refused.dossier = r.dossier;
    refused.budget = r.file;
    refused.photo = r.photo;
    // Withdrawn 59 months ago: still within the 60 months.
    const w = await closedDossier(a.organisationId, 'withdrawn', 59);
    recent.dossier = w.dossier;
    recent.file = w.file.storageKey;
    // Old but still under instruction: not closed.
    const s = await closedDossier(a.organisationId, 'under-review', 80);
    open.dossier = s.dossier;
    open.file = s.file.storageKey;
    // Closed without a recorded transition (when is unknown): kept.
    const u = await closedDossier(a.organisationId, 'closed', null);
    unrecorded.dossier = u.dossier;
    unrecorded.file = u.file.storageKey;
    logs.clear();
    first = await t.app.get(ClosedDossierFilesPurgeService).purge();
  });

  it('does nothing while no retention is set (NEC_CLOSED_DOSSIER_FILE_RETENTION_MONTHS)', async () => {
    const config = { ...t.app.get<AppConfig>(APP_CONFIG) };
    delete config.NEC_CLOSED_DOSSIER_FILE_RETENTION_MONTHS;
    const unset = new ClosedDossierFilesPurgeService(
      t.app.get(Transactions),
      t.app.get(ClosedDossierFilesRepository),
      t.app.get(AuditService),
      t.app.get(Clock),
      config,
      t.app.get<AttachmentStorage>(ATTACHMENT_STORAGE),
    );
    // Due dossiers exist (the purge below found one), yet nothing is touched.
    const due = await t.app.get(ClosedDossierFilesRepository).findDue(new Date(), 10);
    expect(due.length).toBeGreaterThan(0);
    expect(await unset.purge()).toEqual({
      cutoff: null,
      dossiers: 0,
      files: 0,
      filesNotDeleted: 0,
      failed: 0,
    });
  });

  it('deletes the files of a dossier closed for longer than the retention, keeps their rows', async () => {
    expect(first).toMatchObject({ dossiers: 1, files: 1, filesNotDeleted: 0, failed: 0 });
    expect(first.cutoff!.getTime()).toBeCloseTo(monthsAgo(60).getTime(), -5);
    expect(storedFile(refused.budget.storageKey)).toBe(false);
    expect(await attachmentRows(refused.dossier)).toBe(2);
    expect(await exists('dossiers', refused.dossier)).toBe(true);
  });

  it('keeps the event’s photos, and the files of dossiers recently closed, open, or of unknown closing', async () => {
    expect(await storedFileOf(refused.photo)).toBe(true);
    expect(storedFile(recent.file)).toBe(true);
    expect(storedFile(open.file)).toBe(true);
    expect(storedFile(unrecorded.file)).toBe(true);
  });

  it('shows the document as deleted, with when and why, and refuses its download (410)', async () => {
    const list = await owner.get(`/api/dossiers/${refused.dossier}/attachments`).expect(200);
    const budget = (list.body.items as AttachmentDto[]).find((f) => f.id === refused.budget.id);
    expect(budget).toMatchObject({ downloadable: false, purgedAt: expect.any(String) });
    const photo = (list.body.items as AttachmentDto[]).find((f) => f.id === refused.photo);
    expect(photo).toMatchObject({ downloadable: true, purgedAt: null });
    const res = await owner
      .get(`/api/dossiers/${refused.dossier}/attachments/${refused.budget.id}`)
      .expect(410);
    expect(res.body).toMatchObject({ error: 'file-purged' });
    expect(res.body.message).toMatch(/supprimé le .* durée de conservation/);
  });

  it('dates the deletion as in France, where the day may already be the next one', async () => {
    await db.query(`UPDATE "dossier_attachments" SET "purged_at" = $2 WHERE "id" = $1`, [
      refused.budget.id,
      new Date('2031-12-31T23:30:00Z'),
    ]);
    const res = await owner
      .get(`/api/dossiers/${refused.dossier}/attachments/${refused.budget.id}`)
      .expect(410);
    expect(res.body.message).toContain('supprimé le 1er janvier 2032 :');
  });

  it('records the purge in the audit trail, as the system, and in the logs', async () => {
    const entries = await db
      .getRepository(AuditEntryEntity)
      .findBy({ action: 'attachment.purged', subjectId: refused.dossier });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: null,
      actorRole: 'system',
      details: {
        reason: 'closed-dossier-retention',
        state: 'refused',
        retentionMonths: 60,
        attachmentIds: [refused.budget.id],
      },
    });
    expect(logs.lines().filter((l) => l.event === 'retention.closed-dossier-files-purged')).toEqual(
      [expect.objectContaining({ level: 'info', dossiers: 1, files: 1 })],
    );
  });

  it('purges nothing on a second run', async () => {
    expect(await t.app.get(ClosedDossierFilesPurgeService).purge()).toMatchObject({
      dossiers: 0,
      files: 0,
      failed: 0,
    });
  });
});
