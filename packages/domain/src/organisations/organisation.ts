import { z } from 'zod';
import { territoryCodePatterns } from '../territories/territory-ref.js';
import { organisationCategorySchema } from './categories.js';
import { siretSchema } from './siret.js';

/** Postal address of an organisation, as far as the rules need it (all parts optional). */
export const organisationAddressSchema = z.object({
  communeCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(territoryCodePatterns.commune, {
      error: 'Le code INSEE de la commune compte 5 caractères (par exemple 57463 ou 2A004).',
    })
    .optional(),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, { error: 'Le code postal compte 5 chiffres.' })
    .optional(),
  city: z
    .string()
    .trim()
    .min(1, { error: 'Veuillez indiquer la ville.' })
    .max(200, { error: 'Le nom de la ville ne doit pas dépasser 200 caractères.' })
    .optional(),
});
export type OrganisationAddress = z.infer<typeof organisationAddressSchema>;

/**
 * A legal entity (personne morale) known to the platform, identified by the SIRET of the
 * establishment that applies. The SIRET is normalised to 14 digits and checked.
 */
export const organisationSchema = z.object({
  siret: siretSchema,
  name: z
    .string({ error: 'Veuillez indiquer le nom de la structure.' })
    .trim()
    .min(1, { error: 'Veuillez indiquer le nom de la structure.' })
    .max(200, { error: 'Le nom de la structure ne doit pas dépasser 200 caractères.' }),
  category: organisationCategorySchema,
  address: organisationAddressSchema.optional(),
});
export type Organisation = z.infer<typeof organisationSchema>;

/**
 * What a user sends to add an organisation by SIRET: the SIRET and the category, which no
 * directory can tell for sure (a tiers-lieu is often an association). The name is optional because
 * the API may fill it, and the address, from the SIRENE directory.
 */
export const organisationInputSchema = organisationSchema
  .pick({ siret: true, name: true, category: true })
  .partial({ name: true });
export type OrganisationInput = z.infer<typeof organisationInputSchema>;
