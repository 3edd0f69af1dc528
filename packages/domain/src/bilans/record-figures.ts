import { type BilanRecord } from './bilan-record.js';
import { divideRounded } from './stats.js';

/**
 * The additive figures one record contributes to every total and breakdown. Each is read from
 * the record's `bilan` as follows (the API's SQL reads the same JSON paths):
 * - `attendees` = `attendees`; `structures` = `structuresRepresented`;
 * - `speakers` = `speakers.total`;
 * - `womenSpeakers` = `speakers.genderSplit.women`, 0 without a split;
 * - `speakersWithKnownGender` = `women + men` of the split, 0 without a split (non-binary and
 *   undisclosed are one answer, so they cannot count as a known gender for parity);
 * - `workshops` = `formats.workshops`;
 * - `expensesCents` = `budget.expensesCents`;
 * - `subsidyCents` = `budget.subsidyCents`, 0 when not reported.
 */
export type RecordFigures = {
  attendees: number;
  structures: number;
  speakers: number;
  womenSpeakers: number;
  speakersWithKnownGender: number;
  workshops: number;
  expensesCents: number;
  subsidyCents: number;
};

/** Keys of {@link RecordFigures}, in display order. */
export const recordFigureKeys = [
  'attendees',
  'structures',
  'speakers',
  'womenSpeakers',
  'speakersWithKnownGender',
  'workshops',
  'expensesCents',
  'subsidyCents',
] as const satisfies readonly (keyof RecordFigures)[];

/** The additive figures of one record (see {@link RecordFigures} for each definition). */
export function recordFigures({ bilan }: Pick<BilanRecord, 'bilan'>): RecordFigures {
  const split = bilan.speakers.genderSplit;
  return {
    attendees: bilan.attendees,
    structures: bilan.structuresRepresented,
    speakers: bilan.speakers.total,
    womenSpeakers: split?.women ?? 0,
    speakersWithKnownGender: split ? split.women + split.men : 0,
    workshops: bilan.formats.workshops,
    expensesCents: bilan.budget.expensesCents,
    subsidyCents: bilan.budget.subsidyCents ?? 0,
  };
}

/**
 * A record's own cost per attendee in cents: `round(expensesCents / attendees)` (half up),
 * `null` when nobody attended.
 */
export function recordCostPerAttendeeCents({ bilan }: Pick<BilanRecord, 'bilan'>): number | null {
  return divideRounded(bilan.budget.expensesCents, bilan.attendees);
}

/** Sums figures over records (all zeros for none): totals are additive by construction. */
export function sumFigures(all: readonly RecordFigures[]): RecordFigures {
  const totals: RecordFigures = {
    attendees: 0,
    structures: 0,
    speakers: 0,
    womenSpeakers: 0,
    speakersWithKnownGender: 0,
    workshops: 0,
    expensesCents: 0,
    subsidyCents: 0,
  };
  for (const figures of all) {
    for (const key of recordFigureKeys) totals[key] += figures[key];
  }
  return totals;
}
