import { type z } from 'zod';
import { isCollectivite, organisationCategorySchema } from '../organisations/categories.js';
import { siretSchema } from '../organisations/siret.js';
import { choice, group, list, requiredText, unaffected, yesNo } from '../shared/fields.js';
import { type RuleIssue, report } from './common.js';

/** The part a structure plays in organising a NEC local. */
export const organiserRoles = ['lead', 'co-organiser', 'partner'] as const;
export const organiserRoleSchema = choice(organiserRoles, 'Indiquez le rôle de cette structure.');
export type OrganiserRole = z.infer<typeof organiserRoleSchema>;

/** French names of the roles. */
export const organiserRoleLabels: Record<OrganiserRole, string> = {
  lead: 'Structure porteuse',
  'co-organiser': 'Co-organisatrice',
  partner: 'Partenaire',
};

/** One structure taking part in the organisation of a NEC local. */
export const organiserSchema = group(
  {
    name: requiredText('Indiquez le nom de la structure.'),
    siret: siretSchema.optional(),
    category: organisationCategorySchema,
    role: organiserRoleSchema,
    supportsEvent: yesNo('Indiquez si cette structure apporte son soutien à l’événement.'),
  },
  'Décrivez la structure organisatrice.',
);
export type Organiser = z.infer<typeof organiserSchema>;

/** At least one organiser is the lead (the structure that carries the dossier). */
export function checkLeadOrganiser(organisers: readonly Pick<Organiser, 'role'>[]): RuleIssue[] {
  if (organisers.some((organiser) => organiser.role === 'lead')) return [];
  return [
    {
      path: [],
      code: 'lead-required',
      message: 'Indiquez quelle structure porte le projet (rôle « Structure porteuse »).',
    },
  ];
}

/** The organisers of a NEC local: at least one, with a lead among them. */
export const organisersSchema = list(
  organiserSchema,
  'Indiquez les structures qui organisent l’événement.',
  {
    count: 1,
    message: 'Indiquez au moins une structure organisatrice.',
  },
).superRefine((organisers, ctx) => report(ctx, checkLeadOrganiser(organisers)), {
  when: unaffected(['*', 'role']),
});

/**
 * Whether an organiser counts as a supporting collectivité for the subsidy rule: a collectivité
 * (by category) that declares its support for the event.
 */
export function isSupportingCollectivite(
  organiser: Pick<Organiser, 'category' | 'supportsEvent'>,
): boolean {
  return isCollectivite(organiser.category) && organiser.supportsEvent;
}
