import { describe, expect, it } from 'vitest';
import { selectionCriteria } from './criteria.js';
import { selectionCriterionDescriptions } from './descriptions.js';
import {
  completeScoreSheetSchema,
  isScoreSheetComplete,
  missingCriteria,
  scoreLevelLabels,
  scoreSchema,
  scoreSheetSchema,
} from './score-sheet.js';

const firstMessage = (result: { error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  result.error?.issues[0];

describe('scoreSchema', () => {
  it('accepts whole marks from 0 to 4', () => {
    for (const score of [1, 2, 3]) {
      expect(scoreSchema.safeParse({ criterion: 'innovation', score }).success).toBe(true);
    }
  });

  it('rejects marks out of range or not whole, in French', () => {
    for (const score of [-1, 5, 2.5]) {
      const result = scoreSchema.safeParse({ criterion: 'innovation', score });
      expect(result.success, String(score)).toBe(false);
      expect(firstMessage(result)?.message).toBe('Attribuez une note entière de 0 à 4.');
    }
  });

  it('rejects an unknown criterion', () => {
    expect(scoreSchema.safeParse({ criterion: 'budget', score: 2 }).success).toBe(false);
  });

  it('requires a comment for 0 and 4 only', () => {
    for (const score of [0, 4]) {
      const bare = scoreSchema.safeParse({ criterion: 'soundness', score });
      expect(bare.success).toBe(false);
      expect(firstMessage(bare)).toMatchObject({
        path: ['comment'],
        message: 'Justifiez en commentaire une note de 0 ou de 4.',
      });
      expect(scoreSchema.safeParse({ criterion: 'soundness', score, comment: '  ' }).success).toBe(
        false,
      );
      expect(
        scoreSchema.safeParse({ criterion: 'soundness', score, comment: 'Équipe dédiée' }).success,
      ).toBe(true);
    }
  });

  it('trims comments', () => {
    const parsed = scoreSchema.parse({ criterion: 'soundness', score: 3, comment: '  Solide ' });
    expect(parsed.comment).toBe('Solide');
  });
});

describe('score sheets', () => {
  const base = { instructorId: 'instr-1', dossierId: 'dossier-1' };
  const all = selectionCriteria.map((criterion) => ({ criterion, score: 2 }));

  it('accepts an unfinished sheet but not a repeated criterion', () => {
    expect(scoreSheetSchema.safeParse({ ...base, scores: all.slice(0, 3) }).success).toBe(true);
    const twice = scoreSheetSchema.safeParse({
      ...base,
      scores: [...all.slice(0, 2), { criterion: 'soundness', score: 3 }],
    });
    expect(twice.success).toBe(false);
    expect(firstMessage(twice)?.path).toEqual(['scores']);
  });

  it('requires the ids', () => {
    expect(scoreSheetSchema.safeParse({ ...base, instructorId: ' ', scores: [] }).success).toBe(
      false,
    );
  });

  it('requires all seven criteria for a complete sheet, naming the missing ones', () => {
    expect(completeScoreSheetSchema.safeParse({ ...base, scores: all }).success).toBe(true);
    const partial = completeScoreSheetSchema.safeParse({ ...base, scores: all.slice(0, 5) });
    expect(partial.success).toBe(false);
    expect(firstMessage(partial)?.message).toBe(
      'Notez tous les critères de la grille ; il reste : « Production et partage de ressources », « Innovation dans les formats et les thèmes ».',
    );
  });

  it('lists missing criteria in the grid order', () => {
    expect(missingCriteria([{ criterion: 'innovation' }, { criterion: 'soundness' }])).toEqual([
      'organiserDiversity',
      'digitalMaturity',
      'mobilisation',
      'charterCompliance',
      'resourceProduction',
    ]);
    expect(isScoreSheetComplete({ scores: all })).toBe(true);
    expect(isScoreSheetComplete({ scores: all.slice(1) })).toBe(false);
  });
});

describe('guidance', () => {
  it('describes every criterion, with what 0 and 4 mean', () => {
    for (const c of selectionCriteria) {
      const d = selectionCriterionDescriptions[c];
      for (const text of [d.question, d.guidance, d.zero, d.four]) {
        expect(text.length, c).toBeGreaterThan(20);
      }
      expect(d.zero).not.toBe(d.four);
    }
    expect(scoreLevelLabels).toHaveLength(5);
  });
});
