import { z } from 'zod';

/** Longest return path accepted (an invitation link's is about 60 characters). */
export const RETURN_PATH_MAX = 300;

/**
 * A page of the portal to come back to after signing in (`?retour=…`), also carried by the
 * confirmation e-mail's link. Only a local path passes: one leading `/` (never `//`, which a
 * browser reads as another host), then letters, digits and the few signs of a path, a query
 * string and an anchor (the router guard's `fullPath`). No `:` before the query (no scheme),
 * no backslash (read as `/` by browsers), no spaces nor control characters.
 */
export const returnPathSchema = z
  .string()
  .max(RETURN_PATH_MAX, { error: 'Ce chemin de retour est trop long.' })
  .regex(
    /^\/(?![/\\])[A-Za-z0-9\-._~/%]*(\?[A-Za-z0-9\-._~=&%+/:@!$'()*,;]*)?(#[A-Za-z0-9\-._~%]*)?$/,
    {
      error: 'Ce chemin de retour n’est pas une page de la plateforme.',
    },
  );

/** The return path if it is a safe local one, else `null` (never a reason to fail a page). */
export function safeReturnPath(value: unknown): string | null {
  const parsed = returnPathSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
