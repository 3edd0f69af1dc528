import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The key's instants still in the window ($3 = its start), in the order they came. */
const RECENT = `ARRAY(
    SELECT u.at FROM unnest(f."failed_at") WITH ORDINALITY AS u(at, n)
    WHERE u.at > $3::timestamptz ORDER BY u.n
  )`;
const FULL = `cardinality(${RECENT}) >= $5::int`;

/**
 * Takes a slot for an attempt at $2 if the key has fewer than $5 failures in its window, else
 * refuses (`refused`, the slot not taken); drops the instants that left the window either way.
 * One statement on the key's row (locked by `ON CONFLICT` until it ends): concurrent attempts
 * queue, and no more than $5 ever hold or use a slot.
 */
const RESERVE = `
INSERT INTO "sign_in_failures" AS f ("key", "failed_at", "expires_at", "refused")
VALUES ($1, ARRAY[$2::timestamptz], $4::timestamptz, false)
ON CONFLICT ("key") DO UPDATE SET
  "refused" = ${FULL},
  "failed_at" = CASE WHEN ${FULL} THEN ${RECENT} ELSE ${RECENT} || $2::timestamptz END,
  "expires_at" = GREATEST(f."expires_at", $4::timestamptz)
RETURNING "failed_at" AS "failedAt", "refused"`;

/** Gives back the slot taken at $2 (one instant: another attempt may share the millisecond). */
const RELEASE = `
UPDATE "sign_in_failures" SET "failed_at" =
  "failed_at"[:array_position("failed_at", $2::timestamptz) - 1]
  || "failed_at"[array_position("failed_at", $2::timestamptz) + 1:]
WHERE "key" = $1 AND $2::timestamptz = ANY("failed_at")`;

export interface Slot {
  /** The key's attempts in the window, this one last if it got a slot. */
  recent: Date[];
  refused: boolean;
}

/** The failed sign-ins per key (see `SignInLimiter`). */
@Injectable()
export class SignInFailuresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async reserve(key: string, at: Date, window: { start: Date; end: Date }, limit: number) {
    const rows: { failedAt: (Date | string)[]; refused: boolean }[] = await this.dataSource.query(
      RESERVE,
      [key, at, window.start, window.end, limit],
    );
    const row = rows[0];
    if (!row) throw new Error('sign_in_failures: no row returned');
    // Both drivers (pg, PGlite) hand `timestamptz[]` back as dates.
    return { recent: row.failedAt.map((t) => new Date(t)), refused: row.refused } satisfies Slot;
  }

  async release(key: string, at: Date): Promise<void> {
    await this.dataSource.query(RELEASE, [key, at]);
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM "sign_in_failures" WHERE "key" = $1`, [key]);
  }
}
