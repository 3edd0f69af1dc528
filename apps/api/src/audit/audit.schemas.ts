import { isoDateSchema } from '@nec/domain';
import { z } from 'zod';

/** Filters and page of the audit trail (`GET /api/admin/audit`). Unknown parameters: 400. */
const pageParam = (max: number, fallback: number, message: string) =>
  z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(1, { error: message })
    .max(max, { error: message })
    .default(fallback);

export const auditQuerySchema = z
  .strictObject({
    actorId: z.uuid({ error: 'Indiquez l’identifiant (UUID) d’un compte.' }).optional(),
    action: z.string().min(1).max(60, { error: 'Action inconnue.' }).optional(),
    subjectType: z.string().min(1).max(40, { error: 'Type d’objet inconnu.' }).optional(),
    subjectId: z.string().min(1).max(64, { error: 'Identifiant inconnu.' }).optional(),
    /** First day included (UTC). */
    from: isoDateSchema.optional(),
    /** Last day included (UTC). */
    to: isoDateSchema.optional(),
    page: pageParam(1_000_000, 1, 'La page doit être un nombre entier à partir de 1.'),
    pageSize: pageParam(200, 50, 'La taille de page va de 1 à 200.'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    error: 'La date de début doit précéder la date de fin.',
    path: ['to'],
  });
export type AuditQuery = z.output<typeof auditQuerySchema>;
