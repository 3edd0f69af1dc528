import { Body, type PipeTransform, Query } from '@nestjs/common';
import { describeIssues } from '@nec/domain';
import type { z } from 'zod';
import { badRequest } from './errors.js';

/** Parses a request part with a zod schema; a failure lists every field at fault (400). */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value);
    if (!result.success) {
      throw badRequest(
        'invalid-request',
        'Certains champs sont invalides.',
        describeIssues(result.error),
      );
    }
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
