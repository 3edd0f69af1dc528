import type { SessionDto } from '@nec/contracts';
import type { Actor } from './actor.js';

/** The session as the contract describes it: the account and its CSRF token. */
export const toSessionDto = (actor: Actor): SessionDto => ({
  user: { id: actor.id, email: actor.email, displayName: actor.displayName, role: actor.role },
  csrfToken: actor.csrfToken,
});
