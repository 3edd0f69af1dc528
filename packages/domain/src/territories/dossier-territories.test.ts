import { describe, expect, it } from 'vitest';
import { dossierTerritoriesOf } from '../dossiers/summary.js';
import {
  exampleAmiDossier,
  exampleNationalHostDossier,
  exampleNecLocalDossier,
} from '../dossiers/examples.js';
import { dossierRegionCodesOf, unknownTerritoryIssues } from './dossier-territories.js';

describe('dossierRegionCodesOf', () => {
  it('reads the NEC local area, ignoring malformed items', () => {
    const content = {
      area: [
        { kind: 'departement', code: '57' },
        { kind: 'commune', code: '97411' },
        { kind: 'x', code: '?' },
        null,
      ],
    };
    expect(dossierTerritoriesOf('nec-local', content)).toHaveLength(2);
    expect(dossierRegionCodesOf('nec-local', content)).toEqual(['04', '44']);
  });
  it('reads the host collectivité’s territory and the AMI territory', () => {
    expect(
      dossierRegionCodesOf('national-host', {
        collectivite: { territory: { kind: 'departement', code: '2A' } },
      }),
    ).toEqual(['94']);
    expect(
      dossierRegionCodesOf('ami-mediation', { territory: [{ kind: 'region', code: '11' }] }),
    ).toEqual(['11']);
  });
  it('accepts any content', () => {
    expect(dossierRegionCodesOf('nec-local', 'n’importe quoi')).toEqual([]);
    expect(dossierRegionCodesOf('national-host', {})).toEqual([]);
  });
});

describe('unknownTerritoryIssues', () => {
  it('finds nothing wrong in the examples (real codes)', () => {
    expect(unknownTerritoryIssues('nec-local', exampleNecLocalDossier)).toEqual([]);
    expect(unknownTerritoryIssues('national-host', exampleNationalHostDossier)).toEqual([]);
    expect(unknownTerritoryIssues('ami-mediation', exampleAmiDossier)).toEqual([]);
  });
  it('reports well-formed codes that do not exist, at their field', () => {
    const content = {
      area: [
        { kind: 'departement', code: '57' },
        { kind: 'commune', code: '57999' },
      ],
      event: { venue: { communeCode: '99999' } },
    };
    expect(unknownTerritoryIssues('nec-local', content).map((i) => [i.path, i.code])).toEqual([
      ['area.1.code', 'unknown-territory'],
      ['event.venue.communeCode', 'unknown-territory'],
    ]);
  });
  it('leaves malformed codes to the schemas (one message per field)', () => {
    expect(
      unknownTerritoryIssues('nec-local', { area: [{ kind: 'region', code: 'ABC' }] }),
    ).toEqual([]);
  });
  it('checks the host collectivité and its venues, and the AMI territory', () => {
    expect(
      unknownTerritoryIssues('national-host', {
        collectivite: { territory: { kind: 'region', code: '57' } },
        venues: [{ communeCode: '73065' }, { communeCode: '73999' }],
      }).map((i) => i.path),
    ).toEqual(['collectivite.territory.code', 'venues.1.communeCode']);
    expect(
      unknownTerritoryIssues('ami-mediation', {
        territory: [{ kind: 'epci', code: '000000000' }],
      }).map((i) => i.path),
    ).toEqual(['territory.0.code']);
  });
  it('accepts any content', () => {
    expect(unknownTerritoryIssues('nec-local', 'n’importe quoi')).toEqual([]);
  });
});
