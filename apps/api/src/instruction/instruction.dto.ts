import type { Role } from '@nec/domain';
import type {
  InformationRequestDto,
  InterviewDto,
  MessageDto,
  NoteDto,
  QueueItemDto,
} from '@nec/contracts';
import type { DossierMessageEntity } from './dossier-message.entity.js';
import type { DossierNoteEntity } from './dossier-note.entity.js';
import type { InformationRequestEntity } from './information-request.entity.js';
import type { InterviewEntity } from './interview.entity.js';
import type { QueueRow, WithAuthorName } from './instruction.repository.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** How the ANCT side signs its messages to applicants: a team, never a person. */
export const AGENT_SIGNATURE = 'Équipe ANCT';

export function toQueueItemDto(r: QueueRow): QueueItemDto {
  return {
    id: r.id,
    reference: r.reference,
    campaignId: r.campaignId,
    callKind: r.callKind,
    state: r.state,
    title: r.title,
    organisation: { id: r.organisationId, name: r.organisationName },
    eventDate: r.eventDate,
    requestedSubsidyCents: r.requestedSubsidyCents,
    awardedAmountCents: r.awardedAmountCents,
    regionCodes: r.regionCodes,
    labelVerdict: r.labelVerdict,
    subsidyVerdict: r.subsidyVerdict,
    assignee: r.assigneeId ? { id: r.assigneeId, displayName: r.assigneeName } : null,
    hasOverdueRequest: r.hasOverdueRequest,
    submittedAt: iso(r.submittedAt),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A request for information; `overdue` when its due date has passed without an answer. */
export function toInformationRequestDto(
  r: InformationRequestEntity,
  today: string,
): InformationRequestDto {
  return {
    id: r.id,
    message: r.message,
    dueDate: r.dueDate,
    requestedAt: r.requestedAt.toISOString(),
    answeredAt: iso(r.answeredAt),
    answerText: r.answerText,
    answerAttachmentIds: r.answerAttachmentIds,
    overdue: r.answeredAt === null && r.dueDate < today,
  };
}

export function toInterviewDto(i: InterviewEntity): InterviewDto {
  return { id: i.id, date: i.scheduledFor, notes: i.notes, createdAt: i.createdAt.toISOString() };
}

/**
 * A message as its reader sees it: `author.side` tells the applicant's side from the ANCT team.
 * Applicants see agents only as « Équipe ANCT »; agents see the name of the agent who wrote.
 * Applicants' names are shown to everyone (they write for their own organisation).
 */
export function toMessageDto(
  m: WithAuthorName<DossierMessageEntity>,
  readerRole: Role,
): MessageDto {
  const fromApplicant = m.authorRole === 'applicant';
  const hideAgent = !fromApplicant && readerRole === 'applicant';
  return {
    id: m.id,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    author: {
      side: fromApplicant ? ('applicant' as const) : ('anct' as const),
      role: hideAgent ? null : m.authorRole,
      name: hideAgent ? AGENT_SIGNATURE : (m.authorName ?? 'Compte supprimé'),
    },
  };
}

export function toNoteDto(n: WithAuthorName<DossierNoteEntity>): NoteDto {
  return {
    id: n.id,
    body: n.body,
    createdAt: n.createdAt.toISOString(),
    author: { id: n.authorId, name: n.authorName },
  };
}
