import type { DossierDto } from '@nec/contracts';
import { formatCents, type WorkflowEvent } from '@nec/domain';
import { dateTime, longDate } from './workflow.js';

type HistoryEntry = DossierDto['history'][number];

/**
 * A step of the dossier's life as the timeline says it, in the past tense (the domain's labels
 * are button labels: « Déposer le dossier »). Keyed by the domain's events, so a new event
 * fails to compile here until it is named.
 */
const stepTitles: Record<WorkflowEvent | 'create', string> = {
  create: 'Dossier commencé',
  submit: 'Dossier déposé',
  'take-for-review': 'Instruction commencée',
  'request-information': 'Compléments demandés',
  'answer-information': 'Compléments envoyés',
  'schedule-interview': 'Entretien proposé',
  accept: 'Dossier accepté',
  refuse: 'Dossier refusé',
  withdraw: 'Candidature retirée',
  'sign-agreement': 'Convention signée',
  'mark-event-held': 'Événement déclaré réalisé',
  'submit-bilan': 'Bilan déposé',
  close: 'Dossier clôturé',
};

const actors: Record<HistoryEntry['actorRole'], string> = {
  applicant: 'par votre structure',
  instructor: 'par l’équipe de l’ANCT',
  admin: 'par l’équipe de l’ANCT',
  analyst: 'par l’équipe de l’ANCT',
  system: 'automatiquement',
};

export type TimelineStep = { title: string; when: string; by: string; detail: string | null };

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

function detailOf(entry: HistoryEntry): string | null {
  const d = entry.details;
  switch (entry.event) {
    case 'request-information': {
      const due = text(d.dueDate);
      return due ? `Réponse attendue avant le ${longDate(due)}.` : null;
    }
    case 'schedule-interview': {
      const date = text(d.date);
      return date ? `Entretien le ${longDate(date)}.` : null;
    }
    case 'accept':
      return typeof d.awardedAmountCents === 'number' && d.awardedAmountCents > 0
        ? `Subvention accordée : ${formatCents(d.awardedAmountCents)}.`
        : 'Label accordé, sans subvention.';
    case 'refuse':
      return text(d.reason);
    default:
      return null;
  }
}

/** The dossier's history, oldest first, as the timeline shows it. */
export function timelineOf(history: readonly HistoryEntry[]): TimelineStep[] {
  return history.map((entry) => ({
    title: stepTitles[entry.event as WorkflowEvent | 'create'] ?? entry.event,
    when: dateTime(entry.at),
    by: actors[entry.actorRole],
    detail: detailOf(entry),
  }));
}

/** The instruction's decision, when there is one: the latest acceptance or refusal. */
export type Decision =
  | { kind: 'accepted'; at: string; awardedAmountCents: number | null }
  | { kind: 'refused'; at: string; reason: string | null };

export function decisionOf(
  dossier: Pick<DossierDto, 'history' | 'awardedAmountCents'>,
): Decision | null {
  const entry = [...dossier.history]
    .reverse()
    .find((h) => h.event === 'accept' || h.event === 'refuse');
  if (!entry) return null;
  if (entry.event === 'refuse')
    return { kind: 'refused', at: entry.at, reason: text(entry.details.reason) };
  return { kind: 'accepted', at: entry.at, awardedAmountCents: dossier.awardedAmountCents };
}

/** Whether the dossier's bilan has been submitted (its history says so). */
export function bilanSubmitted(dossier: Pick<DossierDto, 'history'>): boolean {
  return dossier.history.some((h) => h.event === 'submit-bilan');
}
