import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns `sync_reporting_facts` copied from `bilans` before this migration. */
const FACT_COLUMNS_BEFORE = [
  'year',
  'event_date',
  'region_code',
  'departement_code',
  'event_mode',
  'porteur_category',
  'call_kind',
  'attendees',
  'structures',
  'speakers',
  'women_speakers',
  'men_speakers',
  'workshops',
  'expenses_cents',
  'subsidy_cents',
  'themes',
  'theme_families',
  'submitted_at',
];

/** The columns added here, copied as well from now on. */
const NEW_COLUMNS = ['discovery_stands', 'les_bases'];

/**
 * The trigger function of `reporting_facts` (see `1764400000000-reporting-facts`) copying
 * `columns`: a row per submitted bilan, deleted and re-inserted on every change.
 */
function syncFunction(columns: readonly string[]): string {
  const list = columns.map((column) => `"${column}"`).join(', ');
  const values = columns.map((column) => `NEW."${column}"`).join(', ');
  return `CREATE OR REPLACE FUNCTION "sync_reporting_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "reporting_facts" WHERE "bilan_id" = OLD."id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."submitted_at" IS NOT NULL THEN
    INSERT INTO "reporting_facts" ("bilan_id", "campaign_id", "cost_per_attendee_cents", ${list})
    SELECT NEW."id", (SELECT d."campaign_id" FROM "dossiers" d WHERE d."id" = NEW."dossier_id"),
      round(NEW."expenses_cents"::numeric / nullif(NEW."attendees", 0))::bigint,
      ${values};
  END IF;
  RETURN NULL;
END $$`;
}

/**
 * Figures the overview lacked (issue: discovery stands, publications on Les Bases), as reporting
 * columns of `bilans` and of `reporting_facts`, so that the overview sums plain columns and never
 * reads the bilans' JSON at query time:
 * - `discovery_stands` = `formats.discoveryStands`;
 * - `les_bases` = the domain's `publishedOnLesBases` (a resource link of kind `les-bases`).
 * Existing submitted bilans are filled from their `content`, which the trigger copies into
 * `reporting_facts`. (Events with an all-male panel need no column: `women_speakers = 0 AND
 * men_speakers > 0` is the domain's `hasAllMalePanel`, both being 0 without a gender split.)
 */
export class ReportingFigures1765300000000 implements MigrationInterface {
  name = 'ReportingFigures1765300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "bilans" ADD "discovery_stands" integer, ADD "les_bases" boolean`,
    );
    await queryRunner.query(
      `ALTER TABLE "reporting_facts" ADD "discovery_stands" integer, ADD "les_bases" boolean`,
    );
    await queryRunner.query(syncFunction([...FACT_COLUMNS_BEFORE, ...NEW_COLUMNS]));
    // The UPDATE fires `sync_reporting_facts` (and bumps the reporting version): each fact row
    // is rewritten with the new columns in the same transaction.
    await queryRunner.query(
      `UPDATE "bilans" SET
         "discovery_stands" = ("content" #>> '{formats,discoveryStands}')::integer,
         "les_bases" = coalesce("content" -> 'resources', '[]'::jsonb) @> '[{"kind": "les-bases"}]'::jsonb
       WHERE "submitted_at" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(syncFunction(FACT_COLUMNS_BEFORE));
    await queryRunner.query(
      `ALTER TABLE "reporting_facts" DROP COLUMN "les_bases", DROP COLUMN "discovery_stands"`,
    );
    await queryRunner.query(
      `ALTER TABLE "bilans" DROP COLUMN "les_bases", DROP COLUMN "discovery_stands"`,
    );
  }
}
