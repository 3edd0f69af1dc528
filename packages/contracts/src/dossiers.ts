import {
  callKindSchema,
  centsSchema,
  charterAcceptanceSchema,
  dossierStateSchema,
  eligibilitySchema,
  fieldIssueSchema,
  isoDateSchema,
  isoDateTimeSchema,
  roleSchema,
  workflowEventSchema,
} from '@nec/domain';
import { z } from 'zod';
import { draftBodySchema, versionField as dossierVersionField } from './draft-body.js';
import { pageOf, pageQuerySchema } from './page.js';
import { route } from './route.js';

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

// ── responses ────────────────────────────────────────────────────────────────

/** What a list shows of a dossier (everything but its content). */
export const dossierSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  campaignId: z.string(),
  callKind: callKindSchema,
  state: dossierStateSchema,
  title: z.string().nullable(),
  organisation: z.object({ id: z.uuid(), name: z.string().nullable() }),
  eventDate: isoDateSchema.nullable(),
  requestedSubsidyCents: centsSchema.nullable(),
  version: z.number().int().positive(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  submittedAt: isoDateTimeSchema.nullable(),
});
export type DossierSummaryDto = z.infer<typeof dossierSummarySchema>;

/** The charter acceptance on record (`acceptedBy` is null once the account is deleted). */
export const charterAcceptanceDtoSchema = charterAcceptanceSchema.extend({
  acceptedBy: z.uuid().nullable(),
});
export type CharterAcceptanceDto = z.infer<typeof charterAcceptanceDtoSchema>;

/** One step of a dossier's history (`actorRole` is `system` for automatic steps). */
export const historyEntrySchema = z.object({
  event: z.string(),
  fromState: dossierStateSchema.nullable(),
  toState: dossierStateSchema,
  actorRole: z.union([roleSchema, z.literal('system')]),
  at: isoDateTimeSchema,
  details: z.record(z.string(), z.unknown()),
});

/**
 * The eligibility frozen with the latest submitted version: computed on the day of submission
 * (`evaluatedOn`) and never recomputed, so a dossier submitted in July for a November event
 * does not read "event past" in December.
 */
export const frozenEligibilitySchema = z.object({
  version: z.number().int().positive(),
  submittedAt: isoDateTimeSchema,
  evaluatedOn: isoDateSchema,
  eligibility: eligibilitySchema,
});

/** The latest interview: its date for everyone, the instructors' notes for staff only. */
export const dossierInterviewSchema = z.object({
  date: isoDateSchema,
  notes: z.string().nullable().optional(),
});

/** The grant agreement once drawn up, and the date written on it when signed. */
export const dossierAgreementSchema = z.object({
  amountCents: centsSchema,
  validUntil: isoDateSchema,
  signedOn: isoDateSchema.nullable(),
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

/** A dossier with its content, what its draft still lacks, its history and its frozen versions. */
export const dossierDtoSchema = dossierSummarySchema
  .extend({
    content: z.record(z.string(), z.unknown()),
    draftIssues: z.array(fieldIssueSchema),
    charterAcceptance: charterAcceptanceDtoSchema.nullable(),
    history: z.array(historyEntrySchema),
    versions: z.array(
      z.object({ number: z.number().int().positive(), submittedAt: isoDateTimeSchema }),
    ),
    /** What the caller may do next, by workflow event. */
    availableEvents: z.array(workflowEventSchema),
  })
  .extend(dossierRecordExtrasSchema.shape);
export type DossierDto = z.infer<typeof dossierDtoSchema>;

export const savedDraftSchema = z.object({
  version: z.number().int().positive(),
  updatedAt: isoDateTimeSchema,
  draftIssues: z.array(fieldIssueSchema),
  /** Values left out because they cannot be stored (a NUL, a lone surrogate): the rest was saved. */
  unsaved: z.array(fieldIssueSchema),
});
export type SavedDraftDto = z.infer<typeof savedDraftSchema>;

/** The domain's verdicts on a dossier, shaped by its call kind (`evaluateEligibility`). */
export { eligibilitySchema };

export const dossierParams = z.object({ id: z.uuid() });
const tag = 'Dossiers';

export const dossiers = {
  create: route({
    method: 'POST',
    path: '/api/dossiers',
    summary: 'Créer un brouillon de dossier pour un appel ouvert',
    tag,
    body: createDossierSchema,
    status: 201,
    response: dossierDtoSchema,
    errors: [404, 409, 422],
  }),
  list: route({
    method: 'GET',
    path: '/api/dossiers',
    summary: 'Mes dossiers (porteur) ou les dossiers déposés des appels que j’instruis',
    tag,
    query: pageQuerySchema,
    status: 200,
    response: pageOf(dossierSummarySchema),
  }),
  get: route({
    method: 'GET',
    path: '/api/dossiers/:id',
    summary: 'Un dossier, avec son historique et ses versions déposées',
    tag,
    params: dossierParams,
    status: 200,
    response: dossierDtoSchema,
  }),
  saveDraft: route({
    method: 'PUT',
    path: '/api/dossiers/:id/draft',
    summary: 'Enregistrer le brouillon (verrou optimiste : 409 si la version a changé)',
    tag,
    params: dossierParams,
    body: saveDraftSchema,
    status: 200,
    response: savedDraftSchema,
    errors: [409],
  }),
  eligibility: route({
    method: 'GET',
    path: '/api/dossiers/:id/eligibility',
    summary: 'Verdict d’éligibilité en direct, règle par règle',
    tag,
    params: dossierParams,
    status: 200,
    response: eligibilitySchema,
  }),
  acceptCharter: route({
    method: 'POST',
    path: '/api/dossiers/:id/charter-acceptance',
    summary: 'Accepter la charte NEC (la version acceptée est enregistrée)',
    tag,
    params: dossierParams,
    body: acceptCharterSchema,
    status: 201,
    response: charterAcceptanceDtoSchema,
    errors: [409, 422],
  }),
  submit: route({
    method: 'POST',
    path: '/api/dossiers/:id/submit',
    summary: 'Déposer le dossier (validation complète, version figée)',
    tag,
    params: dossierParams,
    body: submitDossierSchema,
    status: 200,
    response: dossierDtoSchema,
    errors: [409, 422],
  }),
  withdraw: route({
    method: 'POST',
    path: '/api/dossiers/:id/withdraw',
    summary: 'Retirer le dossier',
    tag,
    params: dossierParams,
    body: withdrawDossierSchema,
    status: 200,
    response: dossierDtoSchema,
    errors: [409],
  }),
};
