import { z } from 'zod';

/** A calendar date at the edges: `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date({ error: 'Saisissez une date au format AAAA-MM-JJ.' });
export type IsoDate = z.infer<typeof isoDateSchema>;

/** An instant at the edges: ISO 8601 with offset. */
export const isoDateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'Saisissez une date et une heure ISO 8601.',
});
export type IsoDateTime = z.infer<typeof isoDateTimeSchema>;

interface Ymd {
  year: number;
  month: number; // 1-12
  day: number;
}

function parse(date: IsoDate): Ymd {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return { year: y ?? 0, month: m ?? 1, day: d ?? 1 };
}

function format({ year, month, day }: Ymd): IsoDate {
  const pad = (n: number, len = 2) => String(n).padStart(len, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Adds calendar months, clamping to the end of the month (31 Jan + 1 month = 28/29 Feb),
 * which is how a French deadline "N mois avant" is read.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return format({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parse(date);
  const t = new Date(Date.UTC(year, month - 1, day + days));
  return format({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parse(from);
  const b = parse(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** Whole calendar months from `from` to `to`, counting a month only once its day is reached. */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parse(from);
  const b = parse(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (months > 0 && addMonths(from, months) > to) months -= 1;
  if (months < 0 && addMonths(from, months) < to) months += 1;
  return months;
}

/** The calendar date of an instant, or a date, as `YYYY-MM-DD` (UTC). */
export function toIsoDate(value: Date | string): IsoDate {
  if (typeof value === 'string') return value.slice(0, 10);
  return value.toISOString().slice(0, 10);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
