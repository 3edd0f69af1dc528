import { Injectable } from '@nestjs/common';
import { sha256 } from '../auth/tokens.js';
import { Clock } from '../clock/clock.js';
import { RateLimitsRepository } from './rate-limits.repository.js';

const WINDOW_MS = 60_000;

/**
 * The limit on signed-in writes, per account, in the database like the public endpoints' limits:
 * every replica counts in the same row, so N replicas do not give an account N × the limit. A
 * fixed window of a minute; the write over the limit blocks the account's writes for a minute.
 * One `INSERT … ON CONFLICT` per write (`RateLimitsRepository`); the key is a hash, like the
 * throttler's.
 */
@Injectable()
export class WriteLimiter {
  constructor(
    private readonly repository: RateLimitsRepository,
    private readonly clock: Clock,
  ) {}

  /** Counts one write of the account: `null` when it may go on, else the seconds to wait. */
  async take(accountId: string, limit: number): Promise<number | null> {
    const now = this.clock.now();
    const later = new Date(now.getTime() + WINDOW_MS);
    const counter = await this.repository.hit({
      key: sha256(`writes:${accountId}`),
      throttler: 'writes',
      now,
      limit,
      windowEndsAt: later,
      blockedUntil: later,
    });
    const blockedFor = counter.blockedUntil ? counter.blockedUntil.getTime() - now.getTime() : 0;
    return blockedFor > 0 ? Math.max(1, Math.ceil(blockedFor / 1000)) : null;
  }
}
