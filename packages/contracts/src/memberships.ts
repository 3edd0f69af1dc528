import { isoDateTimeSchema, normaliseEmail, siretSchema } from '@nec/domain';
import { z } from 'zod';
import { emailSchema } from './auth.js';
import { organisationDtoSchema } from './organisations.js';
import { pageOf, pageQuerySchema } from './page.js';
import { route } from './route.js';
import { strictDeep } from './strict-deep.js';

/**
 * Joining an organisation takes the consent of both sides: an owner invites an address and the
 * person accepts (invitations), or a person asks and an owner accepts (join requests). Neither
 * step tells the inviter whether an account exists for the address.
 */

/** Days an invitation link stays valid. */
export const INVITATION_VALIDITY_DAYS = 7;
/** Longest message a join request may carry. */
export const JOIN_REQUEST_MESSAGE_MAX = 1000;

/** An address as typed, normalised as accounts compare them (the domain's `normaliseEmail`). */
const invitedEmailSchema = z
  .string({ error: 'Saisissez une adresse électronique valide.' })
  .overwrite(normaliseEmail)
  .pipe(emailSchema);

/** The address an owner invites. */
export const invitationInputSchema = strictDeep(z.object({ email: invitedEmailSchema }));
export type InvitationInput = z.input<typeof invitationInputSchema>;

/** A pending invitation, as the organisation's owners see it. */
export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  invitedAt: isoDateTimeSchema,
  expiresAt: isoDateTimeSchema,
  /** The owner who sent it (null once their account is gone). */
  invitedBy: z.string().nullable(),
  /** Past `expiresAt`: the link no longer works; invite the address again to send a new one. */
  expired: z.boolean(),
});
export type InvitationDto = z.infer<typeof invitationSchema>;

export const invitationStatusSchema = z.enum([
  'pending',
  'accepted',
  'declined',
  'revoked',
  'expired',
]);

/** An invitation as its addressee sees it through the link's token. */
export const receivedInvitationSchema = z.object({
  organisation: organisationDtoSchema.pick({ id: true, name: true, siret: true }),
  invitedBy: z.string().nullable(),
  email: z.string(),
  expiresAt: isoDateTimeSchema,
});
export type ReceivedInvitationDto = z.infer<typeof receivedInvitationSchema>;

/**
 * What an invitation link shows before signing in, to whoever holds it: the organisation, and
 * while it is open the address it was sent to (the holder read it in the e-mail), so that they
 * sign in or sign up with the right account. `answered`: accepted or declined already.
 */
export const invitationPreviewSchema = z.object({
  organisation: z.string(),
  status: z.enum(['pending', 'answered', 'revoked', 'expired']),
  /** The invited address, while the invitation is pending only. */
  email: z.string().nullable(),
});
export type InvitationPreviewDto = z.infer<typeof invitationPreviewSchema>;

/** The request to join a registered organisation, by its SIRET, with a word for its owners. */
export const joinRequestInputSchema = strictDeep(
  z.object({
    siret: siretSchema,
    message: z
      .string({ error: 'Le message doit être un texte.' })
      .trim()
      .max(JOIN_REQUEST_MESSAGE_MAX, {
        error: `Le message ne doit pas dépasser ${JOIN_REQUEST_MESSAGE_MAX} caractères.`,
      })
      .optional(),
  }),
);
export type JoinRequestInput = z.input<typeof joinRequestInputSchema>;

/** `cancelled` by its author: such requests are listed in the data export only. */
export const joinRequestStatusSchema = z.enum(['pending', 'accepted', 'declined', 'cancelled']);
export type JoinRequestStatus = z.infer<typeof joinRequestStatusSchema>;

/** A request to join, as its author sees it. */
export const myJoinRequestSchema = z.object({
  id: z.uuid(),
  organisation: organisationDtoSchema.pick({ name: true, siret: true }),
  message: z.string().nullable(),
  status: joinRequestStatusSchema,
  requestedAt: isoDateTimeSchema,
  decidedAt: isoDateTimeSchema.nullable(),
});
export type MyJoinRequestDto = z.infer<typeof myJoinRequestSchema>;

/** A pending request to join, as the organisation's owners see it: who asks, and their word. */
export const joinRequestSchema = z.object({
  id: z.uuid(),
  requester: z.object({ displayName: z.string(), email: z.string() }),
  message: z.string().nullable(),
  requestedAt: isoDateTimeSchema,
});
export type JoinRequestDto = z.infer<typeof joinRequestSchema>;

const organisationParams = z.object({ id: z.uuid() });
const tokenParams = z.object({ token: z.string() });
const tag = 'Membres des structures';

export const memberships = {
  invite: route({
    method: 'POST',
    path: '/api/organisations/:id/invitations',
    summary:
      'Inviter une adresse électronique à rejoindre la structure (responsable) ; même réponse qu’un compte existe ou non',
    tag,
    params: organisationParams,
    body: invitationInputSchema,
    status: 201,
    response: invitationSchema,
    errors: [409],
  }),
  invitations: route({
    method: 'GET',
    path: '/api/organisations/:id/invitations',
    summary: 'Les invitations en attente de la structure (responsable)',
    tag,
    params: organisationParams,
    query: pageQuerySchema,
    status: 200,
    response: pageOf(invitationSchema),
  }),
  revokeInvitation: route({
    method: 'DELETE',
    path: '/api/organisations/:id/invitations/:invitationId',
    summary: 'Retirer une invitation en attente (responsable)',
    tag,
    params: organisationParams.extend({ invitationId: z.uuid() }),
    status: 204,
    response: null,
  }),
  invitationPreview: route({
    method: 'GET',
    path: '/api/invitations/:token/preview',
    summary:
      'Ce que montre le lien d’une invitation avant la connexion : la structure, l’état et l’adresse invitée (limité)',
    tag,
    public: true,
    params: tokenParams,
    status: 200,
    response: invitationPreviewSchema,
    errors: [429],
  }),
  invitation: route({
    method: 'GET',
    path: '/api/invitations/:token',
    summary:
      'L’invitation reçue par courriel : la structure et qui invite (compte de l’adresse invitée uniquement)',
    tag,
    params: tokenParams,
    status: 200,
    response: receivedInvitationSchema,
    errors: [410],
  }),
  acceptInvitation: route({
    method: 'POST',
    path: '/api/invitations/:token/accept',
    summary: 'Accepter l’invitation : vous devenez membre de la structure',
    tag,
    params: tokenParams,
    status: 200,
    response: organisationDtoSchema,
    errors: [410],
  }),
  declineInvitation: route({
    method: 'POST',
    path: '/api/invitations/:token/decline',
    summary: 'Décliner l’invitation',
    tag,
    params: tokenParams,
    status: 204,
    response: null,
    errors: [410],
  }),
  requestToJoin: route({
    method: 'POST',
    path: '/api/organisations/join-requests',
    summary:
      'Demander à rejoindre une structure déjà inscrite, par son SIRET (ses responsables accepteront ou non)',
    tag,
    body: joinRequestInputSchema,
    status: 201,
    response: myJoinRequestSchema,
    errors: [404, 409],
  }),
  myJoinRequests: route({
    method: 'GET',
    path: '/api/organisations/join-requests/mine',
    summary: 'Mes demandes pour rejoindre une structure, en attente ou décidées',
    tag,
    query: pageQuerySchema,
    status: 200,
    response: pageOf(myJoinRequestSchema),
  }),
  cancelJoinRequest: route({
    method: 'DELETE',
    path: '/api/organisations/join-requests/:requestId',
    summary: 'Annuler ma demande en attente',
    tag,
    params: z.object({ requestId: z.uuid() }),
    status: 204,
    response: null,
  }),
  joinRequests: route({
    method: 'GET',
    path: '/api/organisations/:id/join-requests',
    summary: 'Les demandes en attente pour rejoindre la structure (responsable)',
    tag,
    params: organisationParams,
    query: pageQuerySchema,
    status: 200,
    response: pageOf(joinRequestSchema),
  }),
  acceptJoinRequest: route({
    method: 'POST',
    path: '/api/organisations/:id/join-requests/:requestId/accept',
    summary: 'Accepter une demande : la personne devient membre (responsable)',
    tag,
    params: organisationParams.extend({ requestId: z.uuid() }),
    status: 204,
    response: null,
  }),
  declineJoinRequest: route({
    method: 'POST',
    path: '/api/organisations/:id/join-requests/:requestId/decline',
    summary: 'Refuser une demande (responsable)',
    tag,
    params: organisationParams.extend({ requestId: z.uuid() }),
    status: 204,
    response: null,
  }),
};
