import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  findCommune,
  findTerritory,
  isKnownTerritory,
  listDepartements,
  listRegions,
  regionCodeOf,
  regionCodesOf,
} from './lookup.js';
import { referenceData } from './reference-data.js';

describe('known facts of the reference data', () => {
  it('Paris (75056) is in Île-de-France (11)', () => {
    expect(findTerritory({ kind: 'commune', code: '75056' })).toEqual({
      kind: 'commune',
      code: '75056',
      name: 'Paris',
      departementCodes: ['75'],
      regionCodes: ['11'],
    });
  });

  it('Saint-Denis of La Réunion (97411) is in région 04', () => {
    expect(findTerritory({ kind: 'commune', code: '97411' })).toMatchObject({
      name: 'Saint-Denis',
      departementCodes: ['974'],
      regionCodes: ['04'],
    });
  });

  it('Corse-du-Sud (2A) is in Corse (94)', () => {
    expect(regionCodeOf({ kind: 'departement', code: '2A' })).toBe('94');
  });

  it('Metz (57463) is in Moselle (57), Grand Est (44)', () => {
    expect(findTerritory({ kind: 'commune', code: '57463' })).toMatchObject({
      name: 'Metz',
      departementCodes: ['57'],
      regionCodes: ['44'],
    });
  });

  it('Metz Métropole (SIREN 200039865) is in Grand Est (44)', () => {
    expect(findTerritory({ kind: 'epci', code: '200039865' })).toMatchObject({
      name: 'Metz Métropole',
      regionCodes: ['44'],
    });
  });

  it('Mayotte (976) is a département of région 06, Polynésie française (987) an overseas collectivité', () => {
    expect(regionCodeOf({ kind: 'commune', code: '97611' })).toBe('06');
    expect(regionCodeOf({ kind: 'commune', code: '98735' })).toBe('987');
    expect(listRegions().find((r) => r.code === '987')?.zone).toBe('com');
  });

  it('has plausible counts', () => {
    const data = referenceData();
    expect(data.communes.size).toBeGreaterThan(34_900);
    expect(data.communes.size).toBeLessThan(36_000);
    expect(data.epcis.size).toBeGreaterThan(1_200);
    expect(data.epcis.size).toBeLessThan(1_300);
    expect(listDepartements().filter((d) => d.zone !== 'com')).toHaveLength(101);
    expect(listRegions().filter((r) => r.zone !== 'com')).toHaveLength(18);
    expect(
      listRegions()
        .filter((r) => r.zone === 'drom')
        .map((r) => r.code),
    ).toEqual(['01', '02', '03', '04', '06']);
  });
});

describe('findTerritory', () => {
  it('lists all départements of a région', () => {
    expect(findTerritory({ kind: 'region', code: '94' })).toEqual({
      kind: 'region',
      code: '94',
      name: 'Corse',
      departementCodes: ['2A', '2B'],
      regionCodes: ['94'],
    });
  });

  it('accepts lower-case and padded codes', () => {
    expect(findTerritory({ kind: 'commune', code: ' 2a004 ' })?.name).toBe('Ajaccio');
  });

  it('returns undefined for an unknown code or a code of another kind', () => {
    expect(findTerritory({ kind: 'commune', code: '99999' })).toBeUndefined();
    expect(findTerritory({ kind: 'region', code: '57' })).toBeUndefined();
    expect(findTerritory({ kind: 'epci', code: '57463' })).toBeUndefined();
  });

  it('knows only current communes, not delegated ones nor municipal arrondissements', () => {
    expect(findTerritory({ kind: 'commune', code: '01039' })).toBeUndefined(); // Béon, now delegated
    expect(findTerritory({ kind: 'commune', code: '75101' })).toBeUndefined(); // Paris 1er
    expect(findTerritory({ kind: 'commune', code: '01138' })?.name).toBeDefined(); // Béon's commune
  });
});

describe('isKnownTerritory', () => {
  it('tells known from unknown territories', () => {
    expect(isKnownTerritory({ kind: 'departement', code: '974' })).toBe(true);
    expect(isKnownTerritory({ kind: 'departement', code: '96' })).toBe(false);
  });
});

describe('regionCodeOf / regionCodesOf', () => {
  it('returns every région of an EPCI spanning two, and no single région', () => {
    // CA Agglo du Pays de Dreux has communes in Eure-et-Loir (Centre-Val de Loire) and Eure (Normandie).
    const dreux = { kind: 'epci', code: '200040277' } as const;
    expect(regionCodesOf(dreux)).toEqual(['24', '28']);
    expect(regionCodeOf(dreux)).toBeUndefined();
  });

  it('returns nothing for an unknown territory', () => {
    expect(regionCodesOf({ kind: 'commune', code: '00000' })).toEqual([]);
    expect(regionCodeOf({ kind: 'commune', code: '00000' })).toBeUndefined();
  });

  it('gives every current commune exactly one known région', () => {
    const communes = [...referenceData().communes.keys()];
    fc.assert(
      fc.property(fc.nat(communes.length - 1), (index) => {
        const code = communes[index]!;
        const region = regionCodeOf({ kind: 'commune', code });
        expect(region).toBeDefined();
        expect(isKnownTerritory({ kind: 'region', code: region! })).toBe(true);
      }),
    );
  });

  it('gives every EPCI the régions of its départements', () => {
    for (const epci of referenceData().epcis.values()) {
      const regions = regionCodesOf({ kind: 'epci', code: epci.code });
      const expected = new Set(
        epci.departementCodes.map((code) => regionCodeOf({ kind: 'departement', code })),
      );
      expect(new Set(regions)).toEqual(expected);
    }
  });
});

describe('listRegions / listDepartements / findCommune', () => {
  it('lists régions in INSEE order, overseas collectivités last', () => {
    const codes = listRegions().map((r) => r.code);
    expect(codes.slice(0, 6)).toEqual(['01', '02', '03', '04', '06', '11']);
    expect(codes.at(-1)).toHaveLength(3);
  });

  it('filters départements by région', () => {
    expect(listDepartements('44').map((d) => d.code)).toEqual([
      '08',
      '10',
      '51',
      '52',
      '54',
      '55',
      '57',
      '67',
      '68',
      '88',
    ]);
    expect(listDepartements('00')).toEqual([]);
  });

  it('returns lists that callers may change safely, and frozen entries', () => {
    listRegions().pop();
    expect(listRegions().filter((r) => r.zone !== 'com')).toHaveLength(18);
    expect(Object.isFrozen(listRegions()[0])).toBe(true);
    const metz = findTerritory({ kind: 'epci', code: '200039865' })!;
    expect(Object.isFrozen(metz.departementCodes)).toBe(true);
  });

  it('finds a commune with its postcodes', () => {
    expect(findCommune('57463')?.postalCodes).toContain('57000');
    expect(findCommune('57000')).toBeUndefined();
  });
});
