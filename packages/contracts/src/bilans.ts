import {
  budgetSchema,
  centsSchema,
  dossierStateSchema,
  eventModeSchema,
  fieldIssueSchema,
  isoDateSchema,
  isoDateTimeSchema,
  nationalEditionBilanSchema,
  necLocalDossierSchema,
  workflowEventSchema,
  type BilanPlan,
} from '@nec/domain';
import { z } from 'zod';
import { dossierParams } from './dossiers.js';
import { draftBodySchema, versionField as bilanVersionField } from './draft-body.js';
import { nationalEditionTotalsSchema } from './edition-totals.js';
import { route } from './route.js';
import { strictDeep } from './strict-deep.js';

/**
 * Request bodies of the bilan endpoints. The bilan itself is checked by the domain
 * (`necLocalBilanDraftSchema` on save, `necLocalBilanSchema` on submission).
 */
const versionMissing =
  'Indiquez la version du bilan sur laquelle vous travaillez (0 pour un bilan jamais enregistré).';
const versionField = bilanVersionField(versionMissing, 0);

/** See `draftBodySchema`: what cannot be stored is left out and listed in `unsaved`. */
export const saveBilanSchema = draftBodySchema(
  { version: versionMissing, content: 'Le contenu du bilan doit être un objet JSON.' },
  0,
);

export const submitBilanSchema = z.strictObject({ version: versionField });

/** A national edition as an admin writes it: the domain's schema, unknown keys refused at every depth. */
export const nationalEditionBodySchema = strictDeep(nationalEditionBilanSchema);

export type SaveBilanInput = z.output<typeof saveBilanSchema>;
export type SubmitBilanInput = z.infer<typeof submitBilanSchema>;
export type NationalEditionBody = z.infer<typeof nationalEditionBodySchema>;

// ── responses ────────────────────────────────────────────────────────────────

/** What the accepted dossier planned (the domain's `bilanPlanOf`), shown beside the bilan. */
export const bilanPlanSchema = z.object({
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  eventMode: eventModeSchema.nullable(),
  expectedAttendees: z.number().int().nonnegative().nullable(),
  formats: necLocalDossierSchema.shape.formats.nullable(),
  budget: budgetSchema.nullable(),
  budgetTotals: z
    .object({ expensesCents: centsSchema, resourcesCents: centsSchema, subsidyCents: centsSchema })
    .nullable(),
  awardedAmountCents: centsSchema.nullable(),
}) satisfies z.ZodType<BilanPlan>;

/** A dossier's bilan as the portal shows it: planned figures beside the bilan being written. */
export const bilanDtoSchema = z.object({
  dossierId: z.uuid(),
  dossierState: dossierStateSchema,
  /** `draft` until submitted, then `submitted` (frozen). */
  state: z.enum(['draft', 'submitted']),
  /** 0 while never saved (the pre-filled bilan): send it back with the first save. */
  version: z.number().int().nonnegative(),
  planned: bilanPlanSchema,
  bilan: z.record(z.string(), z.unknown()),
  draftIssues: z.array(fieldIssueSchema),
  updatedAt: isoDateTimeSchema.nullable(),
  submittedAt: isoDateTimeSchema.nullable(),
  /** Events the caller may fire on the dossier now (e.g. `submit-bilan`, `close`). */
  availableEvents: z.array(workflowEventSchema),
});
export type BilanDto = z.infer<typeof bilanDtoSchema>;

export const savedBilanSchema = z.object({
  version: z.number().int().positive(),
  updatedAt: isoDateTimeSchema,
  draftIssues: z.array(fieldIssueSchema),
  /** Values left out because they cannot be stored (a NUL, a lone surrogate): the rest was saved. */
  unsaved: z.array(fieldIssueSchema),
});
export type SavedBilanDto = z.infer<typeof savedBilanSchema>;

/** The result of a workflow step fired from the bilan feature. */
export const dossierStepSchema = z.object({ id: z.uuid(), state: dossierStateSchema });
export type DossierStepDto = z.infer<typeof dossierStepSchema>;

export const nationalEditionDtoSchema = nationalEditionBilanSchema.and(
  z.object({
    /** Whether any attendance figure is published (the domain's `hasPublishedFigures`). */
    hasPublishedFigures: z.boolean(),
    updatedAt: isoDateTimeSchema,
  }),
);
export type NationalEditionDto = z.infer<typeof nationalEditionDtoSchema>;

/** Every national edition (a handful: not paged) and the cumulative figures. */
export const nationalEditionsSchema = z.object({
  items: z.array(nationalEditionDtoSchema),
  totals: nationalEditionTotalsSchema,
});
export type NationalEditionsDto = z.infer<typeof nationalEditionsSchema>;

const tag = 'Bilans';
const editionsTag = 'Éditions nationales';

export const bilans = {
  markEventHeld: route({
    method: 'POST',
    path: '/api/dossiers/:id/event-held',
    summary: 'Déclarer l’événement comme tenu (possible à partir de son dernier jour)',
    tag,
    params: dossierParams,
    status: 200,
    response: dossierStepSchema,
    errors: [409, 422],
  }),
  get: route({
    method: 'GET',
    path: '/api/dossiers/:id/bilan',
    summary:
      'Le bilan de l’événement, à côté des chiffres prévus (pré-rempli tant qu’il n’est pas enregistré)',
    tag,
    params: dossierParams,
    status: 200,
    response: bilanDtoSchema,
    errors: [409],
  }),
  save: route({
    method: 'PUT',
    path: '/api/dossiers/:id/bilan',
    summary:
      'Enregistrer le brouillon du bilan (verrou optimiste : 409 si la version a changé ; version 0 au premier enregistrement)',
    tag,
    params: dossierParams,
    body: saveBilanSchema,
    status: 200,
    response: savedBilanSchema,
    errors: [409],
  }),
  submit: route({
    method: 'POST',
    path: '/api/dossiers/:id/bilan/submit',
    summary: 'Déposer le bilan (validation complète, bilan figé)',
    tag,
    params: dossierParams,
    body: submitBilanSchema,
    status: 200,
    response: bilanDtoSchema,
    errors: [409, 422],
  }),
  close: route({
    method: 'POST',
    path: '/api/instruction/dossiers/:id/close',
    summary: 'Clore le dossier après le dépôt du bilan',
    tag,
    params: dossierParams,
    status: 200,
    response: dossierStepSchema,
    errors: [409, 422],
  }),
};

export const nationalEditions = {
  list: route({
    method: 'GET',
    path: '/api/national-editions',
    summary: 'Les éditions nationales et leurs chiffres publiés, avec les cumuls',
    tag: editionsTag,
    status: 200,
    response: nationalEditionsSchema,
  }),
  put: route({
    method: 'PUT',
    path: '/api/admin/national-editions/:year',
    summary: 'Créer ou remplacer les chiffres d’une édition nationale (champ inconnu refusé)',
    tag: editionsTag,
    params: z.object({ year: z.coerce.number().int() }),
    body: nationalEditionBodySchema,
    status: 200,
    response: nationalEditionDtoSchema,
  }),
};
