import { type Campaign } from './campaign.js';
import { campaigns } from './campaigns.fixtures.js';
import { permanentNecLocalCampaign } from './permanent.js';

const permanentId = /^nec-local-permanent-(\d{4})$/;

/**
 * A campaign by id: one of the dated campaigns, or a permanent NEC local campaign named
 * `nec-local-permanent-YYYY` (built for that year). `undefined` when the id matches neither.
 */
export function findCampaign(
  id: string,
  all: readonly Campaign[] = campaigns,
): Campaign | undefined {
  const dated = all.find((c) => c.id === id);
  if (dated) return dated;
  const year = permanentId.exec(id)?.[1];
  return year === undefined ? undefined : permanentNecLocalCampaign(Number(year));
}
