import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { normaliseEmail } from '@nec/domain';
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
 * not count, and a complete authentication clears its account's failures. When either count
 * reaches its limit within its window, sign-in answers 429 with `Retry-After` until the oldest
 * failure leaves the window — even with the right password, so guessing cannot go on.
 *
 * An attempt takes its slot before the secret is checked (`begin`), as if it failed, and gives
 * it back unless it did fail (`Attempt.end`): attempts sent at the same moment cannot all pass a
 * check made before any of them failed. Kept in the database (`sign_in_failures`), so every
 * replica counts the same failures and a restart forgets none. Keys are hashed: the table does
 * not list who tried to sign in.
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

  /**
   * An attempt at a secret (password, code) of this account from this address, holding a slot
   * in both counts; 429 `tooManyAttempts` when either is full. Call `end()` in a `finally`.
   */
  async begin(address: string, email: string): Promise<Attempt> {
    const at = this.clock.now();
    const taken: Taken[] = [];
    for (const [key, scope] of keys(address, email)) {
      const rule = this.rules[scope];
      const now = at.getTime();
      const window = { start: new Date(now - rule.windowMs), end: new Date(now + rule.windowMs) };
      const slot = await this.failures.reserve(key, at, window, rule.limit);
      const recentFailures = recent(slot.recent, rule, now);
      if (slot.refused) {
        await Promise.all(taken.map((t) => this.failures.release(t.key, at)));
        throw tooManyAttempts(wait(recentFailures, rule, now));
      }
      taken.push({ key, scope, rule, recent: recentFailures });
    }
    return new Attempt(this.failures, this.clock, at, taken, accountKey(email));
  }
}

interface Taken {
  key: string;
  scope: Scope;
  rule: Limit;
  /** The key's failures in the window when the slot was taken, this attempt last. */
  recent: number[];
}

/** One attempt's slots: kept if it failed, given back otherwise. */
export class Attempt {
  private outcome: 'failed' | 'completed' | 'other' = 'other';

  constructor(
    private readonly failures: SignInFailuresRepository,
    private readonly clock: Clock,
    private readonly at: Date,
    private readonly taken: Taken[],
    private readonly account: string,
  ) {}

  /** The secret was wrong: the slots stay, as failures. */
  failed(): void {
    this.outcome = 'failed';
  }

  /** A whole authentication succeeded: the account's failures are cleared. */
  completed(): void {
    this.outcome = 'completed';
  }

  /**
   * Settles the slots. A failure that fills a count starts a lock-out, logged once as
   * `auth.locked-out` (which limit, for how long): the alert for guessing in progress. The
   * account is not named in the line (no e-mail address in the logs); a signed-in caller's line
   * carries their account id. Anything else than a failure gives the slots back.
   */
  async end(): Promise<void> {
    if (this.outcome === 'failed') return this.logLockOuts();
    await Promise.all(
      this.taken.map((t) =>
        this.outcome === 'completed' && t.key === this.account
          ? this.failures.clear(t.key)
          : this.failures.release(t.key, this.at),
      ),
    );
  }

  private logLockOuts(): void {
    // The wait as the next attempt will be told it, once the hash is over.
    const now = this.clock.now().getTime();
    for (const { scope, rule, recent } of this.taken) {
      if (recent.length === rule.limit) {
        logSecurityEvent('auth.locked-out', {
          scope,
          limit: rule.limit,
          retryAfterSeconds: wait(recent, rule, now),
        });
      }
    }
  }
}

function keys(address: string, email: string): [string, Scope][] {
  return [
    [accountKey(email), 'account'],
    [sha256(`address:${address}`), 'address'],
  ];
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
const accountKey = (email: string) => sha256(`account:${normaliseEmail(email)}`);

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
