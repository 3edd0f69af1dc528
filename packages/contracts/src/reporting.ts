import {
  isoDateSchema,
  nationalEditionBilanSchema,
  recordFigureKeys,
  type BilanAggregate,
  type BreakdownRow,
  type Distribution,
  type PeriodComparison,
} from '@nec/domain';
import { z } from 'zod';
import { nationalEditionTotalsSchema } from './bilans.js';
import { file, route } from './route.js';

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

export type PeriodQuery = z.infer<typeof periodQuerySchema>;
export type BreakdownDimension = z.infer<typeof breakdownDimensionSchema>;

// ── responses (the domain's aggregates, checked against its types) ──────────

const recordFiguresSchema = z.record(z.enum(recordFigureKeys), z.number());
const ratio = z.number().nullable();

export const bilanHeadlineSchema = z.object({
  count: z.number().int().nonnegative(),
  totals: recordFiguresSchema,
  medians: z.object({
    attendees: z.number().nullable(),
    expensesCents: z.number().nullable(),
    costPerAttendeeCents: z.number().nullable(),
  }),
  costPerAttendeeCents: ratio,
  parityRatio: ratio,
}) satisfies z.ZodType<
  Pick<BilanAggregate, 'count' | 'totals' | 'medians' | 'costPerAttendeeCents' | 'parityRatio'>
>;
export type BilanHeadline = z.infer<typeof bilanHeadlineSchema>;

const figureChangeSchema = z.object({
  current: z.number().nullable(),
  previous: z.number().nullable(),
  change: z.number().nullable(),
  changePercent: z.number().nullable(),
});

export const periodComparisonSchema = z.object({
  count: figureChangeSchema,
  totals: z.record(z.enum(recordFigureKeys), figureChangeSchema),
  medians: z.object({
    attendees: figureChangeSchema,
    expensesCents: figureChangeSchema,
    costPerAttendeeCents: figureChangeSchema,
  }),
  costPerAttendeeCents: figureChangeSchema,
  parityRatio: figureChangeSchema,
}) satisfies z.ZodType<PeriodComparison>;

/** A period of events, both days included. */
export const periodSchema = z.object({ from: isoDateSchema, to: isoDateSchema });
export type PeriodDto = z.infer<typeof periodSchema>;
/** The bounds asked for (`null` when open). */
const askedPeriodSchema = z.object({
  from: isoDateSchema.nullable(),
  to: isoDateSchema.nullable(),
});

export const overviewSchema = z.object({
  period: periodSchema,
  /** The period of the same length just before. */
  previousPeriod: periodSchema,
  current: bilanHeadlineSchema,
  previous: bilanHeadlineSchema,
  /** The domain's `comparePeriods(current, previous)`. */
  changes: periodComparisonSchema,
});
export type OverviewDto = z.infer<typeof overviewSchema>;

export const breakdownRowSchema = recordFiguresSchema.and(
  z.object({
    key: z.union([z.string(), z.number()]),
    count: z.number().int().nonnegative(),
    costPerAttendeeCents: ratio,
    parityRatio: ratio,
  }),
) satisfies z.ZodType<BreakdownRow<string | number>>;

export const breakdownSchema = z.object({
  dimension: breakdownDimensionSchema,
  period: askedPeriodSchema,
  rows: z.array(breakdownRowSchema),
});
export type BreakdownDto = z.infer<typeof breakdownSchema>;

export const attendeeDistributionSchema = z.object({
  buckets: z.array(
    z.object({
      from: z.number(),
      to: z.number().nullable(),
      count: z.number().int().nonnegative(),
    }),
  ),
  below: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  period: askedPeriodSchema,
  /** The domain's `attendeeBucketEdges`. */
  edges: z.array(z.number()),
}) satisfies z.ZodType<Distribution & { edges: number[] }>;
export type AttendeeDistributionDto = z.infer<typeof attendeeDistributionSchema>;

export const reportingNationalEditionsSchema = z.object({
  /** Every edition, by year, with its published figures (`null` = not published). */
  editions: z.array(nationalEditionBilanSchema),
  totals: nationalEditionTotalsSchema,
});
export type ReportingNationalEditionsDto = z.infer<typeof reportingNationalEditionsSchema>;

/** The Frictionless Table Schema of the open data file. */
export const tableSchemaSchema = z.object({
  title: z.string(),
  description: z.string(),
  fields: z.array(
    z.object({
      name: z.string(),
      title: z.string(),
      description: z.string(),
      type: z.enum(['integer', 'number', 'string']),
      constraints: z.object({
        required: z.boolean(),
        minimum: z.number().optional(),
        pattern: z.string().optional(),
      }),
    }),
  ),
  missingValues: z.array(z.string()),
  primaryKey: z.array(z.string()),
});
export type TableSchema = z.infer<typeof tableSchemaSchema>;
export type TableSchemaField = TableSchema['fields'][number];

const tag = 'Pilotage et statistiques';
const openTag = 'Données ouvertes';

export const reporting = {
  overview: route({
    method: 'GET',
    path: '/api/reporting/overview',
    summary:
      'Chiffres clés d’une période (12 derniers mois par défaut) comparés à la période précédente de même durée',
    tag,
    query: periodQuerySchema,
    status: 200,
    response: overviewSchema,
  }),
  nationalEditions: route({
    method: 'GET',
    path: '/api/reporting/national-editions',
    summary: 'Les éditions nationales côte à côte, avec leurs cumuls',
    tag,
    status: 200,
    response: reportingNationalEditionsSchema,
  }),
  breakdown: route({
    method: 'GET',
    path: '/api/reporting/breakdowns/:dimension',
    summary:
      'Ventilation des bilans par région, département, thème, famille de thèmes, format, catégorie de porteur, type d’appel ou année',
    tag,
    params: z.object({ dimension: breakdownDimensionSchema }),
    query: periodQuerySchema,
    status: 200,
    response: breakdownSchema,
  }),
  attendeeDistribution: route({
    method: 'GET',
    path: '/api/reporting/distributions/attendees',
    summary:
      'Répartition des événements par tranche de public (0 à 99, 100 à 149, 150 à 249, 250 et plus)',
    tag,
    query: periodQuerySchema,
    status: 200,
    response: attendeeDistributionSchema,
  }),
};

export const openData = {
  csv: route({
    method: 'GET',
    path: '/api/open-data/nec-locaux.csv',
    summary: 'NEC locaux : chiffres agrégés par année et par région (CSV, UTF-8, virgule)',
    tag: openTag,
    public: true,
    status: 200,
    response: file('text/csv'),
    errors: [429],
  }),
  schema: route({
    method: 'GET',
    path: '/api/open-data/nec-locaux.schema.json',
    summary: 'Schéma (Table Schema Frictionless) du fichier nec-locaux.csv',
    tag: openTag,
    public: true,
    status: 200,
    response: tableSchemaSchema,
    errors: [429],
  }),
};
