/**
 * The one door to the API: the typed client of `@nec/api-client` (routes and bodies from
 * `@nec/contracts`), on the page's own origin so the session cookie and the CSRF header work
 * (see docs/serving.md). Features call `api.<feature>.<route>()` through their composables.
 */
import { createApiClient } from '@nec/api-client';

export const api = createApiClient({ baseUrl: '' });
export { ApiError, ConflictError, RateLimitError, SessionExpiredError } from '@nec/api-client';
