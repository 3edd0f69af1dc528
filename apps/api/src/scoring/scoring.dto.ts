import { missingCriteria, type Score } from '@nec/domain';
import type { ScoreSheetDto } from '@nec/contracts';

export const toSheetDto = (sheet: {
  instructorId: string;
  instructorName: string;
  scores: Score[];
  updatedAt: Date;
}): ScoreSheetDto => {
  const missing = missingCriteria(sheet.scores);
  return {
    instructor: { id: sheet.instructorId, displayName: sheet.instructorName },
    scores: sheet.scores,
    complete: missing.length === 0,
    missingCriteria: missing,
    updatedAt: sheet.updatedAt.toISOString(),
  };
};
