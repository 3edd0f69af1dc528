import {
  callKindLabels,
  catalogueThemeLabels,
  eventModeLabels,
  organisationCategoryLabels,
  type ReportingFilter,
  themeFamilyLabels,
} from '@nec/domain';
import { listDepartements, listRegions } from '@nec/domain/territories';
import type { BreakdownDimension, DistributionName } from '@nec/contracts';

/** French words for the keys and titles of the reporting, as the dashboard writes them. */

const regionNames = new Map(listRegions().map((r) => [r.code, r.name]));
const departementNames = new Map(listDepartements().map((d) => [d.code, d.name]));
const months = new Intl.DateTimeFormat('fr-FR', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const lookup = (labels: Readonly<Record<string, string>>, key: string): string =>
  Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;

/** A breakdown key in words: région and département names, theme and category labels, months. */
export function keyLabel(dimension: BreakdownDimension, key: string | number): string {
  const text = String(key);
  switch (dimension) {
    case 'region':
      return regionNames.get(text) ?? text;
    case 'departement':
      return departementNames.get(text) ?? text;
    case 'theme':
      return lookup(catalogueThemeLabels, text);
    case 'theme-family':
      return lookup(themeFamilyLabels, text);
    case 'event-mode':
      return lookup(eventModeLabels, text);
    case 'porteur-category':
      return lookup(organisationCategoryLabels, text);
    case 'call-kind':
      return lookup(callKindLabels, text);
    case 'month':
      return months.format(new Date(`${text}-01T00:00:00Z`));
    case 'year':
      return text;
  }
}

/** What one row of a breakdown is, and the sheet that lists them (31 characters at most). */
export const dimensionWords: Record<BreakdownDimension, { key: string; sheet: string }> = {
  region: { key: 'Région', sheet: 'Par région' },
  departement: { key: 'Département', sheet: 'Par département' },
  theme: { key: 'Thème', sheet: 'Par thème' },
  'theme-family': { key: 'Famille de thèmes', sheet: 'Par famille de thèmes' },
  'event-mode': { key: 'Format', sheet: 'Par format' },
  'porteur-category': { key: 'Catégorie de porteur', sheet: 'Par catégorie de porteur' },
  'call-kind': { key: 'Appel', sheet: 'Par appel' },
  year: { key: 'Année', sheet: 'Par année' },
  month: { key: 'Mois', sheet: 'Par mois' },
};

/** The sheet of each distribution, and whether its edges are amounts (cents). */
export const distributionWords: Record<DistributionName, { sheet: string; cents: boolean }> = {
  attendees: { sheet: 'Tranches de public', cents: false },
  expenses: { sheet: 'Tranches de budget réalisé', cents: true },
  'cost-per-attendee': { sheet: 'Tranches de coût par personne', cents: true },
};

/** Each list of the filter: its name and the dimension its values are keys of. */
const filterWords: Record<keyof ReportingFilter, { label: string; dimension: BreakdownDimension }> =
  {
    regions: { label: 'Régions', dimension: 'region' },
    departements: { label: 'Départements', dimension: 'departement' },
    themes: { label: 'Thèmes', dimension: 'theme' },
    themeFamilies: { label: 'Familles de thèmes', dimension: 'theme-family' },
    eventModes: { label: 'Formats', dimension: 'event-mode' },
    porteurCategories: { label: 'Catégories de porteur', dimension: 'porteur-category' },
    callKinds: { label: 'Appels', dimension: 'call-kind' },
  };

/** « Régions : Grand Est, Bretagne · Formats : En ligne », or « aucun » without a filter. */
export function filterWordsOf(filter: ReportingFilter): string {
  const parts = (Object.keys(filterWords) as (keyof ReportingFilter)[]).flatMap((name) => {
    const values = filter[name] ?? [];
    if (values.length === 0) return [];
    const { label, dimension } = filterWords[name];
    return [`${label} : ${values.map((value) => keyLabel(dimension, value)).join(', ')}`];
  });
  return parts.length === 0 ? 'aucun' : parts.join(' · ');
}
