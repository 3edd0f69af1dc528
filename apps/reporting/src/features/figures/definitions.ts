import type { BilanHeadline, OverviewDto } from '@nec/contracts';
import { formatEuros, formatInteger, formatPercent } from '../labels/labels.js';

type Change = OverviewDto['changes']['count'];

/**
 * The key figures of the overview, each with what it means — written once, from the domain's
 * definitions (`aggregateBilans`, `ratios.ts`), and shown beside every figure.
 */
export interface KeyFigure {
  id: string;
  label: string;
  definition: string;
  value: (headline: BilanHeadline) => number | null;
  format: (value: number | null) => string;
  change: (changes: OverviewDto['changes']) => Change;
  /** A ratio: its change is in percentage points. */
  ratio?: boolean;
}

export const keyFigures: KeyFigure[] = [
  {
    id: 'events',
    label: 'Événements',
    definition:
      'Bilans transmis des événements tenus pendant la période (date de l’événement), après les filtres choisis.',
    value: (h) => h.count,
    format: formatInteger,
    change: (c) => c.count,
  },
  {
    id: 'attendees',
    label: 'Personnes présentes',
    definition: 'Somme des personnes présentes déclarées dans chaque bilan.',
    value: (h) => h.totals.attendees,
    format: formatInteger,
    change: (c) => c.totals.attendees,
  },
  {
    id: 'structures',
    label: 'Structures représentées',
    definition:
      'Somme des structures représentées déclarées par événement (une structure venue à deux événements compte deux fois).',
    value: (h) => h.totals.structures,
    format: formatInteger,
    change: (c) => c.totals.structures,
  },
  {
    id: 'speakers',
    label: 'Intervenant·es',
    definition: 'Somme des intervenant·es déclaré·es dans chaque bilan.',
    value: (h) => h.totals.speakers,
    format: formatInteger,
    change: (c) => c.totals.speakers,
  },
  {
    id: 'parity',
    label: 'Part de femmes parmi les intervenant·es',
    definition:
      'Femmes ÷ (femmes + hommes), sur les seuls bilans qui donnent la répartition ; la charte engage à la parité.',
    value: (h) => h.parityRatio,
    format: formatPercent,
    change: (c) => c.parityRatio,
    ratio: true,
  },
  {
    id: 'workshops',
    label: 'Ateliers',
    definition: 'Somme des ateliers tenus, déclarés dans chaque bilan.',
    value: (h) => h.totals.workshops,
    format: formatInteger,
    change: (c) => c.totals.workshops,
  },
  {
    id: 'expenses',
    label: 'Budget réalisé',
    definition: 'Somme des dépenses réalisées déclarées dans chaque bilan.',
    value: (h) => h.totals.expensesCents,
    format: formatEuros,
    change: (c) => c.totals.expensesCents,
  },
  {
    id: 'subsidy',
    label: 'Subventions de l’ANCT',
    definition: 'Somme des subventions déclarées reçues ; un bilan qui n’en déclare pas compte 0.',
    value: (h) => h.totals.subsidyCents,
    format: formatEuros,
    change: (c) => c.totals.subsidyCents,
  },
  {
    id: 'cost',
    label: 'Coût par personne présente',
    definition: 'Budget réalisé total ÷ personnes présentes au total, arrondi à l’euro.',
    value: (h) => h.costPerAttendeeCents,
    format: formatEuros,
    change: (c) => c.costPerAttendeeCents,
  },
  {
    id: 'median-attendees',
    label: 'Public médian',
    definition:
      'La moitié des événements a accueilli moins de personnes que ce nombre, l’autre moitié plus.',
    value: (h) => h.medians.attendees,
    format: formatInteger,
    change: (c) => c.medians.attendees,
  },
];

/** « +12,5 % par rapport à la période précédente », or why there is none. */
export function changeWords(change: Change, ratio = false): string {
  if (change.previous === null || change.current === null) return 'Pas de comparaison possible';
  if (ratio) {
    const points = (change.change ?? 0) * 100;
    const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
    return `${sign}${Math.abs(points).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} point${Math.abs(points) >= 2 ? 's' : ''}`;
  }
  if (change.changePercent === null) return 'Aucun événement sur la période précédente';
  const p = change.changePercent;
  const sign = p > 0 ? '+' : p < 0 ? '−' : '±';
  return `${sign}${Math.abs(p).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;
}
