import { budgetTotals } from '../budget/budget.js';
import { type CallKind } from '../calls/call-kinds.js';
import { dossierSchemas } from '../dossiers/schemas.js';
import { type NecLocalDossier } from '../dossiers/nec-local.js';
import { isoDateSchema } from '../shared/dates.js';
import { findCommune, findTerritory } from '../territories/lookup.js';
import { type TransitionContext } from '../workflow/context.js';
import { recordThemeFamilies, type BilanRecord } from './bilan-record.js';
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

function submitted(dossier: StoredDossier): NecLocalDossier | null {
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
  const planned = submitted(dossier);
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

/** A single value, or undefined when the set holds none or several. */
function single(values: Iterable<string>): string | undefined {
  const distinct = [...new Set(values)];
  return distinct.length === 1 ? distinct[0] : undefined;
}

/**
 * Where the event took place, for reporting: the venue's commune when there is one, else the
 * area the dossier covers; a région (département) only when it is the only one.
 */
function placeOf(dossier: NecLocalDossier): Pick<BilanRecord, 'regionCode' | 'departementCode'> {
  const venueCommune = dossier.event.venue?.communeCode;
  const commune = venueCommune ? findCommune(venueCommune) : undefined;
  if (commune) return { regionCode: commune.regionCode, departementCode: commune.departementCode };
  const territories = dossier.area.flatMap((ref) => findTerritory(ref) ?? []);
  return {
    regionCode: single(territories.flatMap((t) => t.regionCodes)),
    departementCode: single(territories.flatMap((t) => t.departementCodes)),
  };
}

/** The context of a `BilanRecord` for a dossier (all but `id` and `bilan`), or null when the dossier does not read. */
export function bilanRecordContextOf(
  dossier: StoredDossier & { campaignYear: number },
): Omit<BilanRecord, 'id' | 'bilan'> | null {
  const planned = submitted(dossier);
  // The porteur is the lead organiser, which a submitted dossier always names.
  const lead = planned?.organisers.find((organiser) => organiser.role === 'lead');
  if (!planned || !lead) return null;
  const themes = [...new Set([...planned.themes.catalogue, ...planned.themes.free])];
  const place = placeOf(planned);
  return {
    year: dossier.campaignYear,
    eventDate: planned.event.startDate,
    ...(place.regionCode !== undefined ? { regionCode: place.regionCode } : {}),
    ...(place.departementCode !== undefined ? { departementCode: place.departementCode } : {}),
    themes,
    themeFamilies: recordThemeFamilies({ themes, themeFamilies: [] }),
    eventMode: planned.eventMode,
    porteurCategory: lead.category,
    callKind: dossier.callKind,
  };
}
