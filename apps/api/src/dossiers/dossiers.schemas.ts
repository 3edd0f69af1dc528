import { centsSchema, charterAcceptanceSchema, eligibilitySchema } from '@nec/domain';
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
