/**
 * The reporting routes' responses. Self-contained (types of `@nec/domain` only) so that the
 * reporting app can derive its types from this file until `@nec/contracts` carries them.
 */
import type {
  BilanAggregate,
  BreakdownRow,
  Distribution,
  NationalEditionBilan,
  NationalEditionTotals,
  NecLocalBilan,
  PeriodComparison,
  ReportingFilter,
} from '@nec/domain';
import type { BreakdownDimension, DistributionName } from './reporting.schemas.js';

/** Where figures come from (`ReportingRepository.provenance`). */
export interface ProvenanceRow {
  bilans: number;
  latestSubmittedAt: string | null;
  calls: {
    campaignId: string;
    title: string | null;
    callKind: string | null;
    year: number | null;
    bilans: number;
  }[];
}

/** An event as the drill-down lists it: keys and attendance only. */
export interface EventSummaryRow {
  id: string;
  eventDate: string;
  regionCode: string | null;
  departementCode: string | null;
  eventMode: string;
  callKind: string;
  porteurCategory: string;
  attendees: number;
  themes: string[];
}

/** One event's keys and its bilan as submitted (the service keeps only non-personal parts). */
export interface EventRow extends Omit<EventSummaryRow, 'attendees'> {
  year: number;
  content: NecLocalBilan;
}

/** The headline figures of `aggregateBilans` (its breakdowns have their own endpoint). */
export type BilanHeadline = Pick<
  BilanAggregate,
  'count' | 'totals' | 'medians' | 'costPerAttendeeCents' | 'parityRatio'
>;

/** A period of events, both days included (ISO dates). */
export interface PeriodDto {
  from: string;
  to: string;
}

/** Where the figures come from: bilans counted, their calls, the latest one submitted. */
export type ProvenanceDto = ProvenanceRow;

export interface OverviewDto {
  period: PeriodDto;
  /** The period of the same length just before. */
  previousPeriod: PeriodDto;
  /** The restrictions applied to both periods. */
  filter: ReportingFilter;
  current: BilanHeadline;
  previous: BilanHeadline;
  /** The domain's `comparePeriods(current, previous)`. */
  changes: PeriodComparison;
  /** Of the current period's figures. */
  provenance: ProvenanceDto;
}

export interface BreakdownDto {
  dimension: BreakdownDimension;
  /** The bounds asked for (`null` when open). */
  period: { from: string | null; to: string | null };
  rows: BreakdownRow<string | number>[];
}

export interface DistributionDto extends Distribution {
  figure: DistributionName;
  period: { from: string | null; to: string | null };
  /** The domain's `reportingDistributions` edges of the figure. */
  edges: number[];
}
/** The attendees' distribution (the first route, kept). */
export type AttendeeDistributionDto = DistributionDto;

export interface EventsPageDto {
  total: number;
  limit: number;
  offset: number;
  items: EventSummaryRow[];
}

/** A bilan's parts that name nobody: the team, the preparation meetings and comments are left out. */
export type PublicBilan = Omit<NecLocalBilan, 'team' | 'preparation' | 'comments'>;

export interface EventBilanDto extends Omit<EventRow, 'content'> {
  bilan: PublicBilan;
}

export interface ReportingNationalEditionsDto {
  /** Every edition, by year, with its published figures (`null` = not published). */
  editions: NationalEditionBilan[];
  totals: NationalEditionTotals;
}
