import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';

/** A draft whose organisation has no member left, unchanged since before the cutoff. */
export interface OrphanDraft {
  id: string;
  reference: string;
  organisationId: string;
  lastChangedAt: Date;
}

interface OrphanDraftRow {
  id: string;
  reference: string;
  organisation_id: string;
  last_changed_at: Date | string;
}

/**
 * The last change of a dossier: its own save (`updated_at`) or its latest document, since an
 * upload does not touch the dossier's row.
 */
const LAST_CHANGE = `GREATEST(d."updated_at", (SELECT max(a."uploaded_at") FROM "dossier_attachments" a WHERE a."dossier_id" = d."id"))`;

/** A draft (never a submitted dossier) of an organisation without members, unchanged since $1. */
const STALE_ORPHAN_DRAFT = `d."state" = 'draft'
  AND NOT EXISTS (SELECT 1 FROM "memberships" m WHERE m."organisation_id" = d."organisation_id")
  AND ${LAST_CHANGE} < $1`;

const COLUMNS = `d."id", d."reference", d."organisation_id", ${LAST_CHANGE} AS "last_changed_at"`;

const toOrphanDraft = (row: OrphanDraftRow): OrphanDraft => ({
  id: row.id,
  reference: row.reference,
  organisationId: row.organisation_id,
  lastChangedAt: new Date(row.last_changed_at),
});

/** The reads and deletions of the daily purge of drafts left with no member. */
@Injectable()
export class OrphanDraftsRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Drafts to purge, least recently changed first, at most `limit` of them. */
  async findStale(cutoff: Date, limit: number): Promise<OrphanDraft[]> {
    const rows: OrphanDraftRow[] = await this.m().query(
      `SELECT ${COLUMNS} FROM "dossiers" d WHERE ${STALE_ORPHAN_DRAFT}
        ORDER BY "last_changed_at" ASC, d."id" ASC LIMIT $2`,
      [cutoff, limit],
    );
    return rows.map(toOrphanDraft);
  }

  /**
   * The draft, locked until the transaction ends, if it still is a stale orphan draft: it may
   * have been submitted, or its organisation have gained a member, since it was listed.
   */
  async lockIfStale(dossierId: string, cutoff: Date): Promise<OrphanDraft | null> {
    const rows: OrphanDraftRow[] = await this.tx().query(
      `SELECT ${COLUMNS} FROM "dossiers" d WHERE ${STALE_ORPHAN_DRAFT} AND d."id" = $2
        FOR UPDATE OF d`,
      [cutoff, dossierId],
    );
    return rows[0] ? toOrphanDraft(rows[0]) : null;
  }

  /** Storage keys of the dossier's documents (every kind, answers to requests included). */
  async storageKeysOf(dossierId: string): Promise<string[]> {
    const rows: { storage_key: string }[] = await this.tx().query(
      `SELECT "storage_key" FROM "dossier_attachments" WHERE "dossier_id" = $1`,
      [dossierId],
    );
    return rows.map((r) => r.storage_key);
  }

  /**
   * Deletes the dossier; its versions, transitions, charter acceptances, documents' rows and
   * every other row that refers to it go with it (foreign keys `ON DELETE CASCADE`).
   */
  async delete(dossierId: string): Promise<void> {
    await this.tx().query(`DELETE FROM "dossiers" WHERE "id" = $1`, [dossierId]);
  }
}
