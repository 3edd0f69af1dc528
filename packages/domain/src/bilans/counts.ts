import { requiredText, wholeNumber } from '../shared/fields.js';

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A head count (people, workshops, meetings…): a whole number ≥ 0. `what` names the figure in
 * French with its article (« le nombre d’ateliers ») so that each message says which figure is
 * missing or wrong.
 */
export function countSchema(what: string) {
  return wholeNumber({
    missing: `Indiquez ${what}.`,
    invalid: `${capitalise(what)} doit être un nombre entier positif ou nul.`,
  });
}

/** A short text that must be filled in (an activity, an improvement point…). */
export function textSchema(what: string) {
  return requiredText(`Saisissez ${what}.`);
}
