import { type z } from 'zod';
import { draftOf } from '../shared/drafts.js';
import { group, list, longTextMax, requiredText, unaffected } from '../shared/fields.js';
import { actualBudgetSchema } from './actual-budget.js';
import { countSchema, textSchema } from './counts.js';
import { formatsHeldSchema } from './formats-held.js';
import { charterLicence, openLicenceSchema } from './licence.js';
import { publicOriginSchema } from './public-origin.js';
import { resourceLinkSchema } from './resource-links.js';
import { satisfactionSurveySchema } from './satisfaction.js';
import { speakersSchema } from './speakers.js';
import { preparationMeetingsSchema, teamSchema } from './team.js';

/** The audience forecast before the event (a range such as 150 to 250), to compare with the actual. */
export const expectedAttendeesSchema = group(
  {
    min: countSchema('le nombre minimal de personnes attendues'),
    max: countSchema('le nombre maximal de personnes attendues'),
  },
  'Indiquez la fourchette de public attendue.',
).superRefine(
  (range, ctx) => {
    if (range.min > range.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: `La fourchette attendue est inversée : ${range.min} est supérieur à ${range.max}.`,
        params: { code: 'range-inverted' },
      });
    }
  },
  { when: unaffected(['min'], ['max']) },
);

/** Points to improve, as reported by the public and by the organisers (lists may be empty). */
export const improvementPointsSchema = group(
  {
    fromPublic: list(textSchema('un point d’amélioration'), 'Indiquez les remarques du public.'),
    fromOrganisers: list(
      textSchema('un point d’amélioration'),
      'Indiquez les remarques des organisateur·ices.',
    ),
  },
  'Indiquez les points d’amélioration.',
);

/**
 * The bilan a NEC local reports after its event (modelled on the Metz 2023 bilan). Counts and
 * aggregates only: a bilan names nobody.
 * - `expectedAttendees`: the forecast range; `attendees`: people present;
 *   `structuresRepresented`: distinct organisations among them;
 * - `speakers`: total and gender split; `formats`: workshops, discovery stands, plenaries,
 *   round tables and other formats held;
 * - `budget`: actual expenses, resources and subsidy;
 * - `publicOrigin`, `satisfaction` (survey aggregates), `improvements`;
 * - `team` on the day and `preparation` meetings;
 * - `resources`: links to the productions (Les Bases…), published under `licence`
 *   (CC BY-SA 4.0 FR, the charter's, unless stated otherwise); `comments`: free text.
 */
export const necLocalBilanSchema = group(
  {
    expectedAttendees: expectedAttendeesSchema.optional(),
    attendees: countSchema('le nombre de personnes présentes'),
    structuresRepresented: countSchema('le nombre de structures représentées'),
    speakers: speakersSchema,
    formats: formatsHeldSchema,
    budget: actualBudgetSchema,
    publicOrigin: publicOriginSchema.optional(),
    satisfaction: satisfactionSurveySchema.optional(),
    improvements: improvementPointsSchema,
    team: teamSchema,
    preparation: preparationMeetingsSchema.optional(),
    resources: list(resourceLinkSchema, 'Indiquez les ressources publiées (liste vide si aucune).'),
    licence: openLicenceSchema.default(charterLicence),
    comments: requiredText('Saisissez votre commentaire.', longTextMax).optional(),
  },
  'Présentez le bilan de l’événement.',
);
/** A complete bilan, after defaults (the licence) apply. */
export type NecLocalBilan = z.infer<typeof necLocalBilanSchema>;
/** A complete bilan as a client sends it (the licence may be left out). */
export type NecLocalBilanInput = z.input<typeof necLocalBilanSchema>;

/**
 * A bilan being written (see `draftOf`): every field optional at any depth, blank text and
 * `null` accepted, values present checked as on submission, cross-field rules left for
 * {@link necLocalBilanSchema}, unknown keys kept.
 */
export const necLocalBilanDraftSchema = draftOf(necLocalBilanSchema);
export type NecLocalBilanDraft = z.infer<typeof necLocalBilanDraftSchema>;
