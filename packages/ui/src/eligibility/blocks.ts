import {
  requestOutcome,
  type Eligibility,
  type RequestVerdict,
  type RuleCheck,
  type Verdict,
  type VerdictValue,
} from '@nec/domain';

/** One block of the eligibility panel: what is asked, its verdict, the rules behind it. */
export type EligibilityBlock = {
  key: string;
  title: string;
  outcome: VerdictValue | 'not-requested';
  rules: RuleCheck[];
};

function fromVerdict(key: string, title: string, verdict: Verdict): EligibilityBlock {
  return { key, title, outcome: verdict.verdict, rules: verdict.rules };
}

function fromRequest(key: string, title: string, request: RequestVerdict): EligibilityBlock {
  return {
    key,
    title,
    outcome: requestOutcome(request),
    rules: request.requested === false ? [] : request.rules,
  };
}

/**
 * The blocks to show for a call: Label / Subvention / Duo for a NEC local, one block for the
 * other calls. The subsidy and the duo restate the label's rules (they need the label): shown
 * once, in the label's block, so the panel stays short.
 */
export function eligibilityBlocks(eligibility: Eligibility): EligibilityBlock[] {
  switch (eligibility.callKind) {
    case 'nec-local': {
      const label = fromVerdict('label', 'Label', eligibility.label);
      const labelIds = new Set(label.rules.map((r) => r.id));
      const withoutLabel = (block: EligibilityBlock): EligibilityBlock => ({
        ...block,
        rules: block.rules.filter((r) => !labelIds.has(r.id)),
      });
      return [
        label,
        withoutLabel(fromRequest('subsidy', 'Subvention', eligibility.subsidy)),
        withoutLabel(fromRequest('duo', 'Duo chercheur·euse et journaliste', eligibility.duo)),
      ];
    }
    case 'national-host':
    case 'ami-mediation':
      return [fromVerdict('application', 'Candidature', eligibility.application)];
  }
}

/** One sentence per block, for the polite live region: "Label : incomplet. Subvention : …". */
export function announcement(blocks: readonly EligibilityBlock[], labels: Record<string, string>) {
  return blocks.map((b) => `${b.title} : ${(labels[b.outcome] ?? '').toLowerCase()}.`).join(' ');
}

/** The words beside a rule's icon, since its colour alone must not carry the meaning. */
export const ruleStatusWords: Record<RuleCheck['status'], string> = {
  pass: 'Respecté',
  fail: 'Non respecté',
  missing: 'À compléter',
};
