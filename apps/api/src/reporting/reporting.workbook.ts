import {
  bucketLabel,
  type BilanRatios,
  type BreakdownRow,
  type KeyFigureDefinition,
  keyFigureDefinitions,
  type KeyFigureUnit,
  type RecordFigures,
} from '@nec/domain';
import type { BreakdownDto, DistributionDto, OverviewDto } from '@nec/contracts';
import {
  type AnySheet,
  anySheet,
  type ColumnKind,
  type ExportColumn,
  inOneBatch,
} from '../exports/exports.writers.js';
import { dimensionWords, distributionWords, filterWordsOf, keyLabel } from './reporting.labels.js';

/** What the dashboard shows for one query: the overview, every breakdown, every distribution. */
export interface ReportingWorkbookData {
  overview: OverviewDto;
  breakdowns: BreakdownDto[];
  distributions: DistributionDto[];
}

const day = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const periodWords = ({ from, to }: { from: string; to: string }): string =>
  `du ${day(from)} au ${day(to)}`;

// ── « À propos » ────────────────────────────────────────────────────────────

type AboutRow = { label: string; kind: ColumnKind; value: string | number | Date | null };

function aboutSheet({ overview }: ReportingWorkbookData): AnySheet {
  const rows: AboutRow[] = [
    { label: 'Période', kind: 'text', value: periodWords(overview.period) },
    {
      label: 'Période précédente (comparaison)',
      kind: 'text',
      value: periodWords(overview.previousPeriod),
    },
    { label: 'Filtres', kind: 'text', value: filterWordsOf(overview.filter) },
    { label: 'Bilans comptés', kind: 'integer', value: overview.provenance.bilans },
    {
      label: 'Dernier bilan transmis',
      kind: 'datetime',
      value:
        overview.provenance.latestSubmittedAt === null
          ? null
          : new Date(overview.provenance.latestSubmittedAt),
    },
    {
      label: 'Source',
      kind: 'text',
      value:
        'Bilans transmis des NEC locaux, plateforme Numérique en Commun[s] (ANCT). Chaque chiffre est défini dans la feuille « Chiffres clés ».',
    },
  ];
  return anySheet<AboutRow>({
    name: 'À propos',
    columns: [
      { header: 'Élément', kind: 'text', width: 32, value: (r) => r.label },
      { header: 'Valeur', kind: (r) => r.kind, width: 90, value: (r) => r.value },
    ],
    batches: inOneBatch(rows),
  });
}

// ── key figures ─────────────────────────────────────────────────────────────

const unitKinds: Record<KeyFigureUnit, { value: ColumnKind; change: ColumnKind }> = {
  // A median may end in .5: a plain number rather than an integer format.
  count: { value: 'number', change: 'number' },
  cents: { value: 'euros', change: 'euros' },
  // The change of a share is in percentage points, as on screen.
  share: { value: 'percent', change: 'points' },
};

function keyFiguresSheet({ overview }: ReportingWorkbookData): AnySheet {
  const change = (figure: KeyFigureDefinition) => figure.change(overview.changes);
  return anySheet<KeyFigureDefinition>({
    name: 'Chiffres clés',
    columns: [
      { header: 'Chiffre', kind: 'text', width: 42, value: (f) => f.label },
      {
        header: `Période (${periodWords(overview.period)})`,
        kind: (f) => unitKinds[f.unit].value,
        width: 20,
        value: (f) => f.value(overview.current),
      },
      {
        header: `Période précédente (${periodWords(overview.previousPeriod)})`,
        kind: (f) => unitKinds[f.unit].value,
        width: 20,
        value: (f) => f.value(overview.previous),
      },
      {
        header: 'Évolution',
        kind: (f) => unitKinds[f.unit].change,
        width: 16,
        value: (f) => change(f).change,
      },
      {
        header: 'Évolution en %',
        kind: 'percent',
        width: 14,
        value: (f) => {
          const percent = change(f).changePercent;
          return percent === null ? null : percent / 100;
        },
      },
      { header: 'Définition', kind: 'text', width: 90, value: (f) => f.definition },
    ],
    batches: inOneBatch(keyFigureDefinitions),
  });
}

// ── breakdowns ──────────────────────────────────────────────────────────────

type Row = BreakdownRow<string | number>;

/** Every figure of a breakdown row, in the words of the key figures. */
const figureColumns: Record<keyof RecordFigures, { header: string; kind: ColumnKind }> = {
  attendees: { header: 'Personnes présentes', kind: 'integer' },
  structures: { header: 'Structures représentées', kind: 'integer' },
  speakers: { header: 'Intervenant·es', kind: 'integer' },
  womenSpeakers: { header: 'Intervenantes (femmes)', kind: 'integer' },
  speakersWithKnownGender: { header: 'Intervenant·es de genre connu', kind: 'integer' },
  workshops: { header: 'Ateliers', kind: 'integer' },
  discoveryStands: { header: 'Stands découverte', kind: 'integer' },
  expensesCents: { header: 'Budget réalisé', kind: 'euros' },
  subsidyCents: { header: 'Subventions de l’ANCT', kind: 'euros' },
  allMalePanelEvents: { header: 'Événements sans aucune intervenante', kind: 'integer' },
  lesBasesEvents: { header: 'Événements publiés sur Les Bases', kind: 'integer' },
};

const ratioColumns: Record<keyof BilanRatios, { header: string; kind: ColumnKind }> = {
  costPerAttendeeCents: { header: 'Coût par personne présente', kind: 'euros' },
  parityRatio: { header: 'Part de femmes parmi les intervenant·es', kind: 'percent' },
  subsidyPerAttendeeCents: { header: 'Subvention de l’ANCT par personne présente', kind: 'euros' },
  lesBasesShare: { header: 'Part des événements publiés sur Les Bases', kind: 'percent' },
};

function breakdownSheet(breakdown: BreakdownDto): AnySheet {
  const words = dimensionWords[breakdown.dimension];
  const figures = (
    table: Partial<Record<keyof Row, { header: string; kind: ColumnKind }>>,
  ): ExportColumn<Row>[] =>
    Object.entries(table).map(([key, { header, kind }]) => ({
      header,
      kind,
      width: 16,
      value: (row: Row) => row[key as keyof Row] as number | null,
    }));
  return anySheet<Row>({
    name: words.sheet,
    columns: [
      {
        header: words.key,
        kind: 'text',
        width: 32,
        value: (r) => keyLabel(breakdown.dimension, r.key),
      },
      { header: 'Code', kind: 'text', width: 14, value: (r) => String(r.key) },
      { header: 'Événements', kind: 'integer', width: 12, value: (r) => r.count },
      ...figures(figureColumns),
      ...figures(ratioColumns),
    ],
    batches: inOneBatch(breakdown.rows),
  });
}

// ── distributions ───────────────────────────────────────────────────────────

type BucketRow = { label: string; from: number | null; to: number | null; count: number };

const wholeEuros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
const euros = (cents: number) => wholeEuros.format(cents / 100);

function distributionSheet(distribution: DistributionDto): AnySheet {
  const { sheet, cents } = distributionWords[distribution.figure];
  const first = distribution.edges[0] ?? 0;
  const rows: BucketRow[] = [
    ...distribution.buckets.map((bucket) => ({
      label: !cents
        ? bucketLabel(bucket)
        : bucket.to === null
          ? `${euros(bucket.from)} et plus`
          : `de ${euros(bucket.from)} à moins de ${euros(bucket.to)}`,
      ...bucket,
    })),
    // Below the first edge: none while every histogram starts at 0, listed if it ever happens.
    ...(distribution.below > 0
      ? [
          {
            label: `Moins de ${cents ? euros(first) : first}`,
            from: null,
            to: first,
            count: distribution.below,
          },
        ]
      : []),
    {
      label: 'Sans valeur (non déclarée ou sans public)',
      from: null,
      to: null,
      count: distribution.skipped,
    },
  ];
  const bound: ColumnKind = cents ? 'euros' : 'integer';
  return anySheet<BucketRow>({
    name: sheet,
    columns: [
      { header: 'Tranche', kind: 'text', width: 36, value: (r) => r.label },
      { header: 'À partir de', kind: bound, width: 14, value: (r) => r.from },
      { header: 'Jusqu’à (non compris)', kind: bound, width: 14, value: (r) => r.to },
      { header: 'Événements', kind: 'integer', width: 12, value: (r) => r.count },
    ],
    batches: inOneBatch(rows),
  });
}

/**
 * The dashboard as a workbook, one sheet per table: what the file holds, the key figures with
 * the previous period, each breakdown (régions and départements first), each distribution.
 * Amounts in euros, shares as percentages, the same figures as the API's JSON.
 */
export function reportingWorkbookSheets(data: ReportingWorkbookData): AnySheet[] {
  return [
    aboutSheet(data),
    keyFiguresSheet(data),
    ...data.breakdowns.map(breakdownSheet),
    ...data.distributions.map(distributionSheet),
  ];
}
