import { guideCharter2024 } from '../charter/charters.data.js';
import { defaultSelectionWeights } from '../scoring/criteria.js';
import { type NecLocalCampaign } from './campaign.js';

/** Identifier of the permanent NEC local campaign of a year, e.g. `nec-local-permanent-2026`. */
export function permanentNecLocalCampaignId(year: number): string {
  return `nec-local-permanent-${year}`;
}

/**
 * The permanent NEC local call described by the organisation guide (seed 001), for the events
 * of one year: dossiers at least 3 months before the event, a subsidy of 2,500 € to 5,000 €, an
 * agreement valid until 31 December of that year.
 *
 * It opens on 1 September of the year before (four months before its first events: the lead
 * time plus one month), so that on any day of the year an organiser can file for an event the
 * lead time ahead: in late autumn, the current year's call can no longer fund an event (its
 * agreement ends on 31 December), and next year's is already open. From September to December
 * both calls are open; `campaignForEvent` picks the one of the event's year.
 *
 * The guide does not restate the 80 % cap, the 150 attendees nor the supporting collectivité;
 * we carry them over from the 2023 call (seed 000), whose terms the guide does not revoke.
 */
export function permanentNecLocalCampaign(year: number): NecLocalCampaign {
  return {
    id: permanentNecLocalCampaignId(year),
    callKind: 'nec-local',
    year,
    title: `Appel permanent NEC local ${year}`,
    opensOn: `${year - 1}-09-01`,
    closesOn: `${year}-12-31`,
    params: {
      leadTimeMonths: 3,
      subsidy: { minCents: 250_000, maxCents: 500_000, capRatio: 0.8 },
      minAttendees: 150,
      minSupportingCollectivites: 1,
      agreementEndDate: `${year}-12-31`,
      charter: { id: guideCharter2024.id, version: guideCharter2024.version },
      selectionWeights: defaultSelectionWeights,
    },
  };
}

/** Same as {@link permanentNecLocalCampaign}; the name used in the shared contracts. */
export const openPermanentNecLocalCampaign = permanentNecLocalCampaign;
