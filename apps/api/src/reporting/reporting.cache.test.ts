import { describe, expect, it } from 'vitest';
import { VersionedCache } from './reporting.cache.js';

describe('VersionedCache', () => {
  it('computes once per key and version, sharing computations in flight', async () => {
    const cache = new VersionedCache();
    let calls = 0;
    const compute = async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 5));
      return calls;
    };
    const [a, b] = await Promise.all([cache.get('k', '1', compute), cache.get('k', '1', compute)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await cache.get('k', '1', compute)).toBe(1);
    expect(await cache.get('k', '2', compute)).toBe(2);
    expect(await cache.get('other', '2', compute)).toBe(3);
  });

  it('does not keep failures', async () => {
    const cache = new VersionedCache();
    await expect(cache.get('k', '1', () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await cache.get('k', '1', () => Promise.resolve('ok'))).toBe('ok');
  });

  it('stays bounded', async () => {
    const cache = new VersionedCache(2);
    await cache.get('a', '1', () => Promise.resolve(1));
    await cache.get('b', '1', () => Promise.resolve(2));
    await cache.get('c', '1', () => Promise.resolve(3));
    expect(await cache.get('a', '1', () => Promise.resolve(4))).toBe(4);
  });
});
