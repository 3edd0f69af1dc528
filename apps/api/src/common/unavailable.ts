import { HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ApiError } from './errors.js';

/** What a 503 tells the client: retry after this many seconds (`Retry-After`). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The database cannot serve the request now (connection lost, embedded database stopped after a
 * fatal error, single connection busy too long). Thrown by our own drivers; pg's and TypeORM's
 * errors are recognised by `isDatabaseUnavailable`.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** The file storage refused a read or a write (full, read-only, unreachable). */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * SQLSTATE classes that say "the server, not the request": 08 connection exception,
 * 53 insufficient resources (disk full, out of memory, too many connections), 57P admin
 * shutdown / crash / cannot connect now, 58 system error (I/O).
 */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P|58)/;

/** Node's socket errors while reaching PostgreSQL. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** pg's, TypeORM's and PGlite's messages for a connection that died or is gone (no SQLSTATE). */
const CONNECTION_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Connection is not established|Cannot use a pool after calling end|Driver not Connected|PGlite is closed/i;

interface DriverErrorFields {
  code?: unknown;
  severity?: unknown;
  message?: unknown;
}

function fieldsOf(error: unknown): DriverErrorFields | null {
  return typeof error === 'object' && error !== null ? error : null;
}

function isUnavailableDriverError(error: unknown): boolean {
  const fields = fieldsOf(error);
  if (!fields) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const code = typeof fields.code === 'string' ? fields.code : '';
  if (UNAVAILABLE_SQLSTATE.test(code) || NETWORK_CODES.has(code)) return true;
  // FATAL and PANIC end the session (or the embedded server): never the request's fault.
  if (fields.severity === 'FATAL' || fields.severity === 'PANIC') return true;
  return typeof fields.message === 'string' && CONNECTION_MESSAGES.test(fields.message);
}

/** True when a database error means "the database cannot serve now", not "this request is wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof QueryFailedError) return isUnavailableDriverError(error.driverError);
  return isUnavailableDriverError(error);
}

/** True when the disk under the database is full (the write can succeed once space returns). */
export function isDiskFull(error: unknown): boolean {
  const driver: unknown = error instanceof QueryFailedError ? error.driverError : error;
  return fieldsOf(driver)?.code === '53100';
}

const retryHeaders = { 'Retry-After': String(RETRY_AFTER_SECONDS) };

export function databaseUnavailable(error: unknown): ApiError {
  const message = isDiskFull(error)
    ? 'La base de données manque d’espace disque : votre modification n’a pas été enregistrée. Réessayez dans quelques instants.'
    : 'La base de données est momentanément indisponible : votre demande n’a pas été traitée. Réessayez dans quelques instants.';
  return new ApiError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'database-unavailable',
    message,
    [],
    { retryAfterSeconds: RETRY_AFTER_SECONDS },
    retryHeaders,
  );
}

export function storageUnavailable(): ApiError {
  return new ApiError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'storage-unavailable',
    'Le stockage des fichiers est momentanément indisponible : votre fichier n’a pas été traité. Réessayez dans quelques instants.',
    [],
    { retryAfterSeconds: RETRY_AFTER_SECONDS },
    retryHeaders,
  );
}

/** The 503 an infrastructure failure becomes, or null if the error is something else. */
export function infrastructureError(error: unknown): ApiError | null {
  if (error instanceof StorageUnavailableError) return storageUnavailable();
  if (isDatabaseUnavailable(error) || isDiskFull(error)) return databaseUnavailable(error);
  return null;
}
