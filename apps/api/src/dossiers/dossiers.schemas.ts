import { charterAcceptanceSchema } from '@nec/domain';
import { z } from 'zod';

/** Request bodies of the dossier endpoints. The dossier content itself is checked by the domain. */
const versionField = z
  .number({ error: 'Indiquez la version du dossier sur laquelle vous travaillez.' })
  .int({ error: 'La version doit être un nombre entier.' })
  .positive({ error: 'La version doit être un nombre entier positif.' });

export const createDossierSchema = z.strictObject({
  campaignId: z
    .string({ error: 'Choisissez un appel.' })
    .min(1, { error: 'Choisissez un appel.' })
    .max(64),
  organisationId: z.uuid({ error: 'Choisissez la structure qui porte le projet.' }),
});

export const saveDraftSchema = z.strictObject({
  version: versionField,
  content: z.record(z.string(), z.unknown(), {
    error: 'Le contenu du dossier doit être un objet JSON.',
  }),
});

export const acceptCharterSchema = z.strictObject(
  charterAcceptanceSchema.pick({ charterId: true, version: true }).shape,
);

export const submitDossierSchema = z.strictObject({ version: versionField });

export const withdrawDossierSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .max(2000, { error: 'Le motif ne doit pas dépasser 2 000 caractères.' })
    .optional(),
});

export type CreateDossierInput = z.infer<typeof createDossierSchema>;
export type SaveDraftInput = z.infer<typeof saveDraftSchema>;
export type AcceptCharterInput = z.infer<typeof acceptCharterSchema>;
export type SubmitDossierInput = z.infer<typeof submitDossierSchema>;
export type WithdrawDossierInput = z.infer<typeof withdrawDossierSchema>;
