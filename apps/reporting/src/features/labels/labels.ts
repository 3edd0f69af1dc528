import {
  callKindLabels,
  catalogueThemeLabels,
  eventModeLabels,
  organisationCategoryLabels,
  themeFamilyLabels,
  formatDateFr,
} from '@nec/domain';
import type { BreakdownDimension } from '@nec/contracts';
import { territoryName } from '../map/territories.js';

const integers = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
const months = new Intl.DateTimeFormat('fr-FR', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

export const formatInteger = (value: number | null): string =>
  value === null ? '—' : integers.format(value);
/** Cents as whole euros (« 12 345 € »). */
export const formatEuros = (cents: number | null): string =>
  cents === null ? '—' : euros.format(Math.round(cents / 100));
export const formatPercent = (ratio: number | null): string =>
  ratio === null ? '—' : `${decimals.format(ratio * 100)} %`;
export const formatDate = (iso: string | null): string => (iso === null ? '—' : formatDateFr(iso));

const lookup = (labels: Record<string, string>) => (key: string) => labels[key] ?? key;

/** A breakdown key in words: région and département names, theme and category labels. */
export function keyLabel(dimension: BreakdownDimension, key: string | number): string {
  const text = String(key);
  switch (dimension) {
    case 'region':
    case 'departement':
      return territoryName(dimension, text);
    case 'theme':
      return lookup(catalogueThemeLabels)(text);
    case 'theme-family':
      return lookup(themeFamilyLabels)(text);
    case 'event-mode':
      return lookup(eventModeLabels)(text);
    case 'porteur-category':
      return lookup(organisationCategoryLabels)(text);
    case 'call-kind':
      return lookup(callKindLabels)(text);
    case 'month':
      return months.format(new Date(`${text}-01T00:00:00Z`));
    case 'year':
      return text;
  }
}

/** Where an event took place, in words: its département, else its région, else online or several. */
export function eventPlace(event: {
  departementCode: string | null;
  regionCode: string | null;
  eventMode: string;
}): string {
  if (event.departementCode) return keyLabel('departement', event.departementCode);
  if (event.regionCode) return keyLabel('region', event.regionCode);
  return event.eventMode === 'online' ? 'En ligne' : 'Plusieurs territoires';
}

export const labels = {
  themes: catalogueThemeLabels as Record<string, string>,
  themeFamilies: themeFamilyLabels as Record<string, string>,
  eventModes: eventModeLabels as Record<string, string>,
  porteurCategories: organisationCategoryLabels as Record<string, string>,
  callKinds: callKindLabels as Record<string, string>,
};
