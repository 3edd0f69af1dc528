import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { toErrorResponse } from './error.filter.js';
import { asUniqueViolation, uniqueWrite, UniqueViolation } from './unique-violation.js';

const driverError = (fields: Record<string, unknown>) =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error('refused'), fields));

describe('unique violations', () => {
  it('become a typed error naming the index, with the driver error as cause', async () => {
    const original = driverError({ code: '23505', constraint: 'IDX_x_pending' });
    const thrown = await uniqueWrite(() => Promise.reject(original)).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(UniqueViolation);
    expect(thrown).toMatchObject({ constraint: 'IDX_x_pending', cause: original });
  });

  it('leave any other error as it was', async () => {
    const other = driverError({ code: '23503' });
    await expect(uniqueWrite(() => Promise.reject(other))).rejects.toBe(other);
    expect(asUniqueViolation(new Error('x'))).toBeNull();
    await expect(uniqueWrite(() => Promise.resolve(3))).resolves.toBe(3);
  });

  it('keep going when the driver does not name the index', () => {
    expect(asUniqueViolation(driverError({ code: '23505' }))?.constraint).toBeNull();
  });
});

describe('a unique violation no service handled', () => {
  it('answers 409, whether a repository typed it or not', () => {
    for (const error of [
      new UniqueViolation('IDX_x'),
      driverError({ code: '23505', constraint: 'IDX_x' }),
    ]) {
      expect(toErrorResponse(error)).toMatchObject({
        status: 409,
        body: { error: 'already-exists' },
      });
    }
  });
});
