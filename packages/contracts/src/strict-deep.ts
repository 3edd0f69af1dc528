import { z } from 'zod';

// Unknown keys at every depth. The domain's objects strip unknown keys; at the API edge we
// refuse them instead, each with its own path (`params.subsidy.foo`, code `unrecognized_keys`),
// so a typo in a JSON body is not silently dropped. (`z.strictObject` only reports them on the
// parent object, with path `''`.) The schema's own checks and messages are kept unchanged.

/**
 * Matches any value of a key the schema does not declare, and says so at that key's path.
 * Documented in OpenAPI as `additionalProperties: { not: {} }` (no other key accepted).
 */
const unknownField = z
  .unknown()
  .superRefine((_value, ctx) => {
    ctx.addIssue({
      code: 'custom',
      message: 'Ce champ n’est pas attendu.',
      params: { code: 'unrecognized_keys' },
    });
  })
  .meta({ not: {} });

/**
 * A copy of `schema` that refuses unknown keys in every object it contains (objects, unions,
 * arrays, optional/nullable wrappers), keeping refinements and messages.
 */
export function strictDeep<S extends z.ZodType>(schema: S): S {
  return rebuild(schema) as S;
}

function rebuild(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) {
    // An object that declares what its other keys may be (`z.looseObject`) stays open.
    const open = schema.def.catchall !== undefined && !(schema.def.catchall instanceof z.ZodNever);
    const shape = Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => [
        key,
        rebuild(field),
      ]),
    );
    return schema.clone({
      ...schema.def,
      shape,
      catchall: open ? schema.def.catchall : unknownField,
    });
  }
  if (schema instanceof z.ZodDiscriminatedUnion || schema instanceof z.ZodUnion) {
    return schema.clone({ ...schema.def, options: (schema.options as z.ZodType[]).map(rebuild) });
  }
  if (schema instanceof z.ZodOptional) return rebuild(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodNullable) return rebuild(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodArray) {
    return schema.clone({ ...schema.def, element: rebuild(schema.element as z.ZodType) });
  }
  return schema;
}
