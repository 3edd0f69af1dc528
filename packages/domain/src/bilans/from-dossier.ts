import { budgetTotals } from '../budget/budget.js';
import { type CallKind } from '../calls/call-kinds.js';
import { dossierSchemas } from '../dossiers/schemas.js';
import { type NecLocalDossier } from '../dossiers/nec-local.js';
import { isoDateSchema } from '../shared/dates.js';
import { type TransitionContext } from '../workflow/context.js';
import { type NecLocalBilanDraft } from './local-bilan.js';

/**
 * What a bilan reads from its NEC local dossier: the event's dates (for the workflow's
 * `event-over` rule), what was planned (shown beside the actual figures) and the context of the
 * reporting record. The dossier content was checked at submission; it is read again through the
 * domain's submission schema, and a fact that does not read is `null`, never a guess.
 */

/** The parts of a stored dossier these functions read. */
export type StoredDossier = {
  callKind: CallKind;
  content: Record<string, unknown>;
  awardedAmountCents: number | null;
};

/** The NEC local dossier as submitted, or null when it is another call or does not read. */
export function submittedNecLocalOf(dossier: StoredDossier): NecLocalDossier | null {
  if (dossier.callKind !== 'nec-local') return null;
  const parsed = dossierSchemas['nec-local'].submission.safeParse(dossier.content);
  return parsed.success ? parsed.data : null;
}

/** The event's dates as the workflow reads them, or undefined when the dossier has no valid start date. */
export function dossierEventDates(content: Record<string, unknown>): TransitionContext['event'] {
  const event = content.event;
  if (typeof event !== 'object' || event === null) return undefined;
  const { startDate, endDate } = event as Record<string, unknown>;
  const start = isoDateSchema.safeParse(startDate);
  if (!start.success) return undefined;
  const end = isoDateSchema.safeParse(endDate);
  return end.success ? { startDate: start.data, endDate: end.data } : { startDate: start.data };
}

/** What the accepted dossier planned, shown beside the bilan's actual figures. */
export interface BilanPlan {
  startDate: string | null;
  endDate: string | null;
  eventMode: NecLocalDossier['eventMode'] | null;
  expectedAttendees: number | null;
  formats: NecLocalDossier['formats'] | null;
  budget: NecLocalDossier['budget'] | null;
  budgetTotals: { expensesCents: number; resourcesCents: number; subsidyCents: number } | null;
  awardedAmountCents: number | null;
}

/** What the dossier planned (null where it does not read). */
export function bilanPlanOf(dossier: StoredDossier): BilanPlan {
  const planned = submittedNecLocalOf(dossier);
  const event = dossierEventDates(dossier.content);
  const totals = planned ? budgetTotals(planned.budget) : null;
  return {
    startDate: event?.startDate ?? null,
    endDate: event?.endDate ?? null,
    eventMode: planned?.eventMode ?? null,
    expectedAttendees: planned?.audiences.expectedAttendees ?? null,
    formats: planned?.formats ?? null,
    budget: planned?.budget ?? null,
    budgetTotals: totals && {
      expensesCents: totals.expensesCents,
      resourcesCents: totals.resourcesCents,
      subsidyCents: totals.subsidyCents,
    },
    awardedAmountCents: dossier.awardedAmountCents,
  };
}

/**
 * A new bilan, pre-filled with what the dossier already says: the audience expected (as a
 * one-value range) and the subsidy awarded. Everything else is for the organiser to enter.
 */
export function prefilledBilan(planned: BilanPlan): NecLocalBilanDraft {
  const draft: NecLocalBilanDraft = {};
  if (planned.expectedAttendees !== null)
    draft.expectedAttendees = { min: planned.expectedAttendees, max: planned.expectedAttendees };
  if (planned.awardedAmountCents !== null)
    draft.budget = { subsidyCents: planned.awardedAmountCents };
  return draft;
}
