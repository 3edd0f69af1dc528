import type { NavigationGuard } from 'vue-router';
import { ensureSession, session } from './session.js';

declare module 'vue-router' {
  interface RouteMeta {
    requiresSession?: boolean;
  }
}

/** Pages of an account send a signed-out visitor to sign in, then back where they were going. */
export const requireSession: NavigationGuard = async (to) => {
  if (!to.meta.requiresSession) return true;
  await ensureSession();
  if (session.user) return true;
  return { path: '/connexion', query: { retour: to.fullPath } };
};
