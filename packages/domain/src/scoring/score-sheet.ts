import { z } from 'zod';
import {
  selectionCriteria,
  selectionCriterionLabels,
  selectionCriterionSchema,
  type SelectionCriterion,
} from './criteria.js';

/** The highest mark on the grid; the lowest is 0. */
export const maxSelectionScore = 4;

/** French name of each mark, from 0 to 4 (index = mark). */
export const scoreLevelLabels = [
  'Absent',
  'Insuffisant',
  'Partiel',
  'Satisfaisant',
  'Excellent',
] as const;

/** True for 0 and 4, the marks that must come with a comment. */
export const isExtremeScore = (score: number): boolean =>
  score === 0 || score === maxSelectionScore;

const scoreMessage = `Attribuez une note entière de 0 à ${maxSelectionScore}.`;

/**
 * One instructor's mark on one criterion. The comment is optional, except for 0 and 4: the
 * extremes weigh most in the ranking, so the reason must stay readable by the other
 * instructors and by the applicant if the decision is questioned.
 */
export const scoreSchema = z
  .object({
    criterion: selectionCriterionSchema,
    score: z
      .int({ error: scoreMessage })
      .min(0, { error: scoreMessage })
      .max(maxSelectionScore, { error: scoreMessage }),
    comment: z
      .string()
      .trim()
      .max(2000, { error: 'Limitez le commentaire à 2 000 caractères.' })
      .optional(),
  })
  .refine((s) => !isExtremeScore(s.score) || (s.comment ?? '') !== '', {
    error: 'Justifiez en commentaire une note de 0 ou de 4.',
    path: ['comment'],
  });
export type Score = z.infer<typeof scoreSchema>;

/** The criteria of the grid that a sheet has not scored yet, in the grid's order. */
export function missingCriteria(scores: readonly Pick<Score, 'criterion'>[]): SelectionCriterion[] {
  const scored = new Set(scores.map((s) => s.criterion));
  return selectionCriteria.filter((c) => !scored.has(c));
}

/**
 * One instructor's grid for one dossier, possibly unfinished (instructors save as they go).
 * A criterion may be scored only once. Use `completeScoreSheetSchema` to require all seven.
 */
export const scoreSheetSchema = z
  .object({
    instructorId: z
      .string()
      .trim()
      .min(1, { error: 'Identifiant de l’instructeur·rice manquant.' }),
    dossierId: z.string().trim().min(1, { error: 'Identifiant du dossier manquant.' }),
    scores: z.array(scoreSchema),
  })
  .refine((sheet) => new Set(sheet.scores.map((s) => s.criterion)).size === sheet.scores.length, {
    error: 'Chaque critère ne peut être noté qu’une seule fois.',
    path: ['scores'],
  });
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;

/** A finished grid: a valid sheet that scores all seven criteria. */
export const completeScoreSheetSchema = scoreSheetSchema.superRefine((sheet, ctx) => {
  const missing = missingCriteria(sheet.scores);
  if (missing.length === 0) return;
  const names = missing.map((c) => `« ${selectionCriterionLabels[c]} »`).join(', ');
  ctx.addIssue({
    code: 'custom',
    path: ['scores'],
    message: `Notez tous les critères de la grille ; il reste : ${names}.`,
  });
});

/** True when the sheet scores every criterion of the grid. */
export function isScoreSheetComplete(sheet: Pick<ScoreSheet, 'scores'>): boolean {
  return missingCriteria(sheet.scores).length === 0;
}
