import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AggregateOptions,
  bilanRatioKeys,
  type BilanRatios,
  type BreakdownRow,
  type CallKind,
  type NecLocalBilan,
  type RecordFigures,
  recordFigureKeys,
} from '@nec/domain';
import { DataSource } from 'typeorm';
import type { BilanHeadline, BreakdownDimension } from '@nec/contracts';
import type { EventRow, EventSummaryRow, ProvenanceRow } from './reporting.dto.js';

/** The numeric per-record figures a histogram can be drawn for, as SQL over the row `b`. */
export const bucketValues = {
  attendees: 'b.attendees',
  expensesCents: 'b.expenses_cents',
  // The domain's `recordCostPerAttendeeCents`: rounded half up, none without attendees.
  costPerAttendeeCents: 'b.cost_per_attendee_cents',
} as const;
export type BucketField = keyof typeof bucketValues;

/**
 * The key each breakdown groups by, as a one-column LATERAL subquery over the row `b`: one key
 * for a scalar column (NULL keys are dropped), each DISTINCT element for an array column (a
 * record counts once under each of its themes), as the domain's `breakdown` does.
 */
const dimensionKeys: Record<BreakdownDimension, { lateral: string; numeric: boolean }> = {
  year: { lateral: 'SELECT b.year AS key', numeric: true },
  month: { lateral: `SELECT to_char(b.event_date, 'YYYY-MM') AS key`, numeric: false },
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
 * The domain's `hasAllMalePanel` on a fact row: men and no woman in the gender split (both
 * columns are 0 without a split, which is therefore not counted).
 */
const ALL_MALE_PANEL = '(b.women_speakers = 0 AND b.men_speakers > 0)';

/**
 * The domain's `RecordFigures` summed in SQL (see `record-figures.ts`): a missing subsidy counts
 * 0; speakers of known gender = women + men (both 0 without a split); events with an all-male
 * panel and events on Les Bases are counted. `::float8` so that both drivers return numbers
 * (exact: sums stay far below 2^53). The cents are summed as float8 — exact below 2^53 too —
 * rather than as bigint, whose sum goes through `numeric`, slow in PGlite.
 */
const SUMS = `
  coalesce(sum(b.attendees), 0)::float8 AS "attendees",
  coalesce(sum(b.structures), 0)::float8 AS "structures",
  coalesce(sum(b.speakers), 0)::float8 AS "speakers",
  coalesce(sum(b.women_speakers), 0)::float8 AS "womenSpeakers",
  coalesce(sum(b.women_speakers + b.men_speakers), 0)::float8 AS "speakersWithKnownGender",
  coalesce(sum(b.workshops), 0)::float8 AS "workshops",
  coalesce(sum(b.discovery_stands), 0)::float8 AS "discoveryStands",
  coalesce(sum(b.expenses_cents::float8), 0) AS "expensesCents",
  coalesce(sum(coalesce(b.subsidy_cents, 0)::float8), 0) AS "subsidyCents",
  count(*) FILTER (WHERE ${ALL_MALE_PANEL})::float8 AS "allMalePanelEvents",
  count(*) FILTER (WHERE b.les_bases)::float8 AS "lesBasesEvents"`;

/**
 * The ratios of `ratios.ts`: cost (subsidy) per attendee = round(Σ expenses (subsidies) /
 * Σ attendees) half up, NULL without attendees; parity = round(Σ women / Σ (women + men), 4),
 * NULL when no gender is known; Les Bases share = round(events on Les Bases / events, 4), NULL
 * without events.
 */
const RATIOS = `
  round(sum(b.expenses_cents::float8)::numeric / nullif(sum(b.attendees), 0))::float8 AS "costPerAttendeeCents",
  round(sum(b.women_speakers)::numeric / nullif(sum(b.women_speakers + b.men_speakers), 0), 4)::float8 AS "parityRatio",
  round(sum(coalesce(b.subsidy_cents, 0)::float8)::numeric / nullif(sum(b.attendees), 0))::float8 AS "subsidyPerAttendeeCents",
  round(count(*) FILTER (WHERE b.les_bases)::numeric / nullif(count(*), 0), 4)::float8 AS "lesBasesShare"`;

/**
 * The medians of `aggregate.ts`: `percentile_cont(0.5)` (the mean of the two middle values for an
 * even count); expenses and costs rounded half up to whole cents; each record's cost per attendee
 * rounded first, over records with attendees. NULL on no record.
 */
const MEDIANS = `
  percentile_cont(0.5) WITHIN GROUP (ORDER BY b.attendees) AS "medianAttendees",
  round((percentile_cont(0.5) WITHIN GROUP (ORDER BY b.expenses_cents))::numeric)::float8 AS "medianExpensesCents",
  round((percentile_cont(0.5) WITHIN GROUP (ORDER BY b.cost_per_attendee_cents))::numeric)::float8 AS "medianCostPerAttendeeCents"`;

type Row = Record<string, number | string | null>;

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/**
 * The enumerated keys of a fact row. The columns are filled from bilans the domain validated
 * (`bilanRecordSchema`), so their text is one of the domain's values.
 */
function recordKeysOf(
  row: Row,
): Pick<EventSummaryRow, 'eventMode' | 'callKind' | 'porteurCategory'> {
  return {
    eventMode: String(row.eventMode) as EventSummaryRow['eventMode'],
    callKind: String(row.callKind) as EventSummaryRow['callKind'],
    porteurCategory: String(row.porteurCategory) as EventSummaryRow['porteurCategory'],
  };
}

function figuresOf(row: Row): RecordFigures {
  return Object.fromEntries(recordFigureKeys.map((key) => [key, num(row[key])])) as RecordFigures;
}

function ratiosOf(row: Row): BilanRatios {
  return Object.fromEntries(bilanRatioKeys.map((key) => [key, numOrNull(row[key])])) as BilanRatios;
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

  /**
   * The conditions of `aggregateBilans`' options on `reporting_facts` b (submitted bilans only):
   * the period on `event_date`, then each list of the filter — any of its values (`= ANY`, or an
   * overlap `&&` for the array columns); an empty list restricts nothing.
   */
  private where(options: AggregateOptions): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const conditions = ['TRUE'];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (options.from !== undefined) conditions.push(`b.event_date >= ${param(options.from)}::date`);
    if (options.to !== undefined) conditions.push(`b.event_date <= ${param(options.to)}::date`);
    const lists: [string[] | undefined, string][] = [
      [options.regions, 'b.region_code = ANY(#)'],
      [options.departements, 'b.departement_code = ANY(#)'],
      [options.themes, 'b.themes && #'],
      [options.themeFamilies, 'b.theme_families && #'],
      [options.eventModes, 'b.event_mode = ANY(#)'],
      [options.porteurCategories, 'b.porteur_category = ANY(#)'],
      [options.callKinds, 'b.call_kind = ANY(#)'],
    ];
    for (const [values, condition] of lists)
      if (values !== undefined && values.length > 0)
        conditions.push(condition.replace('#', `${param(values)}::text[]`));
    return { sql: conditions.join(' AND '), params };
  }

  /** Count, totals, medians and ratios of the period (the headline of `aggregateBilans`). */
  async headline(options: AggregateOptions): Promise<BilanHeadline> {
    const { sql, params } = this.where(options);
    const rows: Row[] = await this.dataSource.query(
      `SELECT count(*)::int AS "count", ${SUMS}, ${MEDIANS}, ${RATIOS} FROM "reporting_facts" b WHERE ${sql}`,
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
      ...ratiosOf(row),
    };
  }

  /** A breakdown of the period, sorted by key like `ORDER BY key COLLATE "C"` (numbers ascending). */
  async breakdown(
    dimension: BreakdownDimension,
    options: AggregateOptions,
  ): Promise<BreakdownRow<string | number>[]> {
    const { sql, params } = this.where(options);
    const { lateral, numeric } = dimensionKeys[dimension];
    const rows: Row[] = await this.dataSource.query(
      `SELECT k.key AS "key", count(*)::int AS "count", ${SUMS}, ${RATIOS}
         FROM "reporting_facts" b CROSS JOIN LATERAL (${lateral}) k
        WHERE ${sql} AND k.key IS NOT NULL
        GROUP BY k.key
        ORDER BY k.key${numeric ? '' : ' COLLATE "C"'}`,
      params,
    );
    return rows.map((row) => ({
      key: numeric ? num(row.key) : String(row.key),
      count: num(row.count),
      ...figuresOf(row),
      ...ratiosOf(row),
    }));
  }

  /**
   * How many records fall in each bucket of `edges` for a figure (`width_bucket`: 0 below the
   * first edge, i for [edges[i-1], edges[i]), n for the last, open one), and how many have no
   * value for it.
   */
  async buckets(
    field: BucketField,
    edges: readonly number[],
    options: AggregateOptions,
  ): Promise<{ byBucket: Map<number, number>; skipped: number }> {
    const { sql, params } = this.where(options);
    const value = bucketValues[field];
    const thresholds = edges.map((edge) => Math.trunc(edge)).join(',');
    const rows: Row[] = await this.dataSource.query(
      `SELECT CASE WHEN v.value IS NULL THEN -1 ELSE width_bucket(v.value::numeric, ARRAY[${thresholds}]::numeric[]) END AS "bucket", count(*)::int AS "count"
         FROM "reporting_facts" b CROSS JOIN LATERAL (SELECT ${value} AS value) v WHERE ${sql} GROUP BY 1`,
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

  /** Where the figures come from: how many bilans, from which calls, the latest submitted. */
  async provenance(options: AggregateOptions): Promise<ProvenanceRow> {
    const { sql, params } = this.where(options);
    const rows: Row[] = await this.dataSource.query(
      `SELECT b.campaign_id AS "campaignId", c.title AS "title", c.call_kind AS "callKind", c.year AS "year",
              count(*)::int AS "count", max(b.submitted_at) AS "latest"
         FROM "reporting_facts" b LEFT JOIN "campaigns" c ON c.id = b.campaign_id
        WHERE ${sql}
        GROUP BY b.campaign_id, c.title, c.call_kind, c.year
        ORDER BY c.year, b.campaign_id COLLATE "C"`,
      params,
    );
    const latest = rows
      .map((row) => new Date(String(row.latest)).toISOString())
      .sort()
      .at(-1);
    return {
      bilans: rows.reduce((sum, row) => sum + num(row.count), 0),
      latestSubmittedAt: latest ?? null,
      calls: rows.map((row) => ({
        campaignId: String(row.campaignId),
        title: row.title === null ? null : String(row.title),
        callKind: row.callKind === null ? null : (String(row.callKind) as CallKind),
        year: numOrNull(row.year),
        bilans: num(row.count),
      })),
    };
  }

  /**
   * One page of the events kept (latest first): keys and figures, never a title or a name. With
   * `allMalePanel`, only the events with (true) or without (false) an all-male panel.
   */
  async events(
    options: AggregateOptions & { allMalePanel?: boolean | undefined },
    page: { limit: number; offset: number },
  ): Promise<{ total: number; items: EventSummaryRow[] }> {
    const where = this.where(options);
    const params = where.params;
    const sql =
      options.allMalePanel === undefined
        ? where.sql
        : `${where.sql} AND ${options.allMalePanel ? '' : 'NOT '}${ALL_MALE_PANEL}`;
    const rows: Row[] = await this.dataSource.query(
      `SELECT b.bilan_id AS "id", to_char(b.event_date, 'YYYY-MM-DD') AS "eventDate", b.region_code AS "regionCode",
              b.departement_code AS "departementCode", b.event_mode AS "eventMode", b.call_kind AS "callKind",
              b.porteur_category AS "porteurCategory", b.attendees AS "attendees", b.themes AS "themes",
              count(*) OVER ()::int AS "total"
         FROM "reporting_facts" b WHERE ${sql}
        ORDER BY b.event_date DESC, b.bilan_id
        LIMIT ${Math.trunc(page.limit)} OFFSET ${Math.trunc(page.offset)}`,
      params,
    );
    return {
      total: num(rows[0]?.total ?? 0),
      items: rows.map((row) => ({
        id: String(row.id),
        eventDate: String(row.eventDate),
        regionCode: row.regionCode === null ? null : String(row.regionCode),
        departementCode: row.departementCode === null ? null : String(row.departementCode),
        ...recordKeysOf(row),
        attendees: num(row.attendees),
        themes: (row.themes as unknown as string[] | null) ?? [],
      })),
    };
  }

  /** One submitted bilan with its keys, or null. */
  async event(id: string): Promise<EventRow | null> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT b.bilan_id AS "id", to_char(b.event_date, 'YYYY-MM-DD') AS "eventDate", b.year AS "year",
              b.region_code AS "regionCode", b.departement_code AS "departementCode", b.event_mode AS "eventMode",
              b.call_kind AS "callKind", b.porteur_category AS "porteurCategory", b.themes AS "themes",
              bl.content AS "content"
         FROM "reporting_facts" b JOIN "bilans" bl ON bl.id = b.bilan_id
        WHERE b.bilan_id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: String(row.id),
      eventDate: String(row.eventDate),
      year: num(row.year),
      regionCode: row.regionCode === null ? null : String(row.regionCode),
      departementCode: row.departementCode === null ? null : String(row.departementCode),
      ...recordKeysOf(row),
      themes: (row.themes as unknown as string[] | null) ?? [],
      content: row.content as unknown as NecLocalBilan,
    };
  }

  /** The open data: figures per year × région, by year then région code. */
  async openDataRows(): Promise<OpenDataRow[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT b.year AS "year", b.region_code AS "regionCode", count(*)::int AS "events", ${SUMS}
         FROM "reporting_facts" b
        WHERE b.region_code IS NOT NULL
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
