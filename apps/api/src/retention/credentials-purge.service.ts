import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../clock/clock.js';
import { DAY_MS } from '../common/daily-job.js';
import { DailyPurge, firstPurgeAfterMs } from '../common/daily-purge.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { RetentionRepository } from './retention.repository.js';

export interface CredentialsPurge {
  cutoff: Date;
  sessions: number;
  tokens: number;
  /** The cutoff of invitations and requests to join (`NEC_MEMBERSHIP_REQUEST_RETENTION_DAYS`). */
  membershipCutoff: Date;
  invitations: number;
  joinRequests: number;
  /** Rows of the shared limits (throttler counters, failed sign-ins) that count nothing any more. */
  limits: number;
}

/**
 * Retention of credentials (docs/data.md): sessions that expired, and e-mailed links (address
 * confirmation, password reset, invitations: every purpose of `one_time_tokens`) that were used
 * or expired, are deleted once `NEC_TOKEN_RETENTION_DAYS` (7 by default) have passed — long
 * enough to answer "I did not ask for this link", short enough that nothing piles up. Invitations
 * to an organisation (an address, perhaps of someone without an account) and requests to join
 * (a message) are deleted `NEC_MEMBERSHIP_REQUEST_RETENTION_DAYS` (30) after they were answered,
 * withdrawn or lapsed: long enough for their author to read the outcome. The limits' counters
 * (`rate_limits`, `sign_in_failures`) go as soon as they count nothing. Runs once a day, like
 * the audit trail's retention (AuditRetentionService).
 */
@Injectable()
export class CredentialsPurgeService extends DailyPurge {
  constructor(
    private readonly repository: RetentionRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(new Logger('Retention'), {
      firstRunAfterMs: firstPurgeAfterMs.credentials,
      failureMessage: 'Purge des sessions et des liens en échec',
    });
  }

  cutoff(now: Date = this.clock.now()): Date {
    return new Date(now.getTime() - this.config.NEC_TOKEN_RETENTION_DAYS * DAY_MS);
  }

  membershipCutoff(now: Date = this.clock.now()): Date {
    return new Date(now.getTime() - this.config.NEC_MEMBERSHIP_REQUEST_RETENTION_DAYS * DAY_MS);
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
    const membershipCutoff = this.membershipCutoff();
    const invitations = await this.repository.deleteInvitationsOverBefore(membershipCutoff);
    const joinRequests = await this.repository.deleteJoinRequestsSettledBefore(membershipCutoff);
    if (invitations + joinRequests > 0)
      this.logger.log(
        { event: 'retention.membership-requests-purged', invitations, joinRequests },
        `${invitations} invitations et ${joinRequests} demandes d’adhésion closes supprimées (rétention).`,
      );
    const limits = await this.purgeLimits();
    return { cutoff, sessions, tokens, membershipCutoff, invitations, joinRequests, limits };
  }

  /** The limits' counters: no retention, they go once they count nothing. */
  private async purgeLimits(): Promise<number> {
    const limits = await this.repository.deleteLimitsExpiredAt(this.clock.now());
    if (limits > 0)
      this.logger.log(
        { event: 'retention.limits-purged', limits },
        `${limits} compteurs de limites échus supprimés.`,
      );
    return limits;
  }
}
