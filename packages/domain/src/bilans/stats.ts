/**
 * Small exact arithmetic shared by the bilan figures. The API recomputes the same figures in
 * SQL, so each helper states the SQL it matches.
 */

/**
 * `numerator / denominator` rounded half up to an integer, computed exactly on integers (no
 * floating-point drift), for non-negative integers. Matches PostgreSQL
 * `round(numerator::numeric / denominator)` for these inputs. `null` when the denominator is 0.
 */
export function divideRounded(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * Rounds half away from zero to `decimals` places, like PostgreSQL `round(x::numeric, decimals)`
 * (JavaScript's `Math.round` rounds -2.5 to -2, which would not match).
 */
export function roundHalfAwayFromZero(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  // toPrecision removes the binary noise of e.g. 1.005 * 100 = 100.49999… before rounding.
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * Median of a list: the middle value of the sorted list; for an even length, the mean of the two
 * middle values (which may end in .5). Matches PostgreSQL
 * `percentile_cont(0.5) WITHIN GROUP (ORDER BY x)`. `null` for an empty list.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const upper = Math.floor(sorted.length / 2);
  const high = sorted[upper] ?? 0;
  if (sorted.length % 2 === 1) return high;
  const low = sorted[upper - 1] ?? 0;
  return (low + high) / 2;
}

/**
 * Median of non-negative integers (cents), rounded half up to an integer: for an even length,
 * `round((low + high) / 2)`. Matches `round(percentile_cont(0.5) … ::numeric)`. `null` if empty.
 */
export function medianRounded(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const upper = Math.floor(sorted.length / 2);
  const high = sorted[upper] ?? 0;
  if (sorted.length % 2 === 1) return high;
  return divideRounded((sorted[upper - 1] ?? 0) + high, 2);
}

/**
 * Relative change from `previous` to `current` in percent, rounded half away from zero to one
 * decimal: `round((current - previous) / previous * 100, 1)`. `null` when either figure is
 * missing or `previous` is 0 (a change from nothing has no meaningful percentage).
 */
export function percentChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return roundHalfAwayFromZero(((current - previous) * 100) / previous, 1);
}
