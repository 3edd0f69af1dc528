/**
 * Reporting figures change only when bilans change. Each result is kept with the bilans'
 * version it was computed from (see the `reporting_version` migration) and served again while
 * that version holds; identical requests arriving together share one computation.
 */
export class VersionedCache {
  private readonly entries = new Map<string, { version: string; value: Promise<unknown> }>();

  constructor(private readonly maxEntries = 500) {}

  get<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry?.version === version) return entry.value as Promise<T>;
    // Periods are free-form: a bounded cache forgets everything rather than grow without end.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = compute();
    this.entries.set(key, { version, value });
    // A failure is not cached: the next request computes again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
