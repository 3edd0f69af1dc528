import { describe, expect, it } from 'vitest';
import { nationalHost2025 } from '../../calls/campaigns.fixtures.js';
import { ruleFactory } from '../rule.js';
import { nationalHostBase } from '../test-helpers/bases.js';
import {
  dateWindowRule,
  daysRule,
  evaluateNationalHost,
  participantsRule,
  venueCapacityRule,
} from './rules.js';

const make = ruleFactory(nationalHost2025);
const base = nationalHostBase();
const venue = base.venues[0]!;

describe('national host rules', () => {
  it('read the window in the edition year, edges included', () => {
    const at = (startDate: string, endDate: string) =>
      dateWindowRule(make, nationalHost2025, { proposedDates: [{ startDate, endDate }] });
    expect(at('2025-09-20', '2025-09-21').status).toBe('pass');
    expect(at('2025-10-30', '2025-10-31').status).toBe('pass');
    expect(at('2025-09-19', '2025-09-20').status).toBe('fail');
    expect(at('2025-10-31', '2025-11-01').status).toBe('fail');
    expect(at('2024-10-08', '2024-10-09').status).toBe('fail');
    const result = at('2025-10-08', '2025-10-09');
    expect(result.explanation).toContain('du 20 septembre 2025 au 31 octobre 2025');
  });

  it('count days inclusively', () => {
    const days = (startDate: string, endDate: string) =>
      daysRule(make, nationalHost2025, { proposedDates: [{ startDate, endDate }] }).status;
    expect(days('2025-10-08', '2025-10-09')).toBe('pass');
    expect(days('2025-10-08', '2025-10-08')).toBe('fail');
  });

  it('pass exactly 2,000 participants and fail 1,999', () => {
    expect(participantsRule(make, nationalHost2025, { expectedParticipants: 2000 }).status).toBe(
      'pass',
    );
    const short = participantsRule(make, nationalHost2025, { expectedParticipants: 1999 });
    expect(short.status).toBe('fail');
    expect(short.explanation.replace(/\s/g, ' ')).toContain('2 000');
  });

  it('add venue capacities up, and wait for a capacity still blank', () => {
    const venues = (...capacities: (number | null)[]) => ({
      venues: capacities.map((capacity) => ({ ...venue, capacity })),
    });
    expect(venueCapacityRule(make, nationalHost2025, venues(1200, 800)).status).toBe('pass');
    expect(venueCapacityRule(make, nationalHost2025, venues(1200, 799)).status).toBe('fail');
    expect(venueCapacityRule(make, nationalHost2025, venues(1200, null)).status).toBe('missing');
    expect(venueCapacityRule(make, nationalHost2025, venues(2000, null)).status).toBe('pass');
  });

  it('reject an application after the deadline, on the deadline parameter', () => {
    const late = evaluateNationalHost(base, nationalHost2025, '2024-07-16');
    expect(late.application.verdict).toBe('ineligible');
    expect(late.application.rules[0]).toMatchObject({
      id: 'campaign-open',
      status: 'fail',
      source: { parameter: 'applicationDeadline' },
    });
    expect(late.application.rules[0]?.explanation).toContain('15 juillet 2024');
  });
});
