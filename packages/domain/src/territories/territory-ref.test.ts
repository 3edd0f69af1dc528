import { describe, it, expect } from 'vitest';
import { hasTerritoryCodeSyntax, territoryKinds, territoryRefSchema } from './territory-ref.js';

describe('hasTerritoryCodeSyntax', () => {
  it.each([
    ['commune', '75056'],
    ['commune', '2A004'],
    ['commune', '97411'],
    ['commune', '98735'],
    ['epci', '200039865'],
    ['departement', '57'],
    ['departement', '2B'],
    ['departement', '974'],
    ['departement', '988'],
    ['region', '44'],
    ['region', '04'],
    ['region', '987'],
  ] as const)('accepts %s %s', (kind, code) => {
    expect(hasTerritoryCodeSyntax(kind, code)).toBe(true);
  });

  it.each([
    ['commune', '7505'],
    ['commune', '750561'],
    ['commune', '2C004'],
    ['epci', '20003986'],
    ['epci', '2000398650'],
    ['departement', '2A0'],
    ['departement', '5'],
    ['departement', '123'],
    ['region', '2A'],
    ['region', '4'],
  ] as const)('rejects %s %s', (kind, code) => {
    expect(hasTerritoryCodeSyntax(kind, code)).toBe(false);
  });
});

describe('territoryRefSchema', () => {
  it('lists the four kinds of the contract', () => {
    expect(territoryKinds).toEqual(['commune', 'epci', 'departement', 'region']);
  });

  it('trims and upper-cases the code', () => {
    expect(territoryRefSchema.parse({ kind: 'departement', code: ' 2a ' })).toEqual({
      kind: 'departement',
      code: '2A',
    });
  });

  it('reports a malformed code on the code field, in French, with the expected form', () => {
    const result = territoryRefSchema.safeParse({ kind: 'epci', code: '1234' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.path).toEqual(['code']);
    expect(result.error?.issues[0]?.message).toContain('SIREN');
  });

  it('rejects an unknown kind with a French message', () => {
    const result = territoryRefSchema.safeParse({ kind: 'canton', code: '5701' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['kind']);
    expect(result.error?.issues[0]?.message).toContain('intercommunalité');
  });
});
