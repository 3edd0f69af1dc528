import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { sha256 } from './tokens.js';

/**
 * Second factor: TOTP (RFC 6238, 6 digits, 30 s, SHA-1 — what every authenticator app reads)
 * and single-use recovery codes. otplib does the RFC; this file holds our choices.
 */
const PERIOD_SECONDS = 30;
/** One step either side: a phone clock a little off, or a code typed as it changes. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;
export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): string {
  return generateSecret();
}

export function otpauthUri(issuer: string, email: string, secret: string): string {
  return generateURI({ issuer, label: email, secret });
}

/**
 * The time step of a valid code, or null. A code at or before `lastStep` (already used) is
 * refused, so a code seen over a shoulder cannot be replayed within its 30 seconds.
 */
export async function acceptedTotpStep(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  }).catch(() => ({ valid: false as const }));
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Ten codes like `7k2m-q9xd`, shown once; only their hashes are kept. */
export function newRecoveryCodes(): string[] {
  // 32 signs (no i, l, o, 1: misread on paper), so byte % 32 is unbiased; 40 bits a code.
  const alphabet = 'abcdefghjkmnpqrstuvwxyz023456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

/** Codes are compared case- and dash-insensitively: what matters is what was printed. */
export function recoveryCodeHash(code: string): string {
  return sha256(code.toLowerCase().replace(/[^a-z0-9]/g, ''));
}
