import { z } from 'zod';

/**
 * Drafts: a form saved half-way. A draft schema is derived from the submission schema, so the
 * shape is written once:
 * - every field is optional at any depth, and `null` counts as "not filled in";
 * - text (and choice) fields may be blank;
 * - a value that is present is checked exactly as on submission, with the same message;
 * - cross-field rules and list minimums are dropped (they only make sense once complete);
 * - unknown keys are kept, so nothing the person typed is lost.
 */

/** The draft version of a value of type `T` (see {@link draftOf}). */
export type DeepDraft<T> = T extends string
  ? T | ''
  : T extends readonly (infer U)[]
    ? (DeepDraft<U> | null)[]
    : T extends object
      ? { [K in keyof T]?: DeepDraft<T[K]> | null }
      : T;

/** Text fields (plain, formats such as dates, and choices) may be left blank in a draft. */
function acceptsBlank(schema: z.ZodType): boolean {
  const type = schema.def.type;
  return type === 'string' || type === 'enum';
}

function isEmpty(value: unknown, blankAllowed: boolean): boolean {
  if (value === undefined || value === null) return true;
  return blankAllowed && typeof value === 'string' && value.trim() === '';
}

/**
 * A leaf that accepts "empty" and otherwise delegates to the submission leaf, forwarding its
 * issues unchanged so the draft and the submission say the same thing about the same value.
 */
function emptyOr(leaf: z.ZodType): z.ZodType {
  const blankAllowed = acceptsBlank(leaf);
  return z.unknown().superRefine((value, ctx) => {
    if (isEmpty(value, blankAllowed)) return;
    const parsed = leaf.safeParse(value);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ ...issue });
    }
  });
}

/** The error map of a schema, reused so its draft says the same thing when the type is wrong. */
function inheritedError(schema: z.ZodType): z.core.$ZodErrorMap<z.core.$ZodIssue> | undefined {
  return schema.def.error as z.core.$ZodErrorMap<z.core.$ZodIssue> | undefined;
}

function build(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return build(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => [
        key,
        nested(field),
      ]),
    );
    // Rebuilding the object drops its refinements (cross-field rules) on purpose.
    return z.looseObject(shape, { error: inheritedError(schema) });
  }
  if (schema instanceof z.ZodArray) {
    // Rebuilding the array drops its length checks (e.g. "at least one") on purpose.
    return z.array(nested(schema.element as z.ZodType), { error: inheritedError(schema) });
  }
  return emptyOr(schema);
}

/** Inside a draft, any part may be absent or `null`; only the top level must be an object. */
function nested(schema: z.ZodType): z.ZodType {
  return build(schema).nullish();
}

/**
 * Derives the draft schema of a submission schema (see the rules at the top of this file).
 * Supported building blocks: objects, arrays, optional/nullable wrappers and leaves (any other
 * schema, checked as a whole). Submission schemas must not use transforms: a draft never does.
 */
export function draftOf<S extends z.ZodType>(schema: S): z.ZodType<DeepDraft<z.output<S>>> {
  return build(schema) as z.ZodType<DeepDraft<z.output<S>>>;
}
