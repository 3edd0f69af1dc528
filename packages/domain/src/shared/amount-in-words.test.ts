import { describe, expect, it } from 'vitest';
import { amountInWords, integerInWords } from './amount-in-words.js';

describe('integerInWords', () => {
  it.each([
    [0, 'zéro'],
    [1, 'un'],
    [16, 'seize'],
    [17, 'dix-sept'],
    [21, 'vingt et un'],
    [22, 'vingt-deux'],
    [70, 'soixante-dix'],
    [71, 'soixante et onze'],
    [79, 'soixante-dix-neuf'],
    [80, 'quatre-vingts'],
    [81, 'quatre-vingt-un'],
    [91, 'quatre-vingt-onze'],
    [100, 'cent'],
    [101, 'cent un'],
    [200, 'deux cents'],
    [201, 'deux cent un'],
    [1000, 'mille'],
    [1080, 'mille quatre-vingts'],
    [2500, 'deux mille cinq cents'],
    [12500, 'douze mille cinq cents'],
    [80000, 'quatre-vingt mille'],
    [200000, 'deux cent mille'],
    [1000000, 'un million'],
    [2300000, 'deux millions trois cent mille'],
  ])('%i → %s', (n, words) => {
    expect(integerInWords(n)).toBe(words);
  });

  it('refuses what it cannot write', () => {
    expect(() => integerInWords(-1)).toThrow(RangeError);
    expect(() => integerInWords(1.5)).toThrow(RangeError);
  });
});

describe('amountInWords', () => {
  it('writes euros and cents', () => {
    expect(amountInWords(1_250_000)).toBe('douze mille cinq cents euros');
    expect(amountInWords(100)).toBe('un euro');
    expect(amountInWords(249_920)).toBe(
      'deux mille quatre cent quatre-vingt-dix-neuf euros et vingt centimes',
    );
    expect(amountInWords(1)).toBe('zéro euro et un centime');
    expect(amountInWords(100_000_000)).toBe('un million d’euros');
  });
});
