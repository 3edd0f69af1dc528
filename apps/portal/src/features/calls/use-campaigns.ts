import { api } from '../../api/index.js';
import { useAsync } from '../../api/use-async.js';

/** The calls open today (the API's default filter). */
export function useOpenCampaigns() {
  return useAsync(async () => (await api.campaigns.list({ query: { status: 'open' } })).items);
}

export function useCampaign(id: () => string) {
  return useAsync(() => api.campaigns.get({ params: { id: id() } }));
}
