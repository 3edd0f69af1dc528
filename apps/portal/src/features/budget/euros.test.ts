import { describe, expect, it } from 'vitest';
import { centsToInput, parseEuros } from './euros.js';

describe('euros typed in French', () => {
  it.each([
    ['1 250,50', 125050],
    ['1250.5', 125050],
    ['2 500 €', 250000],
    ['0,07', 7],
    ['5000', 500000],
  ])('reads %s as %i cents', (text, cents) => expect(parseEuros(text)).toBe(cents));

  it.each(['', 'abc', '12,345', '-5', '1,2,3'])('refuses %j', (text) =>
    expect(parseEuros(text)).toBeNull(),
  );

  it('shows cents back the French way', () => {
    expect(centsToInput(125050)).toMatch(/^1\s250,50$/);
    expect(centsToInput(250000)).toMatch(/^2\s500$/);
    expect(centsToInput(null)).toBe('');
  });
});
