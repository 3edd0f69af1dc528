import { Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Clock } from '../clock/clock.js';
import { RateLimitsRepository } from './rate-limits.repository.js';

/** What the guard reads back (the library does not export its name from its entry point). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const seconds = (ms: number) => Math.ceil(ms / 1000);

/**
 * `@nestjs/throttler`'s storage in the database: every replica counts in the same rows, and a
 * restart forgets nothing. A fixed window of `ttl` per key and throttler; the hit over the limit
 * blocks the key for `blockDuration` (the window's length unless a route says otherwise), during
 * which hits are refused and not counted. One statement per hit (RateLimitsRepository).
 */
@Injectable()
export class DatabaseThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly repository: RateLimitsRepository,
    private readonly clock: Clock,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.clock.now();
    const counter = await this.repository.hit({
      key,
      throttler: throttlerName,
      now,
      limit,
      windowEndsAt: new Date(now.getTime() + ttl),
      blockedUntil: new Date(now.getTime() + (blockDuration > 0 ? blockDuration : ttl)),
    });
    const blockLeft = counter.blockedUntil ? counter.blockedUntil.getTime() - now.getTime() : 0;
    const isBlocked = blockLeft > 0;
    return {
      totalHits: counter.hits,
      timeToExpire: seconds(counter.windowEndsAt.getTime() - now.getTime()),
      isBlocked,
      timeToBlockExpire: isBlocked ? seconds(blockLeft) : 0,
    };
  }
}
