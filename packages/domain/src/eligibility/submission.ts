import { type FieldIssue } from '../shared/issues.js';
import { type Eligibility } from './eligibility-schema.js';
import { type RequestVerdict, type RuleCheck, type Verdict } from './verdict.js';

/**
 * Whether a dossier may be submitted, as far as eligibility goes: never while what it asks for
 * is ineligible. The label (or the application, for the other calls) must not be ineligible;
 * a subsidy or duo request that is ineligible must be fixed or withdrawn (answer "no") first.
 * Each failed rule becomes a field issue: `path` the request to fix or withdraw, `code` the
 * rule's id, `message` its explanation with the figures. Empty: nothing blocks the submission.
 * Incomplete verdicts are left to the submission schema (which requires every input).
 */
export function submissionBlockers(eligibility: Eligibility): FieldIssue[] {
  if (eligibility.callKind !== 'nec-local') {
    return failures(eligibility.application, '', new Set());
  }
  const reported = new Set<string>();
  return [
    ...failures(eligibility.label, 'requests.label', reported),
    ...requestFailures(eligibility.subsidy, 'requests.subsidy.requested', reported),
    ...requestFailures(eligibility.duo, 'requests.duo', reported),
  ];
}

/** Whether {@link submissionBlockers} finds nothing. */
export function canSubmit(eligibility: Eligibility): boolean {
  return submissionBlockers(eligibility).length === 0;
}

function requestFailures(request: RequestVerdict, path: string, reported: Set<string>) {
  return request.requested === false ? [] : failures(request, path, reported);
}

/** The failed rules of an ineligible verdict, each rule reported once (subsidy and duo repeat the label's rules). */
function failures(verdict: Verdict, path: string, reported: Set<string>): FieldIssue[] {
  if (verdict.verdict !== 'ineligible') return [];
  return verdict.rules
    .filter((rule: RuleCheck) => rule.status === 'fail' && !reported.has(rule.id))
    .map((rule) => {
      reported.add(rule.id);
      return { path, code: rule.id, message: rule.explanation };
    });
}
