import { z } from 'zod';
import { callKindSchema } from '../calls/call-kinds.js';
import {
  catalogueThemeSchema,
  type ThemeFamily,
  themeFamilyOf,
  themeFamilySchema,
} from '../dossiers/themes.js';
import { organisationCategorySchema } from '../organisations/categories.js';
import { dateField, fieldError, group, list, requiredText } from '../shared/fields.js';
import { territoryCodePatterns } from '../territories/territory-ref.js';
import { textSchema } from './counts.js';
import { eventModeSchema } from '../dossiers/formats.js';
import { necLocalBilanSchema } from './local-bilan.js';

const codeField = (pattern: RegExp, missing: string, invalid: string) =>
  z.string({ error: fieldError({ missing, invalid }) }).regex(pattern, { error: invalid });

/**
 * One reported event as the reporting side sees it: the bilan plus the facts it is sliced by.
 * - `year`: the campaign year the event belongs to (normally the year of `eventDate`);
 * - `regionCode` / `departementCode`: INSEE codes, absent for an event with no single one;
 * - `themes`: catalogue theme ids or free themes, exact strings (they are breakdown keys);
 * - `themeFamilies`: families declared by hand, on top of those derived from catalogue themes
 *   (see {@link recordThemeFamilies});
 * - `porteurCategory`: category of the lead organiser.
 */
export const bilanRecordSchema = group(
  {
    id: requiredText('Indiquez l’identifiant du bilan.'),
    year: z
      .number({
        error: fieldError({
          missing: 'Indiquez l’année.',
          invalid: 'L’année doit être un nombre entier.',
        }),
      })
      .int({ error: 'L’année doit être un nombre entier.' })
      .min(2018, { error: 'Les événements NEC commencent en 2018.' }),
    eventDate: dateField('Indiquez la date de l’événement.'),
    regionCode: codeField(
      territoryCodePatterns.region,
      'Indiquez le code de la région.',
      'Un code de région compte 2 chiffres (3 pour l’outre-mer), par exemple 44.',
    ).optional(),
    departementCode: codeField(
      territoryCodePatterns.departement,
      'Indiquez le code du département.',
      'Un code de département compte 2 caractères (3 pour l’outre-mer), par exemple 57 ou 2A.',
    ).optional(),
    themes: list(textSchema('le thème'), 'Indiquez les thèmes de l’événement.'),
    themeFamilies: list(themeFamilySchema, 'Indiquez les familles de thèmes.'),
    eventMode: eventModeSchema,
    porteurCategory: organisationCategorySchema,
    callKind: callKindSchema,
    bilan: necLocalBilanSchema,
  },
  'Transmettez le bilan et son contexte.',
);
export type BilanRecord = z.infer<typeof bilanRecordSchema>;

/**
 * The theme families of a record: its declared `themeFamilies` together with the family of each
 * catalogue theme among its `themes` (free themes have none), without duplicates, in the order
 * of `themeFamilies` then of the themes.
 */
export function recordThemeFamilies(
  record: Pick<BilanRecord, 'themes' | 'themeFamilies'>,
): ThemeFamily[] {
  const derived = record.themes.flatMap((theme) => {
    const parsed = catalogueThemeSchema.safeParse(theme);
    return parsed.success ? [themeFamilyOf[parsed.data]] : [];
  });
  return [...new Set([...record.themeFamilies, ...derived])];
}
