import { Module } from '@nestjs/common';
import { DatabaseThrottlerStorage } from './database-throttler-storage.js';
import { RateLimitsRepository } from './rate-limits.repository.js';
import { SignInFailuresRepository } from './sign-in-failures.repository.js';
import { WriteLimiter } from './write-limiter.js';

/**
 * The limits kept in the database, shared by the replicas (issue 13): the throttler's counters,
 * the signed-in writes and the failed sign-ins. Their expired rows go with the daily purge (RetentionRepository).
 */
@Module({
  providers: [
    RateLimitsRepository,
    DatabaseThrottlerStorage,
    WriteLimiter,
    SignInFailuresRepository,
  ],
  exports: [DatabaseThrottlerStorage, WriteLimiter, SignInFailuresRepository],
})
export class LimitsModule {}
