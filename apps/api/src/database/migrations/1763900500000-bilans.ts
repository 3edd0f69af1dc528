import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bilans: one per NEC local dossier (draft content, then the submitted bilan with the reporting
 * columns `aggregateBilans` reads, see `bilans/bilan.entity.ts`), and the national editions'
 * published figures.
 */
export class Bilans1763900500000 implements MigrationInterface {
  name = 'Bilans1763900500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "bilans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "content" jsonb NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" uuid, "year" integer, "event_date" date, "region_code" character varying(3), "departement_code" character varying(3), "event_mode" character varying(20), "porteur_category" character varying(40), "call_kind" character varying(30), "attendees" integer, "structures" integer, "speakers" integer, "women_speakers" integer, "men_speakers" integer, "workshops" integer, "expenses_cents" bigint, "subsidy_cents" bigint, "themes" text array, "theme_families" text array, CONSTRAINT "UQ_bilans_dossier_id" UNIQUE ("dossier_id"), CONSTRAINT "PK_bilans" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_bilans_year" ON "bilans"  ("year") `);
    await queryRunner.query(`CREATE INDEX "IDX_bilans_event_date" ON "bilans"  ("event_date") `);
    await queryRunner.query(
      `CREATE TABLE "national_editions" ("year" integer NOT NULL, "city" character varying(200) NOT NULL, "online" boolean NOT NULL, "present" integer, "content" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, CONSTRAINT "PK_national_editions" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "bilans" ADD CONSTRAINT "FK_bilans_dossier_id" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bilans" ADD CONSTRAINT "FK_bilans_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "national_editions" ADD CONSTRAINT "FK_national_editions_updated_by" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "national_editions"`);
    await queryRunner.query(`DROP TABLE "bilans"`);
  }
}
