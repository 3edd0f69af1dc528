import { type IsoDate } from '../shared/dates.js';
import { type Campaign } from './campaign.js';
import { type CallKind } from './call-kinds.js';
import { campaignStatus } from './status.js';

/** The year of the events a campaign is for, or null for a call without an event (the AMI). */
export function eventYearOf(campaign: Campaign): number | null {
  switch (campaign.callKind) {
    case 'nec-local':
      return campaign.year;
    case 'national-host':
      return campaign.params.editionYear;
    case 'ami-mediation':
      return null;
  }
}

/**
 * The campaign an organiser files under, on `today`, for an event on `eventDate`: among the
 * campaigns of that call open today, the one for the event's year (a NEC local call funds the
 * events of its year; a host call, its edition). For a call without an event (the AMI), the
 * open one that opened last. Undefined when none is open for that date.
 */
export function campaignForEvent<C extends Campaign>(
  campaigns: readonly C[],
  wanted: { callKind: CallKind; eventDate: IsoDate; today: IsoDate },
): C | undefined {
  const year = Number(wanted.eventDate.slice(0, 4));
  const open = campaigns
    .filter((c) => c.callKind === wanted.callKind && campaignStatus(c, wanted.today) === 'open')
    .sort((a, b) => b.opensOn.localeCompare(a.opensOn) || a.id.localeCompare(b.id));
  return open.find((c) => {
    const eventYear = eventYearOf(c);
    return eventYear === null || eventYear === year;
  });
}
