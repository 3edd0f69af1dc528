import type { FranceTopology } from './contours.js';
import topologyUrl from '../../assets/geo/france.topo.json?url';

/**
 * The map's contours, fetched when the map is drawn, at the same time as its chunk: a static
 * file of the build (hashed, cached for good, compressed by the server), not JSON inlined in
 * the JavaScript, which the browser would parse as code. Not API data, so not through the API
 * client. Rejects on a failed answer, so that the map's loader tries again (lazy.ts).
 */
export async function fetchContours(): Promise<FranceTopology> {
  const response = await fetch(topologyUrl);
  if (!response.ok) throw new Error(`${topologyUrl}: ${response.status}`);
  return (await response.json()) as FranceTopology;
}
