import { dossierStates, isTerminal } from '@nec/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';

/** A dossier closed before the cutoff that still has files to delete. */
export interface ClosedDossier {
  id: string;
  reference: string;
  state: string;
  closedAt: Date;
}

/** A document whose file the purge deletes. */
export interface PurgeableFile {
  id: string;
  storageKey: string;
}

interface ClosedDossierRow {
  id: string;
  reference: string;
  state: string;
  closed_at: Date | string;
}

/** Refused, withdrawn, closed: the states no event leaves (the domain's workflow). */
const CLOSED_STATES = dossierStates.filter(isTerminal);

/** When the dossier entered its closed state (none without a recorded transition: kept). */
const CLOSED_AT = `(SELECT max(t."at") FROM "dossier_transitions" t
  WHERE t."dossier_id" = d."id" AND t."to_state" = d."state")`;

/**
 * Files the purge deletes: not those already gone (purged, or deleted as infected), nor the
 * event's photos, published in the reports with the consent of the people shown.
 */
const PURGEABLE = `a."purged_at" IS NULL AND a."scan_status" <> 'infected' AND a."kind" <> 'bilan-photo'`;

const DUE = `d."state" = ANY($1) AND ${CLOSED_AT} < $2
  AND EXISTS (SELECT 1 FROM "dossier_attachments" a WHERE a."dossier_id" = d."id" AND ${PURGEABLE})`;

const COLUMNS = `d."id", d."reference", d."state", ${CLOSED_AT} AS "closed_at"`;

const toClosedDossier = (row: ClosedDossierRow): ClosedDossier => ({
  id: row.id,
  reference: row.reference,
  state: row.state,
  closedAt: new Date(row.closed_at),
});

/** The reads and writes of the daily purge of closed dossiers' files. */
@Injectable()
export class ClosedDossierFilesRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Dossiers closed before `cutoff` with files left, longest closed first, `limit` at most. */
  async findDue(cutoff: Date, limit: number): Promise<ClosedDossier[]> {
    const rows: ClosedDossierRow[] = await this.m().query(
      `SELECT ${COLUMNS} FROM "dossiers" d WHERE ${DUE}
        ORDER BY "closed_at" ASC, d."id" ASC LIMIT $3`,
      [CLOSED_STATES, cutoff, limit],
    );
    return rows.map(toClosedDossier);
  }

  /**
   * The dossier's files to delete, their rows locked until the transaction ends (an
   * instructor's download or another run waits), if the dossier is still due.
   */
  async lockFilesIfDue(dossierId: string, cutoff: Date): Promise<PurgeableFile[]> {
    const rows: { id: string; storage_key: string }[] = await this.tx().query(
      `SELECT a."id", a."storage_key" FROM "dossier_attachments" a
        JOIN "dossiers" d ON d."id" = a."dossier_id"
        WHERE d."id" = $3 AND ${DUE} AND ${PURGEABLE}
        ORDER BY a."uploaded_at" ASC, a."id" ASC
        FOR UPDATE OF a`,
      [CLOSED_STATES, cutoff, dossierId],
    );
    return rows.map((r) => ({ id: r.id, storageKey: r.storage_key }));
  }

  /** Marks the files deleted: the rows stay, as the record of what was sent. */
  async markPurged(ids: string[], at: Date): Promise<void> {
    await this.tx().query(
      `UPDATE "dossier_attachments" SET "purged_at" = $2 WHERE "id" = ANY($1::uuid[])`,
      [ids, at],
    );
  }
}
