/** A day, in milliseconds. */
export const DAY_MS = 24 * 3600_000;

export interface DailyJobOptions {
  /** The first run waits this long after start-up, so that it never slows a start or a test. */
  firstRunAfterMs: number;
  /** Told of a failed run; the job runs again the next day. */
  onError: (error: unknown) => void;
}

/**
 * A job the API process runs once a day by itself (a retention purge): no scheduler to deploy
 * beside it. The first run comes `firstRunAfterMs` after `start`, then one every day. Its timers
 * never keep the process alive; `stop` clears them (on shutdown).
 */
export class DailyJob {
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly job: () => Promise<unknown>,
    private readonly options: DailyJobOptions,
  ) {}

  start(): void {
    const run = () => {
      this.job().catch(this.options.onError);
    };
    const first = setTimeout(() => {
      run();
      this.timers.push(setInterval(run, DAY_MS).unref());
    }, this.options.firstRunAfterMs).unref();
    this.timers.push(first);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }
}
