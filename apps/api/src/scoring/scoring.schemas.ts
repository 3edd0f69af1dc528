import { scoreSheetSchema } from '@nec/domain';
import { z } from 'zod';
import { strictDeep } from '../common/strict-deep.js';

/**
 * The caller's own grid: the domain's list of marks (criterion, 0–4, comment required for 0 and 4),
 * unknown keys refused at every depth. The whole sheet (one mark per criterion) is then checked
 * with the domain's `scoreSheetSchema` once the instructor and the dossier are known.
 */
export const putScoreSheetSchema = strictDeep(z.object({ scores: scoreSheetSchema.shape.scores }));
export type PutScoreSheetInput = z.infer<typeof putScoreSheetSchema>;
