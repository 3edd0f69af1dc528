import { eligibilitySchema, type FieldIssue, type WorkflowEvent } from '@nec/domain';
import type { DossierEntity } from './dossier.entity.js';
import type { DossierRecord, DossierSummaryRow } from './dossiers.repository.js';
import type { DossierRecordExtras } from './dossiers.schemas.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toDossierSummaryDto(d: DossierSummaryRow | DossierEntity) {
  return {
    id: d.id,
    reference: d.reference,
    campaignId: d.campaignId,
    callKind: d.callKind,
    state: d.state,
    title: d.title,
    organisation: { id: d.organisationId, name: d.organisation?.name ?? null },
    eventDate: d.eventDate,
    requestedSubsidyCents: d.requestedSubsidyCents,
    version: d.version,
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
    submittedAt: iso(d.submittedAt),
  };
}
export type DossierSummaryDto = ReturnType<typeof toDossierSummaryDto>;

export interface DossierDetails extends DossierRecord {
  draftIssues: FieldIssue[];
  availableEvents: WorkflowEvent[];
  /** Staff see the interview's notes; applicants its date only. */
  staff: boolean;
}

/** The frozen verdict, the awarded amount, the interview and the agreement of a dossier. */
export function toRecordExtras(
  d: Pick<DossierEntity, 'id' | 'awardedAmountCents'>,
  details: Pick<DossierDetails, 'frozen' | 'interview' | 'agreement' | 'staff'>,
): DossierRecordExtras {
  const { frozen, interview, agreement } = details;
  return {
    eligibilityAtSubmission: frozen && {
      version: frozen.number,
      submittedAt: frozen.submittedAt.toISOString(),
      // The submission's day, as the clock gives `today` (UTC date).
      evaluatedOn: frozen.submittedAt.toISOString().slice(0, 10),
      eligibility: eligibilitySchema.parse(frozen.eligibility),
    },
    awardedAmountCents: d.awardedAmountCents,
    interview: interview && {
      date: interview.scheduledFor,
      ...(details.staff ? { notes: interview.notes } : {}),
    },
    agreement: agreement && {
      ...agreement,
      documentPath: `/api/dossiers/${d.id}/agreement.pdf`,
    },
  };
}

export function toDossierDto(d: DossierEntity, details: DossierDetails) {
  const acceptance = details.charterAcceptance;
  return {
    ...toDossierSummaryDto(d),
    content: d.content,
    draftIssues: details.draftIssues,
    charterAcceptance: acceptance
      ? {
          charterId: acceptance.charterId,
          version: acceptance.charterVersion,
          acceptedAt: acceptance.acceptedAt.toISOString(),
          acceptedBy: acceptance.userId,
        }
      : null,
    history: details.history.map((h) => ({
      event: h.event,
      fromState: h.fromState,
      toState: h.toState,
      actorRole: h.actorRole,
      at: h.at.toISOString(),
      details: h.details,
    })),
    versions: details.versions.map((v) => ({
      number: v.number,
      submittedAt: v.submittedAt.toISOString(),
    })),
    availableEvents: details.availableEvents,
    ...toRecordExtras(d, details),
  };
}
export type DossierDto = ReturnType<typeof toDossierDto>;
