import { laPosteSiren, normalizeSiret, parseSiret } from '@nec/domain';

/** What the SIRET field says while it is typed. */
export type SiretFeedback =
  | { kind: 'none' }
  | { kind: 'progress'; message: string }
  | { kind: 'error'; code: 'format' | 'checksum'; message: string }
  | { kind: 'valid'; laPoste: boolean; message: string };

/**
 * Checks a SIRET as it is typed, with the domain's rule: silent while empty, a count while
 * digits are missing (not an error yet), then a distinct message for a malformed number, a
 * wrong check digit, or a valid one, saying when La Poste's own rule applied.
 */
export function siretFeedback(input: string, finished = false): SiretFeedback {
  const digits = normalizeSiret(input);
  if (digits === '') return { kind: 'none' };
  const parsed = parseSiret(input);
  if (parsed.ok) {
    const laPoste = parsed.value.startsWith(laPosteSiren);
    return {
      kind: 'valid',
      laPoste,
      message: laPoste
        ? 'Numéro valide : c’est un établissement de La Poste, vérifié avec la règle propre à La Poste.'
        : 'Numéro SIRET valide.',
    };
  }
  const code = parsed.error.code === 'checksum' ? 'checksum' : 'format';
  if (code === 'format' && /^\d+$/.test(digits) && digits.length < 14 && !finished) {
    return { kind: 'progress', message: `${digits.length} chiffres saisis sur 14.` };
  }
  return { kind: 'error', code, message: parsed.error.message };
}
