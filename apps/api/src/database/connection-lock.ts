import { DatabaseUnavailableError } from '../common/unavailable.js';

/**
 * The embedded database's one connection, lent to one query runner at a time, first come first
 * served.
 *
 * Why it hands over through the event loop now and then: PGlite's WebAssembly runs on this
 * thread and its promises resolve at once, so runners granted one after the other as each
 * releases would chain in microtasks without ever returning to the event loop. Under load
 * (bench/api, 50 connections) that held the loop 200–300 ms at a time: timers ran late, and the
 * server took in one new connection per turn, whose first request then waited up to 6 s. After
 * `sliceMs` of back-to-back hand-overs, the next one waits for the loop's next turn
 * (`setImmediate`): sockets, timers and new connections get in between, and the loop is never
 * held much longer than a slice.
 */
export class ConnectionLock {
  /** Each waiter's grant says whether it took the lock (false: it gave up waiting). */
  private queue: (() => boolean)[] = [];
  private held = false;
  /**
   * When the lock last let the event loop turn. Not reset when the lock is free and taken again:
   * that happens within the same run of microtasks, the loop still waiting.
   */
  private sliceStart: number;

  constructor(
    private readonly sliceMs = 20,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.sliceStart = now();
  }

  acquire(timeoutMs: number): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      let gaveUp = false;
      const grant = () => {
        if (gaveUp) return false;
        clearTimeout(timer);
        resolve();
        return true;
      };
      // A waiter that never gets the lock means a nested query runner inside a transaction:
      // fail loudly instead of hanging the request forever.
      const timer = setTimeout(() => {
        gaveUp = true;
        this.queue = this.queue.filter((w) => w !== grant);
        reject(
          new DatabaseUnavailableError(
            `embedded database busy for ${timeoutMs} ms (nested query runner?)`,
          ),
        );
      }, timeoutMs);
      this.queue.push(grant);
    });
  }

  release(): void {
    const next = this.queue.shift();
    if (!next) {
      this.held = false;
      return;
    }
    // The lock stays held across the wait: nobody overtakes the queue during the loop's turn.
    if (this.now() - this.sliceStart < this.sliceMs) {
      if (!next()) this.release();
      return;
    }
    setImmediate(() => {
      this.sliceStart = this.now();
      // A waiter may give up during the turn: the lock then goes to the one after it.
      if (!next()) this.release();
    });
  }
}
