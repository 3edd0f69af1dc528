import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The deletions of the daily purge of credentials (sessions, e-mailed links). */
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
}
