import {
  charterLicence,
  countedFormatKinds,
  eventFormatKindLabels,
  eventModeLabels,
  formatCents,
  type EventFormatKind,
  type NecLocalBilanDraft,
  formatDateFr,
} from '@nec/domain';
import type { BilanDto } from '@nec/contracts';

/**
 * A bilan with every group present (empty), so the form binds `values.speakers.total` without
 * guards; `compactFor` gives the domain's schema the absences it reads.
 */
export function withBilanGroups(content: Record<string, unknown>): NecLocalBilanDraft {
  const b = structuredClone(content) as NecLocalBilanDraft;
  b.speakers = { ...(b.speakers ?? {}), genderSplit: { ...(b.speakers?.genderSplit ?? {}) } };
  b.formats = { others: [], ...(b.formats ?? {}) };
  b.budget = { ...(b.budget ?? {}) };
  b.satisfaction = {
    mostAppreciated: [],
    leastAppreciated: [],
    evokedWords: [],
    ...(b.satisfaction ?? {}),
    overall: { ...(b.satisfaction?.overall ?? {}) },
  };
  b.improvements = { fromPublic: [], fromOrganisers: [], ...(b.improvements ?? {}) };
  b.team = b.team ?? [];
  b.resources = b.resources ?? [];
  b.licence = b.licence ?? charterLicence;
  return b;
}

type Plan = BilanDto['planned'];

const people = (n: number) => `${n.toLocaleString('fr-FR')} ${n > 1 ? 'personnes' : 'personne'}`;

/** The audience the dossier expected (a range once the bilan says so, else the dossier's figure). */
export function plannedAttendees(plan: Plan, bilan: NecLocalBilanDraft): string | null {
  const range = bilan.expectedAttendees;
  if (typeof range?.min === 'number' && typeof range.max === 'number') {
    return range.min === range.max
      ? `${people(range.min)} attendues`
      : `de ${range.min.toLocaleString('fr-FR')} à ${people(range.max)} attendues`;
  }
  return plan.expectedAttendees === null ? null : `${people(plan.expectedAttendees)} attendues`;
}

/** Whether the dossier planned a format with its own counter in the bilan. */
export function plannedFormat(
  plan: Plan,
  kind: (typeof countedFormatKinds)[number],
): string | null {
  if (!plan.formats) return null;
  return plan.formats.kinds.includes(kind) ? 'au programme' : 'pas au programme';
}

/** The other formats the dossier planned (fishbowl, barcamp…), by name. */
export function plannedOtherFormats(plan: Plan): string | null {
  if (!plan.formats) return null;
  const counted = new Set<EventFormatKind>(countedFormatKinds);
  const names = [
    ...plan.formats.kinds.filter((k) => !counted.has(k)).map((k) => eventFormatKindLabels[k]),
    ...plan.formats.other,
  ];
  return names.length > 0 ? names.join(', ') : 'aucun';
}

/** The event as the dossier described it: dates and mode. */
export function plannedEvent(plan: Plan): string | null {
  if (!plan.startDate) return null;
  const day = (iso: string) => formatDateFr(iso);
  const dates =
    plan.endDate && plan.endDate !== plan.startDate
      ? `du ${day(plan.startDate)} au ${day(plan.endDate)}`
      : `le ${day(plan.startDate)}`;
  return plan.eventMode ? `${dates}, ${eventModeLabels[plan.eventMode].toLowerCase()}` : dates;
}

/** A planned amount in euros, or null when the dossier does not say. */
export const plannedAmount = (cents: number | null | undefined): string | null =>
  typeof cents === 'number' ? formatCents(cents) : null;

/** The group holding a field of the form and the field's key in it (every group is present). */
function holderOf(bilan: NecLocalBilanDraft, path: string): [Record<string, unknown>, string] {
  const keys = path.split('.');
  const key = keys.pop() ?? '';
  let group = bilan as Record<string, unknown>;
  for (const part of keys) group = group[part] as Record<string, unknown>;
  return [group, key];
}

/** The value of the form at a dot path (`speakers.genderSplit.women`). */
export function valueAt(bilan: NecLocalBilanDraft, path: string): unknown {
  const [group, key] = holderOf(bilan, path);
  return group[key];
}

/** Puts a value into the form at a dot path. */
export function setValueAt(bilan: NecLocalBilanDraft, path: string, value: unknown): void {
  const [group, key] = holderOf(bilan, path);
  group[key] = value;
}
