import { z } from 'zod';
import { type ResourceLine, resourceTotal } from '../budget/budget.js';
import { siretSchema } from '../organisations/siret.js';
import { organisationCategorySchema } from '../organisations/categories.js';
import {
  dateField,
  group,
  list,
  requiredLongText,
  requiredText,
  unaffected,
  wholeNumber,
  choiceList,
} from '../shared/fields.js';
import { formatCents } from '../shared/money.js';
import { territoryCodePatterns, territoryRefSchema } from '../territories/territory-ref.js';
import { catalogueThemes } from './themes.js';

/**
 * Building blocks shared by the dossiers of the three calls, and the cross-field rules they
 * share. Each rule is a pure function returning issues (path relative to the object checked),
 * wired into schemas with `superRefine`.
 */

/** An issue found by a cross-field rule, before zod places it in the form. */
export type RuleIssue = { path: (string | number)[]; code: string; message: string };

/** Adds rule issues to a refinement context, keeping their codes for `describeIssues`. */
export function report(ctx: z.RefinementCtx, issues: readonly RuleIssue[]): void {
  for (const { path, code, message } of issues) {
    ctx.addIssue({ code: 'custom', path, message, params: { code } });
  }
}

/**
 * The area a project covers: at least one commune, EPCI, département or région, each checked
 * for syntax. Existence in the official reference data is checked by the API with
 * `unknownTerritoryIssues` (`@nec/domain/territories`): the table is too big for the browser.
 */
export const areaSchema = list(territoryRefSchema, 'Indiquez le territoire concerné.', {
  count: 1,
  message:
    'Indiquez au moins un territoire concerné (commune, intercommunalité, département ou région).',
});

/** The INSEE code of a commune, by its syntax (existence: see {@link areaSchema}). */
export const communeCodeSchema = z
  .string({ error: 'Saisissez le code INSEE de la commune sous forme de texte.' })
  .regex(territoryCodePatterns.commune, {
    error: 'Le code INSEE d’une commune compte 5 caractères (par exemple 49215 ou 2A004).',
  });

/** A venue and how many people it can host at once. */
export const venueSchema = group(
  {
    name: requiredText('Indiquez le nom du lieu.'),
    address: requiredText('Indiquez l’adresse du lieu.'),
    communeCode: communeCodeSchema.optional(),
    capacity: wholeNumber({
      missing: 'Indiquez la capacité d’accueil du lieu.',
      invalid: 'La capacité d’accueil doit être un nombre entier de personnes, au moins 1.',
      min: 1,
    }),
  },
  'Décrivez le lieu de l’événement.',
);
export type Venue = z.infer<typeof venueSchema>;

/** `endDate` may not come before `startDate` (same day allowed). */
export function checkDateOrder(dates: {
  startDate: string;
  endDate?: string | undefined;
}): RuleIssue[] {
  if (dates.endDate === undefined || dates.endDate >= dates.startDate) return [];
  return [
    {
      path: ['endDate'],
      code: 'end-before-start',
      message: `La date de fin (${dates.endDate}) précède la date de début (${dates.startDate}).`,
    },
  ];
}

/** A period with a first and a last day, the last one not before the first. */
export const dateRangeSchema = group(
  {
    startDate: dateField('Indiquez la date de début.'),
    endDate: dateField('Indiquez la date de fin.'),
  },
  'Indiquez les dates de début et de fin.',
).superRefine((range, ctx) => report(ctx, checkDateOrder(range)), {
  when: unaffected(['startDate'], ['endDate']),
});

/** Themes chosen from the catalogue, and free ones; a dossier needs at least one of either. */
export const themeChoiceFields = {
  catalogue: choiceList(catalogueThemes, 'Indiquez les thématiques choisies dans la liste.'),
  free: list(
    requiredText('Nommez cette thématique ou retirez-la.'),
    'Indiquez vos autres thématiques (la liste peut être vide).',
  ),
};

/** At least one theme overall, from the catalogue or free. */
export function checkSomeTheme(themes: {
  catalogue: readonly string[];
  free: readonly string[];
}): RuleIssue[] {
  if (themes.catalogue.length + themes.free.length > 0) return [];
  return [
    {
      path: [],
      code: 'theme-required',
      message: 'Choisissez au moins une thématique dans la liste ou ajoutez la vôtre.',
    },
  ];
}

/** When the themes rule may run: both lists read without issue. */
export const themesReadable = unaffected(['catalogue'], ['free']);

/** When the subsidy rule may run: the budget's resource kinds and amounts read without issue. */
export const budgetResourcesReadable = [
  ['budget', 'resources', '*', 'kind'],
  ['budget', 'resources', '*', 'amountCents'],
] as const;

/**
 * The subsidy asked for must be the ANCT line of the budget: same amount, above zero; and a
 * budget counting on an ANCT subsidy must ask for it. Paths are relative to the dossier.
 */
export function checkSubsidyRequest(
  request: { requested: boolean; amountCents?: number | undefined },
  resources: readonly Pick<ResourceLine, 'kind' | 'amountCents'>[],
  amountPath: (string | number)[],
  requestedPath: (string | number)[] = amountPath,
): RuleIssue[] {
  const inBudget = resourceTotal(resources, 'anct-subsidy');
  if (!request.requested) {
    if (inBudget === 0) return [];
    return [
      {
        path: requestedPath,
        code: 'subsidy-not-requested',
        message: `Votre budget compte sur une subvention de l’ANCT (${formatCents(inBudget)}) : demandez-la, ou retirez-la du budget.`,
      },
    ];
  }
  if (request.amountCents === undefined) {
    return [
      {
        path: amountPath,
        code: 'required',
        message: 'Indiquez le montant de la subvention demandée.',
      },
    ];
  }
  if (request.amountCents === 0) {
    return [
      {
        path: amountPath,
        code: 'subsidy-zero',
        message: 'Le montant de la subvention demandée doit être supérieur à 0 €.',
      },
    ];
  }
  if (request.amountCents === inBudget) return [];
  return [
    {
      path: amountPath,
      code: 'subsidy-mismatch',
      message: `Le montant demandé (${formatCents(request.amountCents)}) doit être celui de la subvention de l’ANCT inscrite au budget (${formatCents(inBudget)}).`,
    },
  ];
}

/** A partner structure and what it brings. */
export const partnerSchema = group(
  {
    name: requiredText('Indiquez le nom de la structure partenaire.'),
    siret: siretSchema.optional(),
    category: organisationCategorySchema,
    contribution: requiredLongText('Décrivez ce que cette structure apporte au projet.'),
  },
  'Décrivez la structure partenaire.',
);
export type Partner = z.infer<typeof partnerSchema>;
