import { Logger } from '@nestjs/common';
import type { Request } from 'express';
import { loggablePath } from './log-redaction.js';
import { currentRequestContext, requestIdOf } from './request-context.js';

/**
 * Security events: log lines with `type: "security"` and a stable `event` name, for the
 * detection rules of whoever watches the logs (a SIEM, an alert on a count per minute). The
 * names never change once published; new ones are added here.
 */
export const securityEventNames = [
  /** A sign-in refused: wrong address or password, address not confirmed. */
  'auth.sign-in.failed',
  'auth.sign-in.succeeded',
  /**
   * A second-factor code refused: at sign-in (`stage: "sign-in"`), when turning the factor on
   * (`"enable"`) or off (`"disable"`); `proof` says whether it looked like an app code or a
   * recovery code. Never the code itself.
   */
  'auth.second-factor.failed',
  /** A signed-in account typed a wrong password before a sensitive step (`purpose`). */
  'auth.reauthentication.failed',
  /**
   * A failure reached a limit (`scope`: the account or the client address): sign-in, codes and
   * password confirmations answer 429 for `retryAfterSeconds`. Logged once per lock-out.
   */
  'auth.locked-out',
  /** A protected route called without a live session (401). */
  'auth.unauthenticated',
  /** A write whose `X-CSRF-Token` does not match the session's. */
  'csrf.rejected',
  /** A 403: the role or the resource is not the caller's. */
  'access.forbidden',
  /** A 404 answered to a signed-in caller (what probing other people's ids looks like). */
  'access.not-found',
  /** A request refused as invalid (400, 422). */
  'input.rejected',
  /** A 429: a rate limit or a quota per hour. */
  'rate.limited',
  /** A session ended otherwise than by expiry: sign-out, password reset, deactivation… */
  'session.revoked',
  /** A role given or taken: an agent created or changed, a member of an organisation. */
  'role.changed',
] as const;
export type SecurityEventName = (typeof securityEventNames)[number];

const logger = new Logger('Security');

const SUCCESSES = new Set<SecurityEventName>(['auth.sign-in.succeeded']);

type RequestWithActor = Request & { actor?: { id: string; sessionId: string; role: string } };

/**
 * Writes one security event, with who and where: the request id, the client address and user
 * agent, the account and session when signed in. `request` is given by callers that may run
 * before the request context opens (the error filter, for a body that failed to parse).
 */
export function logSecurityEvent(
  event: SecurityEventName,
  fields: Record<string, unknown> = {},
  request?: Request,
): void {
  const context = currentRequestContext();
  const req = (request ?? context?.request) as RequestWithActor | undefined;
  const actor = req?.actor;
  const line = {
    type: 'security',
    event,
    // Inside a request the logger adds the id itself; outside (a body that failed to parse), here.
    ...(context || !req ? {} : { requestId: requestIdOf(req) }),
    clientAddress: context?.clientAddress ?? req?.ip ?? null,
    userAgent: context?.userAgent ?? req?.header('user-agent')?.slice(0, 300) ?? null,
    actorId: actor?.id ?? null,
    actorRole: actor?.role ?? null,
    sessionId: actor?.sessionId ?? null,
    ...(req ? { method: req.method, path: loggablePath(req.originalUrl || req.url) } : {}),
    ...fields,
  };
  if (SUCCESSES.has(event)) logger.log(line, event);
  else logger.warn(line, event);
}

/**
 * Refusals whose own event (second factor, password confirmation) is written where they are
 * decided, with what the answer does not say (the stage, the purpose): not twice.
 */
const LOGGED_WHERE_REFUSED = new Set(['invalid-code', 'wrong-password', 'invalid-password']);

/** The security event an error answer stands for, if any. */
export function securityEventOfError(
  status: number,
  code: string,
  signedIn: boolean,
): SecurityEventName | null {
  if (LOGGED_WHERE_REFUSED.has(code)) return null;
  if (code === 'invalid-credentials' || code === 'email-not-confirmed')
    return 'auth.sign-in.failed';
  if (code === 'csrf-token-invalid') return 'csrf.rejected';
  switch (status) {
    case 401:
      return 'auth.unauthenticated';
    case 403:
      return 'access.forbidden';
    case 404:
      return signedIn ? 'access.not-found' : null;
    case 400:
    case 422:
      return 'input.rejected';
    case 429:
      return 'rate.limited';
    default:
      return null;
  }
}

/**
 * The apps ask `GET /api/auth/session` on every load to know whether someone is signed in: its
 * 401 to a browser that sends no session cookie at all is a visitor, not an event.
 */
export function isSessionProbe(request: Request, status: number): boolean {
  const cookies = request.cookies as Record<string, unknown> | undefined;
  return (
    status === 401 &&
    request.method === 'GET' &&
    request.path === '/api/auth/session' &&
    !cookies?.nec_session
  );
}

/** Audit actions that are security events too (the audit row is the proof, the line the alert). */
const ACTION_EVENTS: [RegExp, SecurityEventName][] = [
  [/^session\.sign-in$/, 'auth.sign-in.succeeded'],
  [
    // Not every `session.*` action: a password checked or a code refused ends nothing.
    /^(session\.(sign-out|revoked|revoked-by-admin)$|account\.(password-reset|password-changed|deleted|deactivated)$|agent\.deactivated?$)/,
    'session.revoked',
  ],
  [
    /^(agent\.(create|role-changed|reactivated?)$|organisation\.(owner-promoted|owner-demoted|member-added|member-removed)$|campaign\.instructors-set$)/,
    'role.changed',
  ],
];

export function securityEventOfAction(action: string): SecurityEventName | null {
  return ACTION_EVENTS.find(([pattern]) => pattern.test(action))?.[1] ?? null;
}
