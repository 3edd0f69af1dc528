import { z } from 'zod';

/** Levels of French geography a NEC area can be made of. */
export const territoryKinds = ['commune', 'epci', 'departement', 'region'] as const;

/** One of {@link territoryKinds}, with a French message when the value is not in the list. */
export const territoryKindSchema = z.enum(territoryKinds, {
  error: 'Choisissez le type de territoire : commune, intercommunalité, département ou région.',
});
export type TerritoryKind = z.infer<typeof territoryKindSchema>;

/** French names of the kinds, for forms and messages. */
export const territoryKindLabels: Record<TerritoryKind, string> = {
  commune: 'Commune',
  epci: 'Intercommunalité (EPCI)',
  departement: 'Département',
  region: 'Région',
};

/**
 * Syntax of the official code of each kind: INSEE code for communes (Corsica: 2A/2B), SIREN for
 * EPCI, INSEE codes for départements and régions. Overseas (97x) and Pacific (98x) collectivités
 * use three-digit codes. Existence is checked separately against the reference data.
 */
export const territoryCodePatterns: Record<TerritoryKind, RegExp> = {
  commune: /^(?:\d{5}|2[AB]\d{3})$/,
  epci: /^\d{9}$/,
  departement: /^(?:\d{2}|2[AB]|9[78]\d)$/,
  region: /^(?:\d{2}|9[78]\d)$/,
};

const codeHints: Record<TerritoryKind, string> = {
  commune: 'le code INSEE d’une commune compte 5 caractères (par exemple 75056 ou 2A004)',
  epci: 'une intercommunalité se désigne par son numéro SIREN à 9 chiffres',
  departement:
    'un code de département compte 2 caractères (3 en outre-mer), par exemple 57, 2A ou 974',
  region:
    'un code de région compte 2 chiffres (3 pour une collectivité d’outre-mer), par exemple 44',
};

/** Whether `code` has the syntax of an official code of that kind (not whether it exists). */
export function hasTerritoryCodeSyntax(kind: TerritoryKind, code: string): boolean {
  return territoryCodePatterns[kind].test(code);
}

/**
 * A reference to one territory by kind and official code. The code is trimmed and upper-cased
 * (so "2a004" becomes "2A004") and its syntax checked for the kind; see knownTerritoryRefSchema
 * to also require that it exists.
 */
export const territoryRefSchema = z
  .object({
    kind: territoryKindSchema,
    code: z
      .string({ error: 'Veuillez indiquer le code officiel du territoire.' })
      .trim()
      .toUpperCase(),
  })
  .superRefine((ref, ctx) => {
    if (!hasTerritoryCodeSyntax(ref.kind, ref.code)) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        // Stop here: looking up a malformed code would only add a second, vaguer message.
        continue: false,
        message: `Le code « ${ref.code} » n’a pas la forme attendue : ${codeHints[ref.kind]}.`,
      });
    }
  });
export type TerritoryRef = z.infer<typeof territoryRefSchema>;
