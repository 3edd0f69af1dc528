import { z } from 'zod';
import { callKindSchema } from '../calls/call-kinds.js';
import { eventModeSchema } from '../dossiers/formats.js';
import { themeFamilySchema } from '../dossiers/themes.js';
import { organisationCategorySchema } from '../organisations/categories.js';
import { isoDateSchema } from '../shared/dates.js';
import { territoryCodePatterns } from '../territories/territory-ref.js';
import { type BilanRecord, recordThemeFamilies } from './bilan-record.js';

/**
 * A list in a query string: `a,b` or the key repeated (`k=a&k=b`), each item checked by `item`;
 * an empty value means no restriction.
 */
const listParam = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(item))
    .optional();

const codeOf = (pattern: RegExp, message: string) => z.string().regex(pattern, { error: message });

/**
 * What a reporting view is restricted to, besides its period: within one dimension any of the
 * values (a région OR another), across dimensions all of them (a région AND a theme). An absent
 * or empty list restricts nothing.
 */
export const reportingFilterSchema = z.object({
  regions: listParam(
    codeOf(
      territoryCodePatterns.region,
      'Un code de région compte 2 chiffres (3 pour l’outre-mer).',
    ),
  ),
  departements: listParam(
    codeOf(
      territoryCodePatterns.departement,
      'Un code de département compte 2 caractères (3 pour l’outre-mer), par exemple 57 ou 2A.',
    ),
  ),
  themes: listParam(z.string().max(200, { error: 'Un thème compte au plus 200 caractères.' })),
  themeFamilies: listParam(themeFamilySchema),
  eventModes: listParam(eventModeSchema),
  porteurCategories: listParam(organisationCategorySchema),
  callKinds: listParam(callKindSchema),
});
export type ReportingFilter = z.output<typeof reportingFilterSchema>;
export const reportingFilterKeys = Object.keys(
  reportingFilterSchema.shape,
) as (keyof ReportingFilter)[];

/** The one rule on a period's bounds: its start may not follow its end. */
function refusesInvertedPeriod(
  query: { from?: string | undefined; to?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'La fin de la période doit être postérieure ou égale à son début.',
      params: { code: 'period-inverted' },
    });
  }
}

const periodShape = { from: isoDateSchema.optional(), to: isoDateSchema.optional() };

/**
 * A period on the events' dates, both days included, each bound optional (completed by
 * {@link reportingPeriodOf}); any other parameter is refused.
 */
export const reportingPeriodQuerySchema = z
  .strictObject(periodShape)
  .superRefine(refusesInvertedPeriod);

/** The query of a reporting view: a period and a {@link ReportingFilter}. */
export const reportingQuerySchema = reportingFilterSchema
  .extend(periodShape)
  .strict()
  .superRefine(refusesInvertedPeriod);
export type ReportingQuery = z.output<typeof reportingQuerySchema>;
/** The query as a URL carries it (lists as comma-separated strings or arrays). */
export type ReportingQueryInput = z.input<typeof reportingQuerySchema>;

const anyOf = (wanted: readonly string[] | undefined, values: readonly (string | undefined)[]) =>
  wanted === undefined ||
  wanted.length === 0 ||
  values.some((value) => value !== undefined && wanted.includes(value));

/** Whether a record is kept by the filter (see {@link reportingFilterSchema}). */
export function matchesReportingFilter(record: BilanRecord, filter: ReportingFilter): boolean {
  return (
    anyOf(filter.regions, [record.regionCode]) &&
    anyOf(filter.departements, [record.departementCode]) &&
    anyOf(filter.themes, record.themes) &&
    anyOf(filter.themeFamilies, recordThemeFamilies(record)) &&
    anyOf(filter.eventModes, [record.eventMode]) &&
    anyOf(filter.porteurCategories, [record.porteurCategory]) &&
    anyOf(filter.callKinds, [record.callKind])
  );
}

/** Whether a filter restricts anything. */
export function isFiltered(filter: ReportingFilter): boolean {
  return reportingFilterKeys.some((key) => (filter[key]?.length ?? 0) > 0);
}
