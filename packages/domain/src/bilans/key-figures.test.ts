import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateBilans } from './aggregate.js';
import { comparePeriods } from './compare-periods.js';
import { keyFigureDefinitions } from './key-figures.js';
import { recordsArb } from './test-helpers/arbitraries.js';

describe('keyFigureDefinitions', () => {
  it('names each figure once, in French, with its definition', () => {
    const ids = keyFigureDefinitions.map((figure) => figure.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const figure of keyFigureDefinitions) {
      expect(figure.label.length).toBeGreaterThan(4);
      expect(figure.definition).toMatch(/\.$/);
    }
  });

  it('reads the same figure in an aggregate and in the comparison of two periods', () => {
    fc.assert(
      fc.property(recordsArb, recordsArb, (now, before) => {
        const current = aggregateBilans(now);
        const previous = aggregateBilans(before);
        const changes = comparePeriods(current, previous);
        for (const figure of keyFigureDefinitions) {
          expect(figure.change(changes).current, figure.id).toBe(figure.value(current));
          expect(figure.change(changes).previous, figure.id).toBe(figure.value(previous));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('says how an event without a gender split counts among all-male panels', () => {
    const allMale = keyFigureDefinitions.find((figure) => figure.id === 'all-male-panels');
    expect(allMale?.definition).toMatch(/sans répartition par genre n’est pas compté/);
  });
});
