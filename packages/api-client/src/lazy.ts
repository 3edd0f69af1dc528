// A client whose features' routes arrive when first called, for an app that uses many features
// (the portal): building every route's zod schemas cost its first page ≈ 0.2 s of CPU before
// the first paint (≈ 0.9 s on a phone four times slower), for routes most pages never call.
import type { RouteDefinition } from '@nec/contracts/route';
import { createClientCore, type ApiClientOf, type ApiClientOptions } from './core.js';
import { ApiError, clientErrorBody } from './errors.js';

/** Loads a feature's routes, typically `async () => (await import('@nec/contracts/x')).x`. */
export type RouteLoader = () => Promise<Record<string, RouteDefinition>>;

/** The features of a lazy client, each with the loader of its routes. */
export type RouteLoaders = Record<string, RouteLoader>;

/** The route table the loaders give once loaded: what types the calls. */
export type LoadedRoutes<L extends RouteLoaders> = { [F in keyof L]: Awaited<ReturnType<L[F]>> };

/** The paths of the contract's reads (GET routes) by feature and name: `@nec/contracts/read-paths`. */
export type ReadPaths = Readonly<Record<string, Readonly<Record<string, `/${string}`>>>>;

export interface LazyApiClientOptions extends ApiClientOptions {
  /**
   * The contract's read paths (`readPaths` of `@nec/contracts/read-paths`, no schema in it):
   * a read of a feature not loaded yet is then sent at once, while the feature's schemas load,
   * and its answer checked when they have come — one download less before a page's data.
   */
  readPaths?: ReadPaths;
}

/** The lazy client: the typed calls, and `preload` to fetch features' routes ahead of them. */
export type LazyApiClient<L extends RouteLoaders> = ApiClientOf<LoadedRoutes<L>> & {
  /**
   * Starts loading these features' routes without waiting, so that a page's own code and the
   * routes it is about to call travel together rather than one after the other (a round trip
   * less before its data, on a slow line). The calls then reuse what was loaded.
   */
  preload(features: readonly (keyof L)[]): void;
};

/**
 * The same typed client as `createApiClientFor`, grouped the same way
 * (`api.dossiers.get({ params: { id } })`), but each feature's routes — and the schemas they
 * pull — are loaded by the first call of that feature, once, then kept. One session for all
 * features (the CSRF token, the sign-out). A feature that fails to load (the network, a
 * deployment that replaced the files) fails the call as a network error, and the next call
 * tries again.
 */
export function createLazyApiClientFor<const L extends RouteLoaders>(
  loaders: L,
  { readPaths = {}, ...options }: LazyApiClientOptions = {},
): LazyApiClient<L> {
  const client = createClientCore(options);
  const routesOf = new Map(
    Object.entries(loaders).map(([feature, load]) => [feature, memoised(load)] as const),
  );
  const features = Object.fromEntries(
    [...routesOf].map(([feature, routes]) => [feature, lazyFeature(feature, routes)]),
  );
  return {
    ...features,
    setCsrfToken: client.setCsrfToken,
    call: client.call,
    upload: client.upload,
    preload: (names: readonly (keyof L)[]) => {
      // A failure is the first call's to report (and retry): nothing to say here.
      for (const name of names)
        routesOf
          .get(String(name))?.()
          .catch(() => undefined);
    },
  } as unknown as LazyApiClient<L>;

  /** The feature's routes, loaded once; a failed load is tried again by the next call. */
  function memoised(load: RouteLoader): () => Promise<Record<string, RouteDefinition>> {
    let loading: Promise<Record<string, RouteDefinition>> | undefined;
    return () =>
      (loading ??= load().catch(() => {
        loading = undefined;
        throw new ApiError(0, clientErrorBody('network'));
      }));
  }

  function lazyFeature(feature: string, routes: () => Promise<Record<string, RouteDefinition>>) {
    // The route names are known once loaded only: any name is a call, checked at its first use.
    return new Proxy(Object.freeze({}), {
      get: (_target, name) => {
        // Not a route: awaiting the group, or a symbol a tool reads (`util.inspect`, Vue).
        if (typeof name !== 'string' || name === 'then') return undefined;
        const named = async () => {
          const route = (await routes())[name];
          if (!route) throw new TypeError(`La route ${feature}.${name} n’existe pas.`);
          return route;
        };
        const readPath = readPaths[feature]?.[name];
        return async (args?: object) =>
          readPath === undefined
            ? client.call(await named(), args)
            : client.readEarly(readPath, named(), args);
      },
    });
  }
}
