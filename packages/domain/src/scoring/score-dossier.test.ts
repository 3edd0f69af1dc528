import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultSelectionWeights,
  selectionCriteria,
  type SelectionCriterion,
  type SelectionWeights,
} from './criteria.js';
import { scoreDossier } from './score-dossier.js';
import type { ScoreSheet } from './score-sheet.js';

type Marks = Partial<Record<SelectionCriterion, number>>;

function sheet(instructorId: string, marks: Marks): ScoreSheet {
  return {
    instructorId,
    dossierId: 'dossier-1',
    scores: Object.entries(marks).map(([criterion, score]) => ({
      criterion: criterion as SelectionCriterion,
      score,
      comment: 'Commentaire',
    })),
  };
}
const every = (score: number): Marks =>
  Object.fromEntries(selectionCriteria.map((c) => [c, score]));

describe('scoreDossier', () => {
  it('scores one complete sheet with neutral weights', () => {
    const result = scoreDossier([sheet('a', every(3))]);
    expect(result.perInstructor).toEqual([
      {
        instructorId: 'a',
        weightedTotal: 21,
        max: 28,
        normalised: 75,
        complete: true,
        missingCriteria: [],
      },
    ]);
    expect(result).toMatchObject({ weightedMean: 21, max: 28, normalised: 75, complete: true });
  });

  it('applies the campaign weights', () => {
    const weights: SelectionWeights = { ...defaultSelectionWeights, soundness: 2 };
    const result = scoreDossier([sheet('a', { ...every(2), soundness: 4 })], weights);
    // 2 × 4 + 6 × 2 = 20 out of 2 × 4 + 6 × 4 = 32
    expect(result.perInstructor[0]).toMatchObject({ weightedTotal: 20, max: 32, normalised: 62.5 });
    expect(result.normalised).toBe(62.5);
  });

  it('averages several instructors, per criterion and overall', () => {
    const result = scoreDossier([
      sheet('a', every(4)),
      sheet('b', every(2)),
      sheet('c', { ...every(2), innovation: 1 }),
    ]);
    expect(result.perInstructor.map((p) => p.normalised)).toEqual([100, 50, 46.43]);
    expect(result.meanPerCriterion.soundness).toBe(2.67);
    expect(result.meanPerCriterion.innovation).toBe(2.33);
    // (4 + 2 + 2) / 3 × 6 + (4 + 2 + 1) / 3 = 18.33
    expect(result.weightedMean).toBe(18.33);
    expect(result.normalised).toBe(65.48);
    expect(result.complete).toBe(true);
  });

  it('counts an unscored criterion 0 for its instructor but not in the others’ mean', () => {
    const result = scoreDossier([sheet('a', every(4)), sheet('b', { soundness: 0 })]);
    expect(result.perInstructor[1]).toMatchObject({
      weightedTotal: 0,
      normalised: 0,
      complete: false,
    });
    expect(result.perInstructor[1]?.missingCriteria).toHaveLength(6);
    expect(result.meanPerCriterion).toMatchObject({ soundness: 2, innovation: 4 });
    expect(result.weightedMean).toBe(26);
    expect(result.complete).toBe(false);
  });

  it('counts a criterion nobody scored as 0, with a null mean', () => {
    const result = scoreDossier([sheet('a', { soundness: 4 }), sheet('b', { soundness: 2 })]);
    expect(result.meanPerCriterion.soundness).toBe(3);
    expect(result.meanPerCriterion.innovation).toBeNull();
    expect(result.weightedMean).toBe(3);
    expect(result.normalised).toBe(10.71);
  });

  it('gives zero and incomplete without any sheet', () => {
    const result = scoreDossier([]);
    expect(result).toMatchObject({
      perInstructor: [],
      weightedMean: 0,
      normalised: 0,
      complete: false,
    });
    expect(Object.values(result.meanPerCriterion).every((m) => m === null)).toBe(true);
  });
});

describe('scoreDossier properties', () => {
  const markArb = fc.integer({ min: 0, max: 4 });
  const marksArb: fc.Arbitrary<Marks> = fc.record(
    Object.fromEntries(selectionCriteria.map((c) => [c, markArb])) as Record<
      SelectionCriterion,
      fc.Arbitrary<number>
    >,
    { requiredKeys: [] },
  );
  const weightsArb: fc.Arbitrary<SelectionWeights> = fc.record(
    Object.fromEntries(
      selectionCriteria.map((c) => [
        c,
        fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.01, max: 10, noNaN: true })),
      ]),
    ) as Record<SelectionCriterion, fc.Arbitrary<number>>,
  );
  const sheetsArb = fc
    .array(marksArb, { maxLength: 5 })
    .map((list) => list.map((marks, i) => sheet(`instr-${i}`, marks)));

  it('keeps every normalised score within [0, 100]', () => {
    fc.assert(
      fc.property(sheetsArb, weightsArb, (sheets, weights) => {
        const result = scoreDossier(sheets, weights);
        for (const n of [result.normalised, ...result.perInstructor.map((p) => p.normalised)]) {
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('never lowers any total when a mark is raised or a missing criterion is scored', () => {
    fc.assert(
      fc.property(
        sheetsArb.filter((s) => s.length > 0),
        weightsArb,
        fc.nat(),
        fc.constantFrom(...selectionCriteria),
        markArb,
        (sheets, weights, which, criterion, mark) => {
          const index = which % sheets.length;
          const target = sheets[index]!;
          const current = target.scores.find((s) => s.criterion === criterion);
          // Raise an existing mark, or add one where nobody has scored the criterion yet.
          const nobodyScored = sheets.every((s) =>
            s.scores.every((x) => x.criterion !== criterion),
          );
          fc.pre(current ? mark > current.score : nobodyScored);
          const raised: ScoreSheet = {
            ...target,
            scores: [
              ...target.scores.filter((s) => s.criterion !== criterion),
              { criterion, score: mark, comment: 'Commentaire' },
            ],
          };
          const before = scoreDossier(sheets, weights);
          const after = scoreDossier(sheets.with(index, raised), weights);
          const [b, a] = [before.perInstructor[index]!, after.perInstructor[index]!];
          expect(a.weightedTotal).toBeGreaterThanOrEqual(b.weightedTotal);
          expect(a.normalised).toBeGreaterThanOrEqual(b.normalised);
          expect(after.weightedMean).toBeGreaterThanOrEqual(before.weightedMean);
          expect(after.normalised).toBeGreaterThanOrEqual(before.normalised);
        },
      ),
    );
  });

  it('equals the mean of the instructors’ totals when every sheet is complete', () => {
    const completeArb = fc.array(fc.tuple(...selectionCriteria.map(() => markArb)), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(completeArb, weightsArb, (rows, weights) => {
        const sheets = rows.map((row, i) =>
          sheet(`instr-${i}`, Object.fromEntries(selectionCriteria.map((c, j) => [c, row[j]]))),
        );
        const result = scoreDossier(sheets, weights);
        const totals = result.perInstructor.map((p) => p.weightedTotal);
        const mean = totals.reduce((x, y) => x + y, 0) / totals.length;
        expect(result.complete).toBe(true);
        expect(Math.abs(result.weightedMean - mean)).toBeLessThanOrEqual(0.01);
      }),
    );
  });

  it('does not depend on the scale of the weights', () => {
    fc.assert(
      fc.property(sheetsArb, weightsArb, fc.integer({ min: 2, max: 10 }), (sheets, weights, k) => {
        const scaled = Object.fromEntries(
          selectionCriteria.map((c) => [c, weights[c] * k]),
        ) as SelectionWeights;
        const a = scoreDossier(sheets, weights);
        const b = scoreDossier(sheets, scaled);
        expect(Math.abs(a.normalised - b.normalised)).toBeLessThanOrEqual(0.01);
      }),
    );
  });
});
