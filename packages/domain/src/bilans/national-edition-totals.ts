import {
  hasPublishedFigures,
  type NationalEditionBilan,
  speakersOrContributors,
} from './national-edition.js';
import { percentChange } from './stats.js';

/** One edition in the timeline of {@link nationalEditionTotals}. */
export type NationalEditionTimelineEntry = {
  year: number;
  city: string;
  present: number | null;
  /** Sum of `present` over this edition and every earlier one (unpublished figures count 0). */
  cumulativePresent: number;
  /**
   * Change of `present` from the edition listed just before, in percent (one decimal, see
   * {@link percentChange}); `null` for the first edition or when either figure is unpublished,
   * so the online 2020 edition breaks the series rather than being compared with 2019.
   */
  presentChangePercent: number | null;
};

/** Cumulative figures of the national editions, for the reporting app. */
export type NationalEditionTotals = {
  editions: number;
  editionsWithFigures: number;
  /** Sum of published `present` figures. */
  cumulativePresent: number;
  /** Sum of {@link speakersOrContributors} over the editions that published one. */
  cumulativeSpeakersOrContributors: number;
  /** Sum of published `onlineViewers` figures. */
  cumulativeOnlineViewers: number;
  /** The edition with the most people present (the earliest on a tie), `null` if none. */
  peakPresent: { year: number; present: number } | null;
  /**
   * Change of `present` from the first to the last edition that published it, in percent
   * (e.g. 850 in 2018 to 2,000 in 2023: +135.3); `null` with fewer than two such editions.
   */
  presentGrowthPercent: number | null;
  /** Every edition, by year. */
  timeline: NationalEditionTimelineEntry[];
};

const sum = (values: readonly (number | null)[]): number =>
  values.reduce<number>((total, value) => total + (value ?? 0), 0);

function timelineOf(sorted: readonly NationalEditionBilan[]): NationalEditionTimelineEntry[] {
  let cumulativePresent = 0;
  return sorted.map((edition, index) => {
    cumulativePresent += edition.present ?? 0;
    const previous = index > 0 ? (sorted[index - 1]?.present ?? null) : null;
    return {
      year: edition.year,
      city: edition.city,
      present: edition.present,
      cumulativePresent,
      presentChangePercent: percentChange(edition.present, previous),
    };
  });
}

/**
 * Cumulative and year-on-year figures of the national editions (any order in, sorted by year
 * out). Unpublished (`null`) figures are skipped, never read as zero growth.
 */
export function nationalEditionTotals(
  editions: readonly NationalEditionBilan[],
): NationalEditionTotals {
  const sorted = [...editions].sort((a, b) => a.year - b.year);
  const withPresent = sorted.filter(
    (edition): edition is NationalEditionBilan & { present: number } => edition.present !== null,
  );
  const peak = withPresent.reduce<(typeof withPresent)[number] | null>(
    (best, edition) => (best === null || edition.present > best.present ? edition : best),
    null,
  );
  const first = withPresent[0];
  const last = withPresent[withPresent.length - 1];
  return {
    editions: sorted.length,
    editionsWithFigures: sorted.filter(hasPublishedFigures).length,
    cumulativePresent: sum(sorted.map((edition) => edition.present)),
    cumulativeSpeakersOrContributors: sum(sorted.map(speakersOrContributors)),
    cumulativeOnlineViewers: sum(sorted.map((edition) => edition.onlineViewers)),
    peakPresent: peak && { year: peak.year, present: peak.present },
    presentGrowthPercent:
      first && last && withPresent.length >= 2 ? percentChange(last.present, first.present) : null,
    timeline: timelineOf(sorted),
  };
}
