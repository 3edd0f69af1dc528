import type { AccountExport } from '@nec/contracts';
import type { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import type { OneTimeTokenEntity } from '../auth/one-time-token.entity.js';
import type { SessionEntity } from '../auth/session.entity.js';
import type { CharterAcceptanceEntity } from '../dossiers/charter-acceptance.entity.js';
import type { DossierTransitionEntity } from '../dossiers/dossier-transition.entity.js';
import type { DossierVersionEntity } from '../dossiers/dossier-version.entity.js';
import type { DossierEntity } from '../dossiers/dossier.entity.js';
import type { InvitationEntity } from '../memberships/invitation.entity.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import type { MembershipWithOrganisation } from '../organisations/organisations.repository.js';
import type { UserEntity } from '../users/user.entity.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

// ── the export's sections (no password hash, no token hash, no CSRF token) ──

export const toProfile = (u: UserEntity): AccountExport['profile'] => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  emailConfirmedAt: iso(u.emailConfirmedAt),
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

export const toSession = (
  s: SessionEntity,
  currentSessionId: string,
): AccountExport['sessions'][number] => ({
  createdAt: s.createdAt.toISOString(),
  expiresAt: s.expiresAt.toISOString(),
  userAgent: s.userAgent,
  current: s.id === currentSessionId,
});

export const toEmailLink = (t: OneTimeTokenEntity): AccountExport['emailLinks'][number] => ({
  purpose: t.purpose,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
  usedAt: iso(t.usedAt),
});

export const toMembership = (
  m: MembershipWithOrganisation,
): AccountExport['memberships'][number] => ({
  role: m.role,
  memberSince: m.createdAt.toISOString(),
  organisation: {
    id: m.organisation.id,
    siret: m.organisation.siret,
    siren: m.organisation.siren,
    name: m.organisation.name,
    category: m.organisation.category,
    communeCode: m.organisation.communeCode,
    createdAt: m.organisation.createdAt.toISOString(),
    verifiedAt: m.organisation.verifiedAt?.toISOString() ?? null,
  },
});

export const toReceivedInvitation = (
  i: InvitationEntity & { organisation: OrganisationEntity },
): AccountExport['invitations'][number] => ({
  organisation: { name: i.organisation.name, siret: i.organisation.siret },
  status: i.status,
  invitedAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  settledAt: iso(i.settledAt),
});

export interface DossierRecords {
  versions: DossierVersionEntity[];
  transitions: DossierTransitionEntity[];
  charterAcceptances: CharterAcceptanceEntity[];
}

/** Agents' ids are not the applicant's data: the history says which role acted, not who. */
export const toDossier = (
  d: DossierEntity,
  records: DossierRecords,
  userId: string,
): AccountExport['dossiers'][number] => ({
  id: d.id,
  reference: d.reference,
  campaignId: d.campaignId,
  organisationId: d.organisationId,
  callKind: d.callKind,
  state: d.state,
  title: d.title,
  content: d.content,
  eventDate: d.eventDate,
  requestedSubsidyCents: d.requestedSubsidyCents,
  version: d.version,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  submittedAt: iso(d.submittedAt),
  versions: records.versions
    .filter((v) => v.dossierId === d.id)
    .map((v) => ({
      number: v.number,
      content: v.content,
      eligibility: v.eligibility,
      submittedAt: v.submittedAt.toISOString(),
      submittedByYou: v.submittedBy === userId,
    })),
  transitions: records.transitions
    .filter((t) => t.dossierId === d.id)
    .map((t) => ({
      event: t.event,
      fromState: t.fromState,
      toState: t.toState,
      actorRole: t.actorRole,
      byYou: t.actorId === userId,
      details: t.details,
      at: t.at.toISOString(),
    })),
  charterAcceptances: records.charterAcceptances
    .filter((c) => c.dossierId === d.id)
    .map((c) => ({
      charterId: c.charterId,
      version: c.charterVersion,
      acceptedAt: c.acceptedAt.toISOString(),
      acceptedByYou: c.userId === userId,
    })),
});

export const toAuditEntry = (a: AuditEntryEntity): AccountExport['auditEntries'][number] => ({
  at: a.at.toISOString(),
  action: a.action,
  actorRole: a.actorRole,
  subjectType: a.subjectType,
  subjectId: a.subjectId,
  details: a.details,
});
