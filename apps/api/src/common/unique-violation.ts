import { QueryFailedError } from 'typeorm';

/** SQLSTATE of a unique violation: PostgreSQL's, and PGlite's (the same server). */
const PG_UNIQUE_VIOLATION = '23505';

/**
 * A write refused by a unique index: two requests creating the same thing at once, where the
 * index, not a prior read, has the last word. Repositories throw it in place of the driver's
 * error (see `uniqueWrite`), so services decide what it means without reading driver codes.
 * `constraint` names the index (or constraint) that refused, when the driver says.
 */
export class UniqueViolation extends Error {
  override readonly name = 'UniqueViolation';

  constructor(
    readonly constraint: string | null,
    options?: { cause?: unknown },
  ) {
    super(`unique violation${constraint ? ` on ${constraint}` : ''}`, options);
  }
}

/** The driver's unique violation as a `UniqueViolation`; null for any other error. */
export function asUniqueViolation(error: unknown): UniqueViolation | null {
  if (error instanceof UniqueViolation) return error;
  if (!(error instanceof QueryFailedError)) return null;
  const driver = error.driverError as { code?: unknown; constraint?: unknown } | undefined;
  if (driver?.code !== PG_UNIQUE_VIOLATION) return null;
  const constraint = typeof driver.constraint === 'string' ? driver.constraint : null;
  return new UniqueViolation(constraint, { cause: error });
}

/** Runs a repository's write; a unique violation comes out as `UniqueViolation`. */
export async function uniqueWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw asUniqueViolation(error) ?? error;
  }
}
