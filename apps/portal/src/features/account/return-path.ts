import { safeReturnPath } from '@nec/contracts';
import type { RouteLocationNormalizedLoaded, RouteLocationRaw } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /**
     * A page of signing in, up or out (or confirming, resetting): never a page to come back to
     * (after signing in, the sign-in page again, or signing out again!).
     */
    accountJourney?: boolean;
  }
}

/**
 * The way back to a page after signing in (`?retour=…`, an invitation for instance), and the
 * address to pre-fill. The address travels in the history entry's state, not in the address
 * bar: it stays out of the server's logs and of what is shared by copying the address.
 */

/** Where signing in leads: the return path if it is a local page, else the dossiers. */
export function destinationAfterSignIn(retour: unknown): string {
  return safeReturnPath(retour) ?? '/mes-dossiers';
}

/** A link to sign in or sign up that brings back to `retour`, the address filled in. */
export function accountLink(
  path: '/connexion' | '/inscription',
  retour: unknown,
  email?: string | null,
): RouteLocationRaw {
  const back = safeReturnPath(retour);
  return {
    path,
    query: back ? { retour: back } : {},
    ...(email ? { state: { email } } : {}),
  };
}

/**
 * The header's « Se connecter » / « Créer un compte » link from the page being read: back to
 * that page afterwards (a call, the FAQ, an invitation). A page of the account journey passes on
 * the way back it already carries instead (the sign-in page opened from an invitation, say), and
 * the home page none: signing in from there leads to the dossiers.
 */
export function headerAccountLink(
  path: '/connexion' | '/inscription',
  current: Pick<RouteLocationNormalizedLoaded, 'path' | 'fullPath' | 'query' | 'meta'>,
): RouteLocationRaw {
  if (current.meta.accountJourney) return accountLink(path, current.query.retour);
  return accountLink(path, current.path === '/' ? null : current.fullPath);
}

/** The address a previous page passed on (see `accountLink`), if any. */
export function prefilledEmail(state: unknown = history.state): string {
  if (typeof state !== 'object' || state === null || !('email' in state)) return '';
  return typeof state.email === 'string' ? state.email : '';
}
