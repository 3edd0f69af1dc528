import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The limits kept in the database, shared by every replica and kept across restarts (issue 13):
 * - `rate_limits`: `@nestjs/throttler`'s counters, a fixed window per throttler key (already a
 *   SHA-256 of route and client address) and throttler name, and the block that follows it;
 * - `sign_in_failures`: the failed sign-ins of an account or an address, by SHA-256 of
 *   `account:<e-mail>` or `address:<ip>` (never the e-mail itself), within their window, and
 *   the attempts in progress (counted as failures until they succeed); `refused` says whether
 *   the last attempt found the count full.
 * No index beyond the primary keys: every hit updates a row, and an index on a timestamp would
 * make each update rewrite it; the daily purge scans these small tables instead.
 */
export class SharedLimits1765400000000 implements MigrationInterface {
  name = 'SharedLimits1765400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limits" ("key" character varying(128) NOT NULL, "throttler" character varying(40) NOT NULL, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_rate_limits" PRIMARY KEY ("key", "throttler"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_in_failures" ("key" character(64) NOT NULL, "failed_at" TIMESTAMP WITH TIME ZONE array NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "refused" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_sign_in_failures" PRIMARY KEY ("key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sign_in_failures"`);
    await queryRunner.query(`DROP TABLE "rate_limits"`);
  }
}
