import type { Logger as TypeOrmLogger } from 'typeorm';
import type { AppLogger } from '../common/logger.js';
import { safeError, scrubText } from '../common/log-redaction.js';

const SQL_MAX = 500;

const statement = (query: string) => scrubText(query.replace(/\s+/g, ' ').trim().slice(0, SQL_MAX));

const parameterCount = (parameters: unknown): number =>
  Array.isArray(parameters)
    ? parameters.length
    : typeof parameters === 'object' && parameters !== null
      ? Object.keys(parameters).length
      : 0;

/** SQLSTATE class 23: a constraint refused the write (a duplicate, a foreign key): the API answers it. */
const isConstraintViolation = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('23');
};

/**
 * TypeORM's logs through the API's JSON logger, and never a query's parameters: TypeORM's own
 * loggers print them on every failed query ("PARAMETERS: […]"), so a refused INSERT into
 * `users` wrote the password hash and the e-mail into the logs. Only the statement, the number
 * of parameters and the error's code, message and constraint are written.
 */
export class SafeTypeOrmLogger implements TypeOrmLogger {
  private readonly out: AppLogger;

  constructor(
    logger: AppLogger,
    /** `NEC_LOG_SQL`: every statement at debug level (without parameters either). */
    private readonly logQueries: boolean,
  ) {
    this.out = logger.child({ context: 'Database' });
  }

  logQuery(query: string, parameters?: unknown): void {
    if (!this.logQueries) return;
    this.out.debug(
      { event: 'db.query', sql: statement(query), parameters: parameterCount(parameters) },
      'requête SQL',
    );
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown): void {
    const fields = {
      event: 'db.query-failed',
      sql: statement(query),
      parameters: parameterCount(parameters),
      err: safeError(error),
    };
    if (isConstraintViolation(error)) this.out.warn(fields, 'requête refusée par une contrainte');
    else this.out.error(fields, 'requête SQL en échec');
  }

  logQuerySlow(time: number, query: string, parameters?: unknown): void {
    this.out.warn(
      {
        event: 'db.query-slow',
        durationMs: time,
        sql: statement(query),
        parameters: parameterCount(parameters),
      },
      'requête SQL lente',
    );
  }

  logSchemaBuild(message: string): void {
    this.out.debug({ event: 'db.schema' }, message);
  }

  logMigration(message: string): void {
    this.out.info({ event: 'db.migration' }, message);
  }

  /** TypeORM's own remarks (e.g. about `pgcrypto`, which PostgreSQL ≥ 13 does not need): debug. */
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    this.out.debug({ event: 'db.notice', typeormLevel: level }, text);
  }
}
