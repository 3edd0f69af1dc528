/** Helpers for tests that walk a dossier: list its paths, remove or replace the value at one. */

export type Path = (string | number)[];

const isContainer = (value: unknown): value is Record<string | number, unknown> =>
  typeof value === 'object' && value !== null;

/** Every path to a value inside `value` (object keys and array indices), parents first. */
export function allPaths(value: unknown, prefix: Path = []): Path[] {
  if (!isContainer(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...allPaths(child, path)];
  });
}

/** Paths that lead to a key of an object (not to an array element). */
export function keyPaths(value: unknown): Path[] {
  return allPaths(value).filter((path) => typeof path[path.length - 1] === 'string');
}

/** Paths to leaves: values that are neither objects nor arrays. */
export function leafPaths(value: unknown): Path[] {
  return allPaths(value).filter((path) => !isContainer(valueAt(value, path)));
}

export function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (current, key) => (isContainer(current) ? current[key] : undefined),
    value,
  );
}

/** A deep copy of `value` without the key at `path`. */
export function without<T>(value: T, path: Path): T {
  const copy = structuredClone(value);
  const parent = valueAt(copy, path.slice(0, -1));
  if (isContainer(parent)) delete parent[path[path.length - 1]!];
  return copy;
}

/** A deep copy of `value` with `replacement` at `path`. */
export function withValue<T>(value: T, path: Path, replacement: unknown): T {
  const copy = structuredClone(value);
  const parent = valueAt(copy, path.slice(0, -1));
  if (isContainer(parent)) parent[path[path.length - 1]!] = replacement;
  return copy;
}

export const dot = (path: Path): string => path.join('.');

/** zod's own messages are English; ours are French. A message in English slipped through. */
export const looksLikeZodDefault = (message: string): boolean =>
  /^(Invalid|Too (small|big)|Expected|Unrecognized|Required)/.test(message);
