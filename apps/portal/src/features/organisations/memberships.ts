import type { JoinRequestStatus, MemberDto, MembershipRole } from '@nec/contracts';
import { leavesNoOwner, formatInstantFr } from '@nec/domain';

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

/** `2026-11-30T09:00:00Z` → « 30 novembre 2026 » (Paris time). */
export const dayOf = (iso: string): string =>
  formatInstantFr(iso, { time: false, timeZone: 'Europe/Paris' });

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

type Member = { userId: string; role: MembershipRole };

/**
 * What can be done on a member's row: `promote` (« Nommer responsable »), `demote` (« Retirer le
 * rôle de responsable »), `remove` (« Retirer de la structure »), `leave` (one's own row).
 */
export type MemberAction = 'promote' | 'demote' | 'remove' | 'leave';

/**
 * The actions the caller is offered on a member's row: owners manage the others' roles and
 * remove them; anyone steps down or leaves, except the last owner (the API refuses it too).
 */
export function memberActions(
  members: readonly Member[],
  callerId: string,
  member: Member,
): MemberAction[] {
  const caller = members.find((m) => m.userId === callerId);
  if (!caller) return [];
  const owners = members.filter((m) => m.role === 'owner').length;
  if (member.userId === callerId) {
    const own: MemberAction[] = [];
    if (member.role === 'owner' && !leavesNoOwner(owners, { from: 'owner', to: 'member' }))
      own.push('demote');
    if (!leavesNoOwner(owners, { from: member.role, to: null })) own.push('leave');
    return own;
  }
  if (caller.role !== 'owner') return [];
  return [member.role === 'owner' ? 'demote' : 'promote', 'remove'];
}

/** The buttons of the actions, and what they read while the request is under way. */
export const actionLabels: Record<MemberAction, { label: string; pending: string }> = {
  promote: { label: 'Nommer responsable', pending: 'Nomination en cours…' },
  demote: { label: 'Retirer le rôle de responsable', pending: 'Retrait du rôle en cours…' },
  remove: { label: 'Retirer de la structure', pending: 'Retrait en cours…' },
  leave: { label: 'Quitter la structure', pending: 'Départ en cours…' },
};

/** Whether the action asks first: what one cannot undo alone (removing, leaving, stepping down). */
export function asksFirst(action: MemberAction, self: boolean): boolean {
  return action === 'remove' || action === 'leave' || (action === 'demote' && self);
}

/** The confirmation dialog's words for an action that asks first. */
export function confirmationOf(
  action: MemberAction,
  member: Pick<MemberDto, 'displayName'>,
  organisationName: string,
): { title: string; text: string; confirm: string } {
  const org = `« ${organisationName} »`;
  switch (action) {
    case 'leave':
      return {
        title: `Quitter ${org} ?`,
        text: 'Vous n’aurez plus accès à ses dossiers. Pour revenir, il vous faudra une nouvelle invitation, ou l’accord d’une personne responsable.',
        confirm: 'Oui, quitter la structure',
      };
    case 'demote':
      return {
        title: `Ne plus être responsable de ${org} ?`,
        text: 'Vous en resterez membre, mais vous ne pourrez plus inviter, répondre aux demandes ni gérer les membres. Seule une autre personne responsable pourra vous redonner ce rôle.',
        confirm: 'Oui, retirer mon rôle',
      };
    default:
      return {
        title: `Retirer ${member.displayName} de ${org} ?`,
        text: 'Cette personne n’aura plus accès aux dossiers de la structure. Pour revenir, il lui faudra une nouvelle invitation.',
        confirm: 'Oui, retirer de la structure',
      };
  }
}

/** What the caller reads once an action on a member went through. */
export function outcomeOf(
  action: MemberAction,
  member: Pick<MemberDto, 'displayName'>,
  organisationName: string,
  self: boolean,
): string {
  const org = `« ${organisationName} »`;
  const who = member.displayName;
  switch (action) {
    case 'promote':
      return `${who} est désormais responsable de ${org}.`;
    case 'demote':
      return self
        ? `Vous n’êtes plus responsable de ${org} ; vous en restez membre.`
        : `${who} n’est plus responsable de ${org} ; cette personne en reste membre.`;
    case 'remove':
      return `${who} ne fait plus partie de ${org}.`;
    case 'leave':
      return `Vous avez quitté ${org}.`;
  }
}

/** Whether the caller may leave: a member always, an owner only if another owner stays. */
export function canLeave(members: readonly Member[], userId: string): boolean {
  const me = members.find((m) => m.userId === userId);
  return !!me && memberActions(members, userId, me).includes('leave');
}
