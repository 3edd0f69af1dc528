import { type IsoDate } from '../shared/dates.js';
import { type Charter } from './charter.js';
import { charters } from './charters.data.js';

/**
 * The charter version in force on `today`: the latest one published on or before that day,
 * or `undefined` before the first known version.
 */
export function currentCharter(
  today: IsoDate,
  all: readonly Charter[] = charters,
): Charter | undefined {
  return all
    .filter((c) => c.publishedOn <= today)
    .reduce<Charter | undefined>(
      (latest, c) => (!latest || c.publishedOn > latest.publishedOn ? c : latest),
      undefined,
    );
}

/** One charter version by id and version, or `undefined` when unknown. */
export function findCharter(
  id: string,
  version: string,
  all: readonly Charter[] = charters,
): Charter | undefined {
  return all.find((c) => c.id === id && c.version === version);
}
