import { charterAcceptanceSchema } from '@nec/domain';
import { z } from 'zod';
import { draftBodySchema, versionField as dossierVersionField } from '../common/draft-body.js';

/** Request bodies of the dossier endpoints. The dossier content itself is checked by the domain. */
const versionMissing = 'Indiquez la version du dossier sur laquelle vous travaillez.';
const versionField = dossierVersionField(versionMissing, 1);

export const createDossierSchema = z.strictObject({
  campaignId: z
    .string({ error: 'Choisissez un appel.' })
    .min(1, { error: 'Choisissez un appel.' })
    .max(64, { error: 'Cet appel n’existe pas.' }),
  organisationId: z.uuid({ error: 'Choisissez la structure qui porte le projet.' }),
});

/** See `draftBodySchema`: what cannot be stored is left out and listed in `unsaved`. */
export const saveDraftSchema = draftBodySchema(
  { version: versionMissing, content: 'Le contenu du dossier doit être un objet JSON.' },
  1,
);

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
export type SaveDraftInput = z.output<typeof saveDraftSchema>;
export type AcceptCharterInput = z.infer<typeof acceptCharterSchema>;
export type SubmitDossierInput = z.infer<typeof submitDossierSchema>;
export type WithdrawDossierInput = z.infer<typeof withdrawDossierSchema>;
