import { type IsoDate } from '../shared/dates.js';

const dateFormatter = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** « 1er mars 2026 », « 15 juillet 2024 »: a date as French explanations write it. */
export function formatDateFr(date: IsoDate): string {
  const text = dateFormatter.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
  return text.replace(/^1 /, '1er ');
}

/** « 2 000 »: an integer with French digit grouping. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat('fr-FR').format(n);
}

/** « 1 personne », « 150 personnes »: a count with its noun, plural from 2 on (French usage). */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${Math.abs(n) >= 2 ? pluralForm : singular}`;
}
