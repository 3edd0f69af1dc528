import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a document's file was deleted at the end of its retention (the dossier closed long
 * enough ago, `NEC_CLOSED_DOSSIER_FILE_RETENTION_MONTHS`). The row stays, with its name, size
 * and SHA-256, so the dossier still shows what was sent and why it can no longer be downloaded.
 */
export class AttachmentRetention1765500000000 implements MigrationInterface {
  name = 'AttachmentRetention1765500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "dossier_attachments" ADD "purged_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dossier_attachments" DROP COLUMN "purged_at"`);
  }
}
