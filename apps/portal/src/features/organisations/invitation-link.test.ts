import { beforeEach, describe, expect, it } from 'vitest';
import { forgetInvitationToken, invitationToken } from './invitation-link.js';

describe('invitation link token', () => {
  beforeEach(() => sessionStorage.clear());

  it('remembers the link’s token for the return from sign-in, until forgotten', () => {
    expect(invitationToken('')).toBe('');
    expect(invitationToken('jeton-du-lien')).toBe('jeton-du-lien');
    expect(invitationToken('')).toBe('jeton-du-lien');
    expect(invitationToken('un-autre-lien')).toBe('un-autre-lien');
    forgetInvitationToken();
    expect(invitationToken('')).toBe('');
  });
});
