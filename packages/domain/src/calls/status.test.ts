import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/dates.js';
import { nationalHost2025 } from './campaigns.fixtures.js';
import { byDeadline, campaignStatus } from './status.js';

describe('campaignStatus', () => {
  it('opens on its first day and closes after its last day', () => {
    expect(campaignStatus(nationalHost2025, '2023-12-31')).toBe('upcoming');
    expect(campaignStatus(nationalHost2025, '2024-01-01')).toBe('open');
    expect(campaignStatus(nationalHost2025, '2024-07-15')).toBe('open');
    expect(campaignStatus(nationalHost2025, '2024-07-16')).toBe('closed');
  });

  it('never closes a campaign without a closing date', () => {
    const permanent = { opensOn: '2020-01-01', closesOn: null };
    expect(campaignStatus(permanent, '2019-12-31')).toBe('upcoming');
    expect(campaignStatus(permanent, '2999-12-31')).toBe('open');
  });

  it('only moves forward: upcoming, then open, then closed', () => {
    const rank = { upcoming: 0, open: 1, closed: 2 } as const;
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 400 }),
        day,
        fc.integer({ min: 1, max: 400 }),
        (opensOn, length, today, step) => {
          const campaign = { opensOn, closesOn: addDays(opensOn, length) };
          return (
            rank[campaignStatus(campaign, today)] <=
            rank[campaignStatus(campaign, addDays(today, step))]
          );
        },
      ),
    );
  });
});

describe('byDeadline', () => {
  it('puts the nearest deadline first and calls without one last', () => {
    const calls = [
      { id: 'permanent', opensOn: '2020-01-01', closesOn: null },
      { id: '2027', opensOn: '2026-09-01', closesOn: '2027-03-31' },
      { id: '2026', opensOn: '2026-01-15', closesOn: '2026-12-15' },
      { id: 'recent-2026', opensOn: '2026-06-01', closesOn: '2026-12-15' },
    ];
    expect([...calls].sort(byDeadline).map((c) => c.id)).toEqual([
      'recent-2026',
      '2026',
      '2027',
      'permanent',
    ]);
  });

  it('is a consistent order: antisymmetric, and zero only between equal dates', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays('2026-01-01', n));
    const call = fc.record({ opensOn: day, closesOn: fc.option(day, { nil: null }) });
    fc.assert(
      fc.property(call, call, (a, b) => {
        expect(Math.sign(byDeadline(a, b))).toBe(-Math.sign(byDeadline(b, a)) || 0);
        const same = a.opensOn === b.opensOn && a.closesOn === b.closesOn;
        expect(byDeadline(a, b) === 0).toBe(same);
      }),
    );
  });
});
