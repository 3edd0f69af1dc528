import { z } from 'zod';

/**
 * A form keeps every field present, empty until typed (`null`, `''`, groups as `{}`), so that
 * inputs bind without guards. The domain's submission schema reads absence instead: this turns
 * the one into the other, guided by the schema itself —
 * - a blank leaf (`null`, `undefined`, spaces only) is left out;
 * - an optional group left empty (nothing but empty lists inside) is left out, while a required
 *   group stays, even empty, so its messages land on its fields (`speakers.total`), not on it;
 * - inside a list, a blank item becomes `null`, so its message lands on the item.
 * Nothing else changes: values are checked by the schema as typed.
 */
export function compactFor(schema: z.ZodType): (value: unknown) => unknown {
  return (value) => compact(schema, value);
}

type Unwrapped = { inner: z.ZodType; optional: boolean };

function unwrap(schema: z.ZodType): Unwrapped {
  let inner = schema;
  let optional = false;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
      optional = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      optional = true;
      inner = inner.unwrap() as z.ZodType;
    } else return { inner, optional };
  }
}

const isBlank = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Nothing typed in it: no key, or only empty lists. */
const isEmptyGroup = (group: Record<string, unknown>): boolean =>
  Object.values(group).every((v) => Array.isArray(v) && v.length === 0);

function compact(schema: z.ZodType, value: unknown): unknown {
  if (isBlank(value)) return undefined;
  const { inner, optional } = unwrap(schema);
  if (inner instanceof z.ZodObject && isPlainObject(value)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const field = shape[key];
      const kept = field ? compact(field, item) : item;
      if (kept !== undefined) out[key] = kept;
    }
    return optional && isEmptyGroup(out) ? undefined : out;
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    const element = inner.element as z.ZodType;
    return value.map((item) => compact(element, item) ?? null);
  }
  return value;
}
