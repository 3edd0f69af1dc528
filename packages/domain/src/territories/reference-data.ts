import {
  communesTable,
  departementsTable,
  epciTable,
  regionsTable,
} from './territories.generated.js';
import {
  territoryZoneSchema,
  type CommuneSummary,
  type DepartementSummary,
  type EpciSummary,
  type RegionSummary,
} from './territory.js';

/**
 * Decoding of the tables written by scripts/generate-territories.mjs (change both together).
 * Decoding happens once, on first use, so that importing the package stays cheap.
 */

/** The raw text tables, one row per line, fields separated by "|". */
export type ReferenceTables = {
  regions: string;
  departements: string;
  epcis: string;
  communes: string;
};

/** The decoded reference, indexed by official code, in the source's order. */
export type ReferenceData = {
  regions: ReadonlyMap<string, RegionSummary>;
  departements: ReadonlyMap<string, DepartementSummary>;
  epcis: ReadonlyMap<string, EpciSummary>;
  communes: ReadonlyMap<string, CommuneSummary>;
};

/** Splits a table into rows of fields, ignoring blank lines. */
function rowsOf(table: string): string[][] {
  return table
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('|'));
}

/** INSEE rule: overseas communes (97x, 98x) carry a 3-character département code, others 2. */
export function departementCodeOfCommune(communeCode: string): string {
  return /^9[78]/.test(communeCode) ? communeCode.slice(0, 3) : communeCode.slice(0, 2);
}

/** Rebuilds a postcode stored as its last three digits after the commune code's first two. */
function expandPostcode(communeCode: string, stored: string): string {
  return stored.length === 3 ? communeCode.slice(0, 2) + stored : stored;
}

/** A comma-separated field as a frozen list: decoded entries are shared by every caller. */
function listOf(field: string | undefined): readonly string[] {
  return Object.freeze(field ? field.split(',') : []);
}

function decodeRegions(table: string): Map<string, RegionSummary> {
  const regions = new Map<string, RegionSummary>();
  for (const [code = '', zone, name = ''] of rowsOf(table)) {
    regions.set(code, Object.freeze({ code, name, zone: territoryZoneSchema.parse(zone) }));
  }
  return regions;
}

function decodeDepartements(
  table: string,
  regions: ReadonlyMap<string, RegionSummary>,
): Map<string, DepartementSummary> {
  const departements = new Map<string, DepartementSummary>();
  for (const [code = '', regionCode = '', name = ''] of rowsOf(table)) {
    // The generator checked that a département lies in the same zone as its région.
    const zone = regions.get(regionCode)?.zone ?? 'metro';
    departements.set(code, Object.freeze({ code, name, regionCode, zone }));
  }
  return departements;
}

function decodeEpcis(table: string): Map<string, EpciSummary> {
  const epcis = new Map<string, EpciSummary>();
  for (const [code = '', name = '', departementCodes] of rowsOf(table)) {
    epcis.set(code, Object.freeze({ code, name, departementCodes: listOf(departementCodes) }));
  }
  return epcis;
}

function decodeCommunes(
  table: string,
  departements: ReadonlyMap<string, DepartementSummary>,
): Map<string, CommuneSummary> {
  const communes = new Map<string, CommuneSummary>();
  for (const [code = '', name = '', postcodes] of rowsOf(table)) {
    const departementCode = departementCodeOfCommune(code);
    const regionCode = departements.get(departementCode)?.regionCode ?? '';
    const postalCodes = Object.freeze(
      listOf(postcodes).map((stored) => expandPostcode(code, stored)),
    );
    communes.set(code, Object.freeze({ code, name, departementCode, regionCode, postalCodes }));
  }
  return communes;
}

/** Decodes the four tables into maps keyed by official code. Pure: used on the generated tables. */
export function decodeReferenceData(tables: ReferenceTables): ReferenceData {
  const regions = decodeRegions(tables.regions);
  const departements = decodeDepartements(tables.departements, regions);
  return {
    regions,
    departements,
    epcis: decodeEpcis(tables.epcis),
    communes: decodeCommunes(tables.communes, departements),
  };
}

let cache: ReferenceData | undefined;

/** The official reference, decoded on the first call and kept for the life of the process/page. */
export function referenceData(): ReferenceData {
  cache ??= decodeReferenceData({
    regions: regionsTable,
    departements: departementsTable,
    epcis: epciTable,
    communes: communesTable,
  });
  return cache;
}
