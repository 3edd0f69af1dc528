import { type BilanRecord } from './bilan-record.js';
import { type BilanRatios, ratiosOf } from './ratios.js';
import { type RecordFigures, recordFigures, sumFigures } from './record-figures.js';

/**
 * One line of a breakdown: the records sharing a key, how many they are, their summed
 * {@link RecordFigures}, and the {@link BilanRatios} computed on that count and those sums.
 */
export type BreakdownRow<K extends string | number> = {
  key: K;
  count: number;
} & RecordFigures &
  BilanRatios;

/**
 * Orders keys as `ORDER BY key COLLATE "C"` does: numbers ascending, strings by UTF-16 code
 * unit (not by French collation), so the API's SQL and this code list rows in the same order.
 */
export function compareBreakdownKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Groups records by the keys `keysOf` gives each of them. A record with several keys (themes)
 * counts once under each distinct key, so counts may add up to more than the records; a record
 * with no key (no région) is left out. Rows are sorted by key ({@link compareBreakdownKeys}).
 */
export function breakdown<K extends string | number>(
  records: readonly BilanRecord[],
  keysOf: (record: BilanRecord) => readonly (K | undefined)[],
): BreakdownRow<K>[] {
  const groups = new Map<K, RecordFigures[]>();
  for (const record of records) {
    const figures = recordFigures(record);
    for (const key of new Set(keysOf(record))) {
      if (key === undefined) continue;
      const group = groups.get(key) ?? [];
      group.push(figures);
      groups.set(key, group);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareBreakdownKeys(a, b))
    .map(([key, group]) => {
      const totals = sumFigures(group);
      return { key, count: group.length, ...totals, ...ratiosOf(group.length, totals) };
    });
}
