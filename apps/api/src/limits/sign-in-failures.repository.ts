import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Appends a failure to a key's row, dropping those that left the window (kept in the order they
 * came); the row's expiry moves to the last failure's window end. One statement: concurrent
 * failures on one key queue on its row and none is lost.
 */
const RECORD = `
INSERT INTO "sign_in_failures" AS f ("key", "failed_at", "expires_at")
VALUES ($1, ARRAY[$2::timestamptz], $4::timestamptz)
ON CONFLICT ("key") DO UPDATE SET
  "failed_at" = ARRAY(
    SELECT u.at FROM unnest(f."failed_at") WITH ORDINALITY AS u(at, n)
    WHERE u.at > $3::timestamptz ORDER BY u.n
  ) || $2::timestamptz,
  "expires_at" = GREATEST(f."expires_at", $4::timestamptz)
RETURNING "failed_at" AS "failedAt"`;

type Times = (Date | string)[];

/** The failed sign-ins per key (see `SignInLimiter`). */
@Injectable()
export class SignInFailuresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The failures recorded under each key (those out of their window included). */
  async failures(keys: string[]): Promise<Map<string, Date[]>> {
    if (keys.length === 0) return new Map();
    const list = keys.map((_, i) => `$${i + 1}`).join(', ');
    const rows: { key: string; failedAt: Times }[] = await this.dataSource.query(
      `SELECT "key", "failed_at" AS "failedAt" FROM "sign_in_failures" WHERE "key" IN (${list})`,
      keys,
    );
    return new Map(rows.map((row) => [row.key, dates(row.failedAt)]));
  }

  /** Records a failure at `now`; returns the key's failures after `windowStart`, this one last. */
  async record(key: string, now: Date, windowStart: Date, windowEnd: Date): Promise<Date[]> {
    const rows: { failedAt: Times }[] = await this.dataSource.query(RECORD, [
      key,
      now,
      windowStart,
      windowEnd,
    ]);
    return dates(rows[0]?.failedAt ?? []);
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM "sign_in_failures" WHERE "key" = $1`, [key]);
  }
}

/** Both drivers (pg, PGlite) hand `timestamptz[]` back as dates. */
const dates = (value: Times): Date[] => value.map((at) => new Date(at));
