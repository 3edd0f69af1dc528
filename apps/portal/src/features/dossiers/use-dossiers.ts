import { api } from '../../api/index.js';
import { useAsync } from '../../api/use-async.js';

/** The dossiers of my organisations, newest first (the API's order). */
export function useMyDossiers() {
  return useAsync(async () => (await api.dossiers.list({ query: { pageSize: 100 } })).items);
}
