import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { referenceData } from './reference-data.js';
import { normalizeSearchText, searchCommunes } from './search.js';

const names = (query: string, limit?: number) => searchCommunes(query, limit).map((c) => c.name);
const communes = [...referenceData().communes.values()];
const anyCommune = fc.nat(communes.length - 1).map((index) => communes[index]!);

describe('normalizeSearchText', () => {
  it('ignores case, accents, ligatures, hyphens and apostrophes', () => {
    expect(normalizeSearchText('SAINT-ÉTIENNE')).toBe('saint etienne');
    expect(normalizeSearchText("  L'Haÿ-les-Roses ")).toBe('l hay les roses');
    expect(normalizeSearchText('Œuilly')).toBe('oeuilly');
    expect(normalizeSearchText('Côte d’Or')).toBe('cote d or');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = normalizeSearchText(text);
        expect(normalizeSearchText(once)).toBe(once);
      }),
    );
  });
});

describe('searchCommunes by name', () => {
  it('puts the exact name first', () => {
    expect(names('metz', 3)[0]).toBe('Metz');
    expect(names('Paris', 1)).toEqual(['Paris']);
  });

  it('is accent- and case-insensitive', () => {
    expect(names('EVRY', 5)).toContain('Évry-Courcouronnes');
    expect(names('oeuilly', 5)).toContain('Œuilly');
  });

  it('treats spaces and hyphens alike and expands "St"', () => {
    const found = searchCommunes('st denis', 10).map((c) => c.code);
    expect(found).toContain('97411');
    expect(found).toContain('93066');
  });

  it('finds a later word of the name, after the names starting with the query', () => {
    const found = names('denis', 200);
    expect(found).toContain('Saint-Denis');
    const firstLaterWord = found.findIndex(
      (name) => !normalizeSearchText(name).startsWith('denis'),
    );
    expect(
      found.slice(firstLaterWord).every((n) => !normalizeSearchText(n).startsWith('denis')),
    ).toBe(true);
  });

  it('respects the limit, 10 by default', () => {
    expect(searchCommunes('saint')).toHaveLength(10);
    expect(searchCommunes('saint', 3)).toHaveLength(3);
    expect(searchCommunes('saint', 0)).toEqual([]);
  });

  it('returns nothing for an empty query or an unknown name', () => {
    expect(searchCommunes('   ')).toEqual([]);
    expect(searchCommunes('zzzzqx')).toEqual([]);
  });

  it('finds every commune by its own name', () => {
    fc.assert(
      fc.property(anyCommune, (commune) => {
        // At most a dozen communes share a name, so 50 results always include it.
        expect(searchCommunes(commune.name, 50)).toContain(commune);
      }),
    );
  });

  it('only returns communes whose name matches the query', () => {
    fc.assert(
      fc.property(anyCommune, fc.integer({ min: 1, max: 6 }), (commune, length) => {
        const query = normalizeSearchText(commune.name).slice(0, length).trim();
        fc.pre(query !== '' && !/^ste?\b/.test(query));
        for (const found of searchCommunes(query, 20)) {
          expect(` ${normalizeSearchText(found.name)}`).toContain(` ${query}`);
        }
      }),
      // Each search scans every commune: 50 runs keep the test quick on a loaded machine.
      { numRuns: 50 },
    );
  });
});

describe('searchCommunes by code', () => {
  it('finds communes by postcode', () => {
    expect(names('57000')).toEqual(['Metz']);
    expect(searchCommunes('97400').map((c) => c.code)).toEqual(['97411']);
  });

  it('finds Paris by any of its arrondissements’ postcodes', () => {
    expect(names('75016')).toEqual(['Paris']);
  });

  it('finds communes by INSEE code, Corsica included', () => {
    expect(names('57463')[0]).toBe('Metz');
    expect(names('2a004')).toEqual(['Ajaccio']);
  });

  it('matches postcode prefixes, exact matches first', () => {
    const found = searchCommunes('9741', 50);
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((c) => c.departementCode === '974')).toBe(true);
  });

  it('finds every commune by its first postcode', () => {
    const withPostcode = communes.filter((c) => c.postalCodes.length > 0);
    fc.assert(
      fc.property(fc.nat(withPostcode.length - 1), (index) => {
        const commune = withPostcode[index]!;
        // At most 46 communes share a postcode.
        expect(searchCommunes(commune.postalCodes[0]!, 100)).toContain(commune);
      }),
      { numRuns: 50 },
    );
  });
});
