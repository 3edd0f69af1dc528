import { describe, expect, it } from 'vitest';
import { hasAllMalePanel } from './speakers.js';

const split = (women: number, men: number, nonBinaryOrUndisclosed = 0) => ({
  genderSplit: { women, men, nonBinaryOrUndisclosed },
});

describe('hasAllMalePanel', () => {
  it('counts a programme of men only', () => {
    expect(hasAllMalePanel(split(0, 4))).toBe(true);
  });

  it('still counts it beside non-binary or undisclosed speakers: no woman spoke', () => {
    expect(hasAllMalePanel(split(0, 3, 2))).toBe(true);
  });

  it('does not count a programme with at least one woman', () => {
    expect(hasAllMalePanel(split(1, 9))).toBe(false);
    expect(hasAllMalePanel(split(5, 0))).toBe(false);
  });

  it('does not count a programme without any man (nobody, or only undisclosed)', () => {
    expect(hasAllMalePanel(split(0, 0))).toBe(false);
    expect(hasAllMalePanel(split(0, 0, 3))).toBe(false);
  });

  it('does not count a bilan that gives no split: nobody knows', () => {
    expect(hasAllMalePanel({})).toBe(false);
  });
});
