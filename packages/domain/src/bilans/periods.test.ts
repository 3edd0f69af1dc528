import { describe, expect, it } from 'vitest';
import { previousPeriodOf, reportingPeriodOf } from './periods.js';

describe('reportingPeriodOf', () => {
  const today = '2026-11-23';

  it('shows the twelve months ending today by default', () => {
    expect(reportingPeriodOf({}, today)).toEqual({ from: '2025-11-24', to: '2026-11-23' });
  });

  it('shows one year from a start, or the year up to an end', () => {
    expect(reportingPeriodOf({ from: '2024-01-01' }, today)).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(reportingPeriodOf({ to: '2024-12-31' }, today)).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
  });

  it('keeps both bounds as given, even inverted (the caller reports it)', () => {
    expect(reportingPeriodOf({ from: '2024-03-01', to: '2024-03-31' }, today)).toEqual({
      from: '2024-03-01',
      to: '2024-03-31',
    });
    expect(reportingPeriodOf({ from: '2024-03-31', to: '2024-03-01' }, today).from).toBe(
      '2024-03-31',
    );
  });
});

describe('previousPeriodOf', () => {
  it('is the same number of days, just before', () => {
    expect(previousPeriodOf({ from: '2025-11-24', to: '2026-11-23' })).toEqual({
      from: '2024-11-24',
      to: '2025-11-23',
    });
    expect(previousPeriodOf({ from: '2024-03-01', to: '2024-03-31' })).toEqual({
      from: '2024-01-30',
      to: '2024-02-29',
    });
    expect(previousPeriodOf({ from: '2026-01-01', to: '2026-01-01' })).toEqual({
      from: '2025-12-31',
      to: '2025-12-31',
    });
  });
});
