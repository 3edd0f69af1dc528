/**
 * `@nec/domain/territories` — the official reference of French territories (communes, EPCI,
 * départements, régions, overseas included) and what needs it. A separate entry because the
 * table weighs 860 KB: the API imports it; a browser searches territories through the API.
 *
 * @packageDocumentation
 */
export * from './shapes.js';
export {
  findTerritory,
  isKnownTerritory,
  regionCodeOf,
  regionCodesOf,
  listRegions,
  listDepartements,
  findCommune,
  type TerritoryLookup,
} from './lookup.js';
export { searchCommunes, normalizeSearchText } from './search.js';
export { searchTerritories, type TerritorySearchOptions } from './search-all.js';
export { knownTerritoryRefSchema } from './known-territory.js';
export { dossierRegionCodesOf, unknownTerritoryIssues } from './dossier-territories.js';
export { bilanRecordContextOf } from '../bilans/record-context.js';
export { sourceVersion as territoriesSourceVersion } from './territories.generated.js';
