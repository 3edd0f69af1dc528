import { z } from 'zod';
import {
  defaultSelectionWeights,
  selectionCriteria,
  selectionCriterionSchema,
  type SelectionCriterion,
  type SelectionWeights,
} from './criteria.js';
import { maxSelectionScore, missingCriteria, type ScoreSheet } from './score-sheet.js';

/** One instructor's weighted result for a dossier. */
export const instructorScoreSchema = z.object({
  instructorId: z.string(),
  /** Σ weight × mark over the scored criteria; an unscored criterion counts 0. */
  weightedTotal: z.number(),
  /** Σ weight × 4 over all seven criteria: what a perfect sheet would get. */
  max: z.number(),
  /** 100 × weightedTotal / max, in [0, 100]. */
  normalised: z.number(),
  complete: z.boolean(),
  missingCriteria: z.array(selectionCriterionSchema),
});
export type InstructorScore = z.infer<typeof instructorScoreSchema>;

/** A dossier's result over all its sheets. */
export const dossierScoreSchema = z.object({
  perInstructor: z.array(instructorScoreSchema),
  /** Mean mark (0–4) of each criterion over the sheets that score it; null if none does. */
  meanPerCriterion: z.record(selectionCriterionSchema, z.number().nullable()),
  /** Σ weight × mean mark: the weighted total of the "average sheet", on the `max` scale. */
  weightedMean: z.number(),
  max: z.number(),
  /** 100 × weightedMean / max, in [0, 100]: the figure dossiers are ranked by. */
  normalised: z.number(),
  /** At least one sheet, and every sheet scores all seven criteria. */
  complete: z.boolean(),
});
export type DossierScore = z.infer<typeof dossierScoreSchema>;

// Results are rounded to two decimals: finer differences mean nothing in a human grid, and
// rounding keeps equal results equal despite floating-point sums (which matters for ties).
const round2 = (x: number): number => Math.round(x * 100) / 100;

const weightedMax = (weights: SelectionWeights): number =>
  selectionCriteria.reduce((sum, c) => sum + weights[c] * maxSelectionScore, 0);

const percentOf = (value: number, max: number): number =>
  max > 0 ? round2((100 * value) / max) : 0;

/** The marks of a sheet by criterion (if a criterion repeats, which the schema forbids, the last counts). */
const marksOf = (sheet: ScoreSheet): Map<SelectionCriterion, number> =>
  new Map(sheet.scores.map((s) => [s.criterion, s.score]));

function scoreSheet(sheet: ScoreSheet, weights: SelectionWeights, max: number): InstructorScore {
  const marks = marksOf(sheet);
  const total = selectionCriteria.reduce((sum, c) => sum + weights[c] * (marks.get(c) ?? 0), 0);
  const missing = missingCriteria(sheet.scores);
  return {
    instructorId: sheet.instructorId,
    weightedTotal: round2(total),
    max: round2(max),
    normalised: percentOf(total, max),
    complete: missing.length === 0,
    missingCriteria: missing,
  };
}

function meanOf(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Scores a dossier from its instructors' sheets (one per instructor, already validated with
 * `scoreSheetSchema`), with the campaign's `selectionWeights`.
 *
 * Per instructor, an unscored criterion counts 0, so an unfinished sheet can only rise as it
 * is completed. Across instructors, each criterion is averaged over the sheets that score it,
 * so one unfinished sheet does not drag a criterion others have marked down to zero; a
 * criterion nobody scored counts 0. `complete` says whether the figures are final.
 */
export function scoreDossier(
  sheets: readonly ScoreSheet[],
  weights: SelectionWeights = defaultSelectionWeights,
): DossierScore {
  const max = weightedMax(weights);
  const markMaps = sheets.map(marksOf);
  const means = selectionCriteria.map((c) => {
    const given = markMaps.flatMap((m) => (m.has(c) ? [m.get(c) ?? 0] : []));
    return [c, meanOf(given)] as const;
  });
  const weightedMean = means.reduce((sum, [c, mean]) => sum + weights[c] * (mean ?? 0), 0);
  const perInstructor = sheets.map((sheet) => scoreSheet(sheet, weights, max));
  return {
    perInstructor,
    meanPerCriterion: Object.fromEntries(
      means.map(([c, mean]) => [c, mean === null ? null : round2(mean)]),
    ) as Record<SelectionCriterion, number | null>,
    weightedMean: round2(weightedMean),
    max: round2(max),
    normalised: percentOf(weightedMean, max),
    complete: perInstructor.length > 0 && perInstructor.every((p) => p.complete),
  };
}
