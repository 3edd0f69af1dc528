import { describe, expect, it } from 'vitest';
import { formatCount, formatDateFr, formatInstantFr, plural } from './french.js';

describe('French formatting', () => {
  it('writes dates the French way, with « 1er »', () => {
    expect(formatDateFr('2024-07-15')).toBe('15 juillet 2024');
    expect(formatDateFr('2026-03-01')).toBe('1er mars 2026');
    expect(formatDateFr('2026-03-11')).toBe('11 mars 2026');
  });
  it('writes instants the French way too, in the time zone asked', () => {
    const paris = { timeZone: 'Europe/Paris' };
    expect(formatInstantFr('2026-11-30T23:30:00Z', { ...paris, time: false })).toBe(
      '1er décembre 2026',
    );
    expect(formatInstantFr('2026-05-01T12:32:00Z', paris)).toBe('1er mai 2026 à 14:32');
    expect(formatInstantFr('2026-05-11T12:32:00Z', paris)).toBe('11 mai 2026 à 14:32');
  });
  it('groups digits and agrees nouns', () => {
    expect(formatCount(2000).replace(/\s/g, ' ')).toBe('2 000');
    expect(plural(1, 'personne')).toBe('1 personne');
    expect(plural(0, 'personne')).toBe('0 personne');
    expect(plural(150, 'personne')).toBe('150 personnes');
    expect(plural(2, 'mois', 'mois')).toBe('2 mois');
  });
});
