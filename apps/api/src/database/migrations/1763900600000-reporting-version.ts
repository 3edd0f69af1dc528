import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version number of the bilans, bumped by a statement-level trigger on any change to the
 * `bilans` table (API, seed or bulk SQL alike): the reporting cache is valid exactly as long as
 * this number has not moved.
 */
export class ReportingVersion1763900600000 implements MigrationInterface {
  name = 'ReportingVersion1763900600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reporting_version" ("id" integer NOT NULL CHECK ("id" = 1), "version" bigint NOT NULL, CONSTRAINT "PK_reporting_version" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`INSERT INTO "reporting_version" ("id", "version") VALUES (1, 0)`);
    await queryRunner.query(`CREATE FUNCTION "bump_reporting_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "reporting_version" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "bilans_bump_reporting_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "bilans" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reporting_version"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "bilans_bump_reporting_version" ON "bilans"`);
    await queryRunner.query(`DROP FUNCTION "bump_reporting_version"()`);
    await queryRunner.query(`DROP TABLE "reporting_version"`);
  }
}
