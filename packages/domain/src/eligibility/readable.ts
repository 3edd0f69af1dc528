import { type CallKind } from '../calls/call-kinds.js';
import { dossierSchemas } from '../dossiers/schemas.js';

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container =>
  typeof value === 'object' && value !== null;

/** Removes the value at `path` (an item of a list becomes `null`, keeping the others' places). */
function removeAt(root: Container, path: readonly PropertyKey[]): void {
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (!isContainer(parent)) return;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  const last = path[path.length - 1];
  if (!isContainer(parent) || last === undefined) return;
  if (Array.isArray(parent)) {
    if (typeof last === 'number') parent[last] = null;
    return;
  }
  delete (parent as Record<PropertyKey, unknown>)[last];
}

/**
 * Issues that make a value unreadable: not of its type (text for a number, `NaN`, a fraction for
 * a count), not a real date, or out of what can be meant or stored. Other issues (a SIRET whose
 * check digit fails, a category outside the list) are left for the rules to judge: they say
 * precisely what fails.
 */
const unreadable = new Set<string>(['invalid_type', 'invalid_format', 'too_big', 'too_small']);

/**
 * What the eligibility rules may read of a draft: the draft without its unreadable values. A value
 * the draft schema refuses ("NaN" attendees, `2026-02-30`, a negative amount…) is treated as not
 * filled in, so the rule reading it says `missing` — with its French message asking for the
 * value — and never judges a value that is not what the person meant (`2026-02-30` is not
 * 2 March). The form lists the invalid value itself through the draft's issues.
 */
export function readableDraft(callKind: CallKind, draft: unknown): Record<string, unknown> {
  if (!isContainer(draft) || Array.isArray(draft)) return {};
  const parsed = dossierSchemas[callKind].draft.safeParse(draft);
  if (parsed.success) return draft;
  const copy = structuredClone<Record<string, unknown>>(draft);
  // Deepest paths first, so removing an item never shifts another issue's path.
  const paths = parsed.error.issues
    .filter((issue) => unreadable.has(issue.code))
    .map((issue) => issue.path)
    .sort((a, b) => b.length - a.length);
  for (const path of paths) {
    if (path.length === 0) return {};
    removeAt(copy, path);
  }
  return copy;
}
