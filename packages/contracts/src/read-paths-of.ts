import type { RouteDefinition } from './route.js';

/**
 * The path of every read (GET route) of a route table, by feature and name, without anything
 * else of the routes: what `read-paths.ts` holds for the whole contract.
 */
export function readPathsOf(
  table: Record<string, Record<string, RouteDefinition>>,
): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(table)
      .map(([feature, routes]) => {
        const reads = Object.entries(routes).filter(([, route]) => route.method === 'GET');
        return [feature, Object.fromEntries(reads.map(([name, route]) => [name, route.path]))];
      })
      .filter(([, reads]) => Object.keys(reads as object).length > 0),
  ) as Record<string, Record<string, string>>;
}
