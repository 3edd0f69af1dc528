import { z } from 'zod';
import { callKindSchema } from '../calls/call-kinds.js';

/** Outcome of one rule: met, not met, or not checkable yet because an input is missing. */
export const ruleStatuses = ['pass', 'fail', 'missing'] as const;
export const ruleStatusSchema = z.enum(ruleStatuses);
export type RuleStatus = z.infer<typeof ruleStatusSchema>;

/** Outcome of a set of rules. */
export const verdictValues = ['eligible', 'ineligible', 'incomplete'] as const;
export const verdictValueSchema = z.enum(verdictValues);
export type VerdictValue = z.infer<typeof verdictValueSchema>;

/** French labels of the verdicts, and of a request that was not made (`requestOutcome`). */
export const verdictValueLabels: Record<VerdictValue | 'not-requested', string> = {
  eligible: 'Éligible',
  ineligible: 'Inéligible',
  incomplete: 'Incomplet',
  'not-requested': 'Pas de demande',
};

/** Where a rule comes from: the call, the campaign, and the campaign parameter it reads. */
export const ruleSourceSchema = z.object({
  callKind: callKindSchema,
  campaignId: z.string(),
  /** Name of the campaign parameter (e.g. `leadTimeMonths`), or `null` for a fixed rule. */
  parameter: z.string().nullable(),
});
export type RuleSource = z.infer<typeof ruleSourceSchema>;

/** One rule applied to one dossier, with a French explanation quoting the actual figures. */
export const ruleCheckSchema = z.object({
  id: z.string(),
  status: ruleStatusSchema,
  explanation: z.string(),
  source: ruleSourceSchema,
});
export type RuleCheck = z.infer<typeof ruleCheckSchema>;

/** The verdict on one request (the label, the subsidy…) and every rule behind it. */
export const verdictSchema = z.object({
  verdict: verdictValueSchema,
  rules: z.array(ruleCheckSchema),
});
export type Verdict = z.infer<typeof verdictSchema>;

/**
 * The verdict on an optional request (subsidy, duo). `requested: false`: the applicant does not
 * ask, nothing is judged. `requested: null`: the applicant has not said yet; the rules are shown
 * anyway so the form can tell what asking would take, and the verdict is at best 'incomplete'.
 */
export const requestVerdictSchema = z.union([
  z.object({ requested: z.literal(false) }),
  verdictSchema.extend({ requested: z.literal(true).or(z.null()) }),
]);
export type RequestVerdict = z.infer<typeof requestVerdictSchema>;

/**
 * Combines rule outcomes: any failed rule makes the request ineligible (nothing the applicant
 * adds can fix it); otherwise any missing input makes it incomplete; otherwise eligible.
 */
export function verdictOf(rules: readonly RuleCheck[]): Verdict {
  const verdict: VerdictValue = rules.some((r) => r.status === 'fail')
    ? 'ineligible'
    : rules.some((r) => r.status === 'missing')
      ? 'incomplete'
      : 'eligible';
  return { verdict, rules: [...rules] };
}

/** A short summary of a request's outcome, handy for tables and tests. */
export function requestOutcome(request: RequestVerdict): VerdictValue | 'not-requested' {
  return request.requested === false ? 'not-requested' : request.verdict;
}
