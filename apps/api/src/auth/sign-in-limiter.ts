import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../common/errors.js';
import { logSecurityEvent } from '../common/security-events.js';
import { Clock } from '../clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

interface Limit {
  limit: number;
  windowMs: number;
}

/** Above this many keys, expired ones are swept (keeps memory bounded under a spray attack). */
const SWEEP_ABOVE = 10_000;

/**
 * Failed sign-ins, counted per account (normalised e-mail) and per client address; successes do
 * not count, and a success clears its account's failures. When either count reaches its limit
 * within its window, sign-in answers 429 with `Retry-After` until the oldest failure leaves the
 * window — even with the right password, so guessing cannot go on.
 *
 * In memory, per replica (the existing decision for rate limits): with N replicas an attacker
 * gets at most N times the limit; a shared store (Redis, a table) would make it exact.
 */
@Injectable()
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly perAccount: Limit;
  private readonly perAddress: Limit;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.perAccount = {
      limit: config.NEC_SIGNIN_ACCOUNT_LIMIT,
      windowMs: config.NEC_SIGNIN_ACCOUNT_WINDOW_MINUTES * 60_000,
    };
    this.perAddress = { limit: config.NEC_AUTH_RATE_LIMIT, windowMs: 60_000 };
  }

  /** Seconds before this account or address may try again; 0 when it may try now. */
  retryAfterSeconds(address: string, email: string): number {
    const now = this.clock.now().getTime();
    const waits = this.keys(address, email).map(([key, rule]) => this.wait(key, rule, now));
    return Math.max(0, ...waits);
  }

  /**
   * Counts a failure. The one that reaches a limit starts a lock-out, logged once as
   * `auth.locked-out` (which limit, for how long): the alert for guessing in progress. The
   * account is not named in the line (no e-mail address in the logs); a signed-in caller's
   * line carries their account id.
   */
  recordFailure(address: string, email: string): void {
    const now = this.clock.now().getTime();
    if (this.failures.size > SWEEP_ABOVE) this.sweep(now);
    for (const [key, rule, scope] of this.keys(address, email)) {
      const recent = this.recent(key, rule, now);
      recent.push(now);
      this.failures.set(key, recent);
      if (recent.length === rule.limit) {
        logSecurityEvent('auth.locked-out', {
          scope,
          limit: rule.limit,
          retryAfterSeconds: this.wait(key, rule, now),
        });
      }
    }
  }

  recordSuccess(email: string): void {
    this.failures.delete(accountKey(email));
  }

  private keys(address: string, email: string): [string, Limit, 'account' | 'address'][] {
    return [
      [accountKey(email), this.perAccount, 'account'],
      [`address:${address}`, this.perAddress, 'address'],
    ];
  }

  private recent(key: string, rule: Limit, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - rule.windowMs);
  }

  private wait(key: string, rule: Limit, now: number): number {
    const recent = this.recent(key, rule, now);
    if (recent.length < rule.limit) return 0;
    // Free again when enough failures have left the window to go below the limit.
    const freeing = recent[recent.length - rule.limit] ?? now;
    return Math.max(1, Math.ceil((freeing + rule.windowMs - now) / 1000));
  }

  private sweep(now: number): void {
    const longest = Math.max(this.perAccount.windowMs, this.perAddress.windowMs);
    for (const [key, times] of this.failures) {
      if (times.every((at) => at <= now - longest)) this.failures.delete(key);
    }
  }
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;

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
