import {
  callKindSchema,
  centsSchema,
  dossierStateSchema,
  isoDateSchema,
  isoDateTimeSchema,
} from '@nec/domain';
import { z } from 'zod';
import { auditEntrySchema } from './audit.js';
import { accountSchema, signInSchema } from './auth.js';
import {
  charterAcceptanceDtoSchema,
  dossierSummarySchema,
  historyEntrySchema,
} from './dossiers.js';
import { invitationStatusSchema, myJoinRequestSchema } from './memberships.js';
import { membershipRoleSchema, organisationDtoSchema } from './organisations.js';
import { route } from './route.js';
import { strictDeep } from './strict-deep.js';

/** Deleting one's account is confirmed with the password (unknown fields refused). */
export const deleteAccountSchema = strictDeep(signInSchema.pick({ password: true }));
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

/**
 * Everything the platform holds about the account holder (RGPD access and portability): no
 * password hash, no token, no CSRF token; agents appear by role, never by name.
 */
export const accountExportSchema = z.object({
  exportedAt: isoDateTimeSchema,
  profile: accountSchema.extend({
    emailConfirmedAt: isoDateTimeSchema.nullable(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  }),
  sessions: z.array(
    z.object({
      createdAt: isoDateTimeSchema,
      expiresAt: isoDateTimeSchema,
      userAgent: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
  emailLinks: z.array(
    z.object({
      purpose: z.enum(['confirm-email', 'reset-password', 'invitation']),
      createdAt: isoDateTimeSchema,
      expiresAt: isoDateTimeSchema,
      usedAt: isoDateTimeSchema.nullable(),
    }),
  ),
  memberships: z.array(
    z.object({
      role: membershipRoleSchema,
      memberSince: isoDateTimeSchema,
      organisation: organisationDtoSchema.omit({ role: true }),
    }),
  ),
  /** The requests to join an organisation the person sent, cancelled ones included. */
  joinRequests: z.array(myJoinRequestSchema),
  /** The invitations sent to the account's address, whatever became of them. */
  invitations: z.array(
    z.object({
      organisation: organisationDtoSchema.pick({ name: true, siret: true }),
      status: invitationStatusSchema,
      invitedAt: isoDateTimeSchema,
      expiresAt: isoDateTimeSchema,
      settledAt: isoDateTimeSchema.nullable(),
    }),
  ),
  dossiers: z.array(
    dossierSummarySchema.omit({ organisation: true }).extend({
      organisationId: z.uuid(),
      callKind: callKindSchema,
      state: dossierStateSchema,
      content: z.record(z.string(), z.unknown()),
      eventDate: isoDateSchema.nullable(),
      requestedSubsidyCents: centsSchema.nullable(),
      versions: z.array(
        z.object({
          number: z.number().int().positive(),
          content: z.record(z.string(), z.unknown()),
          eligibility: z.record(z.string(), z.unknown()),
          submittedAt: isoDateTimeSchema,
          submittedByYou: z.boolean(),
        }),
      ),
      transitions: z.array(historyEntrySchema.extend({ byYou: z.boolean() })),
      charterAcceptances: z.array(
        charterAcceptanceDtoSchema
          .omit({ acceptedBy: true })
          .extend({ acceptedByYou: z.boolean() }),
      ),
    }),
  ),
  /** The trail's entries about the person, without their ids (the actor is the person). */
  auditEntries: z.array(auditEntrySchema.omit({ id: true, actorId: true })),
});
export type AccountExport = z.infer<typeof accountExportSchema>;

const tag = 'Mon compte (RGPD)';

export const account = {
  export: route({
    method: 'GET',
    path: '/api/account/export',
    summary: 'Télécharger toutes les données que la plateforme détient sur moi (JSON)',
    tag,
    status: 200,
    response: accountExportSchema,
  }),
  delete: route({
    method: 'DELETE',
    path: '/api/account',
    summary:
      'Supprimer mon compte (mot de passe requis ; refusé pendant l’instruction d’un dossier de mes structures)',
    tag,
    body: deleteAccountSchema,
    status: 204,
    response: null,
    errors: [409, 429],
  }),
};
