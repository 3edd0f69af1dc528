import { describe, expect, it } from 'vitest';
import { createMemoryHistory, type RouteLocationNormalizedLoaded } from 'vue-router';
import { createPortalRouter } from '../../router.js';
import {
  accountLink,
  destinationAfterSignIn,
  headerAccountLink,
  prefilledEmail,
} from './return-path.js';

const router = createPortalRouter(createMemoryHistory());

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

  describe('the header’s sign-in and sign-up links', () => {
    const page = (
      fullPath: string,
      meta: RouteLocationNormalizedLoaded['meta'] = {},
    ): Pick<RouteLocationNormalizedLoaded, 'path' | 'fullPath' | 'query' | 'meta'> => {
      const url = new URL(fullPath, 'https://portail.example');
      return {
        path: url.pathname,
        fullPath,
        query: Object.fromEntries(url.searchParams),
        meta,
      };
    };

    it('come back to the page being read, its query and anchor included', () => {
      expect(headerAccountLink('/connexion', page('/appels/nec-local-2026'))).toEqual({
        path: '/connexion',
        query: { retour: '/appels/nec-local-2026' },
      });
      expect(
        headerAccountLink('/inscription', page('/questions-frequentes?theme=bilan#photos')),
      ).toEqual({
        path: '/inscription',
        query: { retour: '/questions-frequentes?theme=bilan#photos' },
      });
      expect(headerAccountLink('/connexion', page('/invitation?jeton=abc'))).toEqual({
        path: '/connexion',
        query: { retour: '/invitation?jeton=abc' },
      });
    });

    it('never lead back to signing in, up or out: the route table marks those pages', () => {
      const journey = router
        .getRoutes()
        .filter((r) => r.meta.accountJourney)
        .map((r) => r.path)
        .sort();
      expect(journey).toEqual([
        '/confirmer-mon-adresse',
        '/connexion',
        '/deconnexion',
        '/inscription',
        '/mot-de-passe-oublie',
        '/nouveau-mot-de-passe',
      ]);
    });

    it('carry no way back from the home page', () => {
      expect(headerAccountLink('/connexion', page('/'))).toEqual({ path: '/connexion', query: {} });
    });

    it('on a page of the account journey, pass on its own way back only if it is safe', () => {
      const journey = { accountJourney: true };
      expect(
        headerAccountLink(
          '/connexion',
          page('/inscription?retour=/invitation%3Fjeton%3Dabc', journey),
        ),
      ).toEqual({ path: '/connexion', query: { retour: '/invitation?jeton=abc' } });
      expect(headerAccountLink('/connexion', page('/deconnexion', journey))).toEqual({
        path: '/connexion',
        query: {},
      });
      expect(
        headerAccountLink('/connexion', page('/connexion?retour=https://example.org', journey)),
      ).toEqual({ path: '/connexion', query: {} });
      expect(
        headerAccountLink('/connexion', page('/connexion?retour=//example.org/x', journey)),
      ).toEqual({ path: '/connexion', query: {} });
    });
  });

  it('reads the address passed on in the history state', () => {
    expect(prefilledEmail({ email: 'ines@example.org', position: 3 })).toBe('ines@example.org');
    for (const state of [null, undefined, {}, { email: 42 }, 'ines@example.org']) {
      expect(prefilledEmail(state)).toBe('');
    }
  });
});
