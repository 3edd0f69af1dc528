import { type BilanRecord } from './bilan-record.js';
import { publishedOnLesBases } from './resource-links.js';
import { hasAllMalePanel } from './speakers.js';
import { divideRounded } from './stats.js';

/**
 * The additive figures one record contributes to every total and breakdown. Each is read from
 * the record's `bilan` as follows (the API's SQL reads the same JSON paths):
 * - `attendees` = `attendees`; `structures` = `structuresRepresented`;
 * - `speakers` = `speakers.total`;
 * - `womenSpeakers` = `speakers.genderSplit.women`, 0 without a split;
 * - `speakersWithKnownGender` = `women + men` of the split, 0 without a split (non-binary and
 *   undisclosed are one answer, so they cannot count as a known gender for parity);
 * - `workshops` = `formats.workshops`; `discoveryStands` = `formats.discoveryStands`;
 * - `expensesCents` = `budget.expensesCents`;
 * - `subsidyCents` = `budget.subsidyCents`, 0 when not reported;
 * - `allMalePanelEvents` = 1 when {@link hasAllMalePanel} (a split with men and no woman), else 0
 *   (0 without a split): summed, the number of events with an all-male panel;
 * - `lesBasesEvents` = 1 when {@link publishedOnLesBases} (a resource link of kind `les-bases`),
 *   else 0: summed, the number of events that published on Les Bases.
 */
export type RecordFigures = {
  attendees: number;
  structures: number;
  speakers: number;
  womenSpeakers: number;
  speakersWithKnownGender: number;
  workshops: number;
  discoveryStands: number;
  expensesCents: number;
  subsidyCents: number;
  allMalePanelEvents: number;
  lesBasesEvents: number;
};

/** Keys of {@link RecordFigures}, in display order. */
export const recordFigureKeys = [
  'attendees',
  'structures',
  'speakers',
  'womenSpeakers',
  'speakersWithKnownGender',
  'workshops',
  'discoveryStands',
  'expensesCents',
  'subsidyCents',
  'allMalePanelEvents',
  'lesBasesEvents',
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
    discoveryStands: bilan.formats.discoveryStands,
    expensesCents: bilan.budget.expensesCents,
    subsidyCents: bilan.budget.subsidyCents ?? 0,
    allMalePanelEvents: hasAllMalePanel(bilan.speakers) ? 1 : 0,
    lesBasesEvents: publishedOnLesBases(bilan.resources) ? 1 : 0,
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
    discoveryStands: 0,
    expensesCents: 0,
    subsidyCents: 0,
    allMalePanelEvents: 0,
    lesBasesEvents: 0,
  };
  for (const figures of all) {
    for (const key of recordFigureKeys) totals[key] += figures[key];
  }
  return totals;
}
