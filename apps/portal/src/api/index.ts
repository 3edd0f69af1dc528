/**
 * The one door to the API: the typed client of `@nec/api-client` (routes and bodies from
 * `@nec/contracts`), on the page's own origin so the session cookie and the CSRF header work
 * (see docs/serving.md). Features call `api.<feature>.<route>()` through their composables.
 *
 * Each feature's routes load with its first call: a page builds only the schemas it uses (the
 * home page, the calls' ones), not the whole contract before its first paint. A route of the
 * router names the features its page calls (`meta.calls`): they load beside the page's code.
 * A read does not wait for them: sent at once (its path from `readPaths`, no schema there), its
 * answer is checked when they have come.
 */
import { createLazyApiClientFor } from '@nec/api-client/lazy';
import { readPaths } from '@nec/contracts/read-paths';

export const api = createLazyApiClientFor(
  {
    auth: async () => (await import('@nec/contracts/auth')).auth,
    account: async () => (await import('@nec/contracts/account')).account,
    campaigns: async () => (await import('@nec/contracts/campaigns')).campaigns,
    organisations: async () => (await import('@nec/contracts/organisations')).organisations,
    memberships: async () => (await import('@nec/contracts/memberships')).memberships,
    dossiers: async () => (await import('@nec/contracts/dossiers')).dossiers,
    attachments: async () => (await import('@nec/contracts/attachments')).attachments,
    exchanges: async () => (await import('@nec/contracts/instruction')).exchanges,
    reference: async () => (await import('@nec/contracts/reference')).reference,
    bilans: async () => (await import('@nec/contracts/bilans')).bilans,
  },
  { baseUrl: '', readPaths },
);
export { ApiError, ConflictError, RateLimitError, SessionExpiredError } from '@nec/api-client/core';

/** A feature of the API, as `meta.calls` of a route names it. */
export type ApiFeature = Parameters<typeof api.preload>[0][number];

/** Where people write, for the legal pages (`WriteTo`, `LegalNotice` of `@nec/ui`). */
export const loadServiceContacts = (signal: AbortSignal) => api.reference.contacts({ signal });
