import { afterEach, describe, expect, it, vi } from 'vitest';
import { earlyRead } from './early-read.js';

/** A read that counts its calls and answers with the key and the call's number. */
function counting() {
  const read = vi.fn((key: string, signal?: AbortSignal) =>
    Promise.resolve({ key, call: read.mock.calls.length, signal }),
  );
  return read;
}

describe('earlyRead', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the first load the read the router started, then reads again', async () => {
    const read = counting();
    const calls = earlyRead(read);
    calls.start('open');
    calls.start('open');
    expect(read).toHaveBeenCalledTimes(1);
    expect(await calls.take('open')).toMatchObject({ key: 'open', call: 1 });
    const signal = new AbortController().signal;
    expect(await calls.take('open', signal)).toEqual({ key: 'open', call: 2, signal });
  });

  it('keeps each key’s read apart', async () => {
    const read = counting();
    const calls = earlyRead(read);
    calls.start('a');
    expect(await calls.take('b')).toMatchObject({ key: 'b', call: 2 });
    expect(await calls.take('a')).toMatchObject({ key: 'a', call: 1 });
  });

  it('reads again when the started read has grown old (a page left before it showed)', async () => {
    vi.useFakeTimers();
    const read = counting();
    const calls = earlyRead(read, { freshMs: 1_000 });
    calls.start('open');
    vi.advanceTimersByTime(1_000);
    expect(await calls.take('open')).toMatchObject({ call: 2 });
    calls.start('open');
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('leaves a failure to whoever takes it, and reads again after it', async () => {
    const read = vi
      .fn<(key: string) => Promise<string>>()
      .mockRejectedValueOnce(new Error('réseau'))
      .mockResolvedValue('ok');
    const calls = earlyRead(read);
    calls.start('open');
    await expect(calls.take('open')).rejects.toThrow('réseau');
    expect(await calls.take('open')).toBe('ok');
  });
});
