import { useAsync } from '@nec/ui';
import { api } from '../../api/index.js';

/** The dossiers of my organisations, newest first (the API's order). */
export function useMyDossiers() {
  return useAsync(async () => (await api.dossiers.list({ query: { pageSize: 100 } })).items);
}
