import type { BilanDto } from '@nec/contracts';
import {
  countedFormatKinds,
  eventFormatKindLabels,
  eventFormatKinds,
  openLicenceLabels,
  openLicences,
  resourceLinkKindLabels,
  resourceLinkKinds,
  teamRoleLabels,
  teamRoles,
  type EventFormatKind,
  type NecLocalBilanDraft,
} from '@nec/domain';
import { plannedAmount, plannedAttendees, plannedFormat } from './bilan-shape.js';

/** The parts of the bilan, by the fields each holds: what a version conflict names. */
export const bilanSections = [
  { title: 'Participation', fields: ['attendees', 'structuresRepresented', 'expectedAttendees'] },
  { title: 'Programme', fields: ['formats'] },
  { title: 'Intervenantes et intervenants', fields: ['speakers'] },
  { title: 'Budget réalisé', fields: ['budget'] },
  { title: 'Satisfaction du public', fields: ['satisfaction', 'publicOrigin'] },
  { title: 'Points d’amélioration', fields: ['improvements'] },
  { title: 'Équipe', fields: ['team', 'preparation'] },
  { title: 'Ressources produites', fields: ['resources', 'licence'] },
  { title: 'Commentaire', fields: ['comments'] },
] as const;

type Plan = BilanDto['planned'];

/**
 * A figure of the bilan: a count, or an amount typed in euros (kept in cents). Its path (as for
 * every field) is its dot path in the bilan, or in its row: its id, where its errors land.
 */
export type BilanFigure = {
  kind: 'count' | 'amount';
  path: string;
  label: string;
  /**
   * What the dossier planned, in words (null: the dossier said nothing), shown beside the
   * figure. Without it the figure stands alone: the dossier has no counterpart for it.
   */
  planned?: (plan: Plan, bilan: NecLocalBilanDraft) => string | null;
};

/** A list of short texts (what the public liked, its remarks…), added one by one. */
export type BilanTexts = {
  kind: 'texts';
  path: string;
  legend: string;
  hint?: string;
  /** What each item is called (« Remarque du public 2 »). */
  itemLabel: string;
  addLabel: string;
};

/** One of the domain's values, chosen in a list. */
export type BilanChoice = {
  kind: 'select';
  path: string;
  label: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
};

/** A text: a name, an address, a comment. */
export type BilanText = {
  kind: 'text';
  path: string;
  label: string;
  hint?: string;
  type?: 'url';
  textarea?: boolean;
};

export type BilanField = BilanFigure | BilanTexts | BilanChoice | BilanText;

/** Figures asked together under one legend, side by side on a wide screen. */
export type FigureGroup = {
  path: string;
  legend: string;
  legendId: string;
  hint?: string;
  /** The grid column of each figure. */
  column: string;
  fields: readonly BilanFigure[];
};

/** A row of a list as the form holds it. */
export type Row = Record<string, unknown>;

/** A field of a row, in its grid column; `when` shows it only for some rows. */
export type RowField = BilanField & { column: string; when?: (row: Row) => boolean };

/** A list of rows of several fields; the first field takes focus once a row is added. */
export type Rows = {
  path: string;
  legend: string;
  hint?: string;
  /** What each row is called (« Rôle 2 »). */
  itemLabel: string;
  addLabel: string;
  make: () => Row;
  fields: readonly [RowField, ...RowField[]];
};

/** The choices of a select: the domain's values with our labels. */
export const optionsOf = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

const count = (path: string, label: string, planned?: BilanFigure['planned']): BilanFigure => ({
  kind: 'count',
  path,
  label,
  ...(planned ? { planned } : {}),
});
const amount = (path: string, label: string, planned: BilanFigure['planned']): BilanFigure => ({
  kind: 'amount',
  path,
  label,
  planned,
});
const texts = (
  path: string,
  legend: string,
  itemLabel: string,
  addLabel: string,
  hint?: string,
): BilanTexts => ({ kind: 'texts', path, legend, itemLabel, addLabel, ...(hint ? { hint } : {}) });
const select = (
  path: string,
  label: string,
  options: BilanChoice['options'],
  hint?: string,
): BilanChoice => ({ kind: 'select', path, label, options, ...(hint ? { hint } : {}) });
const text = (path: string, label: string, more: Partial<BilanText> = {}): BilanText => ({
  kind: 'text',
  path,
  label,
  ...more,
});
const inColumn = (column: string, field: BilanField, when?: RowField['when']): RowField => ({
  ...field,
  column,
  ...(when ? { when } : {}),
});

/**
 * The fields of the bilan, section by section, in the form's order. Labels are ours; what each
 * requires is the domain's `necLocalBilanSchema`.
 */
export const bilanFields = {
  participation: [
    count('attendees', 'Personnes présentes', plannedAttendees),
    count('structuresRepresented', 'Structures représentées parmi elles', () => null),
  ],
  programme: [
    count('formats.workshops', 'Ateliers', (plan) => plannedFormat(plan, 'workshop')),
    count('formats.discoveryStands', 'Stands de découverte', (plan) =>
      plannedFormat(plan, 'discovery-stand'),
    ),
    count('formats.plenaries', 'Plénières (facultatif)', (plan) => plannedFormat(plan, 'plenary')),
    count('formats.roundTables', 'Tables rondes (facultatif)', (plan) =>
      plannedFormat(plan, 'round-table'),
    ),
  ],
  speakers: [count('speakers.total', 'Nombre total de personnes intervenues')],
  budget: [
    amount('budget.expensesCents', 'Total des dépenses', (plan) =>
      plannedAmount(plan.budgetTotals?.expensesCents),
    ),
    amount('budget.resourcesCents', 'Total des recettes (facultatif)', (plan) =>
      plannedAmount(plan.budgetTotals?.resourcesCents),
    ),
    amount('budget.subsidyCents', 'Subvention reçue de l’ANCT', (plan) =>
      plannedAmount(plan.awardedAmountCents ?? plan.budgetTotals?.subsidyCents),
    ),
  ],
  satisfaction: [count('satisfaction.respondents', 'Personnes ayant répondu')],
  appreciation: [
    texts(
      'satisfaction.mostAppreciated',
      'Ce que le public a le plus apprécié',
      'Activité appréciée',
      'Ajouter une activité appréciée',
    ),
    texts(
      'satisfaction.leastAppreciated',
      'Ce qui a moins plu',
      'Activité moins appréciée',
      'Ajouter une activité moins appréciée',
    ),
  ],
  improvements: [
    texts(
      'improvements.fromPublic',
      'Remarques du public',
      'Remarque du public',
      'Ajouter une remarque du public',
      'Laissez vide si le public n’en a pas fait.',
    ),
    texts(
      'improvements.fromOrganisers',
      'Ce que l’équipe d’organisation ferait autrement',
      'Point de l’équipe',
      'Ajouter un point de l’équipe',
    ),
  ],
  licence: [
    select(
      'licence',
      'Licence des productions',
      optionsOf(openLicences, openLicenceLabels),
      'Celle de la charte, sauf si un financeur en impose une autre.',
    ),
  ],
  comments: [
    text('comments', 'Ce que vous souhaitez ajouter', {
      hint: 'Ce qui a marché, ce qui a surpris, ce que vous conseilleriez à une autre structure.',
      textarea: true,
    }),
  ],
} satisfies Record<string, readonly BilanField[]>;

/** The speakers by gender: optional, and then it must count everyone (the domain checks). */
export const genderSplitGroup: FigureGroup = {
  path: 'speakers.genderSplit',
  legend: 'Répartition par genre (facultatif)',
  legendId: 'parite-legende',
  hint: 'La charte demande une programmation qui tend vers la parité, sans panel exclusivement masculin. Si vous la renseignez, la répartition doit compter tout le monde.',
  column: 'fr-col-12 fr-col-md-4',
  fields: [
    count('speakers.genderSplit.women', 'Femmes'),
    count('speakers.genderSplit.men', 'Hommes'),
    count('speakers.genderSplit.nonBinaryOrUndisclosed', 'Non binaires ou non précisé'),
  ],
};

/** The four steps of the overall-impression question, as the domain names them. */
export const overallGroup: FigureGroup = {
  path: 'satisfaction.overall',
  legend: 'Impression d’ensemble : nombre de réponses',
  legendId: 'impression-legende',
  column: 'fr-col-6 fr-col-md-3',
  fields: [
    count('satisfaction.overall.veryGood', 'Très bien'),
    count('satisfaction.overall.good', 'Bien'),
    count('satisfaction.overall.average', 'Moyen'),
    count('satisfaction.overall.poor', 'Insuffisant'),
  ],
};

const otherFormatKinds = eventFormatKinds.filter(
  (k) => !(countedFormatKinds as readonly EventFormatKind[]).includes(k),
);

/**
 * Rows of a kind chosen in a list and a head count, the kind named in words when it is
 * « other »: the other formats held (by sessions), the team's roles (by people).
 */
const kindCountRows = (
  rows: Pick<Rows, 'path' | 'legend' | 'hint' | 'itemLabel' | 'addLabel'>,
  kindKey: string,
  kinds: BilanChoice['options'],
  countLabel: string,
  otherLabel: string,
): Rows => ({
  ...rows,
  make: () => ({ [kindKey]: null, count: null }),
  fields: [
    inColumn('fr-col-12 fr-col-md-5', select(kindKey, rows.itemLabel, kinds)),
    inColumn('fr-col-12 fr-col-md-3', count('count', countLabel)),
    inColumn('fr-col-12 fr-col-md-4', text('label', otherLabel), (row) => row[kindKey] === 'other'),
  ],
});

/** The formats held beyond those counted on their own (fishbowl, barcamp…). */
export const otherFormatRows = kindCountRows(
  {
    path: 'formats.others',
    legend: 'Autres formats proposés',
    itemLabel: 'Format',
    addLabel: 'Ajouter un format',
  },
  'kind',
  optionsOf(otherFormatKinds, eventFormatKindLabels),
  'Séances',
  'Nom du format',
);

/** The team on the day: roles and head counts only, the bilan names no one. */
export const teamRows = kindCountRows(
  {
    path: 'team',
    legend: 'Rôles tenus et nombre de personnes',
    hint: 'Des effectifs seulement : le bilan ne nomme personne. Laissez vide pour ne pas décrire l’équipe.',
    itemLabel: 'Rôle',
    addLabel: 'Ajouter un rôle',
  },
  'role',
  optionsOf(teamRoles, teamRoleLabels),
  'Personnes',
  'Intitulé du rôle',
);

/** Links to what the event produced (the charter asks to publish it under an open licence). */
export const resourceRows: Rows = {
  path: 'resources',
  legend: 'Liens vers les ressources',
  hint: 'Laissez vide si rien n’est encore publié.',
  itemLabel: 'Ressource',
  addLabel: 'Ajouter une ressource',
  make: () => ({ kind: null, url: '' }),
  fields: [
    inColumn(
      'fr-col-12 fr-col-md-4',
      select('kind', 'Type', optionsOf(resourceLinkKinds, resourceLinkKindLabels)),
    ),
    inColumn(
      'fr-col-12 fr-col-md-8',
      text('url', 'Adresse web', {
        type: 'url',
        hint: 'Une adresse complète, commençant par https.',
      }),
    ),
    inColumn('fr-col-12', text('title', 'Titre (facultatif)')),
  ],
};
