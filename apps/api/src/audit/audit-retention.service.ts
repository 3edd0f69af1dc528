import { addMonths } from '@nec/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../clock/clock.js';
import { DailyPurge, firstPurgeAfterMs } from '../common/daily-purge.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AuditRepository } from './audit.repository.js';

/**
 * Retention of the audit trail: entries older than `NEC_AUDIT_RETENTION_MONTHS` (12 by default:
 * the CNIL recommends keeping access logs 6 to 12 months) are deleted, once a day. The dossier's
 * own history (its transitions and submitted versions) is not the audit trail and stays with
 * the dossier.
 */
@Injectable()
export class AuditRetentionService extends DailyPurge {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(new Logger('Audit'), {
      firstRunAfterMs: firstPurgeAfterMs.auditTrail,
      failureMessage: 'Purge du journal d’audit en échec',
    });
  }

  /** The first instant still kept: midnight (UTC) of the day `months` before today. */
  cutoff(now: Date = this.clock.now()): Date {
    const day = addMonths(now.toISOString().slice(0, 10), -this.config.NEC_AUDIT_RETENTION_MONTHS);
    return new Date(`${day}T00:00:00.000Z`);
  }

  /** Deletes what the policy no longer keeps; returns the cutoff and how many entries went. */
  async purge(): Promise<{ cutoff: Date; deleted: number }> {
    const cutoff = this.cutoff();
    const deleted = await this.repository.deleteBefore(cutoff);
    if (deleted > 0)
      this.logger.log(`${deleted} entrées du journal d’audit supprimées (rétention).`);
    return { cutoff, deleted };
  }
}
