export * from './themes.js';
export * from './formats.js';
export {
  areaSchema,
  communeCodeSchema,
  venueSchema,
  dateRangeSchema,
  partnerSchema,
  checkDateOrder,
  checkSomeTheme,
  checkSubsidyRequest,
  type Venue,
  type Partner,
  type RuleIssue,
} from './common.js';
export * from './organisers.js';
export * from './nec-local.js';
export * from './national-host.js';
export * from './attachment-references.js';
export * from './uploads.js';
export * from './ami.js';
export * from './schemas.js';
export * from './parse.js';
export * from './summary.js';
export * from './examples.js';
// Shared with the API (error bodies) and the portal; re-exported here until the root barrel
// lists src/shared/issues.ts and src/shared/drafts.ts itself.
export { describeIssues, dotPath, fieldIssueSchema, type FieldIssue } from '../shared/issues.js';
export { draftOf, type DeepDraft } from '../shared/drafts.js';
