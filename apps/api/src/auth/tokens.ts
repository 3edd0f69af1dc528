import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: session cookies, CSRF tokens, e-mail links. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored hashed: a leaked table does not open sessions. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
