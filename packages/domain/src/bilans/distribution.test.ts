import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendeeBucketEdges, bucketLabel, distribution } from './distribution.js';
import { recordsArb } from './test-helpers/arbitraries.js';
import { recordWith } from './test-helpers/records.js';

const withAttendees = (attendees: number, subsidyCents?: number) =>
  recordWith(`r${attendees}`, { attendees, expensesCents: 1_000_000, subsidyCents });

describe('distribution', () => {
  const records = [0, 99, 100, 149, 150, 181, 249, 250, 2000].map((n) => withAttendees(n));

  it('counts attendees in the overview buckets, lower edge included', () => {
    const result = distribution(records, 'attendees', attendeeBucketEdges);
    expect(result).toEqual({
      ok: true,
      value: {
        buckets: [
          { from: 0, to: 100, count: 2 },
          { from: 100, to: 150, count: 2 },
          { from: 150, to: 250, count: 3 },
          { from: 250, to: null, count: 2 },
        ],
        below: 0,
        skipped: 0,
      },
    });
  });

  it('counts values below the first edge apart, and skips records without a value', () => {
    const result = distribution(records, 'costPerAttendeeCents', [5000, 10_000]);
    // 1 000 000 cents over 0 attendees: no value; over 99: 10 101; 100: 10 000; 149: 6711;
    // 150: 6667; 181: 5525; 249: 4016; 250: 4000; 2000: 500.
    expect(result.ok && result.value).toEqual({
      buckets: [
        { from: 5000, to: 10_000, count: 3 },
        { from: 10_000, to: null, count: 2 },
      ],
      below: 3,
      skipped: 1,
    });
    const subsidies = [withAttendees(10, 250_000), withAttendees(20), withAttendees(30, 0)];
    const bySubsidy = distribution(subsidies, 'subsidyCents', [0, 250_000]);
    expect(bySubsidy.ok && bySubsidy.value.skipped).toBe(1);
  });

  it('refuses edges that are empty, not finite or not increasing', () => {
    expect(distribution(records, 'attendees', [])).toMatchObject({
      ok: false,
      error: { code: 'no-edges' },
    });
    expect(distribution(records, 'attendees', [0, Infinity])).toMatchObject({
      ok: false,
      error: { code: 'edge-not-finite' },
    });
    const unordered = distribution(records, 'attendees', [0, 150, 100]);
    expect(unordered).toMatchObject({ ok: false, error: { code: 'edges-not-increasing' } });
    expect(!unordered.ok && unordered.error.message).toContain('n° 3');
    expect(distribution(records, 'attendees', [0, 100, 100])).toMatchObject({ ok: false });
  });

  it('places every record exactly once', () => {
    fc.assert(
      fc.property(recordsArb, (all) => {
        const result = distribution(all, 'attendees', [50, 100, 150, 250]);
        if (!result.ok) throw new Error('edges are valid');
        const placed = result.value.buckets.reduce((t, b) => t + b.count, 0);
        expect(placed + result.value.below + result.value.skipped).toBe(all.length);
      }),
    );
  });
});

describe('bucketLabel', () => {
  it('writes whole-number ranges in French', () => {
    expect(bucketLabel({ from: 0, to: 100 })).toBe('0 à 99');
    expect(bucketLabel({ from: 250, to: null })).toBe('250 et plus');
    expect(bucketLabel({ from: 1000, to: 2500 })).toBe('1\u202f000 à 2\u202f499');
  });
});
