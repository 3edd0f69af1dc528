import { earlyRead } from '@nec/ui';
import { api } from '../../api/index.js';

// The calls' reads, which the router starts as a page's code loads (`beforeEnter`) and the
// page's first load takes: apart from `use-campaigns`, so that the app's entry, where the
// router is, does not carry the domain's rules the pages use.

/** The calls open today (the API's default filter). */
export const openCampaignsRead = earlyRead((_filter: 'open', signal?: AbortSignal) =>
  api.campaigns.list({ query: { status: 'open' }, signal }),
);

/** One call, by its id. */
export const campaignRead = earlyRead((id: string, signal?: AbortSignal) =>
  api.campaigns.get({ params: { id }, signal }),
);
