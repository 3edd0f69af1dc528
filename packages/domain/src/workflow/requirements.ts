import { z } from 'zod';
import { compareIsoDates, isoDateSchema, type IsoDate } from '../shared/dates.js';
import type { TransitionContext } from './context.js';

/** Every condition a transition may require, named so errors and UIs can point at it. */
export const requirementIds = [
  'charter-accepted',
  'submission-valid',
  'refusal-reason',
  'information-message',
  'information-due-date',
  'interview-date',
  'awarded-amount-valid',
  'subsidy-awarded',
  'label-only',
  'event-over',
] as const;

/** Schema of a requirement id. */
export const requirementIdSchema = z.enum(requirementIds);
export type RequirementId = z.infer<typeof requirementIdSchema>;

/** A pure check over the context: true when the requirement is met. */
export type RequirementGuard = (context: TransitionContext) => boolean;

const validDate = (value: unknown): value is IsoDate => isoDateSchema.safeParse(value).success;
const filled = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
const isCents = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The last day of the event: its end date, or its start date for a one-day event. */
export function eventLastDay(context: TransitionContext): IsoDate | undefined {
  const event = context.event;
  if (!event) return undefined;
  return event.endDate ?? event.startDate;
}

/** The guard of each requirement. */
export const requirementGuards: Record<RequirementId, RequirementGuard> = {
  'charter-accepted': (c) => c.charterAccepted === true,
  'submission-valid': (c) => c.submissionValid === true,
  'refusal-reason': (c) => filled(c.reason),
  'information-message': (c) => filled(c.message),
  // Strictly after today: a deadline of today would leave the applicant no time to answer.
  'information-due-date': (c) =>
    validDate(c.today) && validDate(c.dueDate) && compareIsoDates(c.dueDate, c.today) > 0,
  'interview-date': (c) => validDate(c.interviewDate),
  // Optional on accept: absent means label only; when given it must be whole cents.
  'awarded-amount-valid': (c) =>
    c.awardedAmountCents === undefined || isCents(c.awardedAmountCents),
  'subsidy-awarded': (c) => isCents(c.awardedAmountCents) && c.awardedAmountCents > 0,
  'label-only': (c) => c.awardedAmountCents === undefined || c.awardedAmountCents === 0,
  // From the last day on: the event is then taking place or over, and can be reported.
  'event-over': (c) => {
    const lastDay = eventLastDay(c);
    return validDate(c.today) && validDate(lastDay) && compareIsoDates(c.today, lastDay) >= 0;
  },
};

/** French explanation of each requirement, shown when it is not met. */
export const requirementMessages: Record<RequirementId, string> = {
  'charter-accepted': 'Acceptez la charte Numérique en Commun[s] avant de déposer votre dossier.',
  'submission-valid':
    'Votre dossier n’est pas complet : corrigez les champs signalés avant de le déposer.',
  'refusal-reason': 'Indiquez le motif du refus : il sera transmis au porteur de projet.',
  'information-message': 'Précisez les informations que vous attendez du porteur de projet.',
  'information-due-date': 'Fixez une date limite de réponse postérieure à la date du jour.',
  'interview-date': 'Indiquez la date de l’entretien.',
  'awarded-amount-valid':
    'Le montant accordé doit être un nombre entier de centimes, positif ou nul.',
  'subsidy-awarded':
    'Une convention ne se signe que pour un dossier auquel une subvention a été accordée.',
  'label-only':
    'Ce dossier bénéficie d’une subvention : enregistrez d’abord la signature de la convention.',
  'event-over': 'Cette action est possible à partir du dernier jour de l’événement.',
};

/** The requirements of the list that the context does not meet, in the list's order. */
export function unmetRequirements(
  required: readonly RequirementId[],
  context: TransitionContext,
): RequirementId[] {
  return required.filter((id) => !requirementGuards[id](context));
}
