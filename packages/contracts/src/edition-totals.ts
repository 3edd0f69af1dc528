import type { NationalEditionTotals } from '@nec/domain';
import { z } from 'zod';

// Its own module so that the reporting routes (and an app's narrow client) need not load the
// bilan routes and their dossier schemas.

const count = z.number().int().nonnegative();
const percent = z.number().nullable();

/** The domain's `nationalEditionTotals`. */
export const nationalEditionTotalsSchema = z.object({
  editions: count,
  editionsWithFigures: count,
  cumulativePresent: count,
  cumulativeSpeakersOrContributors: count,
  cumulativeOnlineViewers: count,
  peakPresent: z.object({ year: z.number().int(), present: count }).nullable(),
  presentGrowthPercent: percent,
  timeline: z.array(
    z.object({
      year: z.number().int(),
      city: z.string(),
      present: count.nullable(),
      cumulativePresent: count,
      presentChangePercent: percent,
    }),
  ),
}) satisfies z.ZodType<NationalEditionTotals>;
