import { isoDateSchema, isoDateTimeSchema } from '@nec/domain';
import { z } from 'zod';
import { dossierParams } from './dossiers.js';
import { intParam, pageOf } from './page.js';
import { route } from './route.js';

/** Filters of the audit trail; the subject ones are fixed by the address of a dossier's trail. */
const subjectShape = {
  subjectType: z.string().min(1).max(40, { error: 'Type d’objet inconnu.' }).optional(),
  subjectId: z.string().min(1).max(64, { error: 'Identifiant inconnu.' }).optional(),
};
const filterShape = {
  actorId: z.uuid({ error: 'Indiquez l’identifiant (UUID) d’un compte.' }).optional(),
  action: z.string().min(1).max(60, { error: 'Action inconnue.' }).optional(),
  /** First day included (UTC). */
  from: isoDateSchema.optional(),
  /** Last day included (UTC). */
  to: isoDateSchema.optional(),
  page: intParam(1, 1_000_000, 'La page doit être un nombre entier à partir de 1.').default(1),
  pageSize: intParam(1, 200, 'La taille de page va de 1 à 200.').default(50),
};

/** A period whose start follows its end is refused (unknown parameters too: 400). */
const periodInOrder = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || q.from <= q.to;
const periodInverted = { error: 'La date de début doit précéder la date de fin.', path: ['to'] };

/** Filters and page of the audit trail (`GET /api/admin/audit`). */
export const auditQuerySchema = z
  .strictObject({ ...filterShape, ...subjectShape })
  .refine(periodInOrder, periodInverted);
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** The same for one dossier's trail (its subject is in the address). */
export const dossierAuditQuerySchema = z
  .strictObject(filterShape)
  .refine(periodInOrder, periodInverted);
export type DossierAuditQuery = z.output<typeof dossierAuditQuerySchema>;

/**
 * One entry of the audit trail: who (an account's id, `null` once deleted or for the system,
 * and the role it acted in), did what, to what, when; `details` as recorded by the action.
 */
export const auditEntrySchema = z.object({
  /** Increasing with time (a bigint, as text). */
  id: z.string().regex(/^\d+$/),
  at: isoDateTimeSchema,
  actorId: z.uuid().nullable(),
  actorRole: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = pageOf(auditEntrySchema);
export type AuditPageDto = z.infer<typeof auditPageSchema>;

const tag = 'Journal d’audit';

export const audit = {
  list: route({
    method: 'GET',
    path: '/api/admin/audit',
    summary:
      'Le journal d’audit, du plus récent au plus ancien, filtré (compte, action, objet, jours inclus) et par page (≤ 200). Cette lecture est elle-même journalisée.',
    tag,
    query: auditQuerySchema,
    status: 200,
    response: auditPageSchema,
  }),
  forDossier: route({
    method: 'GET',
    path: '/api/admin/audit/dossiers/:id',
    summary:
      'Le journal d’audit d’un dossier (lectures et actions), mêmes filtres et pagination. Cette lecture est elle-même journalisée.',
    tag,
    params: dossierParams,
    query: dossierAuditQuerySchema,
    status: 200,
    response: auditPageSchema,
  }),
};
