import { z } from 'zod';
import { int4Max, isSafeText, unsafeTextCode, unsafeTextMessage } from './safe-input.js';

/**
 * Builders for form fields with French messages. Each field says what is missing when it is
 * absent (`undefined` or `null`, since JSON clients send either) and what is wrong when the value
 * has the wrong type, so a person reading the list of issues knows what to fix.
 *
 * None of them transforms its input: what a schema outputs is what it was given, so drafts
 * (see `drafts.ts`) can reuse the same fields unchanged.
 */

/** Longest text accepted in a short field (a name, a title, a label). */
export const shortTextMax = 300;
/** Longest text accepted in a long field (a description, a motivation). */
export const longTextMax = 10_000;

type Messages = { missing: string; invalid?: string };

const isAbsent = (input: unknown): boolean => input === undefined || input === null;

/** An error map saying `missing` when the value is absent and `invalid` otherwise. */
export function fieldError({ missing, invalid }: Messages) {
  return (issue: { input?: unknown }): string =>
    isAbsent(issue.input) ? missing : (invalid ?? missing);
}

/**
 * A text that must be filled in: blank text (spaces only) counts as missing. `max` defaults to
 * {@link shortTextMax}; pass {@link longTextMax} for free descriptions.
 */
export function requiredText(missing: string, max: number = shortTextMax) {
  return z
    .string({ error: fieldError({ missing, invalid: 'Saisissez ce champ sous forme de texte.' }) })
    .refine((value) => value.trim().length > 0, { error: missing, params: { code: 'required' } })
    .refine((value) => value.length <= max, {
      error: `Ce texte est trop long : ${max.toLocaleString('fr-FR')} caractères au maximum.`,
      params: { code: 'too_long' },
    })
    .refine(isSafeText, { error: unsafeTextMessage, params: { code: unsafeTextCode } });
}

/** A long free text that must be filled in (up to {@link longTextMax} characters). */
export function requiredLongText(missing: string) {
  return requiredText(missing, longTextMax);
}

/** Message of a whole number too large to be stored (see {@link int4Max}). */
export const tooLargeNumberMessage = `Ce nombre est trop grand : ${int4Max.toLocaleString('fr-FR')} au maximum.`;

/**
 * A whole number ≥ `min` (0 by default), with a message for a missing and for a wrong value; at
 * most {@link int4Max}, what an integer column holds.
 */
export function wholeNumber({ missing, invalid, min = 0 }: Messages & { min?: number }) {
  const wrong = invalid ?? missing;
  return z
    .number({ error: fieldError({ missing, invalid: wrong }) })
    .int({ error: wrong })
    .min(min, { error: wrong })
    .max(int4Max, { error: tooLargeNumberMessage });
}

/** A calendar date `YYYY-MM-DD`. */
export function dateField(missing: string) {
  return z.iso.date({
    error: fieldError({ missing, invalid: 'Saisissez une date valide au format AAAA-MM-JJ.' }),
  });
}

/** A yes/no answer. */
export function yesNo(missing: string) {
  return z.boolean({ error: fieldError({ missing, invalid: 'Répondez par oui ou par non.' }) });
}

/** One value out of a fixed list. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, missing: string) {
  return z.enum(values, {
    error: fieldError({ missing, invalid: 'Choisissez une valeur proposée dans la liste.' }),
  });
}

/** A list of items; `min` (with its message) when the list may not be empty. */
export function list<T extends z.ZodType>(
  item: T,
  missing: string,
  min?: { count: number; message: string },
) {
  const array = z.array(item, {
    error: fieldError({ missing, invalid: 'Ce champ attend une liste.' }),
  });
  return min ? array.min(min.count, { error: min.message }) : array;
}

/** A group of fields (a section of the form). */
export function group<T extends z.ZodRawShape>(shape: T, missing: string) {
  return z.object(shape, {
    error: fieldError({ missing, invalid: 'Cette partie du formulaire est mal formée.' }),
  });
}

/** A segment of a path pattern: a key, an index, or `'*'` for any key or index. */
export type PathPattern = readonly (string | number)[];

function related(issuePath: readonly PropertyKey[], pattern: PathPattern): boolean {
  // Related when one is a prefix of the other: an issue on `event` (missing group) affects
  // `event.startDate`, and an issue on `event.startDate.x` affects `event.startDate`.
  const length = Math.min(issuePath.length, pattern.length);
  for (let i = 0; i < length; i += 1) {
    const expected = pattern[i];
    if (expected !== '*' && expected !== issuePath[i]) return false;
  }
  return true;
}

/**
 * A `when` option for cross-field refinements: run the check only if none of the fields it reads
 * has an issue already. Zod would otherwise skip every refinement of an object as soon as any of
 * its fields has a type error, hiding cross-field issues until the rest is fixed — we want every
 * issue listed at once, without running a check on values that are not there.
 */
export function unaffected(...patterns: PathPattern[]) {
  return (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }): boolean =>
    !payload.issues.some((issue) => patterns.some((p) => related(issue.path ?? [], p)));
}

/**
 * A list of values out of a fixed list, each chosen at most once (a set of ticked boxes), so
 * that counts made on it later (e.g. "at least one challenge") are honest.
 */
export function choiceList<const T extends readonly [string, ...string[]]>(
  values: T,
  missing: string,
  min?: { count: number; message: string },
) {
  return list(choice(values, 'Choisissez une valeur proposée dans la liste.'), missing, min).refine(
    (chosen) => new Set(chosen).size === chosen.length,
    { error: 'Chaque valeur ne peut être choisie qu’une fois.', params: { code: 'duplicate' } },
  );
}
