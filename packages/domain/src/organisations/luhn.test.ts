import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hasValidLuhnChecksum, luhnCheckDigit } from './luhn.js';

describe('hasValidLuhnChecksum', () => {
  it('accepts textbook Luhn numbers', () => {
    expect(hasValidLuhnChecksum('79927398713')).toBe(true);
    expect(hasValidLuhnChecksum('4539578763621486')).toBe(true);
    expect(hasValidLuhnChecksum('0')).toBe(true);
  });

  it('rejects numbers whose check digit is wrong', () => {
    expect(hasValidLuhnChecksum('79927398710')).toBe(false);
    expect(hasValidLuhnChecksum('4539578763621487')).toBe(false);
  });

  it('rejects empty strings and non-digits', () => {
    expect(hasValidLuhnChecksum('')).toBe(false);
    expect(hasValidLuhnChecksum('7992739871a')).toBe(false);
    expect(hasValidLuhnChecksum('7992 7398 713')).toBe(false);
  });
});

describe('luhnCheckDigit', () => {
  it('computes textbook check digits', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(luhnCheckDigit('453957876362148')).toBe('6');
    expect(luhnCheckDigit('73282932')).toBe('0');
  });

  it('refuses a payload that is not made of digits', () => {
    expect(luhnCheckDigit('')).toBeUndefined();
    expect(luhnCheckDigit('12a')).toBeUndefined();
  });

  it('always yields the only digit that makes the number valid', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}$/), (payload) => {
        const check = luhnCheckDigit(payload);
        for (let d = 0; d <= 9; d++) {
          expect(hasValidLuhnChecksum(payload + String(d))).toBe(String(d) === check);
        }
      }),
    );
  });
});
