import { describe, expect, it } from 'vitest';
import {
  actionLabels,
  asksFirst,
  canLeave,
  confirmationOf,
  dayOf,
  invitationState,
  joinRequestStatuses,
  memberActions,
  outcomeOf,
  roleLabels,
} from './memberships.js';

describe('membership wording', () => {
  it('names roles and statuses in French', () => {
    expect(roleLabels.owner).toBe('Responsable');
    expect(joinRequestStatuses.pending.label).toBe('En attente de réponse');
    expect(joinRequestStatuses.declined.badge).toBe('error');
  });

  it('gives days in Paris time', () => {
    expect(dayOf('2026-11-30T23:30:00Z')).toBe('1er décembre 2026');
  });

  it('says until when an invitation works, or that it lapsed', () => {
    const sent = { invitedAt: '2026-11-01T10:00:00Z', expiresAt: '2026-11-08T10:00:00Z' };
    expect(invitationState({ ...sent, expired: false })).toBe(
      'Envoyée le 1er novembre 2026, valable jusqu’au 8 novembre 2026.',
    );
    expect(invitationState({ ...sent, expired: true })).toMatch(
      /^Invitation expirée le 8 novembre/,
    );
  });
});

describe('canLeave', () => {
  const owner = { userId: 'a', role: 'owner' as const };
  const member = { userId: 'b', role: 'member' as const };

  it('lets a member leave, and an owner only when another owner stays', () => {
    expect(canLeave([owner, member], 'b')).toBe(true);
    expect(canLeave([owner, member], 'a')).toBe(false);
    expect(canLeave([owner, member, { userId: 'c', role: 'owner' }], 'a')).toBe(true);
    expect(canLeave([owner], 'z')).toBe(false);
  });
});

describe('memberActions', () => {
  const ana = { userId: 'a', role: 'owner' as const };
  const ben = { userId: 'b', role: 'member' as const };
  const cleo = { userId: 'c', role: 'owner' as const };

  it('offers an owner to promote a member, or demote another owner, and remove either', () => {
    expect(memberActions([ana, ben, cleo], 'a', ben)).toEqual(['promote', 'remove']);
    expect(memberActions([ana, ben, cleo], 'a', cleo)).toEqual(['demote', 'remove']);
  });

  it('lets the last owner neither step down nor leave', () => {
    expect(memberActions([ana, ben], 'a', ana)).toEqual([]);
    expect(memberActions([ana, ben, cleo], 'a', ana)).toEqual(['demote', 'leave']);
  });

  it('offers a member to leave only, and nothing on the others’ rows', () => {
    expect(memberActions([ana, ben], 'b', ben)).toEqual(['leave']);
    expect(memberActions([ana, ben], 'b', ana)).toEqual([]);
    expect(memberActions([ana, ben], 'z', ben)).toEqual([]);
  });
});

describe('member action wording', () => {
  const ben = { displayName: 'Ben Exemple' };

  it('asks first for what one cannot undo alone', () => {
    expect(asksFirst('promote', false)).toBe(false);
    expect(asksFirst('demote', false)).toBe(false);
    expect(asksFirst('demote', true)).toBe(true);
    expect(asksFirst('remove', false)).toBe(true);
    expect(asksFirst('leave', true)).toBe(true);
  });

  it('names the person and the organisation in the dialog and the outcome', () => {
    expect(confirmationOf('remove', ben, 'Asso')).toMatchObject({
      title: 'Retirer Ben Exemple de « Asso » ?',
      confirm: 'Oui, retirer de la structure',
    });
    expect(confirmationOf('leave', ben, 'Asso').title).toBe('Quitter « Asso » ?');
    expect(outcomeOf('promote', ben, 'Asso', false)).toBe(
      'Ben Exemple est désormais responsable de « Asso ».',
    );
    expect(outcomeOf('demote', ben, 'Asso', true)).toBe(
      'Vous n’êtes plus responsable de « Asso » ; vous en restez membre.',
    );
    expect(actionLabels.promote.label).toBe('Nommer responsable');
  });
});
