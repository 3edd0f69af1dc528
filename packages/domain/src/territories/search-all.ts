import { findTerritory } from './lookup.js';
import { referenceData } from './reference-data.js';
import { expandAbbreviations, nameRank, normalizeSearchText } from './search.js';
import { territoryKinds, type TerritoryKind } from './territory-ref.js';
import type { Territory } from './territory.js';

/** One searchable territory: its normalised name and the codes a query may give. */
type Entry = { kind: TerritoryKind; code: string; name: string; key: string; codes: string[] };
let entries: Entry[] | undefined;

/** Every territory of the reference, built on the first search only. */
function allEntries(): Entry[] {
  if (entries) return entries;
  const data = referenceData();
  const entry = (
    kind: TerritoryKind,
    code: string,
    name: string,
    postcodes: readonly string[] = [],
  ) => ({
    kind,
    code,
    name,
    key: normalizeSearchText(name),
    codes: [code, ...postcodes],
  });
  entries = [
    ...[...data.regions.values()].map((r) => entry('region', r.code, r.name)),
    ...[...data.departements.values()].map((d) => entry('departement', d.code, d.name)),
    ...[...data.epcis.values()].map((e) => entry('epci', e.code, e.name)),
    ...[...data.communes.values()].map((c) => entry('commune', c.code, c.name, c.postalCodes)),
  ];
  return entries;
}

/** On equal rank, the larger territory first: a région before a commune of the same name. */
const kindOrder: Record<TerritoryKind, number> = { region: 0, departement: 1, epci: 2, commune: 3 };

type Match = { rank: number; entry: Entry };

function codeRank(entry: Entry, wanted: string): number | undefined {
  if (entry.codes.includes(wanted)) return 0;
  return entry.codes.some((code) => code.startsWith(wanted)) ? 1 : undefined;
}

const byRank = (a: Match, b: Match): number =>
  a.rank - b.rank ||
  kindOrder[a.entry.kind] - kindOrder[b.entry.kind] ||
  a.entry.name.length - b.entry.name.length ||
  a.entry.name.localeCompare(b.entry.name, 'fr') ||
  a.entry.code.localeCompare(b.entry.code);

/** What {@link searchTerritories} accepts besides the query. */
export type TerritorySearchOptions = {
  /** Only these kinds (all by default). */
  kinds?: readonly TerritoryKind[];
  /** At most this many items (10 by default). */
  limit?: number;
  /** Items to skip, for the next pages (0 by default). */
  offset?: number;
};

/**
 * Search over communes, EPCI, départements and régions, overseas included. A query of digits
 * (or a Corsican 2A/2B code) matches official codes and postcodes by prefix, exact codes first;
 * any other query matches names by prefix, accent- and case-insensitively, and the start of a
 * later word ("denis" finds Saint-Denis). Best matches first, larger territories first on a tie,
 * then shorter names. Returns one page of territories and how many match in all.
 */
export function searchTerritories(
  query: string,
  options: TerritorySearchOptions = {},
): { items: Territory[]; total: number } {
  const { kinds = territoryKinds, limit = 10, offset = 0 } = options;
  const trimmed = query.trim();
  const isCode = /^(?:\d{2,9}|2[AB]\d{0,3})$/i.test(trimmed);
  const wanted = isCode ? trimmed.toUpperCase() : expandAbbreviations(normalizeSearchText(trimmed));
  if (wanted === '') return { items: [], total: 0 };
  const allowed = new Set(kinds);
  const matches = allEntries().flatMap((entry) => {
    if (!allowed.has(entry.kind)) return [];
    const rank = isCode ? codeRank(entry, wanted) : nameRank(entry.key, wanted);
    return rank === undefined ? [] : [{ rank, entry }];
  });
  const start = Math.max(0, Math.floor(offset));
  const page = matches.sort(byRank).slice(start, start + Math.max(0, Math.floor(limit)));
  return {
    items: page.flatMap(({ entry }) => findTerritory(entry) ?? []),
    total: matches.length,
  };
}
