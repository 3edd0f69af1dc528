import { type Campaign } from '../calls/campaign.js';
import { type RuleCheck, type RuleStatus } from './verdict.js';

/**
 * Builds rule checks tied to one campaign, so each rule only states its id, status, parameter
 * and explanation.
 */
export function ruleFactory(campaign: Pick<Campaign, 'callKind' | 'id'>) {
  return (
    id: string,
    parameter: string | null,
    status: RuleStatus,
    explanation: string,
  ): RuleCheck => ({
    id,
    status,
    explanation,
    source: { callKind: campaign.callKind, campaignId: campaign.id, parameter },
  });
}

/** A rule factory bound to one campaign (see {@link ruleFactory}). */
export type MakeRule = ReturnType<typeof ruleFactory>;
