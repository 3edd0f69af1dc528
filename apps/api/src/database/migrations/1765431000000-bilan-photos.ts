import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos of the event as attachments of kind `bilan-photo`, in the same table as the dossier's
 * other files (same storage, scan and checks): a caption, their text alternative, and when the
 * applicant confirmed that the people shown agreed to their publication. Both null for other
 * kinds of file.
 */
export class BilanPhotos1765431000000 implements MigrationInterface {
  name = 'BilanPhotos1765431000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "dossier_attachments" ADD "caption" character varying(200)`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossier_attachments" ADD "image_consent_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dossier_attachments" DROP COLUMN "image_consent_at"`);
    await queryRunner.query(`ALTER TABLE "dossier_attachments" DROP COLUMN "caption"`);
  }
}
