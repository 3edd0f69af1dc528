import { z } from 'zod';
import { choice, group } from '../shared/fields.js';
import { countSchema } from './counts.js';

/** The groups a bilan sorts its public into. */
export const publicOriginGroups = [
  'professionals',
  'elected',
  'citizens',
  'students',
  'other',
] as const;
export const publicOriginGroupSchema = choice(publicOriginGroups, 'Choisissez un type de public.');
export type PublicOriginGroup = z.infer<typeof publicOriginGroupSchema>;

/** French labels of {@link publicOriginGroups}, for forms and charts. */
export const publicOriginGroupLabels: Record<PublicOriginGroup, string> = {
  professionals: 'Professionnel·les',
  elected: 'Élu·es',
  citizens: 'Habitant·es, grand public',
  students: 'Étudiant·es, élèves',
  other: 'Autres publics',
};

const countsSchema = group(
  {
    professionals: countSchema('le nombre de professionnel·les'),
    elected: countSchema('le nombre d’élu·es'),
    citizens: countSchema('le nombre d’habitant·es'),
    students: countSchema('le nombre d’étudiant·es'),
    other: countSchema('le nombre d’autres participant·es'),
  },
  'Indiquez les effectifs par type de public.',
);

const share = (what: string) =>
  z
    .number({ error: `Indiquez la part ${what}, en pourcentage.` })
    .min(0, { error: `La part ${what} ne peut pas être négative.` })
    .max(100, { error: `La part ${what} ne peut pas dépasser 100 %.` });

/** Shares rounded by the organiser may add up to 99 or 101 %; beyond that it is a typo. */
export const sharesTolerancePercent = 1;

const sharesSchema = group(
  {
    professionals: share('des professionnel·les'),
    elected: share('des élu·es'),
    citizens: share('des habitant·es'),
    students: share('des étudiant·es'),
    other: share('des autres publics'),
  },
  'Indiquez les parts du public par type, en pourcentage.',
).superRefine(
  (shares, ctx) => {
    const sum = publicOriginGroups.reduce((total, key) => total + shares[key], 0);
    if (Math.abs(sum - 100) > sharesTolerancePercent) {
      ctx.addIssue({
        code: 'custom',
        message: `Les parts du public doivent totaliser 100 % (total actuel : ${sum.toLocaleString('fr-FR')} %).`,
        params: { code: 'shares-not-100' },
      });
    }
  },
  { when: (payload) => payload.issues.length === 0 },
);

/**
 * Where the public came from, at the precision the organiser has, at least one of:
 * - `counts`: head counts per group (from the registration form);
 * - `sharesPercent`: percentages per group (from a survey), adding up to 100 % ± 1;
 * - `majority`: the predominant group only (Metz 2023 published just « mostly professionals »).
 */
export const publicOriginSchema = group(
  {
    counts: countsSchema.optional(),
    sharesPercent: sharesSchema.optional(),
    majority: publicOriginGroupSchema.optional(),
  },
  'Indiquez l’origine du public.',
).superRefine((origin, ctx) => {
  if (origin.counts ?? origin.sharesPercent ?? origin.majority) return;
  ctx.addIssue({
    code: 'custom',
    message: 'Indiquez l’origine du public par effectifs, par parts ou par public majoritaire.',
    params: { code: 'origin-empty' },
  });
});
export type PublicOrigin = z.infer<typeof publicOriginSchema>;

type PerGroup = Record<PublicOriginGroup, number>;

function largestGroup(values: PerGroup): PublicOriginGroup | null {
  let best: PublicOriginGroup | null = null;
  for (const key of publicOriginGroups) {
    if (values[key] > 0 && (best === null || values[key] > values[best])) best = key;
  }
  return best;
}

/**
 * The predominant group of an origin: the declared `majority` if any, else the largest count,
 * else the largest share (a tie goes to the group listed first in {@link publicOriginGroups}).
 * `null` when nothing is above zero.
 */
export function predominantOrigin(origin: PublicOrigin): PublicOriginGroup | null {
  if (origin.majority) return origin.majority;
  if (origin.counts) return largestGroup(origin.counts);
  if (origin.sharesPercent) return largestGroup(origin.sharesPercent);
  return null;
}
