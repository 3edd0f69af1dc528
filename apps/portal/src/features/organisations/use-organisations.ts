import { useAsync } from '@nec/ui';
import { api } from '../../api/index.js';

/** My organisations, with their members (a person rarely has more than a few). */
export function useMyOrganisations() {
  return useAsync(async () => (await api.organisations.mine({ query: { pageSize: 100 } })).items);
}

/** The requests I sent to join organisations, pending or decided. */
export function useMyJoinRequests() {
  return useAsync(
    async () => (await api.memberships.myJoinRequests({ query: { pageSize: 100 } })).items,
  );
}

/** An organisation's pending invitations (its owners only). */
export function useInvitations(organisationId: string) {
  return useAsync(
    async () =>
      (
        await api.memberships.invitations({
          params: { id: organisationId },
          query: { pageSize: 100 },
        })
      ).items,
  );
}

/** An organisation's pending requests to join (its owners only). */
export function useJoinRequests(organisationId: string) {
  return useAsync(
    async () =>
      (
        await api.memberships.joinRequests({
          params: { id: organisationId },
          query: { pageSize: 100 },
        })
      ).items,
  );
}
