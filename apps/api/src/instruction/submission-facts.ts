import { type CallKind, type Eligibility, requestOutcome } from '@nec/domain';
import { dossierRegionCodesOf } from '@nec/domain/territories';

/** Facts of a submitted dossier kept in columns so the instruction queue can filter on them. */
export interface SubmissionFacts {
  regionCodes: string[];
  labelVerdict: string;
  subsidyVerdict: string | null;
}

/**
 * The régions a dossier covers (the domain's `dossierRegionCodesOf`) and the verdicts of its eligibility at submission. For the national
 * host and the AMI, the single application verdict is the "label" verdict and no subsidy verdict
 * is kept.
 */
export function submissionFactsOf(
  callKind: CallKind,
  content: Record<string, unknown>,
  eligibility: Eligibility,
): SubmissionFacts {
  const regionCodes = dossierRegionCodesOf(callKind, content);
  switch (eligibility.callKind) {
    case 'nec-local':
      return {
        regionCodes,
        labelVerdict: eligibility.label.verdict,
        subsidyVerdict: requestOutcome(eligibility.subsidy),
      };
    case 'national-host':
    case 'ami-mediation':
      return { regionCodes, labelVerdict: eligibility.application.verdict, subsidyVerdict: null };
  }
}
