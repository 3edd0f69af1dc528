import {
  membershipRoleSchema,
  organisationAddressSchema,
  organisationInputSchema,
  organisationSchema,
  isoDateTimeSchema,
} from '@nec/domain';
import { z } from 'zod';
import { pageOf, pageQuerySchema } from './page.js';
import { route } from './route.js';
import { strictDeep } from './strict-deep.js';

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

export { membershipRoleSchema, type MembershipRole } from '@nec/domain';

/** A person acting for an organisation (visible to its members only). */
export const memberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  role: membershipRoleSchema,
  memberSince: isoDateTimeSchema,
});
export type MemberDto = z.infer<typeof memberSchema>;

/** An organisation as its members see it, with the caller's own role in it. */
export const organisationDtoSchema = organisationSchema
  .pick({ siret: true, name: true, category: true })
  .extend({
    id: z.uuid(),
    siren: z.string().regex(/^\d{9}$/),
    communeCode: z.string().nullable(),
    createdAt: isoDateTimeSchema,
    /**
     * When an agent checked that the accounts managing it represent it; null: unverified
     * (registering a SIRET proves nothing by itself).
     */
    verifiedAt: isoDateTimeSchema.nullable(),
    role: membershipRoleSchema,
  });
export type OrganisationDto = z.infer<typeof organisationDtoSchema>;

export const myOrganisationSchema = organisationDtoSchema.extend({
  members: z.array(memberSchema),
});
export type MyOrganisationDto = z.infer<typeof myOrganisationSchema>;

/** The role an owner gives a member (« Nommer responsable ») or takes back. */
export const memberRoleInputSchema = z.strictObject({ role: membershipRoleSchema });
export type MemberRoleInput = z.infer<typeof memberRoleInputSchema>;

/** The verification an agent records (or withdraws) for an organisation. */
export const organisationVerificationSchema = z.strictObject({
  verified: z.boolean({ error: 'Indiquez si la structure est vérifiée (true) ou non (false).' }),
});
export const verifiedOrganisationSchema = organisationDtoSchema.omit({ role: true });

const organisationParams = z.object({ id: z.uuid() });
const tag = 'Structures';

export const organisations = {
  create: route({
    method: 'POST',
    path: '/api/organisations',
    summary:
      'Inscrire une structure par son SIRET (vous en devenez responsable) ; 409 si elle est déjà inscrite : demandez alors à la rejoindre',
    tag,
    body: createOrganisationSchema,
    status: 201,
    response: organisationDtoSchema,
    errors: [409],
  }),
  mine: route({
    method: 'GET',
    path: '/api/organisations/mine',
    summary: 'Mes structures, avec mon rôle et leurs membres',
    tag,
    query: pageQuerySchema,
    status: 200,
    response: pageOf(myOrganisationSchema),
  }),
  setMemberRole: route({
    method: 'PUT',
    path: '/api/organisations/:id/members/:userId/role',
    summary:
      'Changer le rôle d’un membre (responsable) ; 409 si la structure resterait sans responsable',
    tag,
    params: organisationParams.extend({ userId: z.uuid() }),
    body: memberRoleInputSchema,
    status: 200,
    response: memberSchema,
    errors: [409],
  }),
  removeMember: route({
    method: 'DELETE',
    path: '/api/organisations/:id/members/:userId',
    summary: 'Retirer un membre (responsable), ou quitter la structure soi-même',
    tag,
    params: organisationParams.extend({ userId: z.uuid() }),
    status: 204,
    response: null,
    errors: [409],
  }),
  verify: route({
    method: 'PUT',
    path: '/api/instruction/organisations/:id/verification',
    summary:
      'Marquer une structure comme vérifiée (les comptes qui la gèrent la représentent bien), ou retirer cette mention',
    tag,
    params: organisationParams,
    body: organisationVerificationSchema,
    status: 200,
    response: verifiedOrganisationSchema,
  }),
};
