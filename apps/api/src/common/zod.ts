import { Body, type PipeTransform, Query } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { describeIssues, findUnsafeText } from '@nec/domain';
import { z } from 'zod';
import { badRequest } from './errors.js';

const invalidRequest = (fields: ReturnType<typeof describeIssues>) =>
  badRequest('invalid-request', 'Certains champs sont invalides.', fields);

/**
 * Parses a request part with a zod schema; a failure lists every field at fault (400). What the
 * schema outputs is then checked for text that cannot be stored (a NUL, a lone surrogate: see
 * `findUnsafeText`) whatever the schema says, so no such text reaches the database. A schema that
 * keeps what it can (draft saves) removes those values itself, in a transform.
 */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value);
    if (!result.success) throw invalidRequest(describeIssues(result.error));
    const unsafe = findUnsafeText(result.data);
    if (unsafe.length > 0) throw invalidRequest(unsafe);
    return result.data;
  }
}

/** JSON Schema of a zod schema, in the OpenAPI 3.0 dialect, for the API's documentation. */
export function toOpenApiSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' });
}

function documentBody(schema: z.ZodType): ParameterDecorator {
  return (target, key) => {
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor) ApiBody({ schema: toOpenApiSchema(schema) })(target, key, descriptor);
  };
}

/** `@ZodBody(schema)`: validates the body with a shared schema and documents it in OpenAPI. */
export function ZodBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodPipe(schema))(target, key, index);
    documentBody(schema)(target, key, index);
  };
}

/** `@ZodQuery(schema)`: validates the query string with a schema. */
export function ZodQuery(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => Query(new ZodPipe(schema))(target, key, index);
}
