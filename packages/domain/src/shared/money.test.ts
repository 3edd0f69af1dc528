import { describe, expect, it } from 'vitest';
import { euros, formatCents } from './money.js';

const plain = (s: string) => s.replace(/\s/g, ' ');

describe('formatCents', () => {
  it('prints whole euros without decimals', () => {
    expect(plain(formatCents(250_000))).toBe('2 500 €');
  });
  it('prints two decimals when there are cents', () => {
    expect(plain(formatCents(249_920))).toBe('2 499,20 €');
    expect(plain(formatCents(1))).toBe('0,01 €');
  });
  it('converts euros to integer cents', () => {
    expect(euros(2499.2)).toBe(249_920);
  });
});
