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

/**
 * The order in which an applicant reads open calls: the nearest deadline first (it is the one
 * not to miss), calls without a deadline last, then the most recently opened.
 */
export function byDeadline(
  a: Pick<Campaign, 'opensOn' | 'closesOn'>,
  b: Pick<Campaign, 'opensOn' | 'closesOn'>,
): number {
  if (a.closesOn !== b.closesOn) {
    if (a.closesOn === null) return 1;
    if (b.closesOn === null) return -1;
    return a.closesOn < b.closesOn ? -1 : 1;
  }
  if (a.opensOn === b.opensOn) return 0;
  return a.opensOn > b.opensOn ? -1 : 1;
}
