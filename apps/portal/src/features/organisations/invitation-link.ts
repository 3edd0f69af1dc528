/**
 * The token of an invitation link, kept for the tab while its holder signs in (the sign-in page
 * brings them back to `/invitation`, without the token in the address). Session storage: gone
 * with the tab, never sent anywhere. Only the invited address's account can use it anyway.
 */
const KEY = 'nec-invitation-jeton';

/** The link's token if the address had one (then remembered), else the one remembered. */
export function invitationToken(fromLink: string, storage: Storage = sessionStorage): string {
  if (fromLink) {
    storage.setItem(KEY, fromLink);
    return fromLink;
  }
  return storage.getItem(KEY) ?? '';
}

/** Once the invitation is answered, nothing to come back to. */
export function forgetInvitationToken(storage: Storage = sessionStorage): void {
  storage.removeItem(KEY);
}
