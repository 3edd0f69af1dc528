import { HttpStatus, ParseUUIDPipe } from '@nestjs/common';
import { ApiError } from './errors.js';

/** An id in the path; a malformed one is answered like an unknown one (404 with this code). */
export function uuidParam(code: string, message: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new ApiError(HttpStatus.NOT_FOUND, code, message),
  });
}

/** `:id` of an organisation's routes. */
export const organisationIdParam = uuidParam(
  'organisation-not-found',
  'Cette structure est introuvable.',
);
