import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseUnavailableError } from '../common/unavailable.js';
import { ConnectionLock } from './connection-lock.js';

/** A clock the test moves by hand. */
function clock() {
  let ms = 0;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

afterEach(() => {
  vi.useRealTimers();
});

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ConnectionLock', () => {
  it('lends the connection to one runner at a time, first come first served', async () => {
    const lock = new ConnectionLock();
    const order: string[] = [];
    await lock.acquire(1000);
    const b = lock.acquire(1000).then(() => order.push('b'));
    const c = lock.acquire(1000).then(() => order.push('c'));
    await turn();
    expect(order).toEqual([]);
    lock.release();
    await b;
    expect(order).toEqual(['b']);
    lock.release();
    await c;
    expect(order).toEqual(['b', 'c']);
    lock.release();
    // Free again: the next runner gets it at once.
    await expect(lock.acquire(0)).resolves.toBeUndefined();
  });

  it('hands over at once within a slice, before the event loop’s next turn', async () => {
    const time = clock();
    const lock = new ConnectionLock(20, time.now);
    const order: string[] = [];
    await lock.acquire(1000);
    const next = lock.acquire(1000).then(() => order.push('next runner'));
    setImmediate(() => order.push('event loop'));
    time.advance(5);
    lock.release();
    await next;
    await turn();
    expect(order).toEqual(['next runner', 'event loop']);
  });

  it('after a slice, lets the event loop turn (sockets, timers) before the next runner', async () => {
    const time = clock();
    const lock = new ConnectionLock(20, time.now);
    const order: string[] = [];
    await lock.acquire(1000);
    const next = lock.acquire(1000).then(() => order.push('next runner'));
    setImmediate(() => order.push('event loop'));
    time.advance(25);
    lock.release();
    await next;
    expect(order).toEqual(['event loop', 'next runner']);
    // The runner that got it starts a new slice: its own hand-over is immediate again.
    const after = lock.acquire(1000).then(() => order.push('after'));
    setImmediate(() => order.push('event loop again'));
    lock.release();
    await after;
    await turn();
    expect(order.slice(2)).toEqual(['after', 'event loop again']);
  });

  it('counts the slice from the loop’s last turn, not from a free lock taken again', async () => {
    const time = clock();
    const lock = new ConnectionLock(20, time.now);
    const order: string[] = [];
    await lock.acquire(1000);
    lock.release();
    time.advance(25);
    // Free and taken again without the loop turning (one run of microtasks): still one slice.
    await lock.acquire(1000);
    const next = lock.acquire(1000).then(() => order.push('next runner'));
    setImmediate(() => order.push('event loop'));
    lock.release();
    await next;
    expect(order).toEqual(['event loop', 'next runner']);
  });

  it('fails a runner that waits too long, and the queue goes on without it', async () => {
    const lock = new ConnectionLock();
    await lock.acquire(1000);
    const late = lock.acquire(10);
    const next = lock.acquire(1000);
    await expect(late).rejects.toBeInstanceOf(DatabaseUnavailableError);
    lock.release();
    await expect(next).resolves.toBeUndefined();
  });

  it('passes the connection on when a runner gives up during the event loop’s turn', async () => {
    // Only the time-outs are faked: the hand-over still waits for the real event loop's turn.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const time = clock();
    const lock = new ConnectionLock(20, time.now);
    await lock.acquire(1000);
    const givesUp = lock.acquire(50);
    const next = lock.acquire(1000);
    time.advance(25);
    lock.release();
    vi.advanceTimersByTime(50);
    await expect(givesUp).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(next).resolves.toBeUndefined();
    // And the lock is still accounted for: once released, it is free.
    lock.release();
    await expect(lock.acquire(0)).resolves.toBeUndefined();
  });
});
