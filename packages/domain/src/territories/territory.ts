import { z } from 'zod';
import { territoryKindSchema } from './territory-ref.js';

/**
 * Where a territory lies: metropolitan France, an overseas département-région (DROM: 971–974,
 * 976), or an overseas collectivité (COM: Saint-Pierre-et-Miquelon, Saint-Barthélemy,
 * Saint-Martin, Polynésie française, Nouvelle-Calédonie…). The reference data lists each COM both
 * as a département and as a région, under the same three-digit code.
 */
export const territoryZones = ['metro', 'drom', 'com'] as const;

/** One of {@link territoryZones}. */
export const territoryZoneSchema = z.enum(territoryZones);
export type TerritoryZone = z.infer<typeof territoryZoneSchema>;

/** French names of the zones. */
export const territoryZoneLabels: Record<TerritoryZone, string> = {
  metro: 'France métropolitaine',
  drom: 'Département et région d’outre-mer',
  com: 'Collectivité d’outre-mer',
};

/**
 * A territory found in the reference data, with the départements and régions it covers:
 * one of each for a commune or a département, possibly several for an EPCI (some straddle
 * départements or even régions), all its départements for a région.
 */
export const territorySchema = z.object({
  kind: territoryKindSchema,
  code: z.string(),
  name: z.string(),
  departementCodes: z.array(z.string()).readonly(),
  regionCodes: z.array(z.string()).readonly(),
});
export type Territory = z.infer<typeof territorySchema>;

/** A région (or overseas collectivité) as listed for pickers and reports. */
export const regionSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  zone: territoryZoneSchema,
});
export type RegionSummary = z.infer<typeof regionSummarySchema>;

/** A département (or overseas collectivité) with its région, as listed for pickers and reports. */
export const departementSummarySchema = regionSummarySchema.extend({ regionCode: z.string() });
export type DepartementSummary = z.infer<typeof departementSummarySchema>;

/** A current commune, as offered by the autocomplete. */
export const communeSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  departementCode: z.string(),
  regionCode: z.string(),
  postalCodes: z.array(z.string()).readonly(),
});
export type CommuneSummary = z.infer<typeof communeSummarySchema>;

/** An EPCI with the départements of its member communes. */
export const epciSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  departementCodes: z.array(z.string()).readonly(),
});
export type EpciSummary = z.infer<typeof epciSummarySchema>;
