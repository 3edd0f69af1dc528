export {
  territoryKinds,
  territoryKindSchema,
  territoryKindLabels,
  territoryCodePatterns,
  hasTerritoryCodeSyntax,
  territoryRefSchema,
  type TerritoryKind,
  type TerritoryRef,
} from './territory-ref.js';
export {
  territoryZones,
  territoryZoneSchema,
  territoryZoneLabels,
  territorySchema,
  regionSummarySchema,
  departementSummarySchema,
  communeSummarySchema,
  epciSummarySchema,
  type TerritoryZone,
  type Territory,
  type RegionSummary,
  type DepartementSummary,
  type CommuneSummary,
  type EpciSummary,
} from './territory.js';
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
export { knownTerritoryRefSchema } from './known-territory.js';
export { sourceVersion as territoriesSourceVersion } from './territories.generated.js';
