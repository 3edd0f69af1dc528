/**
 * The Luhn formula, used by INSEE for SIREN and SIRET check digits.
 * Kept apart from the SIRET rules so that its own behaviour is tested on textbook values.
 */

/** Luhn weighted sum of a digit string: from the right, every second digit is doubled (minus 9 above 9). */
function luhnSum(digits: string, doubleRightmost: boolean): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if ((i % 2 === 0) === doubleRightmost) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}

/**
 * Whether a string of digits (check digit included, at the end) satisfies the Luhn formula.
 * Returns false for an empty string or any non-digit character.
 */
export function hasValidLuhnChecksum(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/**
 * The Luhn check digit to append to `payload` (digits only) so that the whole passes
 * {@link hasValidLuhnChecksum}. Returns undefined when `payload` is not made of digits.
 */
export function luhnCheckDigit(payload: string): string | undefined {
  if (!/^\d+$/.test(payload)) return undefined;
  // Once the check digit is appended, the payload's rightmost digit is the first doubled one.
  return String((10 - (luhnSum(payload, true) % 10)) % 10);
}
