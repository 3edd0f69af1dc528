/**
 * Reading drafts: a draft field may be absent, `null` or blank text, and all three mean
 * "not filled in yet". These helpers turn them into `undefined` so rules have one case to handle.
 */

/** The value when it is filled in, otherwise `undefined`. */
export function filled<T>(value: T | null | undefined): Exclude<T, '' | null> | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value as Exclude<T, '' | null>;
}

/** The filled-in items of a draft list (holes left by the form are dropped). */
export function filledItems<T>(items: readonly (T | null | undefined)[] | null | undefined): T[] {
  return (items ?? []).filter((item): item is T => item !== null && item !== undefined);
}
