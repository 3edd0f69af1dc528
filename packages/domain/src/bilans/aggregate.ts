import { type ThemeFamily } from '../dossiers/themes.js';
import { type IsoDate } from '../shared/dates.js';
import { type BilanRecord, recordThemeFamilies } from './bilan-record.js';
import { breakdown, type BreakdownRow } from './breakdowns.js';
import { matchesReportingFilter, type ReportingFilter } from './reporting-filter.js';
import { type BilanRatios, ratiosOf } from './ratios.js';
import {
  recordCostPerAttendeeCents,
  type RecordFigures,
  recordFigures,
  sumFigures,
} from './record-figures.js';
import { median, medianRounded } from './stats.js';

/**
 * Which records to aggregate: events whose `eventDate` lies in [from, to], both included, kept by
 * the {@link ReportingFilter}.
 */
export type AggregateOptions = {
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
} & ReportingFilter;

/** Medians over the aggregated records, `null` when there is none. */
export type BilanMedians = {
  /** Median of `attendees`; for an even count, the mean of the two middle values (may be x.5). */
  attendees: number | null;
  /** Median of `budget.expensesCents`, rounded half up to whole cents. */
  expensesCents: number | null;
  /**
   * Median of each record's own cost per attendee (itself rounded half up to whole cents), over
   * records with at least one attendee; for an even count, the two middle values' mean rounded
   * half up.
   */
  costPerAttendeeCents: number | null;
};

/**
 * The figures of a set of bilans, for the reporting overview: the count, the totals, the medians,
 * the {@link BilanRatios} on the totals (cost and subsidy per attendee, parity, share published
 * on Les Bases), and the breakdowns.
 */
export type BilanAggregate = {
  /** Records aggregated (after the date filter). */
  count: number;
  /** Sums of {@link RecordFigures} over every record. */
  totals: RecordFigures;
  medians: BilanMedians;
  byYear: BreakdownRow<number>[];
  /** By month of `eventDate` (`AAAA-MM`). */
  byMonth: BreakdownRow<string>[];
  /** Records without a région are left out. */
  byRegion: BreakdownRow<string>[];
  /** Records without a département are left out. */
  byDepartement: BreakdownRow<string>[];
  /** One row per distinct theme string; a record counts under each of its themes. */
  byTheme: BreakdownRow<string>[];
  /** A record counts under each family of {@link recordThemeFamilies}. */
  byThemeFamily: BreakdownRow<ThemeFamily>[];
  byEventMode: BreakdownRow<BilanRecord['eventMode']>[];
  byPorteurCategory: BreakdownRow<BilanRecord['porteurCategory']>[];
  byCallKind: BreakdownRow<BilanRecord['callKind']>[];
} & BilanRatios;

function inPeriod(record: BilanRecord, { from, to }: AggregateOptions): boolean {
  return (
    (from === undefined || record.eventDate >= from) && (to === undefined || record.eventDate <= to)
  );
}

function mediansOf(records: readonly BilanRecord[]): BilanMedians {
  const costs = records.map(recordCostPerAttendeeCents).filter((cost) => cost !== null);
  return {
    attendees: median(records.map((record) => record.bilan.attendees)),
    expensesCents: medianRounded(records.map((record) => record.bilan.budget.expensesCents)),
    costPerAttendeeCents: medianRounded(costs),
  };
}

/**
 * Aggregates bilans for reporting: count, totals, medians, the ratios and the
 * breakdowns by year, région, département, theme, theme family, event mode, porteur category
 * and call kind (each sorted by key). Pure: the same records always give the same figures, and
 * the API's SQL follows the definitions given on each field.
 */
export function aggregateBilans(
  records: readonly BilanRecord[],
  options: AggregateOptions = {},
): BilanAggregate {
  const selected = records.filter(
    (record) => inPeriod(record, options) && matchesReportingFilter(record, options),
  );
  const totals = sumFigures(selected.map(recordFigures));
  return {
    count: selected.length,
    totals,
    medians: mediansOf(selected),
    ...ratiosOf(selected.length, totals),
    byYear: breakdown(selected, (record) => [record.year]),
    byMonth: breakdown(selected, (record) => [record.eventDate.slice(0, 7)]),
    byRegion: breakdown(selected, (record) => [record.regionCode]),
    byDepartement: breakdown(selected, (record) => [record.departementCode]),
    byTheme: breakdown(selected, (record) => record.themes),
    byThemeFamily: breakdown(selected, recordThemeFamilies),
    byEventMode: breakdown(selected, (record) => [record.eventMode]),
    byPorteurCategory: breakdown(selected, (record) => [record.porteurCategory]),
    byCallKind: breakdown(selected, (record) => [record.callKind]),
  };
}
