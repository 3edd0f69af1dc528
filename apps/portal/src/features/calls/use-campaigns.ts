import { byDeadline } from '@nec/domain';
import { useAsync } from '@nec/ui';
import { api } from '../../api/index.js';

/** The calls open today (the API's default filter), the nearest deadline first. */
export function useOpenCampaigns() {
  return useAsync(async () =>
    (await api.campaigns.list({ query: { status: 'open' } })).items.sort(byDeadline),
  );
}

/** One call, read again when the page moves to another (its id in the URL). */
export function useCampaign(id: () => string) {
  return useAsync((signal) => api.campaigns.get({ params: { id: id() }, signal }), { watch: id });
}
