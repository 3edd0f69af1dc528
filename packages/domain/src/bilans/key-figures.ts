import { type BilanAggregate } from './aggregate.js';
import { type FigureChange, type PeriodComparison } from './compare-periods.js';
import { type BilanRatios } from './ratios.js';

/** The figures of an aggregate a key figure reads (the overview's headline, without breakdowns). */
export type BilanHeadlineFigures = Pick<
  BilanAggregate,
  'count' | 'totals' | 'medians' | keyof BilanRatios
>;

/**
 * What a key figure counts in: a number of things (`count`, possibly x.5 for a median), an
 * amount in cents (`cents`), or a share in [0, 1] whose change is in percentage points (`share`).
 */
export type KeyFigureUnit = 'count' | 'cents' | 'share';

/**
 * A key figure of the reporting: its French label and definition (written once, from the
 * definitions of `aggregateBilans`, `RecordFigures` and `ratios.ts`, for the dashboard, the public
 * page and the downloads alike), its unit, and where it is read in an aggregate and in
 * `comparePeriods`.
 */
export interface KeyFigureDefinition {
  id: string;
  label: string;
  definition: string;
  unit: KeyFigureUnit;
  value: (headline: BilanHeadlineFigures) => number | null;
  change: (changes: PeriodComparison) => FigureChange;
}

/** The key figures of the overview, in display order. */
export const keyFigureDefinitions: readonly KeyFigureDefinition[] = [
  {
    id: 'events',
    label: 'Événements',
    definition:
      'Bilans transmis des événements tenus pendant la période (date de l’événement), après les filtres choisis.',
    unit: 'count',
    value: (h) => h.count,
    change: (c) => c.count,
  },
  {
    id: 'attendees',
    label: 'Personnes présentes',
    definition: 'Somme des personnes présentes déclarées dans chaque bilan.',
    unit: 'count',
    value: (h) => h.totals.attendees,
    change: (c) => c.totals.attendees,
  },
  {
    id: 'structures',
    label: 'Structures représentées',
    definition:
      'Somme des structures représentées déclarées par événement (une structure venue à deux événements compte deux fois).',
    unit: 'count',
    value: (h) => h.totals.structures,
    change: (c) => c.totals.structures,
  },
  {
    id: 'speakers',
    label: 'Intervenant·es',
    definition: 'Somme des intervenant·es déclaré·es dans chaque bilan.',
    unit: 'count',
    value: (h) => h.totals.speakers,
    change: (c) => c.totals.speakers,
  },
  {
    id: 'parity',
    label: 'Part de femmes parmi les intervenant·es',
    definition:
      'Femmes ÷ (femmes + hommes), sur les seuls bilans qui donnent la répartition ; la charte engage à la parité.',
    unit: 'share',
    value: (h) => h.parityRatio,
    change: (c) => c.parityRatio,
  },
  {
    id: 'all-male-panels',
    label: 'Événements sans aucune intervenante',
    definition:
      'Bilans dont la répartition par genre compte au moins un homme et aucune femme parmi les intervenant·es, ce que la charte exclut (« aucun panel exclusivement masculin »). Le bilan décrit tout le programme : l’événement est compté quand aucune femme n’est intervenue. Un bilan sans répartition par genre n’est pas compté, faute de savoir.',
    unit: 'count',
    value: (h) => h.totals.allMalePanelEvents,
    change: (c) => c.totals.allMalePanelEvents,
  },
  {
    id: 'workshops',
    label: 'Ateliers',
    definition: 'Somme des ateliers tenus, déclarés dans chaque bilan.',
    unit: 'count',
    value: (h) => h.totals.workshops,
    change: (c) => c.totals.workshops,
  },
  {
    id: 'discovery-stands',
    label: 'Stands découverte',
    definition: 'Somme des stands découverte tenus, déclarés dans chaque bilan.',
    unit: 'count',
    value: (h) => h.totals.discoveryStands,
    change: (c) => c.totals.discoveryStands,
  },
  {
    id: 'expenses',
    label: 'Budget réalisé',
    definition: 'Somme des dépenses réalisées déclarées dans chaque bilan.',
    unit: 'cents',
    value: (h) => h.totals.expensesCents,
    change: (c) => c.totals.expensesCents,
  },
  {
    id: 'subsidy',
    label: 'Subventions de l’ANCT',
    definition: 'Somme des subventions déclarées reçues ; un bilan qui n’en déclare pas compte 0.',
    unit: 'cents',
    value: (h) => h.totals.subsidyCents,
    change: (c) => c.totals.subsidyCents,
  },
  {
    id: 'cost',
    label: 'Coût par personne présente',
    definition: 'Budget réalisé total ÷ personnes présentes au total, arrondi à l’euro.',
    unit: 'cents',
    value: (h) => h.costPerAttendeeCents,
    change: (c) => c.costPerAttendeeCents,
  },
  {
    id: 'subsidy-per-attendee',
    label: 'Subvention de l’ANCT par personne présente',
    definition:
      'Subventions de l’ANCT au total ÷ personnes présentes au total, arrondi à l’euro. Les personnes venues à un événement sans subvention comptent aussi : c’est ce que l’ANCT a versé par personne touchée.',
    unit: 'cents',
    value: (h) => h.subsidyPerAttendeeCents,
    change: (c) => c.subsidyPerAttendeeCents,
  },
  {
    id: 'les-bases',
    label: 'Part des événements publiés sur Les Bases',
    definition:
      'Événements dont le bilan donne au moins un lien « Ressource sur Les Bases » (lesbases.anct.gouv.fr) ÷ événements de la période ; la charte demande d’y publier ce que l’événement a produit.',
    unit: 'share',
    value: (h) => h.lesBasesShare,
    change: (c) => c.lesBasesShare,
  },
  {
    id: 'median-attendees',
    label: 'Public médian',
    definition:
      'La moitié des événements a accueilli moins de personnes que ce nombre, l’autre moitié plus.',
    unit: 'count',
    value: (h) => h.medians.attendees,
    change: (c) => c.medians.attendees,
  },
];
