import { z } from 'zod';
import { isoDateSchema } from '../../shared/dates.js';

const outcome = z.enum(['eligible', 'ineligible', 'incomplete', 'not-requested']);

/**
 * A fixture file of eligibility cases for one campaign version: a base dossier, and cases that
 * tweak it (`patch`, a JSON Merge Patch) or replace it (`replace`), submitted on `today`, with the
 * expected verdicts and, optionally, the exact ids of the rules that fail or are missing.
 */
export const casesFileSchema = z.object({
  campaignId: z.string(),
  description: z.string(),
  base: z.record(z.string(), z.unknown()),
  cases: z.array(
    z.object({
      name: z.string(),
      today: isoDateSchema,
      patch: z.record(z.string(), z.unknown()).optional(),
      replace: z.record(z.string(), z.unknown()).optional(),
      expected: z.object({
        label: outcome.optional(),
        subsidy: outcome.optional(),
        duo: outcome.optional(),
        application: outcome.optional(),
        failing: z.array(z.string()).optional(),
        missing: z.array(z.string()).optional(),
      }),
    }),
  ),
});
export type CasesFile = z.infer<typeof casesFileSchema>;
