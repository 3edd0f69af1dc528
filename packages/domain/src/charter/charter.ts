import { z } from 'zod';
import { isoDateSchema } from '../shared/dates.js';
import { safeText } from '../shared/safe-input.js';

/** The only charter the programme publishes; versions of it change over time. */
export const necCharterId = 'nec-charter';

/** One engagement of the charter, summarised in our own words. */
export const engagementSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  summary: z.string().min(1),
});
export type Engagement = z.infer<typeof engagementSchema>;

/**
 * A version of the NEC charter. Versions are data: an applicant accepts one precise version,
 * and a campaign names the version it expects.
 */
export const charterSchema = z.object({
  // Lengths of the acceptances' columns (charter_id, charter_version).
  id: safeText(40).min(1, { error: 'Indiquez la charte.' }),
  version: safeText(40).min(1, { error: 'Indiquez la version de la charte.' }),
  publishedOn: isoDateSchema,
  engagements: z.array(engagementSchema).min(1),
});
export type Charter = z.infer<typeof charterSchema>;

/** A pointer to one charter version, as campaigns and acceptances carry it. */
export const charterRefSchema = charterSchema.pick({ id: true, version: true });
export type CharterRef = z.infer<typeof charterRefSchema>;
