import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ATTACHMENT_STORAGE,
  type AttachmentStorage,
} from '../attachments/storage/attachment-storage.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import { DailyPurge, firstPurgeAfterMs } from '../common/daily-purge.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Transactions } from '../database/transactions.js';
import {
  type ClosedDossier,
  ClosedDossierFilesRepository,
  type PurgeableFile,
} from './closed-dossier-files.repository.js';
import { deleteStoredFiles, monthsBefore } from './stored-files.js';

/** Dossiers handled per run at most: the rest waits for the next day, so one run stays short. */
const BATCH_SIZE = 200;

export interface ClosedDossierFilesPurge {
  /** Null when no retention is set (`NEC_CLOSED_DOSSIER_FILE_RETENTION_MONTHS`): nothing done. */
  cutoff: Date | null;
  /** Dossiers whose files were marked deleted (rows and audit entries committed). */
  dossiers: number;
  /** Stored files deleted, and those the storage refused (logged, left behind). */
  files: number;
  filesNotDeleted: number;
  /** Dossiers whose purge failed (logged; tried again the next day). */
  failed: number;
}

/**
 * Retention of the documents of closed dossiers (docs/data.md): once a dossier has been
 * refused, withdrawn or closed for `NEC_CLOSED_DOSSIER_FILE_RETENTION_MONTHS`, the files sent
 * with it are deleted; their rows stay (name, size, SHA-256, `purged_at`), so the dossier still
 * says what was sent, and the dossier itself, its figures and exchanges are kept. The event's
 * photos are not concerned: published with the consent of the people shown, they belong to the
 * reports. Without the setting nothing is deleted (said once at start-up): the archive duration
 * of grant files is the ANCT's to set. Runs once a day, like the other purges.
 */
@Injectable()
export class ClosedDossierFilesPurgeService extends DailyPurge {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: ClosedDossierFilesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {
    super(new Logger('Retention'), {
      firstRunAfterMs: firstPurgeAfterMs.closedDossierFiles,
      failureMessage: 'Purge des pièces des dossiers clos en échec',
    });
  }

  /** A dossier closed before this instant (same time of day, `months` earlier) is due. */
  cutoff(now: Date = this.clock.now()): Date | null {
    const months = this.config.NEC_CLOSED_DOSSIER_FILE_RETENTION_MONTHS;
    return months === undefined ? null : monthsBefore(now, months);
  }

  async purge(): Promise<ClosedDossierFilesPurge> {
    const cutoff = this.cutoff();
    const result = { cutoff, dossiers: 0, files: 0, filesNotDeleted: 0, failed: 0 };
    if (cutoff === null) return result;
    for (const dossier of await this.repository.findDue(cutoff, BATCH_SIZE)) {
      // One dossier's failure is logged and skipped, so it cannot hold back every later one.
      const files = await this.markPurged(dossier, cutoff).catch((error: unknown) => {
        this.logger.error(
          { err: error, dossierId: dossier.id },
          'Pièces d’un dossier clos non purgées',
        );
        result.failed += 1;
        return null;
      });
      if (!files || files.length === 0) continue;
      result.dossiers += 1;
      const deleted = await deleteStoredFiles(
        this.storage,
        this.logger,
        dossier.id,
        files.map((f) => f.storageKey),
        'd’un dossier clos',
      );
      result.files += deleted;
      result.filesNotDeleted += files.length - deleted;
    }
    if (result.dossiers + result.failed > 0) this.logPurge(result);
    return result;
  }

  /**
   * The rows first, in one transaction, then the files: a file the storage fails to delete is
   * then only an unreachable leftover, logged with its key, never a row promising a file that
   * is gone. Returns the files marked (none when the dossier is no longer due).
   */
  private markPurged(dossier: ClosedDossier, cutoff: Date): Promise<PurgeableFile[]> {
    return this.transactions.run({ files: this.repository }, async ({ files }, tx) => {
      const due = await files.lockFilesIfDue(dossier.id, cutoff);
      if (due.length === 0) return due;
      await files.markPurged(
        due.map((f) => f.id),
        this.clock.now(),
      );
      await this.audit.record(
        {
          actorId: null,
          actorRole: 'system',
          action: 'attachment.purged',
          subjectType: 'dossier',
          subjectId: dossier.id,
          details: {
            reason: 'closed-dossier-retention',
            reference: dossier.reference,
            state: dossier.state,
            closedAt: dossier.closedAt.toISOString(),
            retentionMonths: this.config.NEC_CLOSED_DOSSIER_FILE_RETENTION_MONTHS,
            attachmentIds: due.map((f) => f.id),
          },
        },
        tx,
      );
      return due;
    });
  }

  private logPurge(result: ClosedDossierFilesPurge): void {
    const { dossiers, files, filesNotDeleted, failed } = result;
    this.logger.log(
      { event: 'retention.closed-dossier-files-purged', dossiers, files, filesNotDeleted, failed },
      `${files} pièces de ${dossiers} dossiers clos supprimées (fin de la durée de conservation).`,
    );
  }

  override onApplicationBootstrap(): void {
    if (this.config.NEC_CLOSED_DOSSIER_FILE_RETENTION_MONTHS === undefined) {
      this.logger.log(
        { event: 'retention.closed-dossier-files-kept' },
        'Pièces des dossiers clos conservées sans limite (NEC_CLOSED_DOSSIER_FILE_RETENTION_MONTHS non défini).',
      );
      return;
    }
    super.onApplicationBootstrap();
  }
}
