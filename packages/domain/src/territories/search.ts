import { referenceData } from './reference-data.js';
import type { CommuneSummary } from './territory.js';

/**
 * Lower-cases, removes accents and treats hyphens, apostrophes and spaces alike, so that
 * "saint etienne", "SAINT-ÉTIENNE" and "Saint-Étienne" compare equal.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[\s\-‐‑'’()]+/g, ' ')
    .trim();
}

/** Users often abbreviate "Saint(e)": expand complete "st"/"ste" words of the query. */
export function expandAbbreviations(normalized: string): string {
  return normalized.replace(/\bste? (?=\S)/g, (word) => (word === 'st ' ? 'saint ' : 'sainte '));
}

type Match = { rank: number; commune: CommuneSummary };
type SearchEntry = { key: string; commune: CommuneSummary };
let entries: SearchEntry[] | undefined;

/** Normalised names, computed on the first search only. */
function searchEntries(): SearchEntry[] {
  entries ??= [...referenceData().communes.values()].map((commune) => ({
    key: normalizeSearchText(commune.name),
    commune,
  }));
  return entries;
}

/** 0 = same name, 1 = name starts with the query, 2 = a later word does, undefined = no match. */
export function nameRank(key: string, query: string): number | undefined {
  if (key === query) return 0;
  if (key.startsWith(query)) return 1;
  if (key.includes(` ${query}`)) return 2;
  return undefined;
}

function searchByName(query: string): Match[] {
  const wanted = expandAbbreviations(normalizeSearchText(query));
  if (wanted === '') return [];
  return searchEntries().flatMap(({ key, commune }) => {
    const rank = nameRank(key, wanted);
    return rank === undefined ? [] : [{ rank, commune }];
  });
}

/** Postcode or INSEE code prefix (at least two characters); exact matches rank first. */
function searchByCode(query: string): Match[] {
  const wanted = query.toUpperCase();
  return [...referenceData().communes.values()].flatMap((commune) => {
    const codes = [commune.code, ...commune.postalCodes];
    if (codes.includes(wanted)) return [{ rank: 0, commune }];
    return codes.some((code) => code.startsWith(wanted)) ? [{ rank: 1, commune }] : [];
  });
}

/** Name matches: best rank, then shorter names (closest to the query), then alphabetical. */
const byRankThenName = (a: Match, b: Match): number =>
  a.rank - b.rank ||
  a.commune.name.length - b.commune.name.length ||
  a.commune.name.localeCompare(b.commune.name, 'fr') ||
  a.commune.code.localeCompare(b.commune.code);

/** Code matches: best rank, then INSEE code order. */
const byRankThenCode = (a: Match, b: Match): number =>
  a.rank - b.rank || a.commune.code.localeCompare(b.commune.code);

/**
 * Autocomplete over current communes. A query of digits (2 to 5) matches postcodes and INSEE
 * codes by prefix; any other query matches names by prefix, accent- and case-insensitively, and
 * also the start of a later word ("denis" finds Saint-Denis). Exact matches come first, then
 * shorter names. Returns at most `limit` communes (10 by default).
 */
export function searchCommunes(query: string, limit = 10): CommuneSummary[] {
  const trimmed = query.trim();
  const max = Math.max(0, Math.floor(limit));
  if (trimmed === '' || max === 0) return [];
  const isCode = /^(?:\d{2,5}|2[AB]\d{0,3})$/i.test(trimmed);
  const matches = isCode
    ? searchByCode(trimmed).sort(byRankThenCode)
    : searchByName(trimmed).sort(byRankThenName);
  return matches.slice(0, max).map(({ commune }) => commune);
}
