import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Human dossier references (`NEC-2026-00042`) come from one sequence: unique without retries. */
export class DossierReferences1763900100000 implements MigrationInterface {
  name = 'DossierReferences1763900100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "dossier_reference_seq" START 1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE "dossier_reference_seq"`);
  }
}
