/**
 * `@nec/api-client` — the one typed client of the NEC API for the browser apps.
 *
 * ```ts
 * const api = createApiClient({ baseUrl: '' });
 * const { items, total } = await api.campaigns.list({ query: { status: 'open' } });
 * ```
 *
 * An app that uses a few features of the contract imports `@nec/api-client/core` and the
 * features' own entries, so that its bundle carries only their schemas:
 *
 * ```ts
 * const api = createApiClientFor({ auth, reporting }, { baseUrl: '' });
 * ```
 *
 * @packageDocumentation
 */
export { createApiClient, type ApiCalls, type ApiClient } from './client.js';
export * from './core.js';
