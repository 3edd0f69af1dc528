/*
 * What the main entry exports about territories: kinds, code syntax and schemas, without the
 * reference data (860 KB). Lookups, search and existence checks live in the
 * `@nec/domain/territories` entry (./index.ts).
 */
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
