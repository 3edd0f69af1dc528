import type {
  BilanAggregate,
  BreakdownRow,
  Distribution,
  NationalEditionBilan,
  NationalEditionTotals,
  PeriodComparison,
} from '@nec/domain';
import type { BreakdownDimension } from './reporting.schemas.js';

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

export interface OverviewDto {
  period: PeriodDto;
  /** The period of the same length just before. */
  previousPeriod: PeriodDto;
  current: BilanHeadline;
  previous: BilanHeadline;
  /** The domain's `comparePeriods(current, previous)`. */
  changes: PeriodComparison;
}

export interface BreakdownDto {
  dimension: BreakdownDimension;
  /** The bounds asked for (`null` when open). */
  period: { from: string | null; to: string | null };
  rows: BreakdownRow<string | number>[];
}

export interface AttendeeDistributionDto extends Distribution {
  period: { from: string | null; to: string | null };
  /** The domain's `attendeeBucketEdges`. */
  edges: number[];
}

export interface ReportingNationalEditionsDto {
  /** Every edition, by year, with its published figures (`null` = not published). */
  editions: NationalEditionBilan[];
  totals: NationalEditionTotals;
}
