import type {
  InvitationDto,
  JoinRequestDto,
  MyJoinRequestDto,
  ReceivedInvitationDto,
} from '@nec/contracts';
import type { UserEntity } from '../users/user.entity.js';
import type { InvitationEntity } from './invitation.entity.js';
import type {
  InvitationWithContext,
  JoinRequestWithOrganisation,
  JoinRequestWithRequester,
} from './memberships.repository.js';

export function toInvitationDto(
  i: Omit<InvitationEntity, 'inviter'> & { inviter: Pick<UserEntity, 'displayName'> | null },
  now: Date,
): InvitationDto {
  return {
    id: i.id,
    email: i.email,
    invitedAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    invitedBy: i.inviter?.displayName ?? null,
    expired: i.expiresAt.getTime() <= now.getTime(),
  };
}

export function toReceivedInvitationDto(i: InvitationWithContext): ReceivedInvitationDto {
  return {
    organisation: { id: i.organisation.id, name: i.organisation.name, siret: i.organisation.siret },
    invitedBy: i.inviter?.displayName ?? null,
    email: i.email,
    expiresAt: i.expiresAt.toISOString(),
  };
}

export function toJoinRequestDto(r: JoinRequestWithRequester): JoinRequestDto {
  return {
    id: r.id,
    requester: { displayName: r.requester.displayName, email: r.requester.email },
    message: r.message,
    requestedAt: r.createdAt.toISOString(),
  };
}

export function toMyJoinRequestDto(r: JoinRequestWithOrganisation): MyJoinRequestDto {
  return {
    id: r.id,
    organisation: { name: r.organisation.name, siret: r.organisation.siret },
    message: r.message,
    status: r.status,
    requestedAt: r.createdAt.toISOString(),
    decidedAt: r.settledAt?.toISOString() ?? null,
  };
}
