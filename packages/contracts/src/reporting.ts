import {
  bilanRecordSchema,
  callKindSchema,
  isoDateSchema,
  isoDateTimeSchema,
  nationalEditionBilanSchema,
  necLocalBilanSchema,
  recordFigureKeys,
  reportingFilterSchema,
  reportingPeriodQuerySchema,
  reportingQuerySchema,
  type BilanAggregate,
  type BilanMedians,
  type BilanRatios,
  bilanRatioKeys,
  type BreakdownRow,
  type Distribution,
  type FigureChange,
  type PeriodComparison,
  type RecordFigures,
  type ReportingPeriod,
  type reportingDistributions,
} from '@nec/domain';
import { z } from 'zod';
import { nationalEditionTotalsSchema } from './edition-totals.js';
import { booleanParam, pageOf, pageQueryShape } from './page.js';
import { exportContentTypes, file, route } from './route.js';

/**
 * The reporting of the submitted bilans (analysts and admins), its public part (the network-wide
 * figures, for everyone) and the open data file. Aggregates only: codes, categories, counts and
 * sums — never a name, an address, a structure or a dossier title. The figures are the domain's
 * (`aggregateBilans`, `comparePeriods`, `distribution`, `nationalEditionTotals`): each response
 * schema below is checked against the domain's type (`satisfies`), and the handlers return it.
 */

// ── addresses and queries ────────────────────────────────────────────────────

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

/** The public page's map: région or département only. */
export const publicBreakdownDimensionSchema = breakdownDimensionSchema.extract(
  ['region', 'departement'],
  { error: 'Choisissez la dimension region ou departement.' },
);
export type PublicBreakdownDimension = z.infer<typeof publicBreakdownDimensionSchema>;

/** The figures a distribution can be asked for (address name → the domain's figure). */
export const distributionFieldNames = {
  attendees: 'attendees',
  expenses: 'expensesCents',
  'cost-per-attendee': 'costPerAttendeeCents',
} as const satisfies Record<string, keyof typeof reportingDistributions>;
export type DistributionName = keyof typeof distributionFieldNames;
const distributionNames = Object.keys(distributionFieldNames) as [
  DistributionName,
  ...DistributionName[],
];
export const distributionNameSchema = z.enum(distributionNames, {
  error: `Choisissez une répartition parmi : ${distributionNames.join(', ')}.`,
});

/** The query of a reporting view: the domain's period and filter (`reportingQuerySchema`). */
export { reportingQuerySchema, reportingPeriodQuerySchema };
export type ReportingPeriodQuery = z.output<typeof reportingPeriodQuerySchema>;

/**
 * The events list: a reporting query, the usual page (`page`, `pageSize` ≤ 100), and
 * `allMalePanel=true` for the events with an all-male panel only (the domain's
 * `hasAllMalePanel`: men and no woman among the speakers; `false` for the others, those without
 * a gender split included).
 */
export const reportingEventsQuerySchema = reportingQuerySchema.safeExtend({
  ...pageQueryShape,
  allMalePanel: booleanParam.optional(),
});
export type ReportingEventsQuery = z.output<typeof reportingEventsQuerySchema>;

export const breakdownParams = z.object({ dimension: breakdownDimensionSchema });
export const publicBreakdownParams = z.object({ dimension: publicBreakdownDimensionSchema });
export const distributionParams = z.object({ figure: distributionNameSchema });
/** An event is addressed by its bilan's id (a UUID). */
export const reportingEventParams = z.object({
  id: z.uuid({ error: 'Identifiant de bilan invalide.' }),
});

// ── responses ────────────────────────────────────────────────────────────────

const count = z.number().int().nonnegative();

/** An object with the given keys, each of the same schema. */
function sameForEach<const K extends readonly string[], S extends z.ZodType>(keys: K, schema: S) {
  return z.object(Object.fromEntries(keys.map((key) => [key, schema])) as Record<K[number], S>);
}

/** The domain's `RecordFigures` (sums: counts and cents), one per `recordFigureKeys`. */
export const recordFiguresSchema = sameForEach(
  recordFigureKeys,
  count,
) satisfies z.ZodType<RecordFigures>;

/** The domain's `BilanMedians` (`null` without a record; the attendees' median may be x.5). */
export const bilanMediansSchema = z.object({
  attendees: z.number().nonnegative().nullable(),
  expensesCents: count.nullable(),
  costPerAttendeeCents: count.nullable(),
}) satisfies z.ZodType<BilanMedians>;

const share = z.number().min(0).max(1).nullable();

/**
 * The domain's `BilanRatios`, computed on a count and its sums: cents per attendee (`null`
 * without attendees), shares in [0, 1] (`null` without known genders / without events).
 */
const ratiosShape = {
  costPerAttendeeCents: count.nullable(),
  parityRatio: share,
  subsidyPerAttendeeCents: count.nullable(),
  lesBasesShare: share,
} satisfies Record<(typeof bilanRatioKeys)[number], z.ZodType>;

/** The headline figures of `aggregateBilans` (its breakdowns have their own route). */
export const bilanHeadlineSchema = z.object({
  count,
  totals: recordFiguresSchema,
  medians: bilanMediansSchema,
  ...ratiosShape,
}) satisfies z.ZodType<Pick<BilanAggregate, 'count' | 'totals' | 'medians' | keyof BilanRatios>>;
export type BilanHeadline = z.infer<typeof bilanHeadlineSchema>;

/** The domain's `FigureChange`: how one figure moved from the previous period. */
export const figureChangeSchema = z.object({
  current: z.number().nullable(),
  previous: z.number().nullable(),
  change: z.number().nullable(),
  changePercent: z.number().nullable(),
}) satisfies z.ZodType<FigureChange>;

/** The domain's `comparePeriods(current, previous)`. */
export const periodComparisonSchema = z.object({
  count: figureChangeSchema,
  totals: sameForEach(recordFigureKeys, figureChangeSchema),
  medians: sameForEach(
    Object.keys(bilanMediansSchema.shape) as (keyof BilanMedians)[],
    figureChangeSchema,
  ),
  ...sameForEach(bilanRatioKeys, figureChangeSchema).shape,
}) satisfies z.ZodType<PeriodComparison>;

/** A period of events, both days included (the domain's `reportingPeriodOf`). */
export const reportingPeriodSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
}) satisfies z.ZodType<ReportingPeriod>;

/** The bounds asked for, `null` when left open. */
export const openPeriodSchema = z.object({
  from: isoDateSchema.nullable(),
  to: isoDateSchema.nullable(),
});

/** Where the figures come from: the bilans counted, their calls, the latest one submitted. */
export const provenanceSchema = z.object({
  bilans: count,
  latestSubmittedAt: isoDateTimeSchema.nullable(),
  calls: z.array(
    z.object({
      campaignId: z.string(),
      /** `null` for a call no longer on the platform. */
      title: z.string().nullable(),
      callKind: callKindSchema.nullable(),
      year: z.number().int().nullable(),
      bilans: count,
    }),
  ),
});
export type ProvenanceDto = z.infer<typeof provenanceSchema>;

/** The key figures of a period against the period of the same length just before. */
export const overviewSchema = z.object({
  period: reportingPeriodSchema,
  /** The period of the same length just before. */
  previousPeriod: reportingPeriodSchema,
  /** The restrictions applied to both periods (the domain's filter, lists sorted). */
  filter: reportingFilterSchema,
  current: bilanHeadlineSchema,
  previous: bilanHeadlineSchema,
  /** The domain's `comparePeriods(current, previous)`. */
  changes: periodComparisonSchema,
  /** Of the current period's figures. */
  provenance: provenanceSchema,
});
export type OverviewDto = z.infer<typeof overviewSchema>;

/** One line of a breakdown: the domain's `BreakdownRow` (a number key for `year`). */
export const breakdownRowSchema = z.object({
  key: z.union([z.string(), z.number().int()]),
  count,
  ...recordFiguresSchema.shape,
  ...ratiosShape,
}) satisfies z.ZodType<BreakdownRow<string | number>>;

export const breakdownSchema = z.object({
  dimension: breakdownDimensionSchema,
  period: openPeriodSchema,
  /** Sorted by key, as `ORDER BY key COLLATE "C"` (the domain's `compareBreakdownKeys`). */
  rows: z.array(breakdownRowSchema),
});
export type BreakdownDto = z.infer<typeof breakdownSchema>;

/** The domain's `distribution(records, field, reportingDistributions[field])`. */
export const distributionResultSchema = z.object({
  buckets: z.array(z.object({ from: z.number(), to: z.number().nullable(), count })),
  below: count,
  skipped: count,
}) satisfies z.ZodType<Distribution>;

export const distributionSchema = distributionResultSchema.extend({
  figure: distributionNameSchema,
  period: openPeriodSchema,
  /** The domain's `reportingDistributions` edges of the figure. */
  edges: z.array(z.number()),
});
export type DistributionDto = z.infer<typeof distributionSchema>;

/** The keys an event is sliced by (the domain's `bilanRecordSchema`): never a title or a name. */
const eventKeysShape = {
  ...bilanRecordSchema.pick({
    eventDate: true,
    eventMode: true,
    callKind: true,
    porteurCategory: true,
    themes: true,
  }).shape,
  id: z.uuid(),
  regionCode: bilanRecordSchema.shape.regionCode.unwrap().nullable(),
  departementCode: bilanRecordSchema.shape.departementCode.unwrap().nullable(),
};

/** An event as the drill-down lists it: its keys and attendance. */
export const reportingEventSchema = z.object({
  ...eventKeysShape,
  attendees: necLocalBilanSchema.shape.attendees,
});
export type ReportingEventDto = z.infer<typeof reportingEventSchema>;

export const reportingEventsPageSchema = pageOf(reportingEventSchema);
export type ReportingEventsPageDto = z.infer<typeof reportingEventsPageSchema>;

/** A bilan's parts that name nobody: the team, the preparation meetings and comments are left out. */
export const publicBilanSchema = necLocalBilanSchema.omit({
  team: true,
  preparation: true,
  comments: true,
});

/** One event's keys and its bilan as submitted, without what names people. */
export const eventBilanSchema = z.object({
  ...eventKeysShape,
  year: bilanRecordSchema.shape.year,
  bilan: publicBilanSchema,
});
export type EventBilanDto = z.infer<typeof eventBilanSchema>;

/** The national editions side by side (by year), with the domain's `nationalEditionTotals`. */
export const reportingNationalEditionsSchema = z.object({
  /** Every edition, by year, with its published figures (`null` = not published). */
  editions: z.array(nationalEditionBilanSchema),
  totals: nationalEditionTotalsSchema,
});
export type ReportingNationalEditionsDto = z.infer<typeof reportingNationalEditionsSchema>;

/**
 * A Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/), the part of it
 * the open data file uses.
 */
export const tableSchemaFieldSchema = z.object({
  name: z.string().regex(/^[a-z_]+$/),
  title: z.string().min(1),
  description: z.string(),
  type: z.enum(['integer', 'number', 'string']),
  constraints: z.object({
    required: z.boolean(),
    minimum: z.number().optional(),
    pattern: z.string().optional(),
  }),
});
export type TableSchemaField = z.infer<typeof tableSchemaFieldSchema>;

export const tableSchemaSchema = z.object({
  title: z.string(),
  description: z.string(),
  fields: z.array(tableSchemaFieldSchema),
  missingValues: z.array(z.string()),
  primaryKey: z.array(z.string()),
});
export type TableSchema = z.infer<typeof tableSchemaSchema>;

// ── routes ───────────────────────────────────────────────────────────────────

const tag = 'Pilotage et statistiques';
const openTag = 'Données ouvertes';

export const reporting = {
  overview: route({
    method: 'GET',
    path: '/api/reporting/overview',
    summary:
      'Chiffres clés d’une période (12 derniers mois par défaut) comparés à la période précédente de même durée, avec leur provenance',
    tag,
    query: reportingQuerySchema,
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
      'Ventilation des bilans par région, département, thème, famille de thèmes, format, catégorie de porteur, type d’appel, année ou mois',
    tag,
    params: breakdownParams,
    query: reportingQuerySchema,
    status: 200,
    response: breakdownSchema,
  }),
  distribution: route({
    method: 'GET',
    path: '/api/reporting/distributions/:figure',
    summary:
      'Répartition des événements par tranche : public, dépenses ou coût par personne présente',
    tag,
    params: distributionParams,
    query: reportingQuerySchema,
    status: 200,
    response: distributionSchema,
  }),
  events: route({
    method: 'GET',
    path: '/api/reporting/events',
    summary:
      'Les événements retenus, du plus récent au plus ancien, par page (sans titre ni nom), au besoin ceux sans aucune intervenante seulement',
    tag,
    query: reportingEventsQuerySchema,
    status: 200,
    response: reportingEventsPageSchema,
  }),
  workbook: route({
    method: 'GET',
    path: '/api/reporting/workbook.xlsx',
    summary:
      'Classeur Excel de ce que montre le tableau de bord pour une période et des filtres : chiffres clés avec la période précédente, régions, départements, chaque répartition et chaque distribution (une feuille par tableau)',
    tag,
    query: reportingQuerySchema,
    status: 200,
    response: file(exportContentTypes.xlsx),
  }),
  event: route({
    method: 'GET',
    path: '/api/reporting/events/:id',
    summary:
      'Le bilan d’un événement, sans ce qui nomme des personnes (équipe, réunions, commentaires)',
    tag,
    params: reportingEventParams,
    status: 200,
    response: eventBilanSchema,
  }),
};

/**
 * The network-wide figures for everyone (the public page): a period only, no finer filter, so
 * that no single event can be singled out; throttled like the open data (429).
 */
export const publicReporting = {
  overview: route({
    method: 'GET',
    path: '/api/public/reporting/overview',
    summary: 'Chiffres clés du réseau pour une période, sans compte',
    tag: openTag,
    public: true,
    query: reportingPeriodQuerySchema,
    status: 200,
    response: overviewSchema,
    errors: [429],
  }),
  breakdown: route({
    method: 'GET',
    path: '/api/public/reporting/breakdowns/:dimension',
    summary: 'NEC locaux par région ou par département (la carte), sans compte',
    tag: openTag,
    public: true,
    params: publicBreakdownParams,
    query: reportingPeriodQuerySchema,
    status: 200,
    response: breakdownSchema,
    errors: [429],
  }),
  nationalEditions: route({
    method: 'GET',
    path: '/api/public/reporting/national-editions',
    summary: 'Les éditions nationales, sans compte',
    tag: openTag,
    public: true,
    status: 200,
    response: reportingNationalEditionsSchema,
    errors: [429],
  }),
};

/** Open data: the NEC locals' figures per year and région, public and throttled. */
export const openData = {
  necLocauxCsv: route({
    method: 'GET',
    path: '/api/open-data/nec-locaux.csv',
    summary: 'NEC locaux : chiffres agrégés par année et par région (CSV, UTF-8, virgule)',
    tag: openTag,
    public: true,
    status: 200,
    response: file(exportContentTypes.csv),
    errors: [429],
  }),
  necLocauxSchema: route({
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
