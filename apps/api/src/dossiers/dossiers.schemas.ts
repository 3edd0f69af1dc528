import { centsSchema, charterAcceptanceSchema, eligibilitySchema } from '@nec/domain';
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

// ── responses: what a dossier's record adds to its content ─────────────────

/**
 * The eligibility frozen with the latest submitted version: computed on the day of submission
 * (`evaluatedOn`) and never recomputed, so a dossier submitted in July for a November event
 * does not read "event past" in December.
 */
export const frozenEligibilitySchema = z.object({
  version: z.number().int().positive(),
  submittedAt: z.iso.datetime(),
  evaluatedOn: z.iso.date(),
  eligibility: eligibilitySchema,
});

/** The latest interview: its date for everyone, the instructors' notes for staff only. */
export const dossierInterviewSchema = z.object({
  date: z.iso.date(),
  notes: z.string().nullable().optional(),
});

/** The grant agreement once drawn up, and the date written on it when signed. */
export const dossierAgreementSchema = z.object({
  amountCents: centsSchema,
  validUntil: z.iso.date(),
  signedOn: z.iso.date().nullable(),
  /** Where the parties download it: a dossier route, for the applicant as for the staff. */
  documentPath: z.string(),
});

/** What the record of a dossier shows beside its content and history. */
export const dossierRecordExtrasSchema = z.object({
  eligibilityAtSubmission: frozenEligibilitySchema.nullable(),
  awardedAmountCents: centsSchema.nullable(),
  interview: dossierInterviewSchema.nullable(),
  agreement: dossierAgreementSchema.nullable(),
});
export type DossierRecordExtras = z.infer<typeof dossierRecordExtrasSchema>;
