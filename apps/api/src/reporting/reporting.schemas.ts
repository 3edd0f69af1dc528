import { isoDateSchema } from '@nec/domain';
import { z } from 'zod';

/**
 * Query strings of the reporting endpoints: a period on the events' dates, both bounds
 * included, each optional; any other parameter is refused (400).
 */
export const periodQuerySchema = z
  .strictObject({
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .superRefine((period, ctx) => {
    if (period.from !== undefined && period.to !== undefined && period.from > period.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'La fin de la période doit être postérieure ou égale à son début.',
        params: { code: 'period-inverted' },
      });
    }
  });
export type PeriodQuery = z.infer<typeof periodQuerySchema>;

/** The slices a breakdown can be asked for, as they appear in the address. */
export const breakdownDimensions = [
  'region',
  'departement',
  'theme',
  'theme-family',
  'event-mode',
  'porteur-category',
  'call-kind',
  'year',
] as const;
export const breakdownDimensionSchema = z.enum(breakdownDimensions, {
  error: `Choisissez une dimension parmi : ${breakdownDimensions.join(', ')}.`,
});
export type BreakdownDimension = z.infer<typeof breakdownDimensionSchema>;
