import { QueryFailedError } from 'typeorm';

const PG_UNIQUE_VIOLATION = '23505';

/**
 * Whether a write failed on a unique index: two requests creating the same thing at once, where
 * the index, not a prior read, has the last word.
 */
export function isUniqueViolation(e: unknown): boolean {
  return (
    e instanceof QueryFailedError &&
    (e.driverError as { code?: string } | undefined)?.code === PG_UNIQUE_VIOLATION
  );
}
