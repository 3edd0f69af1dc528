import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/dates.js';
import { nationalHost2025 } from './campaigns.fixtures.js';
import { campaignStatus } from './status.js';

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
