import type { DossierScore } from './score-dossier.js';

/** What `rankDossiers` needs from each dossier; any other field is carried through. */
export interface RankableDossier {
  dossierId: string;
  score: Pick<DossierScore, 'normalised'>;
}

/** A dossier with its place in the ranking. */
export type Ranked<T extends RankableDossier> = T & { rank: number };

/**
 * Orders dossiers by their normalised score, best first, with standard competition ranking:
 * equal scores share a rank and the next rank skips accordingly (1, 2, 2, 4). Equal scores are
 * listed by dossier id so the order does not depend on the input's. Incomplete dossiers are
 * ranked like the others; show their `complete` flag beside the rank.
 */
export function rankDossiers<T extends RankableDossier>(results: readonly T[]): Ranked<T>[] {
  const sorted = [...results].sort(
    (a, b) =>
      b.score.normalised - a.score.normalised ||
      (a.dossierId < b.dossierId ? -1 : a.dossierId > b.dossierId ? 1 : 0),
  );
  let rank = 0;
  return sorted.map((item, index) => {
    if (index === 0 || item.score.normalised !== sorted[index - 1]?.score.normalised) {
      rank = index + 1;
    }
    return { ...item, rank };
  });
}
