import { addMonths } from '@nec/domain';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Clock } from '../clock/clock.js';
import { DailyJob } from '../common/daily-job.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AuditRepository } from './audit.repository.js';

/** The first purge waits a little after start-up, so it never slows a start or a test. */
const FIRST_PURGE_AFTER_MS = 60_000;

/**
 * Retention of the audit trail: entries older than `NEC_AUDIT_RETENTION_MONTHS` (12 by default:
 * the CNIL recommends keeping access logs 6 to 12 months) are deleted, once a day. The dossier's
 * own history (its transitions and submitted versions) is not the audit trail and stays with
 * the dossier.
 */
@Injectable()
export class AuditRetentionService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly daily = new DailyJob(() => this.purge(), {
    firstRunAfterMs: FIRST_PURGE_AFTER_MS,
    onError: (error) => this.logger.error(`Purge du journal : ${String(error)}`),
  });

  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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

  onApplicationBootstrap(): void {
    this.daily.start();
  }

  beforeApplicationShutdown(): void {
    this.daily.stop();
  }
}
