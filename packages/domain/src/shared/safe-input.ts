import { z } from 'zod';
import { dotPath, type FieldIssue } from './issues.js';

/**
 * What any input must respect to be stored: PostgreSQL refuses a NUL character (`\u0000`) in
 * text and jsonb, and a lone UTF-16 surrogate (half of an emoji, `"\ud800"`) is not Unicode at
 * all — it cannot be encoded as UTF-8 without being altered. Integers must fit the `integer`
 * columns (int4). These rules are checked at every edge, with a French message, so that no input
 * reaches the database it would make fail.
 */

/** Largest value of a PostgreSQL `integer` (int4) column: 2³¹ − 1. */
export const int4Max = 2_147_483_647;

/** Stable code of the issue raised for a text holding a NUL or a lone surrogate. */
export const unsafeTextCode = 'invalid-characters';

export const unsafeTextMessage =
  'Ce texte contient un caractère invalide (caractère nul ou caractère mal encodé) : retirez-le ou saisissez-le à nouveau.';

// With the `u` flag a well-formed surrogate pair is one code point: only a lone half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Whether a text can be stored as is: no NUL character and no lone surrogate. */
export function isSafeText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** The text with its unsafe characters replaced by U+FFFD, to quote it safely (paths, logs). */
export function printableText(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD').replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
}

/** A text of at most `max` characters that can be stored (see {@link isSafeText}). */
export function safeText(max: number, tooLong?: string) {
  return z
    .string({ error: 'Saisissez ce champ sous forme de texte.' })
    .max(max, {
      error:
        tooLong ?? `Ce texte est trop long : ${max.toLocaleString('fr-FR')} caractères au maximum.`,
    })
    .refine(isSafeText, { error: unsafeTextMessage, params: { code: unsafeTextCode } });
}

type Path = (string | number)[];

/** Visits every string of a JSON-like value (keys included), with its path. */
function visitStrings(value: unknown, path: Path, visit: (text: string, path: Path) => void): void {
  if (typeof value === 'string') {
    visit(value, path);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => visitStrings(item, [...path, index], visit));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    if (!isSafeText(key)) visit(key, [...path, key]);
    visitStrings(child, [...path, key], visit);
  }
}

function unsafeIssue(path: Path): FieldIssue {
  return {
    path: printableText(dotPath(path)),
    code: unsafeTextCode,
    message: unsafeTextMessage,
  };
}

/** One issue per text (or key) of a JSON-like value that cannot be stored. */
export function findUnsafeText(value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  visitStrings(value, [], (text, path) => {
    if (!isSafeText(text)) issues.push(unsafeIssue(path));
  });
  return issues;
}

/** Message of a field left out of a saved draft. */
export const unsavedFieldMessage = `${unsafeTextMessage} Ce champ n’a pas été enregistré ; le reste l’a été.`;

function strip(value: unknown, path: Path, removed: FieldIssue[]): unknown {
  if (typeof value === 'string') {
    if (isSafeText(value)) return value;
    removed.push({ ...unsafeIssue(path), message: unsavedFieldMessage });
    return undefined;
  }
  if (Array.isArray(value)) {
    // An item left out becomes `null` so the other items keep their index (and their paths).
    return value.map((item, index) => strip(item, [...path, index], removed) ?? null);
  }
  if (typeof value !== 'object' || value === null) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!isSafeText(key)) {
      removed.push({ ...unsafeIssue([...path, key]), message: unsavedFieldMessage });
      continue;
    }
    const stripped = strip(child, [...path, key], removed);
    if (stripped !== undefined) kept[key] = stripped;
  }
  return kept;
}

/**
 * A draft without the values that cannot be stored (text with a NUL or a lone surrogate), and
 * one issue per value left out — so a draft save keeps every other field. Items of a list left
 * out become `null` (the others keep their place).
 */
export function withoutUnsafeText<T extends Record<string, unknown>>(
  value: T,
): { value: Record<string, unknown>; removed: FieldIssue[] } {
  const removed: FieldIssue[] = [];
  const kept = strip(value, [], removed) as Record<string, unknown>;
  return { value: kept, removed };
}
