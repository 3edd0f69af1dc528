import { describeIssues, type FieldIssue } from '@nec/domain';
import type { z } from 'zod';

/** Field errors by dot path (`organisers.0.name`), one message per field: the first found. */
export type FieldErrors = Record<string, string>;

/** The DOM id of a form field for a dot path: what error summaries and "Corriger" link to. */
export function fieldId(path: string): string {
  return `champ-${path === '' ? 'formulaire' : path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** Keeps the first message per path, in the order given (the order of the form's fields). */
export function issuesToFieldErrors(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.path] ??= issue.message;
  return errors;
}

/** `safeParse` with the domain's schema, turned into field errors (empty when valid). */
export function validateWith(schema: z.ZodType, value: unknown): FieldErrors {
  const result = schema.safeParse(value);
  return result.success ? {} : issuesToFieldErrors(describeIssues(result.error));
}

/**
 * The API's field errors, either as the error shape's list (`field`, `message`) or already as a
 * record (the typed client's `ApiError.fieldErrors`), in the same dot paths as ours.
 */
export function serverFieldErrors(
  input: Record<string, string> | readonly { field: string; message: string }[],
): FieldErrors {
  if (!Array.isArray(input)) return { ...(input as Record<string, string>) };
  const errors: FieldErrors = {};
  for (const { field, message } of input as readonly { field: string; message: string }[]) {
    errors[field] ??= message;
  }
  return errors;
}

/** The errors whose path is `prefix` or below it (`event` → `event.startDate`…). */
export function errorsUnder(errors: FieldErrors, prefixes: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (prefixes.some((p) => path === p || path.startsWith(`${p}.`))) out[path] = message;
  }
  return out;
}
