import {
  dossierScoreSchema,
  dossierStateSchema,
  isoDateTimeSchema,
  scoreSchema,
  scoreSheetSchema,
  selectionCriterionSchema,
  selectionWeightsSchema,
  type CriterionDescription,
  type SelectionCriterion,
} from '@nec/domain';
import { z } from 'zod';
import { dossierParams } from './dossiers.js';
import { route } from './route.js';
import { strictDeep } from './strict-deep.js';

/**
 * The caller's own grid: the domain's list of marks (criterion, 0–4, comment required for 0 and 4),
 * unknown keys refused at every depth. The whole sheet (one mark per criterion) is then checked
 * with the domain's `scoreSheetSchema` once the instructor and the dossier are known.
 */
export const putScoreSheetSchema = strictDeep(z.object({ scores: scoreSheetSchema.shape.scores }));
export type PutScoreSheetInput = z.infer<typeof putScoreSheetSchema>;

/** One instructor's sheet. */
export const scoreSheetDtoSchema = z.object({
  instructor: z.object({ id: z.uuid(), displayName: z.string() }),
  scores: z.array(scoreSchema),
  complete: z.boolean(),
  missingCriteria: z.array(selectionCriterionSchema),
  updatedAt: isoDateTimeSchema,
});
export type ScoreSheetDto = z.infer<typeof scoreSheetDtoSchema>;

const criterionDescriptionSchema = z.object({
  question: z.string(),
  guidance: z.string(),
  zero: z.string(),
  four: z.string(),
}) satisfies z.ZodType<CriterionDescription>;

/** Every sheet of a dossier and the domain's result over them, with the grid's guidance. */
export const dossierScoresSchema = z.object({
  dossierId: z.uuid(),
  weights: selectionWeightsSchema,
  sheets: z.array(scoreSheetDtoSchema),
  result: dossierScoreSchema,
  criteria: z.record(selectionCriterionSchema, criterionDescriptionSchema) satisfies z.ZodType<
    Record<SelectionCriterion, CriterionDescription>
  >,
});
export type DossierScoresDto = z.infer<typeof dossierScoresSchema>;

export const rankingItemSchema = z.object({
  dossierId: z.uuid(),
  reference: z.string(),
  title: z.string().nullable(),
  state: dossierStateSchema,
  organisationName: z.string(),
  /** The normalised score (0–100) dossiers are ranked by. */
  score: z.number(),
  weightedMean: z.number(),
  rank: z.number().int().positive(),
  complete: z.boolean(),
  sheetCount: z.number().int().nonnegative(),
});
export type RankingItemDto = z.infer<typeof rankingItemSchema>;

export const rankingSchema = z.object({
  campaignId: z.string(),
  weights: selectionWeightsSchema,
  items: z.array(rankingItemSchema),
});
export type RankingDto = z.infer<typeof rankingSchema>;

const tag = 'Instruction — notation';

export const scoring = {
  putSheet: route({
    method: 'PUT',
    path: '/api/instruction/dossiers/:id/scores',
    summary:
      'Enregistrer ma grille de notation du dossier (notes de 0 à 4, commentaire obligatoire pour 0 et 4)',
    tag,
    params: dossierParams,
    body: putScoreSheetSchema,
    status: 200,
    response: scoreSheetDtoSchema,
    errors: [409],
  }),
  getScores: route({
    method: 'GET',
    path: '/api/instruction/dossiers/:id/scores',
    summary: 'Les grilles de tous les instructeurs et la note du dossier (moyennes, note pondérée)',
    tag,
    params: dossierParams,
    status: 200,
    response: dossierScoresSchema,
  }),
  /** A ranking is read whole (it is the campaign's selection): not paged. */
  ranking: route({
    method: 'GET',
    path: '/api/instruction/campaigns/:campaignId/ranking',
    summary: 'Classement des dossiers notés d’un appel',
    tag,
    params: z.object({ campaignId: z.string().min(1).max(64) }),
    status: 200,
    response: rankingSchema,
  }),
};
