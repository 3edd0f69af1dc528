import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The deletions of the daily purge: credentials (sessions, e-mailed links), the invitations and
 * requests to join that are over, and the limits' counters that no longer count.
 */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async deleted(sql: string, params: unknown[]): Promise<number> {
    const rows: { count: string | number }[] = await this.dataSource.query(
      `WITH gone AS (${sql} RETURNING 1) SELECT count(*) AS "count" FROM gone`,
      params,
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** Sessions that ended (expired) before `cutoff`. */
  deleteSessionsExpiredBefore(cutoff: Date): Promise<number> {
    return this.deleted(`DELETE FROM "sessions" WHERE "expires_at" < $1`, [cutoff]);
  }

  /** Links (confirmation, reset, invitation…) used or expired before `cutoff`. */
  deleteTokensSpentBefore(cutoff: Date): Promise<number> {
    return this.deleted(`DELETE FROM "one_time_tokens" WHERE "used_at" < $1 OR "expires_at" < $1`, [
      cutoff,
    ]);
  }

  /** Invitations answered, withdrawn or replaced before `cutoff`, or whose link lapsed before it. */
  deleteInvitationsOverBefore(cutoff: Date): Promise<number> {
    return this.deleted(
      `DELETE FROM "organisation_invitations"
        WHERE ("status" <> 'pending' AND "settled_at" < $1) OR ("status" = 'pending' AND "expires_at" < $1)`,
      [cutoff],
    );
  }

  /** Requests to join accepted, declined or cancelled before `cutoff` (pending ones stay). */
  deleteJoinRequestsSettledBefore(cutoff: Date): Promise<number> {
    return this.deleted(
      `DELETE FROM "organisation_join_requests" WHERE "status" <> 'pending' AND "settled_at" < $1`,
      [cutoff],
    );
  }

  /**
   * Throttler counters whose window and block are over, and failed sign-ins that all left their
   * window, at `now`: they count nothing any more (the next hit starts afresh either way).
   */
  async deleteLimitsExpiredAt(now: Date): Promise<number> {
    const counters = await this.deleted(
      `DELETE FROM "rate_limits"
        WHERE "window_ends_at" <= $1 AND ("blocked_until" IS NULL OR "blocked_until" <= $1)`,
      [now],
    );
    const failures = await this.deleted(`DELETE FROM "sign_in_failures" WHERE "expires_at" <= $1`, [
      now,
    ]);
    return counters + failures;
  }
}
