import { z } from 'zod';

/** The four theme families of the organisation guide. */
export const themeFamilies = [
  'data-territories',
  'ecology-sustainability',
  'commons-sovereignty',
  'inclusion-emancipation',
] as const;
export const themeFamilySchema = z.enum(themeFamilies);
export type ThemeFamily = z.infer<typeof themeFamilySchema>;

export const themeFamilyLabels: Record<ThemeFamily, string> = {
  'data-territories': 'Données et territoires',
  'ecology-sustainability': 'Écologie et soutenabilité',
  'commons-sovereignty': 'Communs et souveraineté',
  'inclusion-emancipation': 'Inclusion et émancipation',
};

/** The themes listed by the NEC local call (a non-exhaustive list: free themes are allowed). */
export const catalogueThemes = [
  'digital-inclusion',
  'digital-commons',
  'free-software-open-data',
  'public-services-access',
  'local-government-tools',
  'ecological-transition',
  'digital-accessibility',
  'digital-security-sovereignty',
] as const;
export const catalogueThemeSchema = z.enum(catalogueThemes);
export type CatalogueTheme = z.infer<typeof catalogueThemeSchema>;

export const catalogueThemeLabels: Record<CatalogueTheme, string> = {
  'digital-inclusion': 'Inclusion numérique',
  'digital-commons': 'Communs numériques et mutualisation',
  'free-software-open-data': 'Logiciels libres et données ouvertes',
  'public-services-access': 'Accès aux services publics',
  'local-government-tools': 'Outils numériques des collectivités',
  'ecological-transition': 'Transition écologique et écoconception',
  'digital-accessibility': 'Accessibilité numérique',
  'digital-security-sovereignty': 'Sécurité et souveraineté numériques',
};

/** Which family each catalogue theme belongs to, for reporting by family. */
export const themeFamilyOf: Record<CatalogueTheme, ThemeFamily> = {
  'digital-inclusion': 'inclusion-emancipation',
  'digital-commons': 'commons-sovereignty',
  'free-software-open-data': 'data-territories',
  'public-services-access': 'inclusion-emancipation',
  'local-government-tools': 'data-territories',
  'ecological-transition': 'ecology-sustainability',
  'digital-accessibility': 'inclusion-emancipation',
  'digital-security-sovereignty': 'commons-sovereignty',
};
