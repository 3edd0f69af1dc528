import { safeReturnPath } from '@nec/contracts';
import type { RouteLocationRaw } from 'vue-router';

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

/** The address a previous page passed on (see `accountLink`), if any. */
export function prefilledEmail(state: unknown = history.state): string {
  if (typeof state !== 'object' || state === null || !('email' in state)) return '';
  return typeof state.email === 'string' ? state.email : '';
}
