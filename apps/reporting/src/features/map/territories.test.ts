import { describe, expect, it } from 'vitest';
import { contoursOf } from './contours.js';
import { levelOf, territoriesOf, territoryName, type MapLevel } from './territories.js';

describe('the committed contours and names', () => {
  it('hold every région and département, Outre-mer included, by INSEE code', () => {
    const regions = contoursOf('region').features.map((f) => f.properties.code);
    const departements = contoursOf('departement').features.map((f) => f.properties.code);
    expect(regions).toHaveLength(18);
    expect(departements).toHaveLength(101);
    expect(departements).toEqual(
      expect.arrayContaining(['2A', '2B', '971', '972', '973', '974', '976']),
    );
    expect(regions).toEqual(expect.arrayContaining(['01', '02', '03', '04', '06', '84']));
  });

  it('name the same territories as the contours draw', () => {
    for (const level of ['region', 'departement'] satisfies MapLevel[]) {
      const drawn = contoursOf(level)
        .features.map((f) => ({ code: f.properties.code, name: f.properties.nom }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
      expect(territoriesOf(level), level).toEqual(drawn);
    }
  });

  it('name territories and tell their level', () => {
    expect(territoryName('departement', '57')).toBe('Moselle (57)');
    expect(territoryName('region', '99')).toBe('99');
    expect(levelOf('84')).toBe('region');
    expect(levelOf('69')).toBe('departement');
    expect(levelOf('00')).toBeNull();
  });
});
