import { Body, Param, type PipeTransform, Query } from '@nestjs/common';
import { describeIssues, findUnsafeText } from '@nec/domain';
import type { z } from 'zod';
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

/** `@ZodBody(route.body)`: validates the body with the contract's schema (`@Route` documents it). */
export function ZodBody(schema: z.ZodType): ParameterDecorator {
  return Body(new ZodPipe(schema));
}

/** `@ZodQuery(route.query)`: validates the query string with the contract's schema. */
export function ZodQuery(schema: z.ZodType): ParameterDecorator {
  return Query(new ZodPipe(schema));
}

/** `@ZodParams(route.params)`: validates the path parameters with the contract's schema (400). */
export function ZodParams(schema: z.ZodType): ParameterDecorator {
  return Param(new ZodPipe(schema));
}
