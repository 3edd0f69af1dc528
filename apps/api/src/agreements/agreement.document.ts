import { amountInWords, formatCents, formatDateFr, type IsoDate } from '@nec/domain';

/** What a grant agreement says: everything is read from the dossier and its campaign. */
export interface AgreementData {
  reference: string;
  campaign: { title: string; year: number };
  organisation: { name: string; siret: string };
  project: {
    title: string;
    startDate: IsoDate | null;
    endDate: IsoDate | null;
    /** « Salle des Communs, 1 place du Marché, … », or null when unknown. */
    venue: string | null;
    online: boolean;
  };
  amountCents: number;
  validUntil: IsoDate;
  /** The day the document is issued. */
  issuedOn: IsoDate;
  /** The signature date, once recorded. */
  signedOn: IsoDate | null;
}

/** One block of the document, in reading order; the renderer decides how each kind looks. */
export type AgreementBlock =
  | { kind: 'title' | 'subtitle' | 'heading' | 'paragraph' | 'note'; text: string }
  | { kind: 'signatures'; parties: [string, string] };

export interface AgreementDocument {
  title: string;
  blocks: AgreementBlock[];
}

export const ANCT_PARTY =
  'Agence nationale de la cohésion des territoires (ANCT) — Programme Société Numérique';

/** « 123 456 789 00012 »: a SIRET as it is usually printed (SIREN, then the establishment number). */
export function formatSiret(siret: string): string {
  return siret.length === 14
    ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`
    : siret;
}

function when(project: AgreementData['project']): string {
  const { startDate, endDate } = project;
  if (!startDate) return 'à une date qui reste à préciser';
  if (endDate && endDate !== startDate)
    return `du ${formatDateFr(startDate)} au ${formatDateFr(endDate)}`;
  return `le ${formatDateFr(startDate)}`;
}

function where(project: AgreementData['project']): string {
  if (project.venue)
    return `${project.online ? 'en ligne et ' : ''}à l’adresse suivante : ${project.venue}`;
  return project.online ? 'en ligne' : 'en un lieu qui reste à préciser';
}

/**
 * The text of the grant agreement (convention de subvention) between ANCT and the beneficiary,
 * as a list of blocks. Pure: the same data always gives the same text.
 */
export function composeAgreement(data: AgreementData): AgreementDocument {
  const { organisation, project } = data;
  const amount = `${formatCents(data.amountCents)} (${amountInWords(data.amountCents)})`;
  const blocks: AgreementBlock[] = [
    { kind: 'title', text: 'Convention de subvention' },
    { kind: 'subtitle', text: `Programme Société Numérique — ${data.campaign.title}` },
    { kind: 'note', text: `Référence du dossier : ${data.reference}` },

    { kind: 'heading', text: 'Entre' },
    { kind: 'paragraph', text: `l’${ANCT_PARTY}, ci-après désignée « l’ANCT »,` },
    { kind: 'heading', text: 'et' },
    {
      kind: 'paragraph',
      text: `${organisation.name}, immatriculée sous le numéro SIRET ${formatSiret(organisation.siret)}, ci-après désignée « le bénéficiaire ».`,
    },
    { kind: 'paragraph', text: 'Les deux parties conviennent de ce qui suit.' },

    { kind: 'heading', text: 'Article 1 — Objet' },
    {
      kind: 'paragraph',
      text: `Par la présente convention, l’ANCT soutient l’organisation par le bénéficiaire de l’événement « ${project.title} », labellisé Numérique en Commun[s] local, qui se tiendra ${when(project)}, ${where(project)}.`,
    },

    { kind: 'heading', text: 'Article 2 — Montant de la subvention' },
    {
      kind: 'paragraph',
      text: `L’ANCT accorde au bénéficiaire une subvention d’un montant de ${amount}.`,
    },

    { kind: 'heading', text: 'Article 3 — Versement' },
    {
      kind: 'paragraph',
      text: 'La subvention est versée en totalité, en une seule fois, dès la signature de la présente convention par les deux parties.',
    },

    { kind: 'heading', text: 'Article 4 — Engagements du bénéficiaire' },
    {
      kind: 'paragraph',
      text: 'Le bénéficiaire organise l’événement dans le respect de la charte Numérique en Commun[s], informe sans délai l’ANCT de tout changement important (date, lieu, programme, budget) et dépose le bilan de l’événement sur la plateforme après sa tenue.',
    },

    { kind: 'heading', text: 'Article 5 — Durée' },
    {
      kind: 'paragraph',
      text: `La présente convention prend effet à sa signature et reste valable jusqu’au ${formatDateFr(data.validUntil)} inclus.`,
    },

    { kind: 'heading', text: 'Article 6 — Suivi' },
    {
      kind: 'paragraph',
      text: 'L’ANCT et le bénéficiaire peuvent se réunir en comité de suivi pendant la durée de la convention ; un compte rendu en est conservé au dossier.',
    },

    { kind: 'paragraph', text: `Établie en deux exemplaires le ${formatDateFr(data.issuedOn)}.` },
  ];
  if (data.signedOn)
    blocks.push({ kind: 'note', text: `Convention signée le ${formatDateFr(data.signedOn)}.` });
  blocks.push({
    kind: 'signatures',
    parties: [
      `Pour l’ANCT — Programme Société Numérique\nNom, qualité et signature`,
      `Pour ${organisation.name}\nNom, qualité et signature`,
    ],
  });
  return { title: `Convention de subvention — ${data.reference}`, blocks };
}
