import { describe, expect, it } from 'vitest';
import { accountLink, destinationAfterSignIn, prefilledEmail } from './return-path.js';

describe('return path after signing in', () => {
  it('goes back to a local page only, else to the dossiers', () => {
    expect(destinationAfterSignIn('/invitation?jeton=abc')).toBe('/invitation?jeton=abc');
    for (const unsafe of ['//example.org', 'https://example.org', '/\\example.org', undefined]) {
      expect(destinationAfterSignIn(unsafe)).toBe('/mes-dossiers');
    }
  });

  it('builds sign-in and sign-up links keeping the return and the address out of the URL', () => {
    expect(accountLink('/connexion', '/invitation?jeton=abc', 'ines@example.org')).toEqual({
      path: '/connexion',
      query: { retour: '/invitation?jeton=abc' },
      state: { email: 'ines@example.org' },
    });
    expect(accountLink('/inscription', 'https://example.org')).toEqual({
      path: '/inscription',
      query: {},
    });
  });

  it('reads the address passed on in the history state', () => {
    expect(prefilledEmail({ email: 'ines@example.org', position: 3 })).toBe('ines@example.org');
    for (const state of [null, undefined, {}, { email: 42 }, 'ines@example.org']) {
      expect(prefilledEmail(state)).toBe('');
    }
  });
});
