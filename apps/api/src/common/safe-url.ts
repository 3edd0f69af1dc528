import { isSafeText, unsafeTextCode, unsafeTextMessage } from '@nec/domain';
import type { NextFunction, Request, Response } from 'express';
import { toErrorResponse } from './error.filter.js';
import { badRequest, type FieldError } from './errors.js';

/**
 * Refuses a URL whose path or query string holds text that cannot be stored or compared in SQL
 * (a NUL `%00`, a lone surrogate, or bytes that are not UTF-8), before any route reads it: a
 * route's parameters and queries then never reach the database with them. Paths are reported as
 * the field `path`, queries under their own name, with the one error shape.
 */
export function refuseUnsafeUrl(req: Request, res: Response, next: NextFunction): void {
  const fields = [...pathIssues(req.path), ...queryIssues(req.query)];
  if (fields.length === 0) {
    next();
    return;
  }
  const { status, body } = toErrorResponse(
    badRequest(
      'invalid-request',
      'L’adresse de la requête contient des caractères invalides.',
      fields,
    ),
  );
  res.status(status).json(body);
}

function issue(path: string): FieldError {
  return { path, code: unsafeTextCode, message: unsafeTextMessage };
}

function decodes(segment: string): boolean {
  try {
    return isSafeText(decodeURIComponent(segment));
  } catch {
    return false; // malformed percent-encoding or bytes that are not UTF-8
  }
}

function pathIssues(path: string): FieldError[] {
  return path.split('/').every(decodes) ? [] : [issue('path')];
}

function queryIssues(query: unknown, prefix = ''): FieldError[] {
  if (typeof query === 'string') return isSafeText(query) ? [] : [issue(prefix || 'query')];
  if (typeof query !== 'object' || query === null) return [];
  return Object.entries(query).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!isSafeText(key)) return [issue('query')];
    return queryIssues(value, path);
  });
}
