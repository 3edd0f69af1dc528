import type { NecLocalDossierDraft } from '@nec/domain';

/**
 * A NEC local draft with every group present (empty), so the form binds `draft.event.startDate`
 * without guards. Empty groups validate like missing ones: the messages stay on the fields.
 */
export function withGroups(content: Record<string, unknown>): NecLocalDossierDraft {
  const d = structuredClone(content) as NecLocalDossierDraft;
  delete (d as Record<string, unknown>).charterAcceptance;
  d.themes = { catalogue: [], free: [], ...(d.themes ?? {}) };
  d.area = d.area ?? [];
  d.audiences = { targets: [], ...(d.audiences ?? {}) };
  d.organisers = d.organisers ?? [];
  d.formats = { kinds: [], other: [], ...(d.formats ?? {}) };
  d.means = { ...(d.means ?? {}) };
  d.event = { ...(d.event ?? {}) };
  d.budget = { expenses: [], resources: [], ...(d.budget ?? {}) };
  d.requests = { label: true, ...(d.requests ?? {}), subsidy: { ...(d.requests?.subsidy ?? {}) } };
  return d;
}
