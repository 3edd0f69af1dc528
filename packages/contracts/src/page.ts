import { z } from 'zod';

/** A whole number read from a query string (`?page=2`), with one French message for every fault. */
export const intParam = (min: number, max: number, message: string) =>
  z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });

/** A yes/no read from a query string (`?overdue=true`): exactly `true` or `false`. */
export const booleanParam = z
  .enum(['true', 'false'], { error: 'Indiquez true ou false.' })
  .transform((v) => v === 'true');

export const MAX_PAGE_SIZE = 100;

/** `?page=&pageSize=` of every list: pages from 1, 20 items by default, 100 at most. */
export const pageQueryShape = {
  page: intParam(1, 100_000, 'La page est un nombre entier à partir de 1.').default(1),
  pageSize: intParam(
    1,
    MAX_PAGE_SIZE,
    `La taille de page est un nombre entier entre 1 et ${MAX_PAGE_SIZE}.`,
  ).default(20),
};
export const pageQuerySchema = z.strictObject(pageQueryShape);
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** One page of a list, with the total count of items across every page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  });
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The page asked for, cut out of a list already in memory (short lists: members, notes…). */
export function slicePage<T>(all: readonly T[], query: PageQuery): Page<T> {
  const start = (query.page - 1) * query.pageSize;
  return {
    items: all.slice(start, start + query.pageSize),
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}
