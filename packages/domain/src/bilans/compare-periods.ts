import { type BilanAggregate, type BilanMedians } from './aggregate.js';
import { type BilanRatios, bilanRatioKeys, ratioDecimals } from './ratios.js';
import { type RecordFigures, recordFigureKeys } from './record-figures.js';
import { percentChange, roundHalfAwayFromZero } from './stats.js';

/**
 * How one figure moved between two periods:
 * - `change` = `current − previous` (`null` if either is `null`); for `parityRatio` and
 *   `lesBasesShare`, a difference of ratios (0.05 = 5 percentage points), rounded to 4 decimals;
 * - `changePercent` = relative change in percent, one decimal (see `percentChange`), `null`
 *   when either is `null` or `previous` is 0.
 */
export type FigureChange = {
  current: number | null;
  previous: number | null;
  change: number | null;
  changePercent: number | null;
};

/** {@link FigureChange} for every headline figure of a {@link BilanAggregate}. */
export type PeriodComparison = {
  count: FigureChange;
  totals: Record<keyof RecordFigures, FigureChange>;
  medians: Record<keyof BilanMedians, FigureChange>;
} & Record<keyof BilanRatios, FigureChange>;

function figureChange(current: number | null, previous: number | null, decimals = 4): FigureChange {
  const change =
    current === null || previous === null
      ? null
      : roundHalfAwayFromZero(current - previous, decimals);
  return { current, previous, change, changePercent: percentChange(current, previous) };
}

const medianKeys = [
  'attendees',
  'expensesCents',
  'costPerAttendeeCents',
] as const satisfies readonly (keyof BilanMedians)[];

/**
 * Compares the headline figures of two aggregates (e.g. this year and last year) for the
 * overview: absolute and relative change of the count, each total, each median and each ratio.
 * Breakdowns are not compared.
 */
export function comparePeriods(
  current: BilanAggregate,
  previous: BilanAggregate,
): PeriodComparison {
  const totals = Object.fromEntries(
    recordFigureKeys.map((key) => [key, figureChange(current.totals[key], previous.totals[key])]),
  ) as Record<keyof RecordFigures, FigureChange>;
  const medians = Object.fromEntries(
    medianKeys.map((key) => [key, figureChange(current.medians[key], previous.medians[key])]),
  ) as Record<keyof BilanMedians, FigureChange>;
  const ratios = Object.fromEntries(
    bilanRatioKeys.map((key) => [key, figureChange(current[key], previous[key], ratioDecimals)]),
  ) as Record<keyof BilanRatios, FigureChange>;
  return { count: figureChange(current.count, previous.count), totals, medians, ...ratios };
}
