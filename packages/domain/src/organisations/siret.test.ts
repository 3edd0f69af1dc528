import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { describeIssues } from '../shared/issues.js';
import { luhnCheckDigit } from './luhn.js';
import {
  isValidSiren,
  isValidSiret,
  normalizeSiren,
  normalizeSiret,
  parseSiret,
  parseSiren,
  siretSchema,
  sirenSchema,
  sirenOf,
} from './siret.js';

const digits = (length: number) => fc.stringMatching(new RegExp(`^\\d{${length}}$`));
/** Strings mixing digits, every accepted separator and a few stray characters. */
const typedIdentifier = fc.string({
  unit: fc.constantFrom('0', '3', '5', '7', ' ', '\u00a0', '\u202f', '.', '-', 'a', 'O', '/'),
  maxLength: 20,
});
/** A Luhn-valid SIRET that is not La Poste's, built from 13 random digits. */
const ordinarySiret = digits(13)
  .filter((payload) => !payload.startsWith('356000000'))
  .map((payload) => payload + luhnCheckDigit(payload)!);

describe('normalizeSiret / normalizeSiren', () => {
  it('removes spaces, non-breaking spaces, dots and dashes', () => {
    expect(normalizeSiret('732 829 320 00074')).toBe('73282932000074');
    expect(normalizeSiret('732\u00a0829\u202f320\t00074')).toBe('73282932000074');
    expect(normalizeSiret('732.829.320-00074')).toBe('73282932000074');
    expect(normalizeSiren(' 732-829-320 ')).toBe('732829320');
  });

  it('keeps other characters so that validation can reject them', () => {
    expect(normalizeSiret('73282932O0074')).toBe('73282932O0074');
  });

  it('is idempotent and leaves no separator behind', () => {
    fc.assert(
      fc.property(typedIdentifier, (input) => {
        const once = normalizeSiret(input);
        expect(normalizeSiret(once)).toBe(once);
        expect(once).not.toMatch(/[\s.-]/);
      }),
    );
  });
});

describe('isValidSiren', () => {
  it('accepts Luhn-valid 9-digit numbers', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('200039865')).toBe(true);
    expect(isValidSiren('356000000')).toBe(true);
    expect(isValidSiren('732 829 320')).toBe(true);
  });

  it('rejects a wrong check digit, a wrong length and letters', () => {
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiren('73282932')).toBe(false);
    expect(isValidSiren('7328293200')).toBe(false);
    expect(isValidSiren('73282932A')).toBe(false);
    expect(isValidSiren('')).toBe(false);
  });
});

describe('isValidSiret', () => {
  it('accepts Luhn-valid 14-digit numbers, with or without separators', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('732 829 320 00074')).toBe(true);
    expect(isValidSiret('732.829.320.00074')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidSiret('73282932000075')).toBe(false);
  });

  it('rejects a wrong length and letters', () => {
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('732829320000740')).toBe(false);
    expect(isValidSiret('732829320000A4')).toBe(false);
    expect(isValidSiret('732829320')).toBe(false);
  });

  it('accepts La Poste establishments whose digit sum is divisible by 5', () => {
    // 3+5+6+1+5 = 20, and the Luhn formula fails for this one: only the La Poste rule applies.
    expect(isValidSiret('35600000000015')).toBe(true);
    expect(isValidSiret('35600000000010')).toBe(true);
  });

  it('accepts the Luhn-valid head office of La Poste although its digit sum is 26', () => {
    expect(isValidSiret('35600000000048')).toBe(true);
  });

  it('rejects La Poste SIRETs that pass neither rule', () => {
    // Digit sum 16, and not Luhn-valid.
    expect(isValidSiret('35600000000011')).toBe(false);
    expect(isValidSiret('35600000000049')).toBe(false);
  });

  it('does not apply the digit-sum rule outside La Poste', () => {
    // Same NIC as a valid La Poste SIRET, another (Luhn-valid) SIREN: digit sum 15, Luhn fails.
    expect(isValidSiret('73282932000000')).toBe(false);
  });

  it('accepts any 13 digits followed by their Luhn check digit', () => {
    fc.assert(
      fc.property(digits(13), (payload) => {
        expect(isValidSiret(payload + luhnCheckDigit(payload)!)).toBe(true);
      }),
    );
  });

  it('rejects a valid SIRET once any single digit is changed (outside La Poste)', () => {
    fc.assert(
      fc.property(
        ordinarySiret,
        fc.nat(13),
        fc.integer({ min: 1, max: 9 }),
        (siret, position, shift) => {
          const changed = String((Number(siret[position]) + shift) % 10);
          const altered = siret.slice(0, position) + changed + siret.slice(position + 1);
          fc.pre(!altered.startsWith('356000000'));
          expect(isValidSiret(altered)).toBe(false);
        },
      ),
    );
  });

  it('gives the same answer before and after normalisation', () => {
    fc.assert(
      fc.property(typedIdentifier, (input) => {
        expect(isValidSiret(normalizeSiret(input))).toBe(isValidSiret(input));
      }),
    );
  });
});

describe('parseSiret / parseSiren', () => {
  it('returns the normalised digits on success', () => {
    expect(parseSiret(' 732 829 320 00074 ')).toEqual({ ok: true, value: '73282932000074' });
    expect(parseSiren('732.829.320')).toEqual({ ok: true, value: '732829320' });
  });

  it('reports an empty input', () => {
    const result = parseSiret('  . - ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('empty');
  });

  it('reports a format error with the count typed', () => {
    const result = parseSiret('732 829 320 0007');
    expect(result).toMatchObject({ ok: false, error: { code: 'format' } });
    if (!result.ok) expect(result.error.message).toContain('13');
  });

  it('reports letters as a format error', () => {
    expect(parseSiren('ABC123456')).toMatchObject({ ok: false, error: { code: 'format' } });
  });

  it('reports a checksum error in French', () => {
    const result = parseSiret('73282932000075');
    expect(result).toMatchObject({ ok: false, error: { code: 'checksum' } });
    if (!result.ok) expect(result.error.message).toMatch(/SIRET/);
  });
});

describe('distinct error codes', () => {
  const codes = (input: unknown) => {
    const parsed = siretSchema.safeParse(input);
    return parsed.success ? [] : describeIssues(parsed.error).map((i) => i.code);
  };
  it('tells format, checksum and La Poste’s rule apart, in the schema’s field errors', () => {
    expect(codes('732 829 320 0007')).toEqual(['siret-format']);
    expect(codes('7328293200007A')).toEqual(['siret-format']);
    expect(codes('73282932000075')).toEqual(['siret-checksum']);
    expect(codes('35600000000011')).toEqual(['siret-la-poste-checksum']);
    expect(codes('')).toEqual(['siret-empty']);
    expect(codes('35600000000015')).toEqual([]);
  });
  it('keeps the reason in parseSiret', () => {
    expect(parseSiret('35600000000049')).toMatchObject({
      ok: false,
      error: { code: 'la-poste-checksum' },
    });
  });
});

describe('sirenOf', () => {
  it('returns the first nine digits of a SIRET', () => {
    expect(sirenOf('732 829 320 00074')).toBe('732829320');
  });

  it('returns La Poste’s SIREN for any of its establishments', () => {
    expect(sirenOf('35600000000015')).toBe('356000000');
  });
});

describe('siretSchema / sirenSchema', () => {
  it('outputs normalised digits', () => {
    expect(siretSchema.parse('732 829 320 00074')).toBe('73282932000074');
    expect(sirenSchema.parse('732-829-320')).toBe('732829320');
  });

  it('rejects invalid values with the French message of the rule', () => {
    const result = siretSchema.safeParse('73282932000075');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('clé de contrôle');
  });

  it('rejects non-strings with a French message', () => {
    const result = sirenSchema.safeParse(732829320);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('SIREN');
  });
});
