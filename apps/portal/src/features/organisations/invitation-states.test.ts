import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@nec/contracts';
import { closedInvitationNotice, invitationPath, isInvitedAccount } from './invitation-states.js';

describe('invitation states', () => {
  it('says what happened to a closed invitation and what to do, naming the organisation', () => {
    for (const status of ['expired', 'revoked', 'answered'] as const) {
      const notice = closedInvitationNotice(status, 'Tiers-lieu (fictif)');
      expect(notice.title).not.toBe('');
      expect(notice.message).toContain('«\u00a0Tiers-lieu (fictif)\u00a0»');
      expect(notice.message).toMatch(/invit/);
    }
    expect(closedInvitationNotice('expired', 'X').message).toMatch(/nouveau lien/);
  });

  it('recognises the invited account whatever the case of the address', () => {
    expect(isInvitedAccount('Ines@Example.org', 'ines@example.org')).toBe(true);
    expect(isInvitedAccount('oscar@example.org', 'ines@example.org')).toBe(false);
    expect(isInvitedAccount('ines@example.org', null)).toBe(false);
  });

  it('comes back to the invitation through a safe return path', () => {
    const token = 'AbC-_0123456789abcdefghijklmnopqrstuvwxyz01';
    expect(safeReturnPath(invitationPath(token))).toBe(`/invitation?jeton=${token}`);
  });
});
