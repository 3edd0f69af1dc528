import { type RecordFigures } from './record-figures.js';
import { divideRounded, roundHalfAwayFromZero } from './stats.js';

/** Ratios are rounded to this many decimals so that the API's SQL can match them exactly. */
export const ratioDecimals = 4;

/**
 * Total expenses divided by total attendees, in cents, rounded half up to an integer:
 * `round(sum(expensesCents)::numeric / sum(attendees))`. `null` when there are no attendees.
 * (A ratio of totals, not a mean of each event's ratio: large events weigh more.)
 */
export function costPerAttendeeCents(
  totals: Pick<RecordFigures, 'expensesCents' | 'attendees'>,
): number | null {
  return divideRounded(totals.expensesCents, totals.attendees);
}

/**
 * Share of women among speakers of known gender, in [0, 1], rounded half away from zero to
 * {@link ratioDecimals} decimals: `round(sum(women)::numeric / sum(women + men), 4)` over the
 * records that have a gender split. `null` when no speaker's gender is known.
 */
export function parityRatio(
  totals: Pick<RecordFigures, 'womenSpeakers' | 'speakersWithKnownGender'>,
): number | null {
  if (totals.speakersWithKnownGender === 0) return null;
  return roundHalfAwayFromZero(
    totals.womenSpeakers / totals.speakersWithKnownGender,
    ratioDecimals,
  );
}

/**
 * Total ANCT subsidies divided by total attendees, in cents, rounded half up to an integer:
 * `round(sum(coalesce(subsidyCents, 0))::numeric / sum(attendees))`. Every event counts, those
 * without a subsidy (label only, or not reported) with 0 €: what the ANCT spent per person the
 * events reached. `null` when there are no attendees. (A ratio of totals, like
 * {@link costPerAttendeeCents}.)
 */
export function subsidyPerAttendeeCents(
  totals: Pick<RecordFigures, 'subsidyCents' | 'attendees'>,
): number | null {
  return divideRounded(totals.subsidyCents, totals.attendees);
}

/**
 * Share of events that published on Les Bases, in [0, 1], rounded half away from zero to
 * {@link ratioDecimals} decimals: `round(count(*) FILTER (WHERE les_bases)::numeric / count(*), 4)`.
 * `null` when there is no event.
 */
export function lesBasesShare(
  count: number,
  totals: Pick<RecordFigures, 'lesBasesEvents'>,
): number | null {
  if (count === 0) return null;
  return roundHalfAwayFromZero(totals.lesBasesEvents / count, ratioDecimals);
}

/** The ratios of a set of records, computed on its count and totals (never a mean of ratios). */
export type BilanRatios = {
  /** {@link costPerAttendeeCents}. */
  costPerAttendeeCents: number | null;
  /** {@link parityRatio}. */
  parityRatio: number | null;
  /** {@link subsidyPerAttendeeCents}. */
  subsidyPerAttendeeCents: number | null;
  /** {@link lesBasesShare}. */
  lesBasesShare: number | null;
};

/** Keys of {@link BilanRatios}, in display order. */
export const bilanRatioKeys = [
  'costPerAttendeeCents',
  'parityRatio',
  'subsidyPerAttendeeCents',
  'lesBasesShare',
] as const satisfies readonly (keyof BilanRatios)[];

/** Every ratio of {@link BilanRatios} for `count` records whose figures sum to `totals`. */
export function ratiosOf(count: number, totals: RecordFigures): BilanRatios {
  return {
    costPerAttendeeCents: costPerAttendeeCents(totals),
    parityRatio: parityRatio(totals),
    subsidyPerAttendeeCents: subsidyPerAttendeeCents(totals),
    lesBasesShare: lesBasesShare(count, totals),
  };
}
