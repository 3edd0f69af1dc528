export * from './verdict.js';
export * from './evaluate.js';
export { type NecLocalEligibility, evaluateNecLocal } from './nec-local/evaluate.js';
export { type NationalHostEligibility, evaluateNationalHost } from './national-host/rules.js';
export { type AmiEligibility, evaluateAmi, amiCommitmentLabels } from './ami/rules.js';
export { formatDateFr } from './french.js';
