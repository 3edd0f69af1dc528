import { type CallKind, type Eligibility, regionCodesOf, requestOutcome, territoryRefSchema } from '@nec/domain';

/** Facts of a submitted dossier kept in columns so the instruction queue can filter on them. */
export interface SubmissionFacts {
  regionCodes: string[];
  labelVerdict: string;
  subsidyVerdict: string | null;
}

/** Where each call kind's form keeps the territories it covers. */
const territoriesOf: Record<CallKind, (content: Record<string, unknown>) => unknown[]> = {
  'nec-local': (content) => asList(content.area),
  'ami-mediation': (content) => asList(content.territory),
  'national-host': (content) => {
    const collectivite = content.collectivite;
    return typeof collectivite === 'object' && collectivite !== null ? [(collectivite as Record<string, unknown>).territory] : [];
  },
};

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The régions a dossier covers (the domain's `regionCodesOf` for each territory of its area,
 * deduplicated and sorted) and the verdicts of its eligibility at submission. For the national
 * host and the AMI, the single application verdict is the "label" verdict and no subsidy verdict
 * is kept.
 */
export function submissionFactsOf(callKind: CallKind, content: Record<string, unknown>, eligibility: Eligibility): SubmissionFacts {
  const regions = new Set<string>();
  for (const item of territoriesOf[callKind](content)) {
    const ref = territoryRefSchema.safeParse(item);
    if (ref.success) for (const code of regionCodesOf(ref.data)) regions.add(code);
  }
  const regionCodes = [...regions].sort();
  switch (eligibility.callKind) {
    case 'nec-local':
      return { regionCodes, labelVerdict: eligibility.label.verdict, subsidyVerdict: requestOutcome(eligibility.subsidy) };
    case 'national-host':
    case 'ami-mediation':
      return { regionCodes, labelVerdict: eligibility.application.verdict, subsidyVerdict: null };
  }
}
