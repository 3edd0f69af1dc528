import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DAY_MS, DailyJob } from './daily-job.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  // Spies on the (fake) timer functions first, then the real timers back: in the other order a
  // spy left behind puts a dead fake `setTimeout` back for the next file of the same worker.
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('a daily job', () => {
  it('runs first after its delay, then once a day, until stopped', async () => {
    const job = vi.fn(() => Promise.resolve());
    const daily = new DailyJob(job, { firstRunAfterMs: 60_000, onError: () => undefined });
    daily.start();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(job).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(job).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2 * DAY_MS);
    expect(job).toHaveBeenCalledTimes(3);
    daily.stop();
    await vi.advanceTimersByTimeAsync(3 * DAY_MS);
    expect(job).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports a failed run and runs again the next day', async () => {
    const job = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new Error('base indisponible'))
      .mockResolvedValue(undefined);
    const onError = vi.fn();
    const daily = new DailyJob(job, { firstRunAfterMs: 1000, onError });
    daily.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(onError).toHaveBeenCalledWith(new Error('base indisponible'));
    await vi.advanceTimersByTimeAsync(DAY_MS);
    expect(job).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledTimes(1);
    daily.stop();
  });

  it('never keeps the process alive', async () => {
    const timeouts = vi.spyOn(globalThis, 'setTimeout');
    const intervals = vi.spyOn(globalThis, 'setInterval');
    const daily = new DailyJob(() => Promise.resolve(), {
      firstRunAfterMs: 1000,
      onError: () => undefined,
    });
    daily.start();
    await vi.advanceTimersByTimeAsync(1000);
    const timers = [...timeouts.mock.results, ...intervals.mock.results].map(
      (r) => r.value as NodeJS.Timeout,
    );
    expect(timers).toHaveLength(2);
    expect(timers.map((t) => t.hasRef())).toEqual([false, false]);
    daily.stop();
  });
});
