/**
 * Bilans: what NEC events report afterwards, and the figures reporting draws from them.
 * - schemas: {@link necLocalBilanSchema} (and its draft), {@link nationalEditionBilanSchema},
 *   {@link bilanRecordSchema};
 * - pure aggregation: {@link aggregateBilans}, {@link comparePeriods} (over
 *   {@link reportingPeriodOf} and {@link previousPeriodOf}), {@link distribution};
 * - fixtures: {@link nationalEditions}, {@link metz2023Bilan}, with {@link nationalEditionTotals}.
 */
export {
  necLocalBilanSchema,
  necLocalBilanDraftSchema,
  expectedAttendeesSchema,
  improvementPointsSchema,
  type NecLocalBilan,
  type NecLocalBilanInput,
  type NecLocalBilanDraft,
} from './local-bilan.js';
export {
  speakersSchema,
  speakerGenderSplitSchema,
  splitTotal,
  hasAllMalePanel,
  type Speakers,
  type SpeakerGenderSplit,
} from './speakers.js';
export {
  formatsHeldSchema,
  otherFormatHeldSchema,
  countedFormatKinds,
  type FormatsHeld,
  type OtherFormatHeld,
} from './formats-held.js';
export {
  actualBudgetSchema,
  actualLinesSchema,
  actualLinesFrom,
  lineTotals,
  plannedAmountsOf,
  type ActualBudget,
} from './actual-budget.js';
export {
  publicOriginGroups,
  publicOriginGroupSchema,
  publicOriginGroupLabels,
  publicOriginSchema,
  sharesTolerancePercent,
  predominantOrigin,
  type PublicOriginGroup,
  type PublicOrigin,
} from './public-origin.js';
export {
  satisfactionSurveySchema,
  overallImpressionSchema,
  evokedWordSchema,
  overallAnswers,
  positiveShare,
  type SatisfactionSurvey,
  type OverallImpression,
  type EvokedWord,
} from './satisfaction.js';
export {
  teamRoles,
  teamRoleSchema,
  teamRoleLabels,
  teamRoleCountSchema,
  teamSchema,
  teamSize,
  preparationMeetingsSchema,
  preparationMeetingsTotal,
  type TeamRole,
  type TeamRoleCount,
  type PreparationMeetings,
} from './team.js';
export {
  lesBasesHost,
  resourceLinkKinds,
  resourceLinkKindSchema,
  resourceLinkKindLabels,
  resourceLinkSchema,
  isLesBasesUrl,
  publishedOnLesBases,
  type ResourceLinkKind,
  type ResourceLink,
} from './resource-links.js';
export {
  openLicences,
  openLicenceSchema,
  openLicenceLabels,
  charterLicence,
  type OpenLicence,
} from './licence.js';
export {
  nationalEditionBilanSchema,
  hasPublishedFigures,
  speakersOrContributors,
  type NationalEditionBilan,
} from './national-edition.js';
export { nationalEditions } from './national-editions.js';
export {
  nationalEditionTotals,
  type NationalEditionTotals,
  type NationalEditionTimelineEntry,
} from './national-edition-totals.js';
export { metz2023Bilan, metz2023Context } from './metz-2023.js';
export { bilanRecordSchema, recordThemeFamilies, type BilanRecord } from './bilan-record.js';
export {
  recordFigures,
  recordFigureKeys,
  recordCostPerAttendeeCents,
  type RecordFigures,
} from './record-figures.js';
export {
  costPerAttendeeCents,
  parityRatio,
  subsidyPerAttendeeCents,
  lesBasesShare,
  ratiosOf,
  bilanRatioKeys,
  ratioDecimals,
  type BilanRatios,
} from './ratios.js';
export { compareBreakdownKeys, type BreakdownRow } from './breakdowns.js';
export {
  aggregateBilans,
  type AggregateOptions,
  type BilanAggregate,
  type BilanMedians,
} from './aggregate.js';
export { comparePeriods, type FigureChange, type PeriodComparison } from './compare-periods.js';
export {
  keyFigureDefinitions,
  type KeyFigureDefinition,
  type KeyFigureUnit,
  type BilanHeadlineFigures,
} from './key-figures.js';
export { reportingPeriodOf, previousPeriodOf, type ReportingPeriod } from './periods.js';
export {
  reportingFilterSchema,
  reportingFilterKeys,
  reportingQuerySchema,
  reportingPeriodQuerySchema,
  matchesReportingFilter,
  isFiltered,
  type ReportingFilter,
  type ReportingQuery,
  type ReportingQueryInput,
} from './reporting-filter.js';
export {
  distribution,
  distributionFields,
  attendeeBucketEdges,
  expenseBucketEdges,
  costPerAttendeeBucketEdges,
  reportingDistributions,
  type ReportingDistribution,
  bucketLabel,
  type DistributionField,
  type DistributionBucket,
  type Distribution,
  type DistributionError,
} from './distribution.js';
export * from './from-dossier.js';
export {
  bilanPhotoLimits,
  bilanPhotoTypes,
  bilanPhotoFormatsText,
  bilanPhotoInputAccept,
  photoCaptionSchema,
  uploadFieldIssues,
  checkBilanPhoto,
  type UploadFieldIssue,
} from './photos.js';
