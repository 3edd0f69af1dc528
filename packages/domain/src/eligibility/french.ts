import { type IsoDate } from '../shared/dates.js';

const dateFormatter = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** French writes the first day of a month « 1er » (« 1er mars »), which `Intl` does not. */
const firstOfMonth = (text: string): string => text.replace(/^1 /, '1er ');

/** « 1er mars 2026 », « 15 juillet 2024 »: a date as French explanations write it. */
export function formatDateFr(date: IsoDate): string {
  return firstOfMonth(dateFormatter.format(new Date(`${date.slice(0, 10)}T00:00:00Z`)));
}

/**
 * An instant as French pages write it: « 1er mai 2026 à 14:32 », or its day only
 * (`{ time: false }`: « 1er mai 2026 »), in the reader's time zone unless `timeZone` is given
 * (« Europe/Paris » for what every reader must see alike).
 */
export function formatInstantFr(
  instant: string | Date,
  options: { time?: boolean; timeZone?: string } = {},
): string {
  const { time = true, timeZone } = options;
  const text = new Date(instant).toLocaleString('fr-FR', {
    dateStyle: 'long',
    ...(time ? { timeStyle: 'short' } : {}),
    ...(timeZone ? { timeZone } : {}),
  });
  return firstOfMonth(text);
}

/** « 2 000 »: an integer with French digit grouping. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat('fr-FR').format(n);
}

/** « 1 personne », « 150 personnes »: a count with its noun, plural from 2 on (French usage). */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${Math.abs(n) >= 2 ? pluralForm : singular}`;
}
