import type { DossierDto } from '@nec/contracts';
import {
  applyTransition,
  dossierEventDates,
  eventLastDay,
  type RequirementId,
  type TransitionContext,
  type WorkflowEvent,
  formatDateFr,
  formatInstantFr,
} from '@nec/domain';

/** What the page needs of a dossier to ask the workflow what the applicant may do. */
export type WorkflowView = Pick<DossierDto, 'state' | 'content' | 'awardedAmountCents'>;

/**
 * What the domain's workflow reads to decide on the applicant's actions today: the date, the
 * event's dates from the dossier, and the subsidy awarded (label only or not).
 */
export function applicantContext(dossier: WorkflowView, today: string): TransitionContext {
  const event = dossierEventDates(dossier.content);
  return {
    today,
    ...(event ? { event } : {}),
    ...(dossier.awardedAmountCents !== null
      ? { awardedAmountCents: dossier.awardedAmountCents }
      : {}),
  };
}

/**
 * An action of the applicant as the workflow sees it now: possible; possible later (the graph
 * allows it from this state, a requirement is not met yet, with the reason); or not at all.
 */
export type ApplicantAction =
  | { kind: 'available' }
  | { kind: 'not-yet'; requirement: RequirementId; message: string }
  | { kind: 'none' };

/**
 * The reasons an applicant reads when an action must wait. The domain's messages speak to whoever
 * fires the event (often the instructor: « enregistrez la signature… »); these say the same
 * requirement from the applicant's side. Absent: the domain's message is shown.
 */
const applicantReasons: Partial<Record<RequirementId, (context: TransitionContext) => string>> = {
  'label-only': () =>
    'Votre dossier bénéficie d’une subvention : l’événement pourra être déclaré réalisé une fois la convention signée par les deux parties.',
  'event-over': (context) => {
    const lastDay = eventLastDay(context);
    return lastDay
      ? `Vous pourrez déclarer l’événement réalisé à partir de son dernier jour, le ${longDate(lastDay)}.`
      : 'Indiquez la date de l’événement dans le dossier : il se déclare réalisé à partir de son dernier jour.';
  },
};

/** Asks the domain's state machine whether the applicant may fire `event` on the dossier today. */
export function applicantAction(
  dossier: WorkflowView,
  event: WorkflowEvent,
  today: string,
): ApplicantAction {
  const context = applicantContext(dossier, today);
  const result = applyTransition(dossier.state, event, 'applicant', context);
  if (result.ok) return { kind: 'available' };
  if (result.error.code !== 'requirement-not-met') return { kind: 'none' };
  const reason = applicantReasons[result.error.requirement];
  return {
    kind: 'not-yet',
    requirement: result.error.requirement,
    message: reason ? reason(context) : result.error.message,
  };
}

/** "15 octobre 2026" from `2026-10-15` (read as a calendar day, whatever the time zone). */
export function longDate(isoDate: string): string {
  return formatDateFr(isoDate);
}

/** "4 mai 2026 à 14:32" from an ISO date-time, in the reader's time zone. */
export function dateTime(iso: string): string {
  return formatInstantFr(iso);
}

/**
 * Whether the dossier has a grant agreement to download: drawn up already, or due (the workflow
 * would let ANCT record its signature now: accepted with a subsidy). The API draws it up on the
 * first download.
 */
export function hasAgreement(dossier: WorkflowView & Pick<DossierDto, 'agreement'>): boolean {
  if (dossier.agreement !== null) return true;
  const context =
    dossier.awardedAmountCents !== null ? { awardedAmountCents: dossier.awardedAmountCents } : {};
  return applyTransition(dossier.state, 'sign-agreement', 'instructor', context).ok;
}
