export * from './verdict.js';
export * from './evaluate.js';
export { evaluateNecLocal } from './nec-local/evaluate.js';
export { evaluateNationalHost } from './national-host/rules.js';
export { evaluateAmi, amiCommitmentLabels } from './ami/rules.js';
export { formatDateFr, formatInstantFr } from './french.js';
export * from './eligibility-schema.js';
export { submissionBlockers, canSubmit } from './submission.js';
