/**
 * The one door to the API for the reporting app: the typed client of `@nec/api-client` (routes,
 * queries and answers from `@nec/contracts`), on the page's own origin so the session cookie
 * rides along (`/api` is proxied by Vite in dev and preview; see docs/serving.md). Screens call
 * `api.reporting.<route>()`, `api.publicReporting.<route>()` through `useAsync`.
 */
import { createApiClient, routeUrl } from '@nec/api-client';
import { contract } from '@nec/contracts';
import type { ReportingQueryInput } from '@nec/domain';

export const api = createApiClient({ baseUrl: '' });
export { ApiError } from '@nec/api-client';

/** Files the visitor downloads (links, not fetched by the app): the open data and its schema. */
export const openDataFiles = {
  csv: contract.openData.necLocauxCsv.path,
  schema: contract.openData.necLocauxSchema.path,
};

/** The dashboard of a query as an Excel workbook, one sheet per table (a link, downloaded). */
export const workbookUrl = (query: ReportingQueryInput): string =>
  routeUrl(contract.reporting.workbook, { query });
