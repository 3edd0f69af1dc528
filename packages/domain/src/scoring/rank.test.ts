import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankDossiers } from './rank.js';

const entry = (dossierId: string, normalised: number) => ({ dossierId, score: { normalised } });

describe('rankDossiers', () => {
  it('uses standard competition ranking (1, 2, 2, 4)', () => {
    const ranked = rankDossiers([
      entry('d', 40),
      entry('b', 75.5),
      entry('a', 90),
      entry('c', 75.5),
    ]);
    expect(ranked.map((r) => [r.dossierId, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('lets a tie at the top push the next rank down', () => {
    const ranked = rankDossiers([entry('x', 80), entry('y', 80), entry('z', 80), entry('w', 10)]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 1, 4]);
  });

  it('keeps extra fields and handles the empty list', () => {
    const [first] = rankDossiers([{ ...entry('a', 50), title: 'NEC local' }]);
    expect(first).toEqual({
      dossierId: 'a',
      score: { normalised: 50 },
      title: 'NEC local',
      rank: 1,
    });
    expect(rankDossiers([])).toEqual([]);
  });

  it('does not modify its input', () => {
    const input = [entry('b', 10), entry('a', 20)];
    rankDossiers(input);
    expect(input.map((e) => e.dossierId)).toEqual(['b', 'a']);
  });

  it('ranks each dossier one after the number of strictly better ones, whatever the input order', () => {
    const listArb = fc.uniqueArray(
      fc.record({
        dossierId: fc.string({ minLength: 1, maxLength: 4 }),
        score: fc.record({ normalised: fc.integer({ min: 0, max: 20 }).map((n) => n * 5) }),
      }),
      { selector: (e) => e.dossierId, maxLength: 30 },
    );
    fc.assert(
      fc.property(listArb, fc.nat(), (list, seed) => {
        const ranked = rankDossiers(list);
        for (const r of ranked) {
          const better = list.filter((e) => e.score.normalised > r.score.normalised).length;
          expect(r.rank).toBe(better + 1);
        }
        const rotated = [
          ...list.slice(seed % (list.length || 1)),
          ...list.slice(0, seed % (list.length || 1)),
        ];
        expect(rankDossiers(rotated)).toEqual(ranked);
      }),
    );
  });
});
