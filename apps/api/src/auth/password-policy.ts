import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as french from '@zxcvbn-ts/language-fr';
import { badRequest, type ApiError } from '../common/errors.js';

/**
 * What makes a password acceptable beyond its length (ASVS V6.2): not a common or breached
 * password, not built from the person's own name or address or from the programme's words.
 * zxcvbn-ts estimates how many guesses a cracker needs, with its common-password list and
 * French dictionary; a score of 3 means about 10^8 guesses, the level it recommends for
 * online attacks with throttling, which sign-in has.
 */
const MIN_SCORE = 3;

/** Words anyone attacking a NEC account would try first. */
const PROGRAMME_WORDS = [
  'nec',
  'anct',
  'numerique',
  'numérique',
  'commun',
  'communs',
  'mediation',
  'médiation',
  'inclusion',
];

/** Letters that must remain once the context words, digits and symbols are taken out. */
const MIN_OWN_LETTERS = 4;

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...french.dictionary },
  graphs: common.adjacencyGraphs,
  translations: french.translations,
});

export interface PasswordContext {
  email?: string | undefined;
  displayName?: string | undefined;
}

/** The words of a person's name and address, lower-cased, at least 3 letters each. */
export function contextWords(context: PasswordContext): string[] {
  const fromEmail = (context.email ?? '').toLowerCase().split(/[@._+-]+/);
  const fromName = (context.displayName ?? '').toLowerCase().split(/[\s.'’_-]+/);
  return [...new Set([...PROGRAMME_WORDS, ...fromEmail, ...fromName])].filter(
    (word) => word.length >= 3,
  );
}

/** The French reason a password is refused, or null when it is acceptable. */
export function passwordWeakness(password: string, context: PasswordContext = {}): string | null {
  const words = contextWords(context);
  let rest = password.toLowerCase();
  for (const word of [...words].sort((a, b) => b.length - a.length))
    rest = rest.split(word).join('');
  const ownLetters = rest.replace(/[^\p{L}]/gu, '');
  if (ownLetters.length < MIN_OWN_LETTERS) {
    return 'Ce mot de passe repose sur votre nom, votre adresse ou des mots du programme : choisissez-en un que l’on ne peut pas deviner à partir d’eux.';
  }
  const result = zxcvbn.check(password, words);
  if (result.score >= MIN_SCORE) return null;
  const hint = [result.feedback.warning, ...result.feedback.suggestions]
    .filter((text): text is string => Boolean(text))
    .join(' ');
  return `Ce mot de passe est trop facile à deviner.${hint ? ` ${hint}` : ''} Une phrase de plusieurs mots inhabituels est à la fois sûre et facile à retenir.`;
}

/** Throws the field error of a weak password (field `path`, code `weak-password`). */
export function assertStrongPassword(
  password: string,
  context: PasswordContext,
  path = 'password',
): void {
  const weakness = passwordWeakness(password, context);
  if (weakness) throw weakPassword(weakness, path);
}

function weakPassword(message: string, path: string): ApiError {
  return badRequest('weak-password', message, [{ path, code: 'weak-password', message }]);
}
