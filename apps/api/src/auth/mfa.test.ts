import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import {
  acceptedTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  recoveryCodeHash,
} from './mfa.js';

const at = new Date('2026-11-30T10:00:00Z');
const epoch = at.getTime() / 1000;

describe('TOTP', () => {
  it('accepts the current code, and the previous one (a clock a little off), once each', async () => {
    const secret = newTotpSecret();
    const now = await generate({ secret, epoch });
    const step = await acceptedTotpStep(secret, now, at, null);
    expect(step).toBe(Math.floor(epoch / 30));
    const before = await generate({ secret, epoch: epoch - 30 });
    expect(await acceptedTotpStep(secret, before, at, null)).toBe(Math.floor(epoch / 30) - 1);
    // Replay: the same code, or an older one, after a code was accepted.
    expect(await acceptedTotpStep(secret, now, at, step)).toBeNull();
    expect(await acceptedTotpStep(secret, before, at, step)).toBeNull();
  });

  it('refuses a code from two minutes ago, a wrong code and what is not six digits', async () => {
    const secret = newTotpSecret();
    expect(
      await acceptedTotpStep(secret, await generate({ secret, epoch: epoch - 120 }), at, null),
    ).toBeNull();
    expect(await acceptedTotpStep(secret, '000000', at, null)).toBeNull();
    expect(await acceptedTotpStep(secret, '12 34', at, null)).toBeNull();
  });

  it('gives authenticator apps an otpauth URI with the issuer and the account', () => {
    const uri = otpauthUri(
      'Numérique en Commun[s]',
      'agent@nec.example',
      'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    );
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(decodeURIComponent(uri)).toContain('agent@nec.example');
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes, hashed the same whatever the case and dashes', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}$/);
    const [first = ''] = codes;
    expect(recoveryCodeHash(first.toUpperCase().replace('-', ' '))).toBe(recoveryCodeHash(first));
  });
});
