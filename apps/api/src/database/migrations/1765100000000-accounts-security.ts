import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts to ASVS level 2: deactivated agents, second factor (TOTP secret, enrolment date,
 * hashed recovery codes), sessions that lapse when idle and wait for the second factor, and
 * organisations that stay unverified until an agent checks them.
 */
export class AccountsSecurity1765100000000 implements MigrationInterface {
  name = 'AccountsSecurity1765100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "users" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE, ADD "mfa_secret" character varying(64), ADD "mfa_enabled_at" TIMESTAMP WITH TIME ZONE, ADD "mfa_last_step" integer, ADD "mfa_recovery_hashes" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ADD "mfa_pending" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisations" ADD "verified_at" TIMESTAMP WITH TIME ZONE, ADD "verified_by" uuid`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisations" ADD CONSTRAINT "FK_organisations_verified_by" FOREIGN KEY ("verified_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisations" DROP CONSTRAINT "FK_organisations_verified_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisations" DROP COLUMN "verified_by", DROP COLUMN "verified_at"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" DROP COLUMN "mfa_pending", DROP COLUMN "last_seen_at"`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" DROP COLUMN "mfa_recovery_hashes", DROP COLUMN "mfa_last_step", DROP COLUMN "mfa_enabled_at", DROP COLUMN "mfa_secret", DROP COLUMN "deactivated_at"`,
    );
  }
}
