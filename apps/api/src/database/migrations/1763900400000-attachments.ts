import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Files attached to dossiers: detected type, SHA-256, storage key and virus-scan status. */
export class Attachments1763900400000 implements MigrationInterface {
  name = 'Attachments1763900400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "dossier_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "original_name" character varying(255) NOT NULL, "size_bytes" integer NOT NULL, "detected_type" character varying(120) NOT NULL, "sha256" character(64) NOT NULL, "storage_key" uuid NOT NULL, "scan_status" character varying(20) NOT NULL, "scanned_at" TIMESTAMP WITH TIME ZONE, "uploaded_by" uuid, "uploaded_by_role" character varying(20) NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_b5671cab987a5f3d4cbd3181586" UNIQUE ("storage_key"), CONSTRAINT "PK_110c94a91ece181cd940d2ba5f2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dossier_attachments_dossier_sha256" ON "dossier_attachments"  ("dossier_id", "sha256") `,
    );
    await queryRunner.query(
      `ALTER TABLE "dossier_attachments" ADD CONSTRAINT "FK_dossier_attachments_dossier" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossier_attachments" ADD CONSTRAINT "FK_dossier_attachments_uploaded_by" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dossier_attachments"`);
  }
}
