import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  divideRounded,
  median,
  medianRounded,
  percentChange,
  roundHalfAwayFromZero,
} from './stats.js';

describe('divideRounded', () => {
  it('rounds half up on exact integers', () => {
    expect(divideRounded(1_400_000, 181)).toBe(7735); // 7734.80…
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(7, 2)).toBe(4);
    expect(divideRounded(1, 3)).toBe(0);
    expect(divideRounded(0, 9)).toBe(0);
  });
  it('has no value for a zero denominator', () => {
    expect(divideRounded(100, 0)).toBeNull();
  });
  it('agrees with Math.round on non-negative integers', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.integer({ min: 1, max: 100_000 }), (n, d) => {
        expect(divideRounded(n, d)).toBe(Math.round(n / d));
      }),
    );
  });
});

describe('roundHalfAwayFromZero', () => {
  it('rounds ties away from zero, like PostgreSQL numeric', () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-0.05, 1)).toBe(-0.1);
    expect(roundHalfAwayFromZero(0.123449, 4)).toBe(0.1234);
    expect(roundHalfAwayFromZero(-0.00001, 2)).toBe(0);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([181, 100, 250, 150])).toBe(165.5);
  });
  it('rounds the mean of the two middle amounts half up', () => {
    expect(medianRounded([])).toBeNull();
    expect(medianRounded([101, 100])).toBe(101); // 100.5
    expect(medianRounded([100, 103, 1, 900])).toBe(102); // 101.5
    expect(medianRounded([5, 1, 3])).toBe(3);
  });
  it('lies between the smallest and largest value and ignores order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1 }), (values) => {
        const m = median(values)!;
        const r = medianRounded(values)!;
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
        expect(r).toBeGreaterThanOrEqual(Math.min(...values));
        expect(r).toBeLessThanOrEqual(Math.max(...values));
        expect(Number.isInteger(r)).toBe(true);
        expect(median([...values].reverse())).toBe(m);
      }),
    );
  });
});

describe('percentChange', () => {
  it('gives the relative change to one decimal', () => {
    expect(percentChange(2000, 1800)).toBe(11.1);
    expect(percentChange(400, 800)).toBe(-50);
    expect(percentChange(2001, 2000)).toBe(0.1);
    expect(percentChange(1, 3)).toBe(-66.7);
  });
  it('has no value without a base', () => {
    expect(percentChange(10, 0)).toBeNull();
    expect(percentChange(null, 10)).toBeNull();
    expect(percentChange(10, null)).toBeNull();
  });
});
