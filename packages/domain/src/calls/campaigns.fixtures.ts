import { siteCharter2023 } from '../charter/charters.data.js';
import { defaultSelectionWeights } from '../scoring/criteria.js';
import {
  type AmiCampaign,
  type Campaign,
  type NationalHostCampaign,
  type NecLocalCampaign,
} from './campaign.js';

/**
 * The 2023 NEC local call (seed 000): dossiers 4 months ahead, any legal entity, subsidy capped at
 * 80 % of the budget, 150 attendees and one supporting collectivité for the subsidy or the duo,
 * agreement valid until 31 December 2023.
 *
 * The call gives no amounts: the 2,500 €–5,000 € bounds come from the guide (seed 001). It gives
 * no opening or closing date either: it covers the year 2023, so we open it on 1 January and
 * close it on 31 December. It points to the charter of the time, i.e. the site's version.
 */
export const necLocal2023: NecLocalCampaign = {
  id: 'nec-local-2023',
  callKind: 'nec-local',
  year: 2023,
  title: 'Appel à projets NEC local 2023',
  opensOn: '2023-01-01',
  closesOn: '2023-12-31',
  params: {
    leadTimeMonths: 4,
    subsidy: { minCents: 250_000, maxCents: 500_000, capRatio: 0.8 },
    minAttendees: 150,
    minSupportingCollectivites: 1,
    agreementEndDate: '2023-12-31',
    charter: { id: siteCharter2023.id, version: siteCharter2023.version },
    selectionWeights: defaultSelectionWeights,
  },
};

/**
 * The call for the collectivité hosting the 2025 national edition (seed 002): applications
 * until 15 July 2024; the host receives more than 2,000 participants and 300 speakers over
 * 2 days; the edition takes place between late September and late October, which we read as
 * 20 September to 31 October. The seed gives no opening date: we take 1 January 2024.
 * The seed refers to the charter published on the site at the time.
 */
export const nationalHost2025: NationalHostCampaign = {
  id: 'national-host-2025',
  callKind: 'national-host',
  year: 2024,
  title: 'Appel à candidatures : collectivité hôte de NEC 2025',
  opensOn: '2024-01-01',
  closesOn: '2024-07-15',
  params: {
    applicationDeadline: '2024-07-15',
    editionYear: 2025,
    hostCapacity: { participants: 2000, speakers: 300, days: 2 },
    dateWindow: { from: '09-20', to: '10-31' },
    charter: { id: siteCharter2023.id, version: siteCharter2023.version },
  },
};

/**
 * The AMI « Outiller la médiation numérique » (seed 004, France Relance): at least one of the five
 * challenges, the label's quality path (co-design and eco-design optional), applications until
 * the end of September 2021. The seed gives no opening date: we take 1 January 2021.
 */
export const amiMediation2021: AmiCampaign = {
  id: 'ami-mediation-2021',
  callKind: 'ami-mediation',
  year: 2021,
  title: 'AMI « Outiller la médiation numérique »',
  opensOn: '2021-01-01',
  closesOn: '2021-09-30',
  params: {
    deadline: '2021-09-30',
    minChallenges: 1,
    mandatoryCommitments: ['accessibility', 'openness', 'appropriability', 'security'],
  },
};

/** Every dated campaign taken from the seeds. Permanent NEC local campaigns are built per year. */
export const campaigns: readonly Campaign[] = [necLocal2023, nationalHost2025, amiMediation2021];
