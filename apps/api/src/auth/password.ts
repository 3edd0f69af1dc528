import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DEFAULT_SCRYPT_COST } from '../config/config.js';

/**
 * Password hashing with scrypt (memory-hard, built into Node: no native add-on to compile).
 * Stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later without breaking old hashes.
 */
const KEY_LENGTH = 32;

/** scrypt's parameters for a cost given as log2(N) (`NEC_PASSWORD_SCRYPT_COST`). */
function parameters(cost: number) {
  return { N: 2 ** cost, r: 8, p: 1 } as const;
}

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { ...options, maxmem: 128 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/** A new hash at `cost` (log2 N); verifying reads the parameters stored with the hash. */
export async function hashPassword(password: string, cost = DEFAULT_SCRYPT_COST): Promise<string> {
  const { N, r, p } = parameters(cost);
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const dummies = new Map<number, Promise<string>>();

/**
 * A hash to verify against when the account does not exist, at the cost real hashes are made
 * at, so timing does not tell (made once per cost).
 */
export function dummyHash(cost = DEFAULT_SCRYPT_COST): Promise<string> {
  let dummy = dummies.get(cost);
  if (!dummy) {
    dummy = hashPassword('not-a-real-password', cost);
    dummies.set(cost, dummy);
  }
  return dummy;
}
