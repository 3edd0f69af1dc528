import { describe, expect, it } from 'vitest';
import { capRatioBasisPoints, subsidyBoundsSchema } from './bounds.js';

describe('subsidyBoundsSchema', () => {
  it('accepts the 2023 NEC local bounds', () => {
    const bounds = { minCents: 250_000, maxCents: 500_000, capRatio: 0.8 };
    expect(subsidyBoundsSchema.parse(bounds)).toEqual(bounds);
  });

  it('rejects a minimum above the maximum', () => {
    const result = subsidyBoundsSchema.safeParse({ minCents: 6, maxCents: 5, capRatio: 0.8 });
    expect(result.error?.issues[0]?.path).toEqual(['minCents']);
  });

  it.each([0, -0.1, 1.01, 0.12345])('rejects a cap ratio of %s', (capRatio) => {
    expect(subsidyBoundsSchema.safeParse({ minCents: 0, maxCents: 1, capRatio }).success).toBe(
      false,
    );
  });

  it('accepts 100 % and basis-point ratios', () => {
    expect(subsidyBoundsSchema.safeParse({ minCents: 0, maxCents: 1, capRatio: 1 }).success).toBe(
      true,
    );
    expect(
      subsidyBoundsSchema.safeParse({ minCents: 0, maxCents: 1, capRatio: 0.1234 }).success,
    ).toBe(true);
  });

  it('reads ratios as basis points without float drift', () => {
    expect(capRatioBasisPoints(0.8)).toBe(8000);
    expect(capRatioBasisPoints(0.29)).toBe(2900); // 0.29 * 10000 = 2899.9999999999995
  });
});
