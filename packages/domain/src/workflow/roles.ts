import { z } from 'zod';

/**
 * Who acts on a dossier. Analysts only read aggregated figures: they fire no transition.
 * Admins may do what instructors do (support, absences), but never act in the applicant's
 * name: submitting, answering, withdrawing and reporting are the applicant's own commitments.
 */
export const roles = ['applicant', 'instructor', 'admin', 'analyst'] as const;

/** Schema of a role, for the edges (session claims, API bodies). */
export const roleSchema = z.enum(roles, { error: 'Rôle inconnu.' });
export type Role = z.infer<typeof roleSchema>;

/** French label of each role. */
export const roleLabels: Record<Role, string> = {
  applicant: 'Porteur·euse de projet',
  instructor: 'Instructeur·rice',
  admin: 'Administrateur·rice',
  analyst: 'Analyste',
};
