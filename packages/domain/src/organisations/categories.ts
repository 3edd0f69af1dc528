import { z } from 'zod';

/**
 * Kinds of legal entity (personne morale) that may carry a project. Any of them may apply;
 * whether one is a collectivité matters for the subsidy rule (≥ 1 supporting collectivité).
 */
export const organisationCategories = [
  'commune',
  'epci',
  'departement',
  'region',
  'collectivite-outre-mer',
  'collectivite-statut-particulier', // Corse, Ville de Paris, Métropole de Lyon…
  'syndicat-mixte',
  'association',
  'tiers-lieu',
  'cooperative',
  'entreprise',
  'etablissement-public',
  'etat',
  'autre',
] as const;
export const organisationCategorySchema = z.enum(organisationCategories, {
  error: 'Choisissez une catégorie de structure dans la liste.',
});
export type OrganisationCategory = z.infer<typeof organisationCategorySchema>;

export const organisationCategoryLabels: Record<OrganisationCategory, string> = {
  commune: 'Commune',
  epci: 'Intercommunalité (EPCI)',
  departement: 'Département',
  region: 'Région',
  'collectivite-outre-mer': 'Collectivité d’outre-mer',
  'collectivite-statut-particulier': 'Collectivité à statut particulier',
  'syndicat-mixte': 'Syndicat mixte',
  association: 'Association',
  'tiers-lieu': 'Tiers-lieu',
  cooperative: 'Coopérative (SCIC, SCOP…)',
  entreprise: 'Entreprise',
  'etablissement-public': 'Établissement public',
  etat: 'Service de l’État',
  autre: 'Autre personne morale',
};

const collectiviteCategories: ReadonlySet<OrganisationCategory> = new Set<OrganisationCategory>([
  'commune',
  'epci',
  'departement',
  'region',
  'collectivite-outre-mer',
  'collectivite-statut-particulier',
  'syndicat-mixte',
]);

/** Whether a category counts as a collectivité for the call's rules. */
export function isCollectivite(category: OrganisationCategory): boolean {
  return collectiviteCategories.has(category);
}
