import { HttpStatus } from '@nestjs/common';

/** One field's problem, as the API reports it: `{ path, code, message }`. */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** The single error body of the API: `{ error, message, fields }`. */
export interface ErrorBody {
  error: string;
  message: string;
  fields: FieldError[];
  [extra: string]: unknown;
}

/**
 * An error meant for the client: a stable code, a French message and, where it applies, the
 * fields at fault. Anything else that escapes a handler is reported as a bare 500.
 */
export class ApiError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
    /** Response headers that go with the error (e.g. `Retry-After` on a 503). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { ...this.extra, error: this.code, message: this.message, fields: this.fields };
  }
}

export const badRequest = (code: string, message: string, fields: FieldError[] = []) =>
  new ApiError(HttpStatus.BAD_REQUEST, code, message, fields);

export const unauthenticated = (message = 'Vous devez vous connecter pour continuer.') =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'unauthenticated', message);

export const forbidden = (message = 'Vous n’avez pas accès à cette ressource.') =>
  new ApiError(HttpStatus.FORBIDDEN, 'forbidden', message);

export const notFound = (message = 'Ressource introuvable.') =>
  new ApiError(HttpStatus.NOT_FOUND, 'not-found', message);

export const conflict = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new ApiError(HttpStatus.CONFLICT, code, message, [], extra);

export const unprocessable = (code: string, message: string, fields: FieldError[] = []) =>
  new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, code, message, fields);
