import { Logger } from '@nestjs/common';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DAY_MS } from './daily-job.js';
import { DailyPurge, firstPurgeAfterMs } from './daily-purge.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** A purge for the test: counts its runs, fails on demand. */
class CountingPurge extends DailyPurge {
  runs = 0;
  failNext = false;

  constructor(logger: Logger) {
    super(logger, { firstRunAfterMs: 1000, failureMessage: 'Purge d’essai en échec' });
  }

  purge(): Promise<number> {
    this.runs += 1;
    if (!this.failNext) return Promise.resolve(this.runs);
    this.failNext = false;
    return Promise.reject(new Error('base indisponible'));
  }
}

describe('a daily purge (the retention services’ skeleton)', () => {
  it('starts with the application, logs a failed run, runs the next day, stops at shutdown', async () => {
    const logger = new Logger('Essai');
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const purge = new CountingPurge(logger);
    purge.failNext = true;
    purge.onApplicationBootstrap();
    await vi.advanceTimersByTimeAsync(1000);
    expect(purge.runs).toBe(1);
    expect(errors).toHaveBeenCalledWith(
      { err: new Error('base indisponible') },
      'Purge d’essai en échec',
    );
    await vi.advanceTimersByTimeAsync(DAY_MS);
    expect(purge.runs).toBe(2);
    purge.beforeApplicationShutdown();
    await vi.advanceTimersByTimeAsync(3 * DAY_MS);
    expect(purge.runs).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('comes after the others: no two purges start at the same time', () => {
    const delays = Object.values(firstPurgeAfterMs);
    expect(new Set(delays).size).toBe(delays.length);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(60_000);
  });
});
