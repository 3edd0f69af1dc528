import type { SessionDto, SessionInfo } from '@nec/contracts';
import type { SessionRecord } from './auth.repository.js';
import type { Actor } from './actor.js';

/** The session as the contract describes it: the account and its CSRF token. */
export const toSessionDto = (actor: Actor): SessionDto => ({
  user: { id: actor.id, email: actor.email, displayName: actor.displayName, role: actor.role },
  csrfToken: actor.csrfToken,
  mfaEnabled: actor.mfaEnabled,
  mfaPending: actor.mfaPending ? (actor.mfaEnabled ? 'verify' : 'enrol') : null,
});

export const toSessionInfo = (session: SessionRecord, current: boolean): SessionInfo => ({
  id: session.id,
  createdAt: session.createdAt.toISOString(),
  lastSeenAt: session.lastSeenAt.toISOString(),
  expiresAt: session.expiresAt.toISOString(),
  userAgent: session.userAgent,
  current,
});
