import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns copied from a submitted bilan (and its dossier's call) into `reporting_facts`. */
const FACT_COLUMNS = `"year", "event_date", "region_code", "departement_code", "event_mode", "porteur_category", "call_kind", "attendees", "structures", "speakers", "women_speakers", "men_speakers", "workshops", "expenses_cents", "subsidy_cents", "themes", "theme_families", "submitted_at"`;

/**
 * The domain's `recordCostPerAttendeeCents`: expenses ÷ attendees rounded half up to whole cents,
 * none without attendees — computed once per bilan here rather than per row of every query.
 */
const COST_PER_ATTENDEE = (row: string) =>
  `round(${row}"expenses_cents"::numeric / nullif(${row}"attendees", 0))::bigint`;

/**
 * `reporting_facts`: one narrow row per submitted bilan (figures and slicing keys only, no JSON
 * content, no name), kept in step with `bilans` by a row-level trigger in the same transaction.
 * The reporting queries scan this table — about a tenth of the bilans' width — instead of
 * `bilans`, so an uncached overview over 100,000 bilans stays well under 300 ms (see
 * docs/decisions.md, "Reporting: narrow facts table").
 */
export class ReportingFacts1764400000000 implements MigrationInterface {
  name = 'ReportingFacts1764400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reporting_facts" ("bilan_id" uuid NOT NULL, "campaign_id" character varying(80), "year" integer, "event_date" date, "region_code" character varying(3), "departement_code" character varying(3), "event_mode" character varying(20), "porteur_category" character varying(40), "call_kind" character varying(30), "attendees" integer, "structures" integer, "speakers" integer, "women_speakers" integer, "men_speakers" integer, "workshops" integer, "expenses_cents" bigint, "subsidy_cents" bigint, "cost_per_attendee_cents" bigint, "themes" text array, "theme_families" text array, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_reporting_facts" PRIMARY KEY ("bilan_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_reporting_facts_event_date" ON "reporting_facts" ("event_date")`,
    );
    await queryRunner.query(`CREATE FUNCTION "sync_reporting_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "reporting_facts" WHERE "bilan_id" = OLD."id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."submitted_at" IS NOT NULL THEN
    INSERT INTO "reporting_facts" ("bilan_id", "campaign_id", "cost_per_attendee_cents", ${FACT_COLUMNS})
    SELECT NEW."id", (SELECT d."campaign_id" FROM "dossiers" d WHERE d."id" = NEW."dossier_id"),
      ${COST_PER_ATTENDEE('NEW.')},
      NEW."year", NEW."event_date", NEW."region_code", NEW."departement_code", NEW."event_mode",
      NEW."porteur_category", NEW."call_kind", NEW."attendees", NEW."structures", NEW."speakers",
      NEW."women_speakers", NEW."men_speakers", NEW."workshops", NEW."expenses_cents",
      NEW."subsidy_cents", NEW."themes", NEW."theme_families", NEW."submitted_at";
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "bilans_sync_reporting_facts" AFTER INSERT OR UPDATE OR DELETE ON "bilans" FOR EACH ROW EXECUTE FUNCTION "sync_reporting_facts"()`,
    );
    await queryRunner.query(`CREATE FUNCTION "truncate_reporting_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "reporting_facts";
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "bilans_truncate_reporting_facts" AFTER TRUNCATE ON "bilans" FOR EACH STATEMENT EXECUTE FUNCTION "truncate_reporting_facts"()`,
    );
    await queryRunner.query(
      `INSERT INTO "reporting_facts" ("bilan_id", "campaign_id", "cost_per_attendee_cents", ${FACT_COLUMNS})
       SELECT b."id", d."campaign_id", ${COST_PER_ATTENDEE('b.')}, ${FACT_COLUMNS.split(', ')
         .map((column) => `b.${column}`)
         .join(', ')}
         FROM "bilans" b JOIN "dossiers" d ON d."id" = b."dossier_id"
        WHERE b."submitted_at" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "bilans_truncate_reporting_facts" ON "bilans"`);
    await queryRunner.query(`DROP FUNCTION "truncate_reporting_facts"()`);
    await queryRunner.query(`DROP TRIGGER "bilans_sync_reporting_facts" ON "bilans"`);
    await queryRunner.query(`DROP FUNCTION "sync_reporting_facts"()`);
    await queryRunner.query(`DROP TABLE "reporting_facts"`);
  }
}
