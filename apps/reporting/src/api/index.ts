/**
 * The one door to the API for the reporting app: a typed client (`@nec/api-client`) for the
 * features of the contract this app uses — sign-in and session, reporting, its public part and
 * the open data — and no others, so that the other features' schemas stay out of its bundle.
 * On the page's own origin so the session cookie rides along (`/api` is proxied by Vite in dev
 * and preview; see docs/serving.md). Screens call `api.reporting.<route>()`,
 * `api.publicReporting.<route>()` through `@nec/ui`'s `useAsync`.
 */
import { createApiClientFor, routeUrl } from '@nec/api-client/core';
import { auth } from '@nec/contracts/auth';
import { openData, publicReporting, reporting } from '@nec/contracts/reporting';
import type { ServiceContacts } from '@nec/contracts/reference';
import type { ReportingQueryInput } from '@nec/domain';

export const api = createApiClientFor({ auth, reporting, publicReporting }, { baseUrl: '' });
export { ApiError } from '@nec/api-client/core';

/** Files the visitor downloads (links, not fetched by the app): the open data and its schema. */
export const openDataFiles = {
  csv: openData.necLocauxCsv.path,
  schema: openData.necLocauxSchema.path,
};

/** The dashboard of a query as an Excel workbook, one sheet per table (a link, downloaded). */
export const workbookUrl = (query: ReportingQueryInput): string =>
  routeUrl(reporting.workbook, { query });

/** Where people write, for the legal pages: the route loads with the page that asks. */
export async function loadServiceContacts(signal: AbortSignal): Promise<ServiceContacts> {
  const { reference } = await import('@nec/contracts/reference');
  return api.call(reference.contacts, { signal });
}
