import { describe, expect, it } from 'vitest';
import { searchTerritories } from './search-all.js';

const found = (query: string, options?: Parameters<typeof searchTerritories>[1]) =>
  searchTerritories(query, options).items.map((t) => `${t.kind}:${t.code}`);

describe('searchTerritories', () => {
  it('finds every kind by name, accent- and case-insensitively, larger territories first', () => {
    expect(found('BRETAGNE', { limit: 1 })).toEqual(['region:53']);
    expect(found('cote d or', { kinds: ['departement'] })).toEqual(['departement:21']);
    const metz = searchTerritories('metz', { limit: 50 }).items;
    expect(metz.map((t) => t.kind)).toEqual(expect.arrayContaining(['epci', 'commune']));
    expect(metz.find((t) => t.kind === 'commune')?.name).toBe('Metz');
  });

  it('finds overseas territories', () => {
    expect(found('reunion', { kinds: ['region'] })).toEqual(['region:04']);
    expect(found('974', { kinds: ['departement'] })).toEqual(['departement:974']);
    expect(found('nouvelle caledonie', { kinds: ['region'] })).toEqual(['region:988']);
  });

  it('finds by code: INSEE, postcode, SIREN of an EPCI, Corsica', () => {
    expect(found('57463', { kinds: ['commune'] })[0]).toBe('commune:57463');
    expect(found('57000', { kinds: ['commune'] })).toContain('commune:57463');
    expect(found('200039865')).toEqual(['epci:200039865']);
    expect(found('2A', { kinds: ['departement'] })).toEqual(['departement:2A']);
    expect(found('57', { limit: 1 })).toEqual(['departement:57']);
  });

  it('pages through the matches and counts them all', () => {
    const first = searchTerritories('saint', { kinds: ['commune'], limit: 5 });
    const second = searchTerritories('saint', { kinds: ['commune'], limit: 5, offset: 5 });
    expect(first.total).toBeGreaterThan(1000);
    expect(second.total).toBe(first.total);
    expect(first.items).toHaveLength(5);
    expect(second.items.map((t) => t.code)).not.toContain(first.items[0]!.code);
  });

  it('returns territories with the départements and régions they cover, nothing for a blank query', () => {
    const [corse] = searchTerritories('corse du sud', { kinds: ['departement'] }).items;
    expect(corse).toEqual({
      kind: 'departement',
      code: '2A',
      name: 'Corse-du-Sud',
      departementCodes: ['2A'],
      regionCodes: ['94'],
    });
    expect(searchTerritories('   ')).toEqual({ items: [], total: 0 });
  });
});
