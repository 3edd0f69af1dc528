import { z } from 'zod';
import { choice, fieldError, group, unaffected } from '../shared/fields.js';
import { textSchema } from './counts.js';

/** The host of Les Bases, the platform where NEC productions are published. */
export const lesBasesHost = 'lesbases.anct.gouv.fr';

/** Kinds of published output a bilan links to. */
export const resourceLinkKinds = ['les-bases', 'video', 'podcast', 'publication', 'other'] as const;
export const resourceLinkKindSchema = choice(resourceLinkKinds, 'Choisissez le type de ressource.');
export type ResourceLinkKind = z.infer<typeof resourceLinkKindSchema>;

/** French labels of {@link resourceLinkKinds}. */
export const resourceLinkKindLabels: Record<ResourceLinkKind, string> = {
  'les-bases': 'Ressource sur Les Bases',
  video: 'Vidéo',
  podcast: 'Podcast',
  publication: 'Publication (carnet, revue…)',
  other: 'Autre lien',
};

/** Whether `url` is an https address on Les Bases (that exact host, any path). */
export function isLesBasesUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname === lesBasesHost;
  } catch {
    return false;
  }
}

/**
 * A link to a production of the event. Every link is https; a link of kind `les-bases` must be
 * on lesbases.anct.gouv.fr (no look-alike sub-domain), where the charter asks organisers to
 * publish what the event produced.
 */
export const resourceLinkSchema = group(
  {
    kind: resourceLinkKindSchema,
    url: z.url({
      protocol: /^https$/,
      error: fieldError({
        missing: 'Indiquez l’adresse de la ressource.',
        invalid: 'Saisissez une adresse web complète commençant par https://.',
      }),
    }),
    title: textSchema('le titre de la ressource').optional(),
  },
  'Décrivez cette ressource.',
).superRefine(
  (link, ctx) => {
    if (link.kind === 'les-bases' && !isLesBasesUrl(link.url)) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: `L’adresse d’une ressource Les Bases commence par https://${lesBasesHost}/.`,
        params: { code: 'not-les-bases' },
      });
    }
  },
  { when: unaffected(['kind'], ['url']) },
);
export type ResourceLink = z.infer<typeof resourceLinkSchema>;

/**
 * Whether an event published its productions on Les Bases: at least one of its resource links is
 * of kind `les-bases` (whose address {@link resourceLinkSchema} holds to lesbases.anct.gouv.fr).
 * A link of another kind is not counted, even to the same site: the organiser chose its kind.
 */
export function publishedOnLesBases(resources: readonly Pick<ResourceLink, 'kind'>[]): boolean {
  return resources.some((link) => link.kind === 'les-bases');
}
