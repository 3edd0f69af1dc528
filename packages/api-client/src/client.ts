import { contract, type Contract } from '@nec/contracts';
import {
  createApiClientFor,
  type ApiCallsOf,
  type ApiClientOf,
  type ApiClientOptions,
} from './core.js';

/** The whole API, grouped by feature as the contract is: `api.dossiers.get({ params: { id } })`. */
export type ApiCalls = ApiCallsOf<Contract>;

/** The client of every route of the contract (see `createApiClientFor` for a few features). */
export type ApiClient = ApiClientOf<Contract>;

/**
 * The typed client of the whole API, built from the contract itself (the portal's: it uses most
 * features). An app that uses a few features builds its client with `createApiClientFor`.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  return createApiClientFor(contract, options);
}
