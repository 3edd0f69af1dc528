import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail made trustworthy (issue 13, docs/security.md "Audit trail"):
 *
 * - each row says where it came from: client address, user agent, session and request id;
 * - the table is append-only in the database itself: a trigger refuses UPDATE, DELETE and
 *   TRUNCATE whoever asks. Two exceptions, both narrow: sealing (below) sets the chain columns
 *   of a row once, changing nothing else; and the retention purge deletes through
 *   `audit_log_purge(cutoff)`, which raises a transaction-local flag the trigger checks, and
 *   even then never a row younger than one month (the shortest retention the API accepts);
 * - each UTC day's rows form a hash chain: `hash = sha256(previous row's hash ‖ canonical row)`,
 *   in the order rows are sealed (`chain_seq`, 1, 2, 3… per day). A row removed or altered
 *   breaks the chain at that point (`AuditChainService.verify`, `node dist/cli/verify-audit.js`).
 *
 * `audit_log_seal` and `audit_log_purge` run with the rights of the table's owner (SECURITY
 * DEFINER): the API may then run under a role with only INSERT and SELECT on `audit_log`, which
 * cannot switch the trigger off either (docs/deployment.md).
 *
 * Rows are sealed shortly after they are written, by `audit_log_seal()` (one sealer at a time,
 * under an advisory lock), not by the insert itself: an insert that took a chain-wide lock would
 * hold it until its business transaction commits, serialising every audited write and risking
 * deadlocks with the row locks those transactions take.
 */
export class AuditTrail1765000000000 implements MigrationInterface {
  name = 'AuditTrail1765000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "audit_log" ADD "client_address" character varying(45), ADD "user_agent" character varying(300), ADD "session_id" uuid, ADD "request_id" character varying(64), ADD "chain_day" date, ADD "chain_seq" integer, ADD "hash" character(64)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_audit_log_chain" ON "audit_log" ("chain_day", "chain_seq") `,
    );
    // The canonical form of a row: a JSON array (jsonb's text form is deterministic: keys of
    // `details` sorted, no insignificant spaces), the time in UTC to the microsecond.
    await queryRunner.query(`CREATE FUNCTION "audit_log_link"(prev text, r "audit_log") RETURNS character(64) LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(prev || jsonb_build_array(
    r."id"::text,
    to_char(r."at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    r."actor_id", r."actor_role", r."action", r."subject_type", r."subject_id", r."details",
    r."client_address", r."user_agent", r."session_id", r."request_id"
  )::text, 'UTF8')), 'hex')
$$`);
    await queryRunner.query(`CREATE FUNCTION "audit_log_seal"() RETURNS integer LANGUAGE plpgsql
  SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  r "audit_log";
  day date;
  prev record;
  sealed integer := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(7301300);
  FOR r IN SELECT * FROM "audit_log" WHERE "chain_day" IS NULL ORDER BY "id" LOOP
    day := (r."at" AT TIME ZONE 'UTC')::date;
    SELECT a."chain_seq", a."hash" INTO prev FROM "audit_log" a
      WHERE a."chain_day" = day ORDER BY a."chain_seq" DESC LIMIT 1;
    UPDATE "audit_log" SET "chain_day" = day,
      "chain_seq" = COALESCE(prev."chain_seq", 0) + 1,
      "hash" = "audit_log_link"(COALESCE(prev."hash", ''), r)
      WHERE "id" = r."id";
    sealed := sealed + 1;
  END LOOP;
  RETURN sealed;
END $$`);
    await queryRunner.query(`CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."chain_day" IS NULL AND NEW."chain_day" IS NOT NULL
     AND (to_jsonb(NEW) - 'chain_day' - 'chain_seq' - 'hash')
       = (to_jsonb(OLD) - 'chain_day' - 'chain_seq' - 'hash') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND current_setting('nec.audit_purge', true) = 'on'
     AND OLD."at" < now() - interval '1 month' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"()`,
    );
    await queryRunner.query(`CREATE FUNCTION "audit_log_purge"(cutoff timestamptz) RETURNS integer LANGUAGE plpgsql
  SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  deleted integer;
BEGIN
  PERFORM set_config('nec.audit_purge', 'on', true);
  DELETE FROM "audit_log" WHERE "at" < LEAST(cutoff, now() - interval '1 month');
  GET DIAGNOSTICS deleted = ROW_COUNT;
  PERFORM set_config('nec.audit_purge', 'off', true);
  RETURN deleted;
END $$`);
    // The rows written before this migration join the chain now.
    await queryRunner.query(`SELECT "audit_log_seal"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "audit_log_purge"(timestamptz)`);
    await queryRunner.query(`DROP TRIGGER "audit_log_no_truncate" ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER "audit_log_append_only" ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION "audit_log_append_only"()`);
    await queryRunner.query(`DROP FUNCTION "audit_log_seal"()`);
    await queryRunner.query(`DROP FUNCTION "audit_log_link"(text, "audit_log")`);
    await queryRunner.query(`DROP INDEX "IDX_audit_log_chain"`);
    await queryRunner.query(
      `ALTER TABLE "audit_log" DROP COLUMN "hash", DROP COLUMN "chain_seq", DROP COLUMN "chain_day", DROP COLUMN "request_id", DROP COLUMN "session_id", DROP COLUMN "user_agent", DROP COLUMN "client_address"`,
    );
  }
}
