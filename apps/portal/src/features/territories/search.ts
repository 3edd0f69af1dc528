import { territoryKindLabels, type TerritoryKind } from '@nec/domain';
import { api } from '../../api/index.js';

/** One choice of the territory picker. */
export type TerritoryOption = { kind: TerritoryKind; code: string; name: string; detail: string };

/**
 * The reference table of territories weighs hundreds of kilobytes: names of chosen territories
 * read it in its own chunk (`@nec/domain/territories`), loaded only on the territory step.
 */
const table = () => import('@nec/domain/territories');

/**
 * Territories by name or code, communes, EPCI, départements and régions, Outre-mer included:
 * the API's search (`GET /api/territories`, the domain's `searchTerritories`), so the portal
 * ranks and finds exactly as the server does.
 */
export async function searchTerritories(query: string, limit = 12): Promise<TerritoryOption[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const { items } = await api.reference.territories({ query: { q, limit } });
  return items.map((t) => ({
    kind: t.kind,
    code: t.code,
    name: t.name,
    detail:
      t.kind === 'commune' && t.departementCodes[0]
        ? `Commune · ${t.code} · département ${t.departementCodes[0]}`
        : `${territoryKindLabels[t.kind]} · ${t.code}`,
  }));
}

/** Names of chosen territories, for their tags ("Maine-et-Loire (département)"). */
export async function territoryNames(
  refs: readonly { kind: TerritoryKind; code: string }[],
): Promise<Map<string, string>> {
  const t = await table();
  const names = new Map<string, string>();
  for (const { kind, code } of refs) {
    const found = t.findTerritory({ kind, code });
    const label = territoryKindLabels[kind];
    names.set(
      `${kind}:${code}`,
      found ? `${found.name} (${label.toLowerCase()})` : `${label} ${code}`,
    );
  }
  return names;
}
