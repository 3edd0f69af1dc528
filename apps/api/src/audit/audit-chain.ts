import type { DataSource } from 'typeorm';

/**
 * The hash chain of the audit trail (migration 1765000000000-audit-trail): each UTC day's rows,
 * in sealing order (`chain_seq` 1, 2, 3…), each with `hash = sha256(previous hash ‖ canonical
 * row)`. Sealing and verifying are SQL functions of the database, so the canonical form of a row
 * is written once. Used by the API (AuditChainService) and by `node dist/cli/verify-audit.js`.
 */

/** Seals the rows written since the last seal; returns how many. */
export async function sealAuditChain(dataSource: DataSource): Promise<number> {
  const rows: { sealed: number }[] = await dataSource.query(
    `SELECT "audit_log_seal"() AS "sealed"`,
  );
  return Number(rows[0]?.sealed ?? 0);
}

/** Something the verification found wrong, at one row of one day's chain. */
export interface ChainBreak {
  day: string;
  /** The row where the chain breaks. */
  id: string;
  seq: number;
  /**
   * `missing`: rows before this one are gone (its position does not follow the previous one's);
   * `altered`: the row, or the one before it, is not what was sealed (its hash does not match).
   */
  kind: 'missing' | 'altered';
  /** How many positions are missing before this row (`missing` only). */
  missing?: number;
}

/** A day's chain as it stands: how many rows, and the hash of its last one (the day's seal). */
export interface ChainDay {
  day: string;
  rows: number;
  lastSeq: number;
  head: string;
}

export interface ChainReport {
  ok: boolean;
  days: ChainDay[];
  breaks: ChainBreak[];
  /** Rows written but not sealed yet (sealing runs every few seconds). */
  unsealed: number;
}

interface BreakRow {
  day: string;
  id: string;
  seq: number;
  prev_seq: number | null;
  matches: boolean;
}

interface DayRow {
  day: string;
  rows: string | number;
  last_seq: number;
  head: string;
}

/** Verifies the chains of the days in `[from, to]` (all days when absent). Reads only. */
export async function verifyAuditChain(
  dataSource: DataSource,
  range: { from?: string; to?: string } = {},
): Promise<ChainReport> {
  const where = `"chain_day" IS NOT NULL AND ($1::date IS NULL OR "chain_day" >= $1::date) AND ($2::date IS NULL OR "chain_day" <= $2::date)`;
  const params = [range.from ?? null, range.to ?? null];
  const problems: BreakRow[] = await dataSource.query(
    `SELECT "day", "id", "seq", "prev_seq", "matches" FROM (
       SELECT to_char(a."chain_day", 'YYYY-MM-DD') AS "day", a."id"::text AS "id", a."chain_seq" AS "seq",
         lag(a."chain_seq") OVER w AS "prev_seq",
         a."hash" = "audit_log_link"(COALESCE(lag(a."hash") OVER w, ''), a) AS "matches"
       FROM "audit_log" a WHERE ${where}
       WINDOW w AS (PARTITION BY a."chain_day" ORDER BY a."chain_seq")
     ) c
     WHERE NOT c."matches" OR c."seq" <> COALESCE(c."prev_seq", 0) + 1
     ORDER BY "day", "seq"
     LIMIT 1000`,
    params,
  );
  const days: DayRow[] = await dataSource.query(
    `SELECT to_char("chain_day", 'YYYY-MM-DD') AS "day", count(*) AS "rows", max("chain_seq") AS "last_seq",
       (array_agg("hash" ORDER BY "chain_seq" DESC))[1] AS "head"
     FROM "audit_log" WHERE ${where} GROUP BY "chain_day" ORDER BY "chain_day"`,
    params,
  );
  const unsealed: { count: string | number }[] = await dataSource.query(
    `SELECT count(*) AS "count" FROM "audit_log" WHERE "chain_day" IS NULL`,
  );
  const breaks = problems.map((p): ChainBreak => {
    const expectedSeq = (p.prev_seq ?? 0) + 1;
    return p.seq !== expectedSeq
      ? { day: p.day, id: p.id, seq: p.seq, kind: 'missing', missing: p.seq - expectedSeq }
      : { day: p.day, id: p.id, seq: p.seq, kind: 'altered' };
  });
  return {
    ok: breaks.length === 0,
    days: days.map((d) => ({
      day: d.day,
      rows: Number(d.rows),
      lastSeq: d.last_seq,
      head: d.head.trim(),
    })),
    breaks,
    unsealed: Number(unsealed[0]?.count ?? 0),
  };
}

/** The report in French, one line per finding (the CLI's output). */
export function describeChainReport(report: ChainReport): string[] {
  const lines = report.breaks.map((b) =>
    b.kind === 'missing'
      ? `${b.day} : ${b.missing} entrée(s) supprimée(s) avant la position ${b.seq} (entrée ${b.id}).`
      : `${b.day} : l’entrée ${b.id} (position ${b.seq}) ou la précédente a été modifiée.`,
  );
  const rows = report.days.reduce((sum, d) => sum + d.rows, 0);
  lines.push(
    report.ok
      ? `Chaîne intacte : ${rows} entrées sur ${report.days.length} jour(s).`
      : `Chaîne rompue : ${report.breaks.length} anomalie(s) sur ${report.days.length} jour(s).`,
  );
  if (report.unsealed > 0)
    lines.push(`${report.unsealed} entrée(s) récente(s) pas encore scellée(s).`);
  return lines;
}
