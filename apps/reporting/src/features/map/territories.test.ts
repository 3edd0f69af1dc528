import { describe, expect, it } from 'vitest';
import topology from '../../assets/geo/france.topo.json';
import { contoursFrom, type FranceTopology } from './contours.js';
import { levelOf, territoriesOf, territoryName, type MapLevel } from './territories.js';

const contours = contoursFrom(topology as unknown as FranceTopology);

/** Every point of a département's outline. */
function pointsOf(code: string): number[][] {
  const geometry = contours.departement.features.find((f) => f.properties.code === code)?.geometry;
  if (geometry?.type === 'Polygon') return geometry.coordinates.flat();
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates.flat(2);
  return [];
}

describe('the committed contours and names', () => {
  it('hold every région and département, Outre-mer included, by INSEE code', () => {
    const regions = contours.region.features.map((f) => f.properties.code);
    const departements = contours.departement.features.map((f) => f.properties.code);
    expect(regions).toHaveLength(18);
    expect(departements).toHaveLength(101);
    expect(departements).toEqual(
      expect.arrayContaining(['2A', '2B', '971', '972', '973', '974', '976']),
    );
    expect(regions).toEqual(expect.arrayContaining(['01', '02', '03', '04', '06', '84']));
  });

  it('name the same territories as the contours draw', () => {
    for (const level of ['region', 'departement'] satisfies MapLevel[]) {
      const drawn = contours[level].features.map((f) => f.properties.code).sort();
      const named = territoriesOf(level).map((t) => t.code);
      expect(named.sort(), level).toEqual(drawn);
      expect(new Set(named).size, level).toBe(named.length);
    }
  });

  it('are plane coordinates, y downwards as ECharts draws them as they are', () => {
    const xs = (code: string) => pointsOf(code).map(([x]) => x ?? NaN);
    const ys = (code: string) => pointsOf(code).map(([, y]) => y ?? NaN);
    // North above south, west left of east; no negative longitude (Guadeloupe is an inset).
    expect(Math.max(...ys('59'))).toBeLessThan(Math.min(...ys('66')));
    expect(Math.max(...xs('29'))).toBeLessThan(Math.min(...xs('67')));
    expect(Math.min(...xs('971'), ...ys('971'))).toBeGreaterThan(0);
  });

  it('name territories and tell their level', () => {
    expect(territoryName('departement', '57')).toBe('Moselle (57)');
    expect(territoryName('region', '99')).toBe('99');
    expect(levelOf('84')).toBe('region');
    expect(levelOf('69')).toBe('departement');
    expect(levelOf('00')).toBeNull();
  });
});
