import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { toErrorResponse } from './error.filter.js';
import { DatabaseUnavailableError, StorageUnavailableError } from './unavailable.js';

/** What pg / PGlite attach to a failed query. */
const pgError = (code: string, severity = 'ERROR', message = 'x') =>
  Object.assign(new Error(message), { code, severity });
const failed = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('infrastructure failures become 503 with Retry-After', () => {
  it.each([
    ['connection killed (57P01)', failed(pgError('57P01', 'FATAL'))],
    ['connection exception (08006)', failed(pgError('08006'))],
    ['disk full (53100)', failed(pgError('53100'))],
    ['I/O error (58030)', failed(pgError('58030'))],
    ['pool lost its connection', failed(new Error('Connection terminated unexpectedly'))],
    ['cannot connect', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['database refusing connections (FATAL)', pgError('55000', 'FATAL')],
    ['embedded database stopped', new DatabaseUnavailableError('stopped')],
    ['pool ended', new Error('Driver not Connected')],
  ])('%s → database-unavailable', (_what, error) => {
    const { status, body, headers } = toErrorResponse(error);
    expect(status).toBe(503);
    expect(body.error).toBe('database-unavailable');
    expect(headers).toEqual({ 'Retry-After': '5' });
  });

  it('says the disk is full when it is', () => {
    expect(toErrorResponse(failed(pgError('53100'))).body.message).toMatch(/espace disque/);
  });

  it('storage failures → storage-unavailable', () => {
    const { status, body } = toErrorResponse(new StorageUnavailableError('EROFS'));
    expect(status).toBe(503);
    expect(body.error).toBe('storage-unavailable');
  });

  it.each([
    ['a unique violation', failed(pgError('23505')), 409],
    ['a syntax error (a bug, not an outage)', failed(pgError('42601')), 500],
    ['a plain bug', new TypeError('x is undefined'), 500],
  ])('%s is not an outage', (_what, error, status) => {
    expect(toErrorResponse(error).status).toBe(status);
  });
});
