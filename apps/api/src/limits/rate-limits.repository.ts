import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface Hit {
  key: string;
  throttler: string;
  now: Date;
  limit: number;
  /** When a window opened by this hit ends. */
  windowEndsAt: Date;
  /** Until when a hit over the limit blocks the key. */
  blockedUntil: Date;
}

export interface Counter {
  hits: number;
  windowEndsAt: Date;
  blockedUntil: Date | null;
}

/**
 * Blocked now. (No guard against a clock set back: replicas' instants arrive a few milliseconds
 * out of order, and such a guard would take them for one and reset the count.)
 */
const BLOCKED = `(r."blocked_until" > $3::timestamptz)`;
/** A new window: the window is over, or a block was, which ends its window too. */
const FRESH = `(r."window_ends_at" <= $3::timestamptz OR r."blocked_until" IS NOT NULL)`;
const COUNT = `(CASE WHEN ${FRESH} THEN 1 ELSE r."hits" + 1 END)`;

/**
 * Counts one hit in one statement: inserted, or, on the key's row (locked by `ON CONFLICT` until
 * the statement ends, so concurrent hits queue and each sees the count left by the one before):
 * still blocked, nothing changes; else one more hit, or the first of a new window; the hit over
 * the limit starts the block.
 */
const HIT = `
INSERT INTO "rate_limits" AS r ("key", "throttler", "hits", "window_ends_at", "blocked_until")
VALUES ($1, $2, 1, $4::timestamptz, CASE WHEN 1 > $6::int THEN $5::timestamptz END)
ON CONFLICT ("key", "throttler") DO UPDATE SET
  "hits" = CASE WHEN ${BLOCKED} THEN r."hits" ELSE ${COUNT} END,
  "window_ends_at" = CASE WHEN NOT ${BLOCKED} AND ${FRESH} THEN $4::timestamptz ELSE r."window_ends_at" END,
  "blocked_until" = CASE
    WHEN ${BLOCKED} THEN r."blocked_until"
    WHEN ${COUNT} > $6::int THEN $5::timestamptz
  END
RETURNING "hits", "window_ends_at" AS "windowEndsAt", "blocked_until" AS "blockedUntil"`;

/** `@nestjs/throttler`'s counters (see `DatabaseThrottlerStorage`). */
@Injectable()
export class RateLimitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async hit(hit: Hit): Promise<Counter> {
    const rows: {
      hits: number;
      windowEndsAt: Date | string;
      blockedUntil: Date | string | null;
    }[] = await this.dataSource.query(HIT, [
      hit.key,
      hit.throttler,
      hit.now,
      hit.windowEndsAt,
      hit.blockedUntil,
      hit.limit,
    ]);
    const row = rows[0];
    if (!row) throw new Error('rate_limits: no row returned');
    return {
      hits: Number(row.hits),
      windowEndsAt: new Date(row.windowEndsAt),
      blockedUntil: row.blockedUntil === null ? null : new Date(row.blockedUntil),
    };
  }
}
