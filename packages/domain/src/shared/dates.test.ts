import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, wholeMonthsBetween } from './dates.js';

describe('addMonths', () => {
  it('adds calendar months', () => {
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addMonths('2026-11-23', 3)).toBe('2027-02-23');
    expect(addMonths('2026-05-10', -4)).toBe('2026-01-10');
  });
  it('clamps to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
  });
});

describe('wholeMonthsBetween', () => {
  it('counts a month once its day is reached', () => {
    expect(wholeMonthsBetween('2026-01-15', '2026-04-15')).toBe(3);
    expect(wholeMonthsBetween('2026-01-15', '2026-04-14')).toBe(2);
    expect(wholeMonthsBetween('2026-04-15', '2026-01-15')).toBe(-3);
    expect(wholeMonthsBetween('2026-03-01', '2026-03-31')).toBe(0);
  });
});

describe('days', () => {
  it('adds and counts days across years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-12-31', '2027-01-02')).toBe(2);
    expect(daysBetween('2027-01-02', '2026-12-31')).toBe(-2);
  });
});
