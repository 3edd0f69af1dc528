import { describe, expect, it } from 'vitest';
import { contract } from './index.js';
import { readPaths } from './read-paths.js';
import { readPathsOf } from './read-paths-of.js';

describe('readPaths', () => {
  it('is the contract’s reads, path for path (else: pnpm --filter @nec/contracts read-paths)', () => {
    expect(readPaths).toEqual(readPathsOf(contract));
  });

  it('holds only reads, and every one of them', () => {
    expect(readPathsOf({ things: { list: get('/api/things'), add: post('/api/things') } })).toEqual(
      { things: { list: '/api/things' } },
    );
    expect(readPathsOf({ writes: { add: post('/api/things') } })).toEqual({});
  });
});

const get = (path: `/${string}`) => ({ ...base, method: 'GET' as const, path });
const post = (path: `/${string}`) => ({ ...base, method: 'POST' as const, path });
const base = { summary: 'test', tag: 'test', status: 200 as const, response: null };
