import { z } from 'zod';
import { err, ok, type Result } from '../shared/result.js';
import { hasValidLuhnChecksum } from './luhn.js';

/**
 * SIREN (9 digits, identifies a legal entity) and SIRET (14 digits = SIREN + 5-digit NIC,
 * identifies one of its establishments), as issued by INSEE. Both end with a Luhn check digit,
 * except most SIRETs of La Poste, which INSEE numbers with a digit-sum rule instead.
 */

/** SIREN of La Poste: its establishments' SIRETs may follow the digit-sum rule. */
export const laPosteSiren = '356000000';

/** Separators people type or paste inside identifiers: spaces (incl. non-breaking), dots, dashes. */
const separators = /[\s\u00a0\u202f.\-\u2010\u2011]/g;

/**
 * Removes the separators users commonly put in a SIRET (spaces, including non-breaking ones,
 * dots and dashes). Other characters are kept so that validation can reject them.
 */
export function normalizeSiret(input: string): string {
  return input.replace(separators, '');
}

/** Same normalisation as {@link normalizeSiret}, for a SIREN. */
export function normalizeSiren(input: string): string {
  return normalizeSiret(input);
}

/** Sum of the digits of a digit string. */
function digitSum(digits: string): number {
  let sum = 0;
  for (const char of digits) sum += Number(char);
  return sum;
}

/** Whether a 14-digit string passes the checksum: Luhn, or La Poste's digit sum divisible by 5. */
function hasValidSiretChecksum(digits: string): boolean {
  if (hasValidLuhnChecksum(digits)) return true;
  // La Poste's head office SIRET is Luhn-valid; its other establishments use the digit sum instead.
  return digits.startsWith(laPosteSiren) && digitSum(digits) % 5 === 0;
}

/**
 * Why an identifier was rejected, with a French message ready to show: `empty`; `format` (not
 * only digits, or the wrong count); `checksum` (Luhn key wrong: a typo); `la-poste-checksum`
 * (a SIRET of La Poste, whose establishments follow INSEE's digit-sum rule, fails both rules).
 */
export type IdentifierError = {
  code: 'empty' | 'format' | 'checksum' | 'la-poste-checksum';
  message: string;
};

type IdentifierRule = {
  label: 'SIRET' | 'SIREN';
  length: number;
  checksum: (digits: string) => boolean;
};

const siretRule: IdentifierRule = { label: 'SIRET', length: 14, checksum: hasValidSiretChecksum };
const sirenRule: IdentifierRule = { label: 'SIREN', length: 9, checksum: hasValidLuhnChecksum };

function parseIdentifier(input: string, rule: IdentifierRule): Result<string, IdentifierError> {
  const digits = normalizeSiret(input);
  if (digits === '') {
    return err({ code: 'empty', message: `Veuillez saisir le numéro ${rule.label}.` });
  }
  if (!/^\d+$/.test(digits)) {
    return err({
      code: 'format',
      message: `Un numéro ${rule.label} ne contient que des chiffres (espaces, points et tirets acceptés).`,
    });
  }
  if (digits.length !== rule.length) {
    return err({
      code: 'format',
      message: `Un numéro ${rule.label} compte ${rule.length} chiffres ; vous en avez saisi ${digits.length}.`,
    });
  }
  if (!rule.checksum(digits) && rule.label === 'SIRET' && digits.startsWith(laPosteSiren)) {
    return err({
      code: 'la-poste-checksum',
      message:
        'Ce numéro SIRET de La Poste n’est pas valide : la somme de ses chiffres devrait être un multiple de 5 (règle propre à La Poste). Vérifiez qu’aucun chiffre n’a été mal recopié.',
    });
  }
  if (!rule.checksum(digits)) {
    return err({
      code: 'checksum',
      message: `Ce numéro ${rule.label} n’est pas valide (sa clé de contrôle ne correspond pas) : vérifiez qu’aucun chiffre n’a été inversé ou mal recopié.`,
    });
  }
  return ok(digits);
}

/**
 * Normalises then checks a SIRET. On success, the value is the 14 digits without separators;
 * on failure, a typed error says whether it was empty, malformed or had a wrong checksum.
 */
export function parseSiret(input: string): Result<string, IdentifierError> {
  return parseIdentifier(input, siretRule);
}

/** Normalises then checks a SIREN (9 digits, Luhn). Same error codes as {@link parseSiret}. */
export function parseSiren(input: string): Result<string, IdentifierError> {
  return parseIdentifier(input, sirenRule);
}

/** Whether the input (separators allowed) is a valid SIRET, La Poste's digit-sum rule included. */
export function isValidSiret(input: string): boolean {
  return parseSiret(input).ok;
}

/** Whether the input (separators allowed) is a valid SIREN. */
export function isValidSiren(input: string): boolean {
  return parseSiren(input).ok;
}

/** The SIREN (first 9 digits) of a SIRET; the SIRET is normalised first, not validated. */
export function sirenOf(siret: string): string {
  return normalizeSiret(siret).slice(0, 9);
}

function identifierSchema(
  parse: (input: string) => Result<string, IdentifierError>,
  label: string,
) {
  return z
    .string({ error: `Veuillez saisir le numéro ${label} sous forme de texte.` })
    .overwrite(normalizeSiret)
    .superRefine((value, ctx) => {
      const parsed = parse(value);
      if (!parsed.ok) {
        // A code per reason (`siret-format`, `siret-checksum`, `siret-la-poste-checksum`…),
        // which `describeIssues` passes on: a form tells a typo from a malformed entry.
        ctx.addIssue({
          code: 'custom',
          message: parsed.error.message,
          params: { reason: parsed.error.code, code: identifierErrorCode(label, parsed.error) },
        });
      }
    });
}

/** The field error code of an identifier error: `siret-checksum`, `siren-format`… */
export function identifierErrorCode(label: string, error: IdentifierError): string {
  return `${label.toLowerCase()}-${error.code}`;
}

/** A SIRET as typed by a user: accepted with separators, output as 14 normalised digits. */
export const siretSchema = identifierSchema(parseSiret, 'SIRET');

/** A SIREN as typed by a user: accepted with separators, output as 9 normalised digits. */
export const sirenSchema = identifierSchema(parseSiren, 'SIREN');
