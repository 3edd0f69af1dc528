import { describe, expect, it } from 'vitest';
import amiMediation2021 from '../calls/fixtures/ami-mediation-2021.cases.json' with { type: 'json' };
import nationalHost2025 from '../calls/fixtures/national-host-2025.cases.json' with { type: 'json' };
import necLocal2023 from '../calls/fixtures/nec-local-2023.cases.json' with { type: 'json' };
import necLocalPermanent from '../calls/fixtures/nec-local-permanent.cases.json' with { type: 'json' };
import { findCampaign } from '../calls/find.js';
import { parseSubmission } from '../dossiers/index.js';
import { type AnyDossierDraft, type Eligibility, evaluateEligibility } from './evaluate.js';
import { casesFileSchema } from './test-helpers/cases.js';
import { applyMergePatch } from './test-helpers/merge-patch.js';
import { type RuleCheck, requestOutcome } from './verdict.js';

const files = [necLocal2023, necLocalPermanent, nationalHost2025, amiMediation2021].map((file) =>
  casesFileSchema.parse(file),
);

function summary(result: Eligibility) {
  if (result.callKind === 'nec-local') {
    const rules = [result.label, result.subsidy, result.duo].flatMap((v) =>
      'rules' in v ? v.rules : [],
    );
    return {
      outcomes: {
        label: result.label.verdict,
        subsidy: requestOutcome(result.subsidy),
        duo: requestOutcome(result.duo),
      },
      rules,
    };
  }
  return { outcomes: { application: result.application.verdict }, rules: result.application.rules };
}

const idsWith = (rules: RuleCheck[], status: RuleCheck['status']) =>
  [...new Set(rules.filter((r) => r.status === status).map((r) => r.id))].sort();

describe.each(files)('cases of $campaignId', (file) => {
  const campaign = findCampaign(file.campaignId);

  it('names a known campaign and a base dossier that is a valid submission', () => {
    expect(campaign).toBeDefined();
    const parsed = parseSubmission(campaign!.callKind, file.base);
    expect(parsed.ok ? [] : parsed.error).toEqual([]);
  });

  it.each(file.cases)('$name ($today)', ({ today, patch, replace, expected }) => {
    const dossier = (replace ?? applyMergePatch(file.base, patch ?? {})) as AnyDossierDraft;
    const { outcomes, rules } = summary(evaluateEligibility(dossier, campaign!, today));
    const { failing, missing, ...verdicts } = expected;
    expect(outcomes).toEqual(verdicts);
    if (failing) expect(idsWith(rules, 'fail')).toEqual([...failing].sort());
    if (missing) expect(idsWith(rules, 'missing')).toEqual([...missing].sort());
    // Every rule explains itself in French and names its source campaign.
    for (const rule of rules) {
      expect(rule.explanation.length).toBeGreaterThan(20);
      expect(rule.source.campaignId).toBe(file.campaignId);
    }
  });
});
