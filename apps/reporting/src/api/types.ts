/**
 * The reporting routes' response types, taken from the API's own DTO file (types only, nothing
 * of the API is bundled). When `@nec/contracts` carries the reporting routes, this file becomes
 * a re-export from there and nothing else changes.
 */
export type {
  BilanHeadline,
  BreakdownDto,
  DistributionDto,
  EventBilanDto,
  EventsPageDto,
  OverviewDto,
  ProvenanceDto,
  ReportingNationalEditionsDto,
} from '../../../api/src/reporting/reporting.dto.js';
export type {
  BreakdownDimension,
  DistributionName,
} from '../../../api/src/reporting/reporting.schemas.js';
