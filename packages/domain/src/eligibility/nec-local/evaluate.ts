import { type NecLocalCampaign } from '../../calls/campaign.js';
import { type NecLocalDossierDraft } from '../../dossiers/index.js';
import { type IsoDate } from '../../shared/dates.js';
import { type MakeRule, ruleFactory } from '../rule.js';
import { type NecLocalEligibility } from '../eligibility-schema.js';
import { type RequestVerdict, type RuleCheck, verdictOf } from '../verdict.js';
import { labelRules } from './label-rules.js';
import { supportRules } from './support-rules.js';
import { subsidyRules } from './subsidy-rules.js';

export type { NecLocalEligibility };

/**
 * Judges an optional request: not asked → nothing to judge; asked → its rules; not said yet →
 * its rules plus a missing answer, so the form can show what asking would take.
 */
function judgeRequest(
  make: MakeRule,
  requested: boolean | null | undefined,
  question: string,
  rules: () => RuleCheck[],
): RequestVerdict {
  if (requested === false) return { requested: false };
  if (requested === true) return { requested: true, ...verdictOf(rules()) };
  return {
    requested: null,
    ...verdictOf([make('request-stated', null, 'missing', question), ...rules()]),
  };
}

/**
 * Eligibility of a NEC local dossier (complete or draft) to a NEC local campaign, on `today`
 * (the submission date). Subsidy and duo need the label's rules too.
 */
export function evaluateNecLocal(
  draft: NecLocalDossierDraft,
  campaign: NecLocalCampaign,
  today: IsoDate,
): NecLocalEligibility {
  const make = ruleFactory(campaign);
  const label = labelRules(make, campaign, draft, today);
  const support = supportRules(make, campaign, draft);
  return {
    callKind: 'nec-local',
    campaignId: campaign.id,
    label: verdictOf(label),
    subsidy: judgeRequest(
      make,
      draft.requests?.subsidy?.requested,
      'Indiquez si vous demandez une subvention.',
      () => [...label, ...support, ...subsidyRules(make, campaign, draft)],
    ),
    duo: judgeRequest(
      make,
      draft.requests?.duo,
      'Indiquez si vous demandez l’accompagnement du duo chercheur·euse et journaliste.',
      () => [...label, ...support],
    ),
  };
}
