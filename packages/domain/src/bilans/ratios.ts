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
