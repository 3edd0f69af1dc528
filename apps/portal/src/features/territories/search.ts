import { territoryKindLabels, type TerritoryKind } from '@nec/domain';

/** One choice of the territory picker. */
export type TerritoryOption = { kind: TerritoryKind; code: string; name: string; detail: string };

/**
 * The reference table of territories weighs hundreds of kilobytes: it is loaded only when the
 * territory step is opened, in its own chunk (`@nec/domain/territories`).
 */
const table = () => import('@nec/domain/territories');

/**
 * Territories by name or code: régions and départements first (few, and often what is meant),
 * then communes (with their département). Outre-mer included.
 *
 * Interim: reads the domain's reference table in the browser. `GET /api/territories?q=` (being
 * added to the API with the EPCI) replaces it: only this function changes.
 */
export async function searchTerritories(query: string, limit = 12): Promise<TerritoryOption[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const t = await table();
  const needle = t.normalizeSearchText(q);
  const matches = (name: string, code: string) =>
    t.normalizeSearchText(name).includes(needle) || code.toLowerCase() === q.toLowerCase();
  const regions = t
    .listRegions()
    .filter((r) => matches(r.name, r.code))
    .map((r) => ({
      kind: 'region' as const,
      code: r.code,
      name: r.name,
      detail: `Région · ${r.code}`,
    }));
  const departements = t
    .listDepartements()
    .filter((d) => matches(d.name, d.code))
    .map((d) => ({
      kind: 'departement' as const,
      code: d.code,
      name: d.name,
      detail: `Département · ${d.code}`,
    }));
  const communes = t.searchCommunes(q, limit).map((c) => ({
    kind: 'commune' as const,
    code: c.code,
    name: c.name,
    detail: `Commune · ${c.postalCodes[0] ?? c.code} · département ${c.departementCode}`,
  }));
  return [...regions, ...departements, ...communes].slice(0, limit);
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
