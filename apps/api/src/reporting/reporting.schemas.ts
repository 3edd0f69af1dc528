import {
  type reportingDistributions,
  type reportingPeriodQuerySchema,
  reportingQuerySchema as queryOfAView,
} from '@nec/domain';
import { z } from 'zod';

export {
  reportingPeriodQuerySchema as periodQuerySchema,
  reportingQuerySchema,
  type ReportingQuery,
} from '@nec/domain';
export type PeriodQuery = z.output<typeof reportingPeriodQuerySchema>;

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
  'month',
] as const;
export const breakdownDimensionSchema = z.enum(breakdownDimensions, {
  error: `Choisissez une dimension parmi : ${breakdownDimensions.join(', ')}.`,
});
export type BreakdownDimension = z.infer<typeof breakdownDimensionSchema>;

/** The figures a distribution can be asked for, as they appear in the address. */
export const distributionFieldNames = {
  attendees: 'attendees',
  expenses: 'expensesCents',
  'cost-per-attendee': 'costPerAttendeeCents',
} as const satisfies Record<string, keyof typeof reportingDistributions>;
export const distributionNameSchema = z.enum(
  Object.keys(distributionFieldNames) as [keyof typeof distributionFieldNames],
  {
    error: `Choisissez une répartition parmi : ${Object.keys(distributionFieldNames).join(', ')}.`,
  },
);
export type DistributionName = z.infer<typeof distributionNameSchema>;

/** A page of the events list. */
export const eventsPageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** An event's bilan is addressed by its id (a UUID). */
export const bilanIdSchema = z.uuid({ error: 'Identifiant de bilan invalide.' });

/** The events list's query: a reporting query plus `limit` and `offset`. */
export const eventsQuerySchema = z.preprocess(
  (raw) => {
    const { limit, offset, ...query } = (raw ?? {}) as Record<string, unknown>;
    return { page: { limit, offset }, query };
  },
  z.object({ page: eventsPageSchema, query: queryOfAView }),
);
export type EventsQuery = z.output<typeof eventsQuerySchema>;
