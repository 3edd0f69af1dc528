import {
  organisationAddressSchema,
  organisationInputSchema,
  organisationSchema,
} from '@nec/domain';
import type { z } from 'zod';
import { signUpSchema } from '../auth/auth.schemas.js';
import { strictDeep } from '../common/strict-deep.js';

/**
 * Request bodies of the organisation endpoints, derived from the domain's schemas, with unknown
 * keys refused (see `strictDeep`).
 */

/**
 * An organisation as an applicant declares it: the domain's input (SIRET normalised and checked,
 * category), with the name required (no directory fills it here) and an optional commune code.
 */
export const createOrganisationSchema = strictDeep(
  organisationInputSchema.extend({
    name: organisationSchema.shape.name,
    communeCode: organisationAddressSchema.shape.communeCode,
  }),
);
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;

/** The applicant account an owner adds to the organisation, by its e-mail address. */
export const addMemberSchema = strictDeep(signUpSchema.pick({ email: true }));
export type AddMemberInput = z.infer<typeof addMemberSchema>;
