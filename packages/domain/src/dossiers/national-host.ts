import { z } from 'zod';
import { charterAcceptanceSchema } from '../charter/index.js';
import { isCollectivite, organisationCategorySchema } from '../organisations/categories.js';
import { siretSchema } from '../organisations/siret.js';
import { draftOf } from '../shared/drafts.js';
import {
  choice,
  group,
  list,
  requiredLongText,
  requiredText,
  wholeNumber,
} from '../shared/fields.js';
import { territoryRefSchema } from '../territories/territory-ref.js';
import {
  checkSomeTheme,
  dateRangeSchema,
  report,
  themeChoiceFields,
  themesReadable,
  venueSchema,
} from './common.js';

/** Kinds of supporting document a host application may attach. */
export const attachmentKinds = [
  'support-letter',
  'council-decision',
  'venue-document',
  'other',
] as const;
export const attachmentKindSchema = choice(attachmentKinds, 'Indiquez le type de document.');
export type AttachmentKind = z.infer<typeof attachmentKindSchema>;

/** French names of the attachment kinds. */
export const attachmentKindLabels: Record<AttachmentKind, string> = {
  'support-letter': 'Lettre de soutien',
  'council-decision': 'Délibération',
  'venue-document': 'Document sur le lieu (disponibilité, plan, devis…)',
  other: 'Autre document',
};

/** A document sent with the application; the file itself is stored elsewhere, under `id`. */
export const attachmentSchema = group(
  {
    id: requiredText('Indiquez l’identifiant du document déposé.'),
    name: requiredText('Indiquez le nom du document.'),
    kind: attachmentKindSchema,
  },
  'Décrivez le document joint.',
);
export type Attachment = z.infer<typeof attachmentSchema>;

const collectiviteSchema = group(
  {
    name: requiredText('Indiquez le nom de la collectivité candidate.'),
    siret: siretSchema.optional(),
    category: organisationCategorySchema.refine(isCollectivite, {
      error: 'Cet appel s’adresse aux collectivités : choisissez une catégorie de collectivité.',
      params: { code: 'collectivite-required' },
    }),
    territory: territoryRefSchema,
    description: requiredLongText(
      'Présentez votre collectivité et son action pour un numérique d’intérêt général.',
    ),
    partners: list(
      group(
        {
          name: requiredText('Indiquez le nom du partenaire.'),
          impact: requiredLongText(
            'Décrivez ce que ce partenaire apporte au numérique d’intérêt général sur votre territoire.',
          ),
        },
        'Décrivez ce partenaire.',
      ),
      'Indiquez vos partenaires (la liste peut être vide).',
    ),
  },
  'Présentez la collectivité candidate.',
);

const themesToFeatureSchema = group(
  {
    ...themeChoiceFields,
    stakes: requiredLongText('Décrivez les enjeux de votre territoire à mettre en avant.'),
  },
  'Présentez les thématiques à mettre en avant.',
).superRefine((themes, ctx) => report(ctx, checkSomeTheme(themes)), { when: themesReadable });

/**
 * A complete application to host the national edition. Whether the venues, dates and figures
 * meet the campaign's expectations (capacity, date window) is for the eligibility rules.
 */
export const nationalHostDossierSchema = z.object({
  collectivite: collectiviteSchema,
  motivations: requiredLongText(
    'Expliquez pourquoi votre collectivité souhaite accueillir l’édition nationale.',
  ),
  venues: list(venueSchema, 'Indiquez les lieux envisagés.', {
    count: 1,
    message: 'Indiquez au moins un lieu envisagé.',
  }),
  proposedDates: list(dateRangeSchema, 'Proposez des dates pour l’édition.', {
    count: 1,
    message: 'Proposez au moins une période pour l’édition.',
  }),
  means: group(
    {
      human: requiredLongText('Décrivez les moyens humains que vous pouvez mobiliser.'),
      financial: requiredLongText('Décrivez les moyens financiers que vous pouvez mobiliser.'),
    },
    'Présentez les moyens que vous pouvez mobiliser.',
  ),
  initiatives: group(
    {
      partnerships: requiredLongText('Décrivez les dynamiques partenariales de votre territoire.'),
      publicPolicies: requiredLongText(
        'Décrivez les politiques publiques de votre territoire en faveur d’un numérique d’intérêt général.',
      ),
      localNecBilans: requiredLongText(
        'Résumez le bilan des NEC locaux déjà organisés.',
      ).optional(),
    },
    'Présentez les initiatives de votre territoire.',
  ),
  themesToFeature: themesToFeatureSchema,
  localInitiativesToFeature: requiredLongText(
    'Présentez les initiatives locales à intégrer à la programmation.',
  ),
  expectedParticipants: wholeNumber({
    missing: 'Indiquez le nombre de participantes et participants que vous pouvez accueillir.',
    invalid:
      'Le nombre de participantes et participants doit être un nombre entier, positif ou nul.',
  }),
  expectedSpeakers: wholeNumber({
    missing: 'Indiquez le nombre d’intervenantes et intervenants que vous pouvez accueillir.',
    invalid:
      'Le nombre d’intervenantes et intervenants doit être un nombre entier, positif ou nul.',
  }),
  attachments: list(attachmentSchema, 'Indiquez les documents joints (la liste peut être vide).'),
  charterAcceptance: charterAcceptanceSchema.optional(),
});
export type NationalHostDossier = z.infer<typeof nationalHostDossierSchema>;

/** A host application being filled in. */
export const nationalHostDossierDraftSchema = draftOf(nationalHostDossierSchema);
export type NationalHostDossierDraft = z.infer<typeof nationalHostDossierDraftSchema>;
