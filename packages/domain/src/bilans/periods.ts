import { addDays, addMonths, daysBetween, type IsoDate } from '../shared/dates.js';

/** A reporting period, both days included. */
export type ReportingPeriod = { from: IsoDate; to: IsoDate };

/**
 * The period a reporting view shows from the bounds the analyst gave: both as given; from `from`,
 * one year; up to `to`, the year before; neither, the twelve months ending today. The result may
 * be inverted (`from` after `to`) when both bounds are given that way: the caller reports it.
 */
export function reportingPeriodOf(
  bounds: { from?: IsoDate | undefined; to?: IsoDate | undefined },
  today: IsoDate,
): ReportingPeriod {
  const to =
    bounds.to ?? (bounds.from !== undefined ? addDays(addMonths(bounds.from, 12), -1) : today);
  const from = bounds.from ?? addDays(addMonths(to, -12), 1);
  return { from, to };
}

/** The period of the same number of days just before: what a period is compared with. */
export function previousPeriodOf(period: ReportingPeriod): ReportingPeriod {
  const length = daysBetween(period.from, period.to) + 1;
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) };
}
