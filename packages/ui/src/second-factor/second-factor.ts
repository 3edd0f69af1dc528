import { formatInstantFr } from '@nec/domain';
import type { recoveryCodesSchema, totpSetupSchema } from '@nec/contracts';
import type { z } from 'zod';
import { describeError } from '../states/describe-error.js';

/**
 * What the second-factor screens need from the API, passed in by each app (`@nec/ui` does not
 * call the API itself): the shapes are the contract's.
 */
export type TotpSetup = z.output<typeof totpSetupSchema>;
export type RecoveryCodes = z.output<typeof recoveryCodesSchema>;

/** `WED65RS7TCGF…` → `WED6 5RS7 TCGF …`: a secret typed by hand, four signs at a time. */
export function groupSecret(secret: string, size = 4): string {
  const compact = secret.replace(/\s/g, '');
  return (compact.match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join(' ');
}

/** What the person typed, as the API reads it: `123 456` → `123456`, `AB2C-D3EF` kept. */
export function compactCode(code: string): string {
  return code.replace(/\s/g, '');
}

/** Why a code was refused, ready for the screen: on the field, or above the form. */
export interface CodeFailure {
  /** The message to put on the code field (a wrong or used code). */
  field: string | null;
  /** The message to put above the form (too many tries, expired session, outage…). */
  alert: string | null;
  /** When a 429 says when to try again. */
  retryAt: Date | null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

/**
 * Reads a failed call the way `describeError` does (by shape, not by class: this package does
 * not depend on the client): the API's field message for `code`, a 429's delay, or the error's
 * own French message.
 */
export function codeFailure(error: unknown, now: Date = new Date()): CodeFailure {
  const shape = record(error);
  const fieldErrors = record(shape?.fieldErrors);
  const fieldMessage = fieldErrors?.code;
  if (typeof fieldMessage === 'string') return { field: fieldMessage, alert: null, retryAt: null };
  if (shape?.status === 429) {
    const seconds = typeof shape.retryAfterSeconds === 'number' ? shape.retryAfterSeconds : 60;
    return {
      field: null,
      alert: describeError(error).message,
      retryAt: new Date(now.getTime() + seconds * 1000),
    };
  }
  return { field: null, alert: describeError(error).message, retryAt: null };
}

/** `14 h 05`: when the person may try again, in the French way of writing hours. */
export function frenchTime(date: Date): string {
  const hours = String(date.getHours());
  const minutes = String(date.getMinutes()).padStart(2, '0');
  return `${hours} h ${minutes}`;
}

/** The text file of recovery codes: what they are, for which account, then one code a line. */
export function recoveryCodesText(
  codes: readonly string[],
  options: { account: string; service: string; createdAt: Date },
): string {
  const day = formatInstantFr(options.createdAt, { time: false });
  return [
    `${options.service} — codes de secours`,
    `Compte : ${options.account}`,
    `Créés le ${day}`,
    '',
    'Chacun de ces codes remplace une fois le code de votre application d’authentification,',
    'par exemple si vous avez perdu votre téléphone. Un code utilisé ne sert plus.',
    'Gardez ce fichier en lieu sûr (coffre-fort de mots de passe, papier sous clé).',
    '',
    ...codes,
    '',
  ].join('\r\n');
}

/**
 * One SVG path drawing the dark modules of a QR code (a square of booleans, quiet zone
 * included): one `h1v1h-1z` square per module, merged along each row.
 */
export function qrCodePath(modules: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x += 1;
      parts.push(`M${start} ${y}h${x - start}v1h-${x - start}z`);
    }
  });
  return parts.join('');
}
