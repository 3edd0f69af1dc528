/**
 * A read a page can start before the component that shows its answer exists — from the
 * router, as the page's code loads — and that the component's first load then takes: the data
 * travel beside the code instead of after it (on a slow line, the code's round trips and the
 * read's overlap).
 */
export interface EarlyRead<K, T> {
  /** Starts the read for `key`, unless one started for it is still fresh. Never rejects. */
  start: (key: K) => void;
  /**
   * The answer of a fresh read started for `key`, once (a second `take`, a reload, reads
   * again); otherwise a new read, with the caller's `signal`.
   */
  take: (key: K, signal?: AbortSignal) => Promise<T>;
}

export interface EarlyReadOptions<K> {
  /** How two keys are told apart (the key itself by default, for strings). */
  keyOf?: (key: K) => string;
  /** How long a started read stays good to take: a page left before it showed is read again. */
  freshMs?: number;
}

export function earlyRead<K, T>(
  read: (key: K, signal?: AbortSignal) => Promise<T>,
  { keyOf = String, freshMs = 10_000 }: EarlyReadOptions<K> = {},
): EarlyRead<K, T> {
  const started = new Map<string, { at: number; answer: Promise<T> }>();
  const fresh = (name: string) => {
    const entry = started.get(name);
    return entry && Date.now() - entry.at < freshMs ? entry : undefined;
  };
  return {
    start(key) {
      const name = keyOf(key);
      if (fresh(name)) return;
      const answer = read(key);
      // Its failure is the taker's to show; a read nobody takes has nobody to tell.
      answer.catch(() => undefined);
      started.set(name, { at: Date.now(), answer });
    },
    take(key, signal) {
      const name = keyOf(key);
      const entry = fresh(name);
      started.delete(name);
      return entry ? entry.answer : read(key, signal);
    },
  };
}
