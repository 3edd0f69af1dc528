import type { JoinRequestStatus, MembershipRole } from '@nec/contracts';

/** How the membership screens word roles, statuses and dates. */

export const roleLabels: Record<MembershipRole, string> = {
  owner: 'Responsable',
  member: 'Membre',
};

/** DSFR badge types: pending is news to wait for, the outcomes are a success or an error. */
export const joinRequestStatuses: Record<
  JoinRequestStatus,
  { label: string; badge: 'info' | 'success' | 'error' | 'warning' }
> = {
  pending: { label: 'En attente de réponse', badge: 'info' },
  accepted: { label: 'Acceptée', badge: 'success' },
  declined: { label: 'Refusée', badge: 'error' },
  cancelled: { label: 'Annulée', badge: 'warning' },
};

const DAY = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** `2026-11-30T09:00:00Z` → « 30 novembre 2026 » (Paris time). */
export const dayOf = (iso: string): string => DAY.format(new Date(iso));

/**
 * What an owner reads about a pending invitation: when it was sent and until when it works, or
 * that it lapsed (then inviting the address again sends a new link).
 */
export function invitationState(invitation: {
  invitedAt: string;
  expiresAt: string;
  expired: boolean;
}): string {
  return invitation.expired
    ? `Invitation expirée le ${dayOf(invitation.expiresAt)} : invitez de nouveau l’adresse pour envoyer un nouveau lien.`
    : `Envoyée le ${dayOf(invitation.invitedAt)}, valable jusqu’au ${dayOf(invitation.expiresAt)}.`;
}

/** Whether the caller may leave: a member always, an owner only if another owner stays. */
export function canLeave(
  members: readonly { userId: string; role: MembershipRole }[],
  userId: string,
): boolean {
  const me = members.find((m) => m.userId === userId);
  if (!me) return false;
  return me.role === 'member' || members.some((m) => m.role === 'owner' && m.userId !== userId);
}
