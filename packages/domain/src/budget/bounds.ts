import { z } from 'zod';
import { centsSchema } from '../shared/money.js';

/** Precision of a cap ratio: basis points (0.01 %), so cap checks stay in integer arithmetic. */
export const capRatioScale = 10_000;

/** A cap ratio in basis points (0.8 → 8000). */
export function capRatioBasisPoints(capRatio: number): number {
  return Math.round(capRatio * capRatioScale);
}

/**
 * The subsidy figures of a campaign: an amount between `minCents` and `maxCents`, and never more
 * than `capRatio` of the event's total budget (0.8 for 80 %, to the basis point).
 */
export const subsidyBoundsSchema = z
  .object({
    minCents: centsSchema,
    maxCents: centsSchema,
    capRatio: z
      .number({ error: 'Indiquez la part maximale du budget que la subvention peut couvrir.' })
      .gt(0, { error: 'La part maximale doit être supérieure à 0.' })
      .lte(1, { error: 'La part maximale ne peut pas dépasser 1 (100 %).' })
      .refine((ratio) => Math.abs(ratio * capRatioScale - capRatioBasisPoints(ratio)) < 1e-6, {
        error: 'La part maximale s’exprime au centième de pour cent près (par exemple 0,8).',
      }),
  })
  .refine((bounds) => bounds.minCents <= bounds.maxCents, {
    error: 'Le montant minimal de la subvention ne peut pas dépasser son montant maximal.',
    path: ['minCents'],
  });
export type SubsidyBounds = z.infer<typeof subsidyBoundsSchema>;
