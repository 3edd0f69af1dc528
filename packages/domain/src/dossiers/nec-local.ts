import { z } from 'zod';
import { amountField, budgetSchema } from '../budget/budget.js';
import { charterAcceptanceSchema } from '../charter/index.js';
import { draftOf } from '../shared/drafts.js';
import {
  choiceList,
  dateField,
  group,
  list,
  requiredLongText,
  requiredText,
  unaffected,
  wholeNumber,
  yesNo,
} from '../shared/fields.js';
import {
  areaSchema,
  budgetResourcesReadable,
  checkDateOrder,
  checkSomeTheme,
  checkSubsidyRequest,
  report,
  type RuleIssue,
  themeChoiceFields,
  themesReadable,
  venueSchema,
} from './common.js';
import { eventFormatKinds, type EventMode, eventModeSchema, needsVenue } from './formats.js';
import { organisersSchema } from './organisers.js';

/** What the NEC local is about, and what local actors gain from it. */
const themesSchema = group(
  {
    ...themeChoiceFields,
    expectedBenefits: requiredLongText(
      'Expliquez ce que ce NEC local apportera aux actrices et acteurs de votre territoire.',
    ),
  },
  'Présentez les thématiques de votre NEC local.',
).superRefine((themes, ctx) => report(ctx, checkSomeTheme(themes)), { when: themesReadable });

const audiencesSchema = group(
  {
    targets: list(
      requiredText('Décrivez ce public ou retirez-le.'),
      'Indiquez les publics visés.',
      {
        count: 1,
        message: 'Indiquez au moins un public visé.',
      },
    ),
    expectedAttendees: wholeNumber({
      missing: 'Indiquez le nombre de personnes attendues.',
      invalid: 'Le nombre de personnes attendues doit être un nombre entier, positif ou nul.',
    }),
  },
  'Présentez les publics visés.',
);

/** At least one format; ticking "other" calls for its description. */
export function checkFormats(formats: {
  kinds: readonly string[];
  other: readonly string[];
}): RuleIssue[] {
  if (formats.kinds.length + formats.other.length === 0) {
    return [
      { path: [], code: 'format-required', message: 'Indiquez au moins un format envisagé.' },
    ];
  }
  if (formats.kinds.includes('other') && formats.other.length === 0) {
    return [
      {
        path: ['other'],
        code: 'other-format-required',
        message: 'Vous avez coché « Autre format » : décrivez ce format.',
      },
    ];
  }
  return [];
}

const formatsSchema = group(
  {
    kinds: choiceList(eventFormatKinds, 'Indiquez les formats envisagés.'),
    other: list(
      requiredText('Décrivez ce format ou retirez-le.'),
      'Indiquez vos autres formats (la liste peut être vide).',
    ),
  },
  'Présentez les formats envisagés.',
).superRefine((formats, ctx) => report(ctx, checkFormats(formats)), {
  when: unaffected(['kinds'], ['other']),
});

const meansSchema = group(
  {
    human: requiredLongText('Décrivez les moyens humains mobilisés.'),
    technical: requiredLongText('Décrivez les moyens techniques mobilisés.'),
    material: requiredLongText('Décrivez les moyens matériels mobilisés.'),
    communication: requiredLongText('Décrivez les moyens de communication mobilisés.'),
  },
  'Présentez les moyens mobilisés.',
);

const eventSchema = group(
  {
    startDate: dateField('Indiquez la date de l’événement.'),
    endDate: dateField('Indiquez la date de fin de l’événement.').optional(),
    venue: venueSchema.optional(),
  },
  'Indiquez la date et le lieu de l’événement.',
).superRefine((event, ctx) => report(ctx, checkDateOrder(event)), {
  when: unaffected(['startDate'], ['endDate']),
});

const requestsSchema = group(
  {
    label: z.literal(true, {
      error: 'Le label Numérique en Commun[s] est toujours demandé : cochez cette case.',
    }),
    subsidy: group(
      {
        requested: yesNo('Indiquez si vous demandez une subvention.'),
        amountCents: amountField('Indiquez le montant de la subvention demandée.').optional(),
      },
      'Indiquez si vous demandez une subvention.',
    ),
    duo: yesNo('Indiquez si vous souhaitez l’accompagnement du duo chercheur·euse et journaliste.'),
  },
  'Indiquez ce que vous demandez.',
);

/** A venue is needed unless the event is fully online. */
export function checkVenue(eventMode: EventMode, venue: unknown): RuleIssue[] {
  if (!needsVenue(eventMode) || venue !== undefined) return [];
  return [
    {
      path: ['event', 'venue'],
      code: 'venue-required',
      message:
        'Indiquez le lieu de l’événement : il en faut un dès qu’une partie se tient sur place.',
    },
  ];
}

/**
 * A complete NEC local application, as submitted. Beyond each field, it checks what makes the
 * form coherent: a venue unless online, the end not before the start, a lead organiser, at
 * least one theme and one format, and a subsidy request matching the budget's ANCT line.
 * Eligibility (audience, supporting collectivité, lead time, bounds) is a separate set of rules.
 */
export const necLocalDossierSchema = z
  .object({
    title: requiredText('Donnez un titre à votre NEC local.'),
    objective: requiredLongText('Décrivez l’objectif de votre NEC local.'),
    themes: themesSchema,
    area: areaSchema,
    audiences: audiencesSchema,
    organisers: organisersSchema,
    formats: formatsSchema,
    eventMode: eventModeSchema,
    means: meansSchema,
    event: eventSchema,
    budget: budgetSchema,
    requests: requestsSchema,
    charterAcceptance: charterAcceptanceSchema.optional(),
  })
  .superRefine((dossier, ctx) => report(ctx, checkVenue(dossier.eventMode, dossier.event.venue)), {
    when: unaffected(['eventMode'], ['event', 'venue']),
  })
  .superRefine(
    (dossier, ctx) =>
      report(
        ctx,
        checkSubsidyRequest(
          dossier.requests.subsidy,
          dossier.budget.resources,
          ['requests', 'subsidy', 'amountCents'],
          ['requests', 'subsidy', 'requested'],
        ),
      ),
    { when: unaffected(['requests', 'subsidy'], ...budgetResourcesReadable) },
  );
export type NecLocalDossier = z.infer<typeof necLocalDossierSchema>;

/** A NEC local application being filled in (see `draftOf` for what a draft accepts). */
export const necLocalDossierDraftSchema = draftOf(necLocalDossierSchema);
export type NecLocalDossierDraft = z.infer<typeof necLocalDossierDraftSchema>;
