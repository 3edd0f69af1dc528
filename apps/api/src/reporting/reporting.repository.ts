import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type BreakdownRow, type RecordFigures, recordFigureKeys } from '@nec/domain';
import { DataSource } from 'typeorm';
import type { BilanHeadline, BreakdownDimension } from '@nec/contracts';

/** A period on `event_date`, both bounds included, each optional. */
export interface EventPeriod {
  from?: string;
  to?: string;
}

/**
 * The key each breakdown groups by, as a one-column LATERAL subquery over the row `b`: one key
 * for a scalar column (NULL keys are dropped), each DISTINCT element for an array column (a
 * record counts once under each of its themes), as the domain's `breakdown` does.
 */
const dimensionKeys: Record<BreakdownDimension, { lateral: string; numeric: boolean }> = {
  year: { lateral: 'SELECT b.year AS key', numeric: true },
  region: { lateral: 'SELECT b.region_code AS key', numeric: false },
  departement: { lateral: 'SELECT b.departement_code AS key', numeric: false },
  'event-mode': { lateral: 'SELECT b.event_mode AS key', numeric: false },
  'porteur-category': { lateral: 'SELECT b.porteur_category AS key', numeric: false },
  'call-kind': { lateral: 'SELECT b.call_kind AS key', numeric: false },
  theme: { lateral: 'SELECT DISTINCT t AS key FROM unnest(b.themes) AS t', numeric: false },
  'theme-family': {
    lateral: 'SELECT DISTINCT t AS key FROM unnest(b.theme_families) AS t',
    numeric: false,
  },
};

/**
 * The domain's `RecordFigures` summed in SQL (see `record-figures.ts`): a missing subsidy counts
 * 0; speakers of known gender = women + men (both 0 without a split). `::float8` so that both
 * drivers return numbers (exact: sums stay far below 2^53).
 */
const SUMS = `
  coalesce(sum(b.attendees), 0)::float8 AS "attendees",
  coalesce(sum(b.structures), 0)::float8 AS "structures",
  coalesce(sum(b.speakers), 0)::float8 AS "speakers",
  coalesce(sum(b.women_speakers), 0)::float8 AS "womenSpeakers",
  coalesce(sum(b.women_speakers + b.men_speakers), 0)::float8 AS "speakersWithKnownGender",
  coalesce(sum(b.workshops), 0)::float8 AS "workshops",
  coalesce(sum(b.expenses_cents), 0)::float8 AS "expensesCents",
  coalesce(sum(coalesce(b.subsidy_cents, 0)), 0)::float8 AS "subsidyCents"`;

/**
 * The two ratios of `ratios.ts`: cost per attendee = round(Σ expenses / Σ attendees) half up,
 * NULL without attendees; parity = round(Σ women / Σ (women + men), 4), NULL when no gender is known.
 */
const RATIOS = `
  round(sum(b.expenses_cents)::numeric / nullif(sum(b.attendees), 0))::float8 AS "costPerAttendeeCents",
  round(sum(b.women_speakers)::numeric / nullif(sum(b.women_speakers + b.men_speakers), 0), 4)::float8 AS "parityRatio"`;

/**
 * The medians of `aggregate.ts`: `percentile_cont(0.5)` (the mean of the two middle values for an
 * even count); expenses and costs rounded half up to whole cents; each record's cost per attendee
 * rounded first, over records with attendees. NULL on no record.
 */
const MEDIANS = `
  percentile_cont(0.5) WITHIN GROUP (ORDER BY b.attendees) AS "medianAttendees",
  round((percentile_cont(0.5) WITHIN GROUP (ORDER BY b.expenses_cents))::numeric)::float8 AS "medianExpensesCents",
  round((percentile_cont(0.5) WITHIN GROUP (ORDER BY round(b.expenses_cents::numeric / b.attendees)) FILTER (WHERE b.attendees > 0))::numeric)::float8 AS "medianCostPerAttendeeCents"`;

type Row = Record<string, number | string | null>;

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

function figuresOf(row: Row): RecordFigures {
  return Object.fromEntries(recordFigureKeys.map((key) => [key, num(row[key])])) as RecordFigures;
}

/** One row per year × région of the open data (events without a région are left out). */
export interface OpenDataRow {
  year: number;
  regionCode: string;
  events: number;
  attendees: number;
  structures: number;
  speakers: number;
  womenSpeakers: number;
  workshops: number;
  expensesCents: number;
  subsidyCents: number;
}

/**
 * Reporting over the submitted bilans (`bilans.submitted_at IS NOT NULL`), computed in SQL with
 * the definitions of the domain's `aggregateBilans`. Counts and sums only: no name, no title.
 */
@Injectable()
export class ReportingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The bilans' version, bumped by a trigger on every change to `bilans`. */
  async dataVersion(): Promise<string> {
    const rows: { version: string | number }[] = await this.dataSource.query(
      `SELECT "version" FROM "reporting_version" WHERE "id" = 1`,
    );
    return String(rows[0]?.version ?? 0);
  }

  private where(period: EventPeriod): { sql: string; params: string[] } {
    const params: string[] = [];
    const conditions = ['b.submitted_at IS NOT NULL'];
    if (period.from !== undefined) {
      params.push(period.from);
      conditions.push(`b.event_date >= $${params.length}::date`);
    }
    if (period.to !== undefined) {
      params.push(period.to);
      conditions.push(`b.event_date <= $${params.length}::date`);
    }
    return { sql: conditions.join(' AND '), params };
  }

  /** Count, totals, medians and ratios of the period (the headline of `aggregateBilans`). */
  async headline(period: EventPeriod): Promise<BilanHeadline> {
    const { sql, params } = this.where(period);
    const rows: Row[] = await this.dataSource.query(
      `SELECT count(*)::int AS "count", ${SUMS}, ${MEDIANS}, ${RATIOS} FROM "bilans" b WHERE ${sql}`,
      params,
    );
    const row = rows[0] ?? {};
    return {
      count: num(row.count),
      totals: figuresOf(row),
      medians: {
        attendees: numOrNull(row.medianAttendees),
        expensesCents: numOrNull(row.medianExpensesCents),
        costPerAttendeeCents: numOrNull(row.medianCostPerAttendeeCents),
      },
      costPerAttendeeCents: numOrNull(row.costPerAttendeeCents),
      parityRatio: numOrNull(row.parityRatio),
    };
  }

  /** A breakdown of the period, sorted by key like `ORDER BY key COLLATE "C"` (numbers ascending). */
  async breakdown(
    dimension: BreakdownDimension,
    period: EventPeriod,
  ): Promise<BreakdownRow<string | number>[]> {
    const { sql, params } = this.where(period);
    const { lateral, numeric } = dimensionKeys[dimension];
    const rows: Row[] = await this.dataSource.query(
      `SELECT k.key AS "key", count(*)::int AS "count", ${SUMS}, ${RATIOS}
         FROM "bilans" b CROSS JOIN LATERAL (${lateral}) k
        WHERE ${sql} AND k.key IS NOT NULL
        GROUP BY k.key
        ORDER BY k.key${numeric ? '' : ' COLLATE "C"'}`,
      params,
    );
    return rows.map((row) => ({
      key: numeric ? num(row.key) : String(row.key),
      count: num(row.count),
      ...figuresOf(row),
      costPerAttendeeCents: numOrNull(row.costPerAttendeeCents),
      parityRatio: numOrNull(row.parityRatio),
    }));
  }

  /**
   * How many records fall in each bucket of `edges` (`width_bucket`: 0 below the first edge,
   * i for [edges[i-1], edges[i]), n for the last, open one), and how many have no attendee figure.
   */
  async attendeeBuckets(
    edges: readonly number[],
    period: EventPeriod,
  ): Promise<{ byBucket: Map<number, number>; skipped: number }> {
    const { sql, params } = this.where(period);
    const thresholds = edges.map((edge) => Math.trunc(edge)).join(',');
    const rows: Row[] = await this.dataSource.query(
      `SELECT CASE WHEN b.attendees IS NULL THEN -1 ELSE width_bucket(b.attendees, ARRAY[${thresholds}]::int[]) END AS "bucket", count(*)::int AS "count"
         FROM "bilans" b WHERE ${sql} GROUP BY 1`,
      params,
    );
    const byBucket = new Map<number, number>();
    let skipped = 0;
    for (const row of rows) {
      if (num(row.bucket) === -1) skipped = num(row.count);
      else byBucket.set(num(row.bucket), num(row.count));
    }
    return { byBucket, skipped };
  }

  /** The open data: figures per year × région, by year then région code. */
  async openDataRows(): Promise<OpenDataRow[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT b.year AS "year", b.region_code AS "regionCode", count(*)::int AS "events", ${SUMS}
         FROM "bilans" b
        WHERE b.submitted_at IS NOT NULL AND b.region_code IS NOT NULL
        GROUP BY b.year, b.region_code
        ORDER BY b.year, b.region_code COLLATE "C"`,
    );
    return rows.map((row) => ({
      year: num(row.year),
      regionCode: String(row.regionCode),
      events: num(row.events),
      attendees: num(row.attendees),
      structures: num(row.structures),
      speakers: num(row.speakers),
      womenSpeakers: num(row.womenSpeakers),
      workshops: num(row.workshops),
      expensesCents: num(row.expensesCents),
      subsidyCents: num(row.subsidyCents),
    }));
  }
}
