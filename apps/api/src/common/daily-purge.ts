import type { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DailyJob } from './daily-job.js';

/**
 * When each purge first runs after start-up: never during a start or a test, and never all at
 * once (they share the one connection of the embedded database). One table, so that a new
 * purge finds its place beside the others.
 */
export const firstPurgeAfterMs = {
  auditTrail: 60_000,
  credentials: 90_000,
  orphanDrafts: 120_000,
  closedDossierFiles: 150_000,
} as const;

/**
 * A retention purge the API process runs by itself once a day (no scheduler to deploy beside
 * it): started once the application is up, stopped before it shuts down; a failed run is
 * logged and the purge runs again the next day. A subclass says what it purges.
 */
export abstract class DailyPurge implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly daily: DailyJob;

  protected constructor(
    protected readonly logger: Logger,
    schedule: { firstRunAfterMs: number; failureMessage: string },
  ) {
    this.daily = new DailyJob(() => this.purge(), {
      firstRunAfterMs: schedule.firstRunAfterMs,
      onError: (error) => this.logger.error({ err: error }, schedule.failureMessage),
    });
  }

  /** One run: deletes what the policy no longer keeps, and says what went. */
  abstract purge(): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.daily.start();
  }

  beforeApplicationShutdown(): void {
    this.daily.stop();
  }
}
