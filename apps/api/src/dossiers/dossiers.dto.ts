import { eligibilitySchema, type FieldIssue, type WorkflowEvent } from '@nec/domain';
import type {
  CharterAcceptanceDto,
  DossierDto,
  DossierRecordExtras,
  DossierSummaryDto,
  SavedDraftDto,
} from '@nec/contracts';
import type { CharterAcceptanceEntity } from './charter-acceptance.entity.js';
import type { DossierEntity } from './dossier.entity.js';
import type { DossierRecord, DossierSummaryRow } from './dossiers.repository.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toDossierSummaryDto(d: DossierSummaryRow | DossierEntity): DossierSummaryDto {
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
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    submittedAt: iso(d.submittedAt),
  };
}

export const toCharterAcceptanceDto = (
  a: Pick<CharterAcceptanceEntity, 'charterId' | 'charterVersion' | 'acceptedAt' | 'userId'>,
): CharterAcceptanceDto => ({
  charterId: a.charterId,
  version: a.charterVersion,
  acceptedAt: a.acceptedAt.toISOString(),
  acceptedBy: a.userId,
});

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

export function toDossierDto(d: DossierEntity, details: DossierDetails): DossierDto {
  const acceptance = details.charterAcceptance;
  return {
    ...toDossierSummaryDto(d),
    content: d.content,
    draftIssues: details.draftIssues,
    charterAcceptance: acceptance ? toCharterAcceptanceDto(acceptance) : null,
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

export const toSavedDraftDto = (
  saved: { version: number; updatedAt: Date },
  draftIssues: FieldIssue[],
  unsaved: FieldIssue[],
): SavedDraftDto => ({
  version: saved.version,
  updatedAt: saved.updatedAt.toISOString(),
  draftIssues,
  unsaved,
});
