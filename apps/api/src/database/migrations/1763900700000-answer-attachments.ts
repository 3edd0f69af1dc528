import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An answer to an information request may point to files uploaded on the dossier. */
export class AnswerAttachments1763900700000 implements MigrationInterface {
  name = 'AnswerAttachments1763900700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "information_requests" ADD "answer_attachment_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "information_requests" DROP COLUMN "answer_attachment_ids"`,
    );
  }
}
