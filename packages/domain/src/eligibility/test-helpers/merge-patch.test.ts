import { describe, expect, it } from 'vitest';
import { applyMergePatch } from './merge-patch.js';

describe('applyMergePatch (RFC 7386)', () => {
  it('merges objects, replaces arrays and removes keys set to null', () => {
    const base = { a: { b: 1, c: 2 }, list: [1, 2], gone: 'x' };
    expect(applyMergePatch(base, { a: { c: 3 }, list: [9], gone: null })).toEqual({
      a: { b: 1, c: 3 },
      list: [9],
    });
    expect(base).toEqual({ a: { b: 1, c: 2 }, list: [1, 2], gone: 'x' });
  });
  it('replaces the whole value when the patch is not an object', () => {
    expect(applyMergePatch({ a: 1 }, [1])).toEqual([1]);
  });
});
