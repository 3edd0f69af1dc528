import { referenceData, type ReferenceData } from './reference-data.js';
import type { TerritoryKind } from './territory-ref.js';
import type { CommuneSummary, DepartementSummary, RegionSummary, Territory } from './territory.js';

/** What the lookups accept: a kind and a code (trimmed and upper-cased before the lookup). */
export type TerritoryLookup = { kind: TerritoryKind; code: string };

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function regionsOfDepartements(data: ReferenceData, departementCodes: readonly string[]): string[] {
  return uniqueSorted(
    departementCodes.flatMap((code) => data.departements.get(code)?.regionCode ?? []),
  );
}

/** What a lookup finds besides the kind and code it was given. */
type Found = Omit<Territory, 'kind' | 'code'>;

const finders: Record<TerritoryKind, (data: ReferenceData, code: string) => Found | undefined> = {
  commune: (data, code) => {
    const commune = data.communes.get(code);
    return (
      commune && {
        name: commune.name,
        departementCodes: [commune.departementCode],
        regionCodes: [commune.regionCode],
      }
    );
  },
  epci: (data, code) => {
    const epci = data.epcis.get(code);
    return (
      epci && {
        name: epci.name,
        departementCodes: epci.departementCodes,
        regionCodes: regionsOfDepartements(data, epci.departementCodes),
      }
    );
  },
  departement: (data, code) => {
    const departement = data.departements.get(code);
    return (
      departement && {
        name: departement.name,
        departementCodes: [code],
        regionCodes: [departement.regionCode],
      }
    );
  },
  region: (data, code) => {
    const region = data.regions.get(code);
    const departementCodes = [...data.departements.values()]
      .filter((departement) => departement.regionCode === code)
      .map((departement) => departement.code);
    return region && { name: region.name, departementCodes, regionCodes: [code] };
  },
};

/**
 * Looks a territory up in the official reference (current communes, EPCI by SIREN,
 * départements, régions, overseas included). Returns its name and the départements and régions
 * it covers, or undefined when the code is unknown for that kind.
 */
export function findTerritory(ref: TerritoryLookup): Territory | undefined {
  const code = ref.code.trim().toUpperCase();
  const found = finders[ref.kind](referenceData(), code);
  return found && { kind: ref.kind, code, ...found };
}

/** Whether the reference data knows this territory. */
export function isKnownTerritory(ref: TerritoryLookup): boolean {
  return findTerritory(ref) !== undefined;
}

/** Codes of the régions a territory covers (several for a few EPCI); empty when unknown. */
export function regionCodesOf(ref: TerritoryLookup): readonly string[] {
  return findTerritory(ref)?.regionCodes ?? [];
}

/**
 * The région of a territory, or undefined when it is unknown or spans several régions
 * (a few EPCI do): callers that report by région must then decide, see regionCodesOf().
 */
export function regionCodeOf(ref: TerritoryLookup): string | undefined {
  const codes = regionCodesOf(ref);
  return codes.length === 1 ? codes[0] : undefined;
}

/**
 * The 18 régions followed by the overseas collectivités (which the reference treats as régions
 * too: filter on `zone !== 'com'` to leave them out), in INSEE order.
 */
export function listRegions(): RegionSummary[] {
  return [...referenceData().regions.values()];
}

/**
 * The départements (overseas collectivités included, zone 'com'), in INSEE order; only those of
 * one région when `regionCode` is given.
 */
export function listDepartements(regionCode?: string): DepartementSummary[] {
  const all = [...referenceData().departements.values()];
  return regionCode === undefined ? all : all.filter((d) => d.regionCode === regionCode);
}

/** A current commune by INSEE code, with its postcodes; undefined when unknown. */
export function findCommune(code: string): CommuneSummary | undefined {
  return referenceData().communes.get(code.trim().toUpperCase());
}
