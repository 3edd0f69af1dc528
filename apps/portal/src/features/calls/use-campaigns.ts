import { byDeadline } from '@nec/domain';
import { useAsync } from '@nec/ui';
import { campaignRead, openCampaignsRead } from './campaign-reads.js';

/** The calls open today (the API's default filter), the nearest deadline first. */
export function useOpenCampaigns() {
  return useAsync(async (signal) =>
    (await openCampaignsRead.take('open', signal)).items.sort(byDeadline),
  );
}

/** One call, read again when the page moves to another (its id in the URL). */
export function useCampaign(id: () => string) {
  return useAsync((signal) => campaignRead.take(id(), signal), { watch: id });
}
