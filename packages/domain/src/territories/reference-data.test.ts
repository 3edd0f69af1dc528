import { describe, it, expect } from 'vitest';
import { decodeReferenceData, departementCodeOfCommune, referenceData } from './reference-data.js';

const sample = {
  regions: '\n44|metro|Grand Est\n04|drom|La Réunion\n987|com|Polynésie française\n',
  departements: '\n57|44|Moselle\n974|04|La Réunion\n987|987|Polynésie française\n',
  epcis: '\n200039865|Metz Métropole|57\n123456789|Deux départements|57,974\n',
  communes:
    '\n57463|Metz|000,050,070\n97411|Saint-Denis|400,417\n98411|Archipel sans poste|\n2A004|Ajaccio|20000,20090\n',
};

describe('departementCodeOfCommune', () => {
  it('takes two characters in mainland France and Corsica, three overseas', () => {
    expect(departementCodeOfCommune('57463')).toBe('57');
    expect(departementCodeOfCommune('2A004')).toBe('2A');
    expect(departementCodeOfCommune('97411')).toBe('974');
    expect(departementCodeOfCommune('98735')).toBe('987');
  });
});

describe('decodeReferenceData', () => {
  const data = decodeReferenceData(sample);

  it('decodes régions with their zone', () => {
    expect(data.regions.get('04')).toEqual({ code: '04', name: 'La Réunion', zone: 'drom' });
    expect(data.regions.size).toBe(3);
  });

  it('gives each département the zone of its région', () => {
    expect(data.departements.get('987')).toEqual({
      code: '987',
      name: 'Polynésie française',
      regionCode: '987',
      zone: 'com',
    });
  });

  it('expands three-digit postcodes with the first two characters of the commune code', () => {
    expect(data.communes.get('57463')?.postalCodes).toEqual(['57000', '57050', '57070']);
    expect(data.communes.get('97411')?.postalCodes).toEqual(['97400', '97417']);
    expect(data.communes.get('2A004')?.postalCodes).toEqual(['20000', '20090']);
  });

  it('accepts a commune without postcode', () => {
    expect(data.communes.get('98411')?.postalCodes).toEqual([]);
  });

  it('derives département and région of communes', () => {
    expect(data.communes.get('97411')).toMatchObject({ departementCode: '974', regionCode: '04' });
  });

  it('decodes EPCI with all their départements', () => {
    expect(data.epcis.get('123456789')?.departementCodes).toEqual(['57', '974']);
  });

  it('refuses an unknown zone', () => {
    expect(() => decodeReferenceData({ ...sample, regions: '44|moon|Grand Est' })).toThrow();
  });
});

describe('referenceData', () => {
  it('decodes the generated tables once and caches them', () => {
    expect(referenceData()).toBe(referenceData());
  });

  it('is internally consistent: every commune, EPCI and département points to known entries', () => {
    // Problems are collected, then compared once: ~35,000 communes would make one `expect` each
    // too slow for a busy CI machine.
    const data = referenceData();
    const problems: string[] = [];
    for (const departement of data.departements.values()) {
      if (!data.regions.has(departement.regionCode))
        problems.push(`département ${departement.code}`);
    }
    for (const commune of data.communes.values()) {
      if (data.departements.get(commune.departementCode)?.regionCode !== commune.regionCode) {
        problems.push(`commune ${commune.code}: région`);
      }
      for (const postcode of commune.postalCodes) {
        if (!/^\d{5}$/.test(postcode))
          problems.push(`commune ${commune.code}: code postal ${postcode}`);
      }
    }
    for (const epci of data.epcis.values()) {
      if (epci.departementCodes.length === 0) problems.push(`EPCI ${epci.code}: aucun département`);
      for (const code of epci.departementCodes) {
        if (!data.departements.has(code)) problems.push(`EPCI ${epci.code}: département ${code}`);
      }
    }
    expect(problems).toEqual([]);
    expect(data.communes.size).toBeGreaterThan(30_000);
  });
});
