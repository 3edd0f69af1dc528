import { api } from '../../api/index.js';
import { useAsync } from '../../api/use-async.js';

/** My organisations, with their members (a person rarely has more than a few). */
export function useMyOrganisations() {
  return useAsync(async () => (await api.organisations.mine({ query: { pageSize: 100 } })).items);
}
