import { describe, expect, it } from 'vitest';
import {
  canLeave,
  dayOf,
  invitationState,
  joinRequestStatuses,
  roleLabels,
} from './memberships.js';

describe('membership wording', () => {
  it('names roles and statuses in French', () => {
    expect(roleLabels.owner).toBe('Responsable');
    expect(joinRequestStatuses.pending.label).toBe('En attente de réponse');
    expect(joinRequestStatuses.declined.badge).toBe('error');
  });

  it('gives days in Paris time', () => {
    expect(dayOf('2026-11-30T23:30:00Z')).toBe('1 décembre 2026');
  });

  it('says until when an invitation works, or that it lapsed', () => {
    const sent = { invitedAt: '2026-11-01T10:00:00Z', expiresAt: '2026-11-08T10:00:00Z' };
    expect(invitationState({ ...sent, expired: false })).toBe(
      'Envoyée le 1 novembre 2026, valable jusqu’au 8 novembre 2026.',
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
