import { z } from 'zod';

/** What a person may do for an organisation: an owner (« responsable ») also manages its members. */
export const membershipRoles = ['owner', 'member'] as const;
export const membershipRoleSchema = z.enum(membershipRoles, {
  error: 'Choisissez un rôle : responsable (owner) ou membre (member).',
});
export type MembershipRole = z.infer<typeof membershipRoleSchema>;

/** A change of one person's membership: a new role, or `null` when they leave (or are removed). */
export interface MembershipChange {
  from: MembershipRole;
  to: MembershipRole | null;
}

/**
 * Whether the change would leave the organisation without an owner, given how many it has now:
 * someone must always be able to manage its members and answer for it, so the last owner can
 * neither step down nor leave (another member must be made owner first).
 */
export function leavesNoOwner(ownerCount: number, change: MembershipChange): boolean {
  return change.from === 'owner' && change.to !== 'owner' && ownerCount <= 1;
}
