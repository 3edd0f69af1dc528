import { z } from 'zod';

/**
 * One problem with one field of a form, as the API returns it and the portal shows it next to
 * the field: `path` is a dot path (`organisers.0.name`, `''` for the whole form), `code` a stable
 * machine code, `message` a French sentence for the person filling the form.
 *
 * `code` is zod's issue code (`invalid_type` for a missing or wrong-typed value, `too_small`,
 * `invalid_value`, `invalid_format`…), or, for our own rules, the code they declare
 * (`required` for blank text, `venue-required`, `end-before-start`…).
 */
export const fieldIssueSchema = z.object({
  path: z.string(),
  code: z.string().min(1),
  message: z.string().min(1),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** `['organisers', 0, 'name']` → `'organisers.0.name'`; the root is `''`. */
export function dotPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => (typeof segment === 'symbol' ? (segment.description ?? '') : String(segment)))
    .join('.');
}

function codeOf(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'custom') return issue.code;
  const declared: unknown = issue.params?.code;
  return typeof declared === 'string' && declared !== '' ? declared : issue.code;
}

/**
 * Every issue of a failed parse, flattened for a form: all missing and invalid fields at once,
 * in the order zod found them (the order of the form's fields).
 */
export function describeIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: dotPath(issue.path),
    code: codeOf(issue),
    message: issue.message,
  }));
}
