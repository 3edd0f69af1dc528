import { type IsoDate } from '../shared/dates.js';
import { type Campaign } from './campaign.js';

/** Where a campaign stands on a given day. */
export type CampaignStatus = 'upcoming' | 'open' | 'closed';

/**
 * Whether a campaign accepts dossiers on `today`: not before `opensOn`, and up to `closesOn`
 * included (a deadline day is still a working day for applicants). `closesOn: null` never closes.
 */
export function campaignStatus(
  campaign: Pick<Campaign, 'opensOn' | 'closesOn'>,
  today: IsoDate,
): CampaignStatus {
  if (today < campaign.opensOn) return 'upcoming';
  if (campaign.closesOn !== null && today > campaign.closesOn) return 'closed';
  return 'open';
}
