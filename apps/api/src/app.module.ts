import { type DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import {
  ATTACHMENT_SCANNER_OVERRIDE,
  type AttachmentScanner,
} from './attachments/scanning/attachment-scanner.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { Clock } from './clock/clock.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import type { Database } from './database/data-source.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { DatabaseThrottlerStorage } from './limits/database-throttler-storage.js';
import { LimitsModule } from './limits/limits.module.js';
import { MailModule } from './mail/mail.module.js';
import { QuotasModule } from './quotas/quotas.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { featureModules } from './features.js';

/** What a caller (the tests) may swap in. */
export interface AppOptions {
  clock?: Clock;
  /** The virus scanner of the attachments (otherwise chosen from the configuration). */
  scanner?: AttachmentScanner;
}

@Module({})
export class AppModule {
  static create(config: AppConfig, database: Database, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forDatabase(database),
        // Only public endpoints are throttled (their controllers opt in with AppThrottlerGuard).
        // Sign-in has its own limiter, counting failures only (see SignInLimiter). Both count
        // in the database, shared by the replicas (LimitsModule).
        ThrottlerModule.forRootAsync({
          imports: [LimitsModule],
          inject: [DatabaseThrottlerStorage],
          useFactory: (storage: DatabaseThrottlerStorage) => ({
            throttlers: [
              { name: 'auth', ttl: 60_000, limit: config.NEC_AUTH_RATE_LIMIT },
              { name: 'public', ttl: 60_000, limit: 30 * config.NEC_AUTH_RATE_LIMIT },
            ],
            // Only the standard Retry-After, set by AppThrottlerGuard.
            setHeaders: false,
            storage,
          }),
        }),
        AuditModule,
        MailModule,
        AuthModule,
        QuotasModule,
        RetentionModule,
        HealthModule,
        ...featureModules,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: options.clock ?? new Clock() },
        { provide: ATTACHMENT_SCANNER_OVERRIDE, useValue: options.scanner ?? null },
      ],
      exports: [APP_CONFIG, Clock, ATTACHMENT_SCANNER_OVERRIDE],
    };
  }
}
