// Schema-free on purpose: the portal's header checks its return path on every page, before any
// schema (and zod) is loaded. The request bodies' schema (`returnPathSchema`, in auth.ts) is
// built from the same limit and pattern.

/** Longest return path accepted (an invitation link's is about 60 characters). */
export const RETURN_PATH_MAX = 300;

/**
 * A page of the portal to come back to after signing in (`?retour=…`), also carried by the
 * confirmation e-mail's link. Only a local path passes: one leading `/` (never `//`, which a
 * browser reads as another host), then letters, digits and the few signs of a path, a query
 * string and an anchor (the router guard's `fullPath`). No `:` before the query (no scheme),
 * no backslash (read as `/` by browsers), no spaces nor control characters.
 */
export const RETURN_PATH_PATTERN =
  /^\/(?![/\\])[A-Za-z0-9\-._~/%]*(\?[A-Za-z0-9\-._~=&%+/:@!$'()*,;]*)?(#[A-Za-z0-9\-._~%]*)?$/;

/** The return path if it is a safe local one, else `null` (never a reason to fail a page). */
export function safeReturnPath(value: unknown): string | null {
  return typeof value === 'string' &&
    value.length <= RETURN_PATH_MAX &&
    RETURN_PATH_PATTERN.test(value)
    ? value
    : null;
}
