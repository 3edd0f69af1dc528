import { type CallKind } from '../calls/call-kinds.js';
import { describeIssues, type FieldIssue } from '../shared/issues.js';
import { err, ok, type Result } from '../shared/result.js';
import { type DossierOf, dossierSchemas } from './schemas.js';

/** A JSON value, as a draft is stored. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object: what a stored draft is. */
export type JsonObject = { [key: string]: JsonValue };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isJsonValue(value: unknown, ancestors: Set<object>): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (!Array.isArray(value) && !isPlainObject(value)) return false;
  if (ancestors.has(value)) return false; // a cycle cannot be written as JSON
  ancestors.add(value);
  const children = Array.isArray(value) ? (value as unknown[]) : Object.values(value);
  const valid = children.every((child) => isJsonValue(child, ancestors));
  ancestors.delete(value);
  return valid;
}

/** Whether a value is a JSON object (plain objects, arrays, strings, finite numbers, booleans, null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return isPlainObject(value) && isJsonValue(value, new Set());
}

/** A draft as stored, and what is still wrong in it (for information: it is stored anyway). */
export type DraftReport = { draft: JsonObject; issues: FieldIssue[] };

const notAnObject: FieldIssue = {
  path: '',
  code: 'draft-not-an-object',
  message: 'Le brouillon doit être un objet JSON (des champs et leurs valeurs).',
};

/**
 * Checks a draft without ever refusing what a person typed. Decision: the API stores the draft
 * **exactly as received** (JSON), so `draft` is the input itself, untouched — a wrong-typed
 * field (`"beaucoup"` attendees) is kept, not dropped, and listed in `issues` with its path and
 * French message so the form can show it. Blank and missing fields are not issues in a draft.
 * Only a value that is not a JSON object is refused.
 */
export function parseDraft(callKind: CallKind, input: unknown): Result<DraftReport, FieldIssue[]> {
  if (!isJsonObject(input)) return err([notAnObject]);
  const parsed = dossierSchemas[callKind].draft.safeParse(input);
  return ok({ draft: input, issues: parsed.success ? [] : describeIssues(parsed.error) });
}

/**
 * Checks a dossier for submission: the complete, typed dossier, or every missing and invalid
 * field at once.
 */
export function parseSubmission<K extends CallKind>(
  callKind: K,
  input: unknown,
): Result<DossierOf<K>, FieldIssue[]> {
  const parsed = dossierSchemas[callKind].submission.safeParse(input);
  if (!parsed.success) return err(describeIssues(parsed.error));
  return ok(parsed.data as DossierOf<K>);
}
