import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ATTACHMENT_STORAGE,
  type AttachmentStorage,
} from '../attachments/storage/attachment-storage.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import { DailyPurge, firstPurgeAfterMs } from '../common/daily-purge.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { type OrphanDraft, OrphanDraftsRepository } from './orphan-drafts.repository.js';
import { Transactions } from '../database/transactions.js';
import { deleteStoredFiles, monthsBefore } from './stored-files.js';

/** Drafts purged per run at most: the rest waits for the next day, so one run stays short. */
const BATCH_SIZE = 500;

export interface OrphanDraftsPurge {
  cutoff: Date;
  /** Drafts deleted (rows and audit entries committed). */
  dossiers: number;
  /** Organisations deleted because the purge left them with no dossier. */
  organisations: number;
  /** Stored files deleted, and those the storage refused (logged, left behind). */
  files: number;
  filesNotDeleted: number;
  /** Drafts whose deletion failed (logged; tried again the next day). */
  failed: number;
}

/** What one draft's transaction deleted. */
interface PurgedDraft {
  storageKeys: string[];
  organisationDeleted: boolean;
}

/**
 * Retention of drafts left with no member (docs/data.md): when every member of an organisation
 * deleted their account, its drafts stay with it (`AccountService.delete`) but nobody can reach
 * them any more. Once `NEC_ORPHAN_DRAFT_RETENTION_MONTHS` (12 by default) have passed without a
 * change, they are deleted with their documents, and the organisation with them when nothing
 * else refers to it. Submitted dossiers are never touched here: theirs is the ANCT's archive
 * decision. Runs once a day, like the other purges.
 */
@Injectable()
export class OrphanDraftsPurgeService extends DailyPurge {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: OrphanDraftsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {
    super(new Logger('Retention'), {
      firstRunAfterMs: firstPurgeAfterMs.orphanDrafts,
      failureMessage: 'Purge des brouillons sans membre en échec',
    });
  }

  /** A draft last changed before this instant (same time of day, `months` earlier) is purged. */
  cutoff(now: Date = this.clock.now()): Date {
    return monthsBefore(now, this.config.NEC_ORPHAN_DRAFT_RETENTION_MONTHS);
  }

  async purge(): Promise<OrphanDraftsPurge> {
    const cutoff = this.cutoff();
    const result = {
      cutoff,
      dossiers: 0,
      organisations: 0,
      files: 0,
      filesNotDeleted: 0,
      failed: 0,
    };
    for (const draft of await this.repository.findStale(cutoff, BATCH_SIZE)) {
      // One draft's failure is logged and skipped, so it cannot hold back every later one.
      const purged = await this.purgeRows(draft, cutoff).catch((error: unknown) => {
        this.logger.error({ err: error, dossierId: draft.id }, 'Brouillon sans membre non purgé');
        result.failed += 1;
        return null;
      });
      if (!purged) continue;
      result.dossiers += 1;
      if (purged.organisationDeleted) result.organisations += 1;
      const deleted = await deleteStoredFiles(
        this.storage,
        this.logger,
        draft.id,
        purged.storageKeys,
        'd’un brouillon purgé',
      );
      result.files += deleted;
      result.filesNotDeleted += purged.storageKeys.length - deleted;
    }
    if (result.dossiers + result.failed > 0) this.logPurge(result);
    return result;
  }

  /**
   * The rows first, in one transaction, then the files. A file the storage fails to delete is
   * then only an unreachable leftover, logged with its key for the operators; the other order
   * could leave rows pointing at missing files whenever the transaction failed. The
   * organisation is locked first, like every change of its members, so that none joins while
   * its draft goes. Returns null when the draft no longer qualifies.
   */
  private purgeRows(draft: OrphanDraft, cutoff: Date): Promise<PurgedDraft | null> {
    const repositories = { drafts: this.repository, organisations: this.organisations };
    return this.transactions.run(repositories, async ({ drafts, organisations }, tx) => {
      await organisations.lock(draft.organisationId);
      const locked = await drafts.lockIfStale(draft.id, cutoff);
      if (!locked) return null;
      const storageKeys = await drafts.storageKeysOf(locked.id);
      await drafts.delete(locked.id);
      const removed = await organisations.deleteEmptyOrganisations([locked.organisationId]);
      // No name, title or e-mail: the reference and ids are enough to answer "where did it go?".
      await this.audit.record(
        {
          actorId: null,
          actorRole: 'system',
          action: 'dossier.purged',
          subjectType: 'dossier',
          subjectId: locked.id,
          details: {
            reason: 'orphan-draft-retention',
            reference: locked.reference,
            organisationId: locked.organisationId,
            organisationDeleted: removed.length > 0,
            lastChangedAt: locked.lastChangedAt.toISOString(),
            retentionMonths: this.config.NEC_ORPHAN_DRAFT_RETENTION_MONTHS,
            attachments: storageKeys.length,
          },
        },
        tx,
      );
      return { storageKeys, organisationDeleted: removed.length > 0 };
    });
  }

  private logPurge(result: OrphanDraftsPurge): void {
    const { dossiers, organisations, files, filesNotDeleted, failed } = result;
    this.logger.log(
      {
        event: 'retention.orphan-drafts-purged',
        dossiers,
        organisations,
        files,
        filesNotDeleted,
        failed,
      },
      `${dossiers} brouillons sans membre supprimés (rétention), ${organisations} structures vides supprimées, ${files} fichiers supprimés.`,
    );
  }
}
