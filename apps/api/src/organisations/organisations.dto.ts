import type { MemberDto, MembershipRole, OrganisationDto } from '@nec/contracts';
import type { OrganisationEntity } from './organisation.entity.js';
import type { MembershipWithUser } from './organisations.repository.js';

export function toVerifiedOrganisationDto(o: OrganisationEntity): Omit<OrganisationDto, 'role'> {
  return {
    id: o.id,
    siret: o.siret,
    siren: o.siren,
    name: o.name,
    category: o.category,
    communeCode: o.communeCode,
    createdAt: o.createdAt.toISOString(),
    verifiedAt: o.verifiedAt?.toISOString() ?? null,
  };
}

export function toOrganisationDto(o: OrganisationEntity, role: MembershipRole): OrganisationDto {
  return { ...toVerifiedOrganisationDto(o), role };
}

export function toMemberDto(m: MembershipWithUser): MemberDto {
  return {
    userId: m.userId,
    displayName: m.user.displayName,
    email: m.user.email,
    role: m.role,
    memberSince: m.createdAt.toISOString(),
  };
}
