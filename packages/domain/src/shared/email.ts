/**
 * An e-mail address as accounts compare it: surrounding spaces dropped, lower-cased. One account
 * per address whatever its case; an invitation is for the account of that address; the sign-in
 * limits count per address.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
