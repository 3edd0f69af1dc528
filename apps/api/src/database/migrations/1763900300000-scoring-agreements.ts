import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scoring and agreements: one selection grid per (dossier, instructor); the grant agreement
 * (convention) of a subsidised dossier, with its signature; follow-up committees and minutes.
 */
export class ScoringAgreements1763900300000 implements MigrationInterface {
  name = 'ScoringAgreements1763900300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "score_sheets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "instructor_id" uuid NOT NULL, "scores" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_score_sheets_dossier_instructor" UNIQUE ("dossier_id", "instructor_id"), CONSTRAINT "PK_1e6230a5aa8654a69fcb545a90b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "agreements" ("dossier_id" uuid NOT NULL, "amount_cents" integer NOT NULL, "valid_until" date NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE, "signed_on" date, "signature_recorded_by" uuid, "signature_recorded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7992f275da3dceb98e8aed578ed" PRIMARY KEY ("dossier_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_committees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "held_on" date NOT NULL, "minutes" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5ce43d95f587b8a95f8863ac25a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7f599416c578261910369058d7" ON "follow_up_committees"  ("dossier_id") `,
    );

    await queryRunner.query(
      `ALTER TABLE "score_sheets" ADD CONSTRAINT "FK_ae8290955df14bff9db7711e1cc" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "score_sheets" ADD CONSTRAINT "FK_5e4a32475575ff18cecfa688ab5" FOREIGN KEY ("instructor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "FK_7992f275da3dceb98e8aed578ed" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "FK_71c95d4edc196be6c01f3a70c5a" FOREIGN KEY ("signature_recorded_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_committees" ADD CONSTRAINT "FK_7f599416c578261910369058d7d" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_committees" ADD CONSTRAINT "FK_5921e105ba97c9bb2570a466715" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "follow_up_committees"`);
    await queryRunner.query(`DROP TABLE "agreements"`);
    await queryRunner.query(`DROP TABLE "score_sheets"`);
  }
}
