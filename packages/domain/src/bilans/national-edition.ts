import { z } from 'zod';
import { countSchema, textSchema } from './counts.js';

/** A published figure of a national edition: `null` means « not published », never zero. */
const figure = (what: string) => countSchema(what).nullable();

const nationalEditionShape = z.object({
  year: z
    .number({ error: 'Indiquez l’année de l’édition.' })
    .int({ error: 'L’année doit être un nombre entier.' })
    .min(2018, { error: 'La première édition nationale date de 2018.' }),
  city: textSchema('la ville hôte'),
  /** Named venues, when published; may be empty even when `venuesCount` is known. */
  venues: z.array(textSchema('le nom du lieu')).default([]),
  /** Number of venues; 0 for an online edition, `null` when not published. */
  venuesCount: figure('le nombre de lieux'),
  /** Whether the edition took place online only. */
  online: z.boolean({ error: 'Indiquez si l’édition s’est tenue en ligne.' }),
  /** People present on site. */
  present: figure('le nombre de personnes présentes'),
  /**
   * Speakers (intervenant·es). For 2018 the published figure also counts contributors: see
   * `speakersIncludeContributors`.
   */
  speakers: figure('le nombre d’intervenant·es'),
  /** When true, `speakers` is a combined « speakers and contributors » figure. */
  speakersIncludeContributors: z.boolean().default(false),
  /** Contributors (e.g. the online 2020 edition, which had no speakers on a stage). */
  contributors: figure('le nombre de contributeur·ices'),
  /** Countries represented. */
  countries: figure('le nombre de pays représentés'),
  /** People who followed the live streams. */
  onlineViewers: figure('le nombre de personnes ayant suivi les directs'),
  /** People registered to the online tracks. */
  registeredOnline: figure('le nombre de personnes inscrites en ligne'),
  /** Number of tracks (parcours) of the programme. */
  tracks: figure('le nombre de parcours'),
});

/**
 * The published figures of one national edition of Numérique en Commun[s]. Every figure is
 * nullable because the editions did not all publish the same ones (2020 was online only) and
 * an announced edition has none yet. Named venues cannot outnumber `venuesCount`, and an
 * online-only edition has no venue.
 */
export const nationalEditionBilanSchema = nationalEditionShape.superRefine((edition, ctx) => {
  const { venuesCount, venues } = edition;
  if (venuesCount !== null && venues.length > venuesCount) {
    ctx.addIssue({
      code: 'custom',
      path: ['venues'],
      message: `Vous nommez ${venues.length} lieux pour ${venuesCount} annoncés.`,
      params: { code: 'too-many-venues' },
    });
  }
  if (edition.online && (venues.length > 0 || (venuesCount ?? 0) > 0)) {
    ctx.addIssue({
      code: 'custom',
      path: ['online'],
      message: 'Une édition entièrement en ligne ne peut pas avoir de lieu.',
      params: { code: 'online-with-venue' },
    });
  }
});
export type NationalEditionBilan = z.infer<typeof nationalEditionBilanSchema>;

const publishedFigures = [
  'present',
  'speakers',
  'contributors',
  'countries',
  'onlineViewers',
  'registeredOnline',
  'tracks',
] as const satisfies readonly (keyof NationalEditionBilan)[];

/** Whether any attendance figure of the edition has been published yet. */
export function hasPublishedFigures(edition: NationalEditionBilan): boolean {
  return publishedFigures.some((field) => edition[field] !== null);
}

/**
 * People who took the floor or contributed: `speakers` when published (for 2018 it already
 * includes contributors), otherwise `contributors` (2020), otherwise `null`.
 */
export function speakersOrContributors(edition: NationalEditionBilan): number | null {
  return edition.speakers ?? edition.contributors;
}
