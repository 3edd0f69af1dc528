import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Clock } from '../clock/clock.js';
import { DailyJob, DAY_MS } from '../common/daily-job.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { RetentionRepository } from './retention.repository.js';

/** The first purge waits a little after start-up, so it never slows a start or a test. */
const FIRST_PURGE_AFTER_MS = 90_000;

export interface CredentialsPurge {
  cutoff: Date;
  sessions: number;
  tokens: number;
}

/**
 * Retention of credentials (docs/data.md): sessions that expired, and e-mailed links (address
 * confirmation, password reset, invitations: every purpose of `one_time_tokens`) that were used
 * or expired, are deleted once `NEC_TOKEN_RETENTION_DAYS` (7 by default) have passed — long
 * enough to answer "I did not ask for this link", short enough that nothing piles up. Runs
 * once a day, like the audit trail's retention (AuditRetentionService).
 */
@Injectable()
export class CredentialsPurgeService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private readonly daily = new DailyJob(() => this.purge(), {
    firstRunAfterMs: FIRST_PURGE_AFTER_MS,
    onError: (error) =>
      this.logger.error({ err: error }, 'Purge des sessions et des liens en échec'),
  });

  constructor(
    private readonly repository: RetentionRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  cutoff(now: Date = this.clock.now()): Date {
    return new Date(now.getTime() - this.config.NEC_TOKEN_RETENTION_DAYS * DAY_MS);
  }

  async purge(): Promise<CredentialsPurge> {
    const cutoff = this.cutoff();
    const sessions = await this.repository.deleteSessionsExpiredBefore(cutoff);
    const tokens = await this.repository.deleteTokensSpentBefore(cutoff);
    if (sessions + tokens > 0)
      this.logger.log(
        { event: 'retention.credentials-purged', sessions, tokens },
        `${sessions} sessions et ${tokens} liens périmés supprimés (rétention).`,
      );
    return { cutoff, sessions, tokens };
  }

  onApplicationBootstrap(): void {
    this.daily.start();
  }

  beforeApplicationShutdown(): void {
    this.daily.stop();
  }
}
