import {
  reportingFilterKeys,
  reportingFilterSchema,
  type ReportingFilter,
  type ReportingQuery,
  reportingQuerySchema,
} from '@nec/domain';
import type { LocationQuery } from 'vue-router';

export type FilterKey = keyof ReportingFilter;

/**
 * The reporting query carried by a URL, read with the domain's own schema: a parameter it
 * refuses (a mistyped code, an inverted period) is dropped rather than breaking the page.
 */
export function queryFromRoute(route: LocationQuery): ReportingQuery {
  const raw: Record<string, string> = {};
  for (const key of [...reportingFilterKeys, 'from', 'to']) {
    const value = route[key];
    const text = Array.isArray(value) ? value.join(',') : value;
    if (typeof text === 'string' && text !== '') raw[key] = text;
  }
  const whole = reportingQuerySchema.safeParse(raw);
  if (whole.success) return whole.data;
  const kept: ReportingQuery = {};
  for (const key of reportingFilterKeys) {
    const one = reportingFilterSchema.shape[key].safeParse(raw[key]);
    if (one.success && one.data !== undefined) kept[key] = one.data as never;
  }
  const period = reportingQuerySchema.safeParse({ from: raw.from, to: raw.to });
  return period.success ? { ...kept, ...period.data } : kept;
}

/** The query as URL parameters: lists joined by commas, empty ones left out. */
export function routeFromQuery(query: ReportingQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.from) out.from = query.from;
  if (query.to) out.to = query.to;
  for (const key of reportingFilterKeys) {
    const values = query[key];
    if (values && values.length > 0) out[key] = values.join(',');
  }
  return out;
}

/** The query with one value added to a filter (once). */
export function withValue(query: ReportingQuery, key: FilterKey, value: string): ReportingQuery {
  const values = query[key] ?? [];
  return values.includes(value) ? query : { ...query, [key]: [...values, value] };
}

/** The query without one value of a filter. */
export function withoutValue(query: ReportingQuery, key: FilterKey, value: string): ReportingQuery {
  const values = (query[key] ?? []).filter((v: string) => v !== value);
  const { [key]: _dropped, ...rest } = query;
  return values.length > 0 ? { ...rest, [key]: values } : rest;
}

/** The query over whole years (1 January of the first to 31 December of the last). */
export function withYears(
  query: ReportingQuery,
  first: number | null,
  last: number | null,
): ReportingQuery {
  const { from: _from, to: _to, ...rest } = query;
  return {
    ...rest,
    ...(first !== null ? { from: `${first}-01-01` } : {}),
    ...(last !== null ? { to: `${last}-12-31` } : {}),
  };
}
