import { type AmiCampaign, type AmiCommitmentKey } from '../../calls/campaign.js';
import { type AmiEligibility } from '../eligibility-schema.js';
import { type AmiDossierDraft } from '../../dossiers/index.js';
import { type IsoDate } from '../../shared/dates.js';
import { applicationWindowRule } from '../common-rules.js';
import { plural } from '../french.js';
import { filled, filledItems } from '../inputs.js';
import { type MakeRule, ruleFactory } from '../rule.js';
import { type RuleCheck, verdictOf } from '../verdict.js';

/** French names of the quality commitments, as explanations quote them. */
export const amiCommitmentLabels: Record<AmiCommitmentKey, string> = {
  accessibility: 'accessibilité',
  openness: 'ouverture du code et des données',
  appropriability: 'appropriabilité (documentation)',
  security: 'sécurité',
  coDesign: 'conception avec les usagers',
  ecoDesign: 'écoconception',
};

/** The project answers at least `minChallenges` of the five challenges. */
export function challengesRule(
  make: MakeRule,
  campaign: AmiCampaign,
  draft: AmiDossierDraft,
): RuleCheck {
  const min = campaign.params.minChallenges;
  const chosen = new Set(
    filledItems(draft.challenges)
      .map((c) => filled(c))
      .filter((c) => c !== undefined),
  );
  if (chosen.size >= min) {
    return make(
      'challenges',
      'minChallenges',
      'pass',
      `Le projet répond à ${plural(chosen.size, 'défi')} ; l’appel en demande au moins ${min}.`,
    );
  }
  return make(
    'challenges',
    'minChallenges',
    'missing',
    `Choisissez au moins ${plural(min, 'défi')} parmi les cinq auxquels votre projet répond.`,
  );
}

/** Every mandatory quality commitment is taken; a refused one fails, an unanswered one is missing. */
export function qualityCommitmentsRule(
  make: MakeRule,
  campaign: AmiCampaign,
  draft: AmiDossierDraft,
): RuleCheck {
  const mandatory = campaign.params.mandatoryCommitments;
  const answer = (key: AmiCommitmentKey) => filled(draft.qualityCommitments?.[key]);
  const refused = mandatory.filter((key) => answer(key) === false);
  const unanswered = mandatory.filter((key) => answer(key) === undefined);
  const names = (keys: readonly AmiCommitmentKey[]) =>
    keys.map((k) => amiCommitmentLabels[k]).join(', ');
  const rule = (status: RuleCheck['status'], text: string) =>
    make('quality-commitments', 'mandatoryCommitments', status, text);
  if (refused.length > 0) {
    return rule(
      'fail',
      `Ces engagements de qualité sont obligatoires pour les lauréats : ${names(refused)}.`,
    );
  }
  if (unanswered.length > 0) {
    return rule(
      'missing',
      `Indiquez si vous prenez ces engagements obligatoires : ${names(unanswered)}.`,
    );
  }
  return rule('pass', `Vous prenez les engagements de qualité obligatoires : ${names(mandatory)}.`);
}

export type { AmiEligibility };

/** Eligibility of an AMI application (complete or draft) on `today`, the submission date. */
export function evaluateAmi(
  draft: AmiDossierDraft,
  campaign: AmiCampaign,
  today: IsoDate,
): AmiEligibility {
  const make = ruleFactory(campaign);
  const window = { opensOn: campaign.opensOn, closesOn: campaign.params.deadline };
  const rules = [
    applicationWindowRule(make, window, today, 'deadline'),
    challengesRule(make, campaign, draft),
    qualityCommitmentsRule(make, campaign, draft),
  ];
  return { callKind: 'ami-mediation', campaignId: campaign.id, application: verdictOf(rules) };
}
