/**
 * `@nec/api-client` — the one typed client of the NEC API for the browser apps.
 *
 * ```ts
 * const api = createApiClient({ baseUrl: '' });
 * const { items, total } = await api.campaigns.list({ query: { status: 'open' } });
 * ```
 *
 * @packageDocumentation
 */
export {
  createApiClient,
  queryString,
  routeUrl,
  type ApiCalls,
  type ApiClient,
  type ApiClientOptions,
  type Call,
  type CallArgs,
  type MultipartRoute,
  type UploadArgs,
  type UploadProgress,
  type UploadRequest,
} from './client.js';
export {
  ApiError,
  ConflictError,
  RateLimitError,
  SessionExpiredError,
  errorFrom,
  type FieldErrors,
} from './errors.js';
