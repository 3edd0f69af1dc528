import { describe, expect, it } from 'vitest';
import { returnPathSchema } from './auth.js';
import { RETURN_PATH_MAX, safeReturnPath } from './return-path.js';

describe('safeReturnPath', () => {
  it.each([
    '/mes-dossiers',
    '/invitation?jeton=abcDEF-_0123456789abcdefghijkl',
    '/dossiers/6f1c2a9e-0000-4000-8000-000000000000/suivi',
    '/appels?page=2&tri=date',
    '/dossiers?q=a:b#resume',
  ])('keeps the local path %s', (path) => {
    expect(safeReturnPath(path)).toBe(path);
    expect(returnPathSchema.safeParse(path).success).toBe(true);
  });

  it.each([
    'https://example.org/',
    '//example.org/x',
    '/\\example.org',
    '\\\\example.org',
    'javascript:alert(1)',
    '/x:y',
    'mes-dossiers',
    '/a b',
    '/a#b c',
    '/a?b#c#d',
    '/a\n',
    '',
    `/${'a'.repeat(RETURN_PATH_MAX)}`,
    42,
    undefined,
    ['/mes-dossiers'],
  ])('refuses %j', (value) => {
    expect(safeReturnPath(value)).toBeNull();
    // The request bodies' schema, built from the same rule, refuses it too.
    expect(returnPathSchema.safeParse(value).success).toBe(false);
  });
});
