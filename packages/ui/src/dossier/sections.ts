import {
  catalogueThemeLabels,
  eventFormatKindLabels,
  eventModeLabels,
  organisationCategoryLabels,
  organiserRoleLabels,
  territoryKindLabels,
  formatCents,
  type NecLocalDossierDraft,
  formatDateFr,
} from '@nec/domain';

/** One line of the read view: a term and its value in words ("—" when not filled in). */
export type ReadRow = { term: string; value: string };
export type ReadSection = { id: string; title: string; rows: ReadRow[]; budget?: boolean };

const text = (value: unknown): string =>
  typeof value === 'string' && value.trim() !== '' ? value : '—';
const count = (value: unknown): string =>
  typeof value === 'number' ? new Intl.NumberFormat('fr-FR').format(value) : '—';
const yesNo = (value: unknown): string => (value === true ? 'Oui' : value === false ? 'Non' : '—');
const labelled = (labels: Record<string, string>, value: unknown): string =>
  typeof value === 'string' ? (labels[value] ?? value) : '—';
const listOf = (items: readonly string[]): string => (items.length ? items.join(', ') : '—');
const date = (value: unknown): string => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return '—';
  return formatDateFr(value);
};
const strings = (value: readonly unknown[] | null | undefined): string[] =>
  (value ?? []).filter((v): v is string => typeof v === 'string' && v !== '');

/**
 * A NEC local dossier (draft or submitted) as sections of term/value rows: the applicant's
 * review step and the instructor's dossier page read the same thing.
 */
export function necLocalSections(d: NecLocalDossierDraft): ReadSection[] {
  const organisers = (d.organisers ?? []).map((o, i) => ({
    term: `Structure ${i + 1}`,
    value: [
      text(o?.name),
      labelled(organiserRoleLabels, o?.role),
      labelled(organisationCategoryLabels, o?.category),
      o?.siret ? `SIRET ${o.siret}` : null,
      o?.supportsEvent === true ? 'soutient l’événement' : null,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  const subsidy = d.requests?.subsidy;
  return [
    {
      id: 'projet',
      title: 'Le projet',
      rows: [
        { term: 'Titre', value: text(d.title) },
        { term: 'Objectif', value: text(d.objective) },
      ],
    },
    {
      id: 'thematiques',
      title: 'Thématiques',
      rows: [
        {
          term: 'Thématiques',
          value: listOf([
            ...strings(d.themes?.catalogue).map((t) => labelled(catalogueThemeLabels, t)),
            ...strings(d.themes?.free),
          ]),
        },
        { term: 'Apports pour le territoire', value: text(d.themes?.expectedBenefits) },
      ],
    },
    {
      id: 'territoire',
      title: 'Territoire',
      rows: (d.area ?? []).map((t, i) => ({
        term: `Territoire ${i + 1}`,
        value: `${labelled(territoryKindLabels, t?.kind)} ${text(t?.code)}`,
      })),
    },
    {
      id: 'publics',
      title: 'Publics',
      rows: [
        { term: 'Publics visés', value: listOf(strings(d.audiences?.targets)) },
        { term: 'Personnes attendues', value: count(d.audiences?.expectedAttendees) },
      ],
    },
    { id: 'organisateurs', title: 'Organisateurs et soutiens', rows: organisers },
    {
      id: 'formats',
      title: 'Formats',
      rows: [
        {
          term: 'Formats',
          value: listOf([
            ...strings(d.formats?.kinds).map((k) => labelled(eventFormatKindLabels, k)),
            ...strings(d.formats?.other),
          ]),
        },
        { term: 'Modalité', value: labelled(eventModeLabels, d.eventMode) },
      ],
    },
    {
      id: 'moyens',
      title: 'Moyens',
      rows: [
        { term: 'Humains', value: text(d.means?.human) },
        { term: 'Techniques', value: text(d.means?.technical) },
        { term: 'Matériels', value: text(d.means?.material) },
        { term: 'Communication', value: text(d.means?.communication) },
      ],
    },
    {
      id: 'evenement',
      title: 'Date et lieu',
      rows: [
        { term: 'Date', value: date(d.event?.startDate) },
        { term: 'Fin', value: date(d.event?.endDate) },
        { term: 'Lieu', value: text(d.event?.venue?.name) },
        { term: 'Adresse', value: text(d.event?.venue?.address) },
        { term: 'Capacité', value: count(d.event?.venue?.capacity) },
      ],
    },
    { id: 'budget', title: 'Budget prévisionnel', rows: [], budget: true },
    {
      id: 'demandes',
      title: 'Demandes',
      rows: [
        { term: 'Label', value: yesNo(d.requests?.label) },
        { term: 'Subvention', value: yesNo(subsidy?.requested) },
        {
          term: 'Montant demandé',
          value: typeof subsidy?.amountCents === 'number' ? formatCents(subsidy.amountCents) : '—',
        },
        { term: 'Duo chercheur·euse et journaliste', value: yesNo(d.requests?.duo) },
      ],
    },
  ];
}
