import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../common/errors.js';
import { logSecurityEvent } from '../common/security-events.js';
import { Clock } from '../clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SignInFailuresRepository } from '../limits/sign-in-failures.repository.js';
import { sha256 } from './tokens.js';

interface Limit {
  limit: number;
  windowMs: number;
}

type Scope = 'account' | 'address';

/**
 * Failed sign-ins, counted per account (normalised e-mail) and per client address; successes do
 * not count, and a success clears its account's failures. When either count reaches its limit
 * within its window, sign-in answers 429 with `Retry-After` until the oldest failure leaves the
 * window — even with the right password, so guessing cannot go on.
 *
 * Kept in the database (`sign_in_failures`), so every replica counts the same failures and a
 * restart forgets none. Keys are hashed: the table does not list who tried to sign in.
 */
@Injectable()
export class SignInLimiter {
  private readonly rules: Record<Scope, Limit>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
    private readonly failures: SignInFailuresRepository,
  ) {
    this.rules = {
      account: {
        limit: config.NEC_SIGNIN_ACCOUNT_LIMIT,
        windowMs: config.NEC_SIGNIN_ACCOUNT_WINDOW_MINUTES * 60_000,
      },
      address: { limit: config.NEC_AUTH_RATE_LIMIT, windowMs: 60_000 },
    };
  }

  /** Seconds before this account or address may try again; 0 when it may try now. */
  async retryAfterSeconds(address: string, email: string): Promise<number> {
    const now = this.clock.now().getTime();
    const keys = this.keys(address, email);
    const recorded = await this.failures.failures(keys.map(([key]) => key));
    const waits = keys.map(([key, scope]) => {
      const rule = this.rules[scope];
      return wait(recent(recorded.get(key) ?? [], rule, now), rule, now);
    });
    return Math.max(0, ...waits);
  }

  /**
   * Counts a failure. The one that reaches a limit starts a lock-out, logged once as
   * `auth.locked-out` (which limit, for how long): the alert for guessing in progress. The
   * account is not named in the line (no e-mail address in the logs); a signed-in caller's
   * line carries their account id.
   */
  async recordFailure(address: string, email: string): Promise<void> {
    const at = this.clock.now();
    const now = at.getTime();
    for (const [key, scope] of this.keys(address, email)) {
      const rule = this.rules[scope];
      const times = await this.failures.record(
        key,
        at,
        new Date(now - rule.windowMs),
        new Date(now + rule.windowMs),
      );
      const inWindow = recent(times, rule, now);
      if (inWindow.length === rule.limit) {
        logSecurityEvent('auth.locked-out', {
          scope,
          limit: rule.limit,
          retryAfterSeconds: wait(inWindow, rule, now),
        });
      }
    }
  }

  async recordSuccess(email: string): Promise<void> {
    await this.failures.clear(accountKey(email));
  }

  private keys(address: string, email: string): [string, Scope][] {
    return [
      [accountKey(email), 'account'],
      [sha256(`address:${address}`), 'address'],
    ];
  }
}

/** The failures still within the rule's window, as instants. */
function recent(times: Date[], rule: Limit, now: number): number[] {
  return times.map((at) => at.getTime()).filter((at) => at > now - rule.windowMs);
}

function wait(recentFailures: number[], rule: Limit, now: number): number {
  if (recentFailures.length < rule.limit) return 0;
  // Free again when enough failures have left the window to go below the limit.
  const freeing = recentFailures[recentFailures.length - rule.limit] ?? now;
  return Math.max(1, Math.ceil((freeing + rule.windowMs - now) / 1000));
}

/** Hashed: the key of an account's failures must not give its e-mail address away. */
const accountKey = (email: string) => sha256(`account:${email.trim().toLowerCase()}`);

/** The 429 of too many failed attempts (password or code), with its standard `Retry-After`. */
export function tooManyAttempts(seconds: number): ApiError {
  const minutes = Math.ceil(seconds / 60);
  return new ApiError(
    HttpStatus.TOO_MANY_REQUESTS,
    'rate-limited',
    `Trop de tentatives échouées. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    [],
    { retryAfterSeconds: seconds },
    { 'Retry-After': String(seconds) },
  );
}
