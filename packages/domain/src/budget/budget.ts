import { z } from 'zod';
import { draftOf } from '../shared/drafts.js';
import { choice, group, list, requiredText, unaffected } from '../shared/fields.js';
import { type Cents, centsSchema } from '../shared/money.js';

/** Kinds of expense a provisional budget is broken down into. */
export const expenseCategories = ['logistics', 'communication', 'programming', 'other'] as const;
export const expenseCategorySchema = choice(expenseCategories, 'Choisissez le type de dépense.');
export type ExpenseCategory = z.infer<typeof expenseCategorySchema>;

/** French names of the expense categories, short enough for a select on a phone. */
export const expenseCategoryLabels: Record<ExpenseCategory, string> = {
  logistics: 'Logistique',
  communication: 'Communication',
  programming: 'Programmation',
  other: 'Autre dépense',
};

/** What each category covers, shown beside the choice in forms. */
export const expenseCategoryExamples: Record<ExpenseCategory, string | null> = {
  logistics: 'lieu, matériel, scénographie…',
  communication: 'affiches, programme, site, captation…',
  programming: 'accueil des intervenantes et intervenants, animations…',
  other: null,
};

/** Where the money comes from. */
export const resourceKinds = ['own-funds', 'co-financing', 'anct-subsidy'] as const;
export const resourceKindSchema = choice(resourceKinds, 'Choisissez l’origine de la ressource.');
export type ResourceKind = z.infer<typeof resourceKindSchema>;

/** French names of the resource kinds. */
export const resourceKindLabels: Record<ResourceKind, string> = {
  'own-funds': 'Fonds propres',
  'co-financing': 'Cofinancement',
  'anct-subsidy': 'Subvention demandée à l’ANCT',
};

/** The same kinds in a bilan, once the event is over: the subsidy was received, not asked. */
export const actualResourceKindLabels: Record<ResourceKind, string> = {
  ...resourceKindLabels,
  'anct-subsidy': 'Subvention reçue de l’ANCT',
};

/**
 * An amount in cents with a field-specific message when it is missing; the money rule itself
 * (integer cents, never negative) is {@link centsSchema}'s.
 */
export function amountField(missing: string) {
  return z
    .number({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? missing
          : 'Saisissez un montant en chiffres.',
    })
    .pipe(centsSchema);
}

/** One expense line of a provisional budget. */
export const expenseLineSchema = z.object({
  category: expenseCategorySchema,
  label: requiredText('Décrivez cette dépense.'),
  amountCents: amountField('Indiquez le montant de cette dépense.'),
});
export type ExpenseLine = z.infer<typeof expenseLineSchema>;

/** One resource line; a co-financing names its funder. */
export const resourceLineSchema = z
  .object({
    kind: resourceKindSchema,
    label: requiredText('Décrivez cette ressource.'),
    funder: requiredText('Indiquez le nom du financeur.').optional(),
    amountCents: amountField('Indiquez le montant de cette ressource.'),
  })
  .superRefine(
    (line, ctx) => {
      if (line.kind === 'co-financing' && line.funder === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['funder'],
          message: 'Indiquez qui apporte ce cofinancement.',
          params: { code: 'funder-required' },
        });
      }
    },
    { when: unaffected(['kind'], ['funder']) },
  );
export type ResourceLine = z.infer<typeof resourceLineSchema>;

/**
 * A provisional budget: expense lines and resource lines, amounts in cents. Whether it is
 * balanced and whether the subsidy fits the campaign's bounds are rules ({@link checkBudget}),
 * not form errors: a complete form may still describe an ineligible budget.
 */
export const budgetSchema = group(
  {
    expenses: list(expenseLineSchema, 'Indiquez les dépenses prévues.', {
      count: 1,
      message: 'Indiquez au moins une dépense prévue.',
    }),
    resources: list(resourceLineSchema, 'Indiquez les ressources prévues.', {
      count: 1,
      message: 'Indiquez au moins une ressource prévue.',
    }),
  },
  'Présentez le budget prévisionnel.',
);
export type Budget = z.infer<typeof budgetSchema>;

/** A budget being filled in: every field optional, nothing typed lost (see `draftOf`). */
export const budgetDraftSchema = draftOf(budgetSchema);
export type BudgetDraft = z.infer<typeof budgetDraftSchema>;

/** The totals of a budget, all in cents. `balanceCents` = resources − expenses. */
export type BudgetTotals = {
  expensesCents: Cents;
  resourcesCents: Cents;
  subsidyCents: Cents;
  ownFundsCents: Cents;
  coFinancingCents: Cents;
  balanceCents: number;
};

const sum = (amounts: readonly number[]): number => amounts.reduce((a, b) => a + b, 0);

/** Total of the resource lines of one kind (e.g. the ANCT subsidy a budget counts on). */
export function resourceTotal(
  resources: readonly Pick<ResourceLine, 'kind' | 'amountCents'>[],
  kind: ResourceKind,
): Cents {
  return sum(resources.filter((line) => line.kind === kind).map((line) => line.amountCents));
}

/**
 * Totals of a budget. The total budget of the event is its expenses total; the ANCT subsidy is
 * the sum of the `anct-subsidy` resource lines. Integer cents, so sums are exact.
 */
export function budgetTotals(budget: Budget): BudgetTotals {
  const expensesCents = sum(budget.expenses.map((line) => line.amountCents));
  const resourcesCents = sum(budget.resources.map((line) => line.amountCents));
  return {
    expensesCents,
    resourcesCents,
    subsidyCents: resourceTotal(budget.resources, 'anct-subsidy'),
    ownFundsCents: resourceTotal(budget.resources, 'own-funds'),
    coFinancingCents: resourceTotal(budget.resources, 'co-financing'),
    balanceCents: resourcesCents - expensesCents,
  };
}

/** A line amount of a draft: unfilled counts as zero in running totals. */
const draftAmount = (line: { amountCents?: unknown } | null | undefined): number =>
  typeof line?.amountCents === 'number' && Number.isFinite(line.amountCents) ? line.amountCents : 0;

/**
 * Running totals of a budget being filled in, by the same sums as {@link budgetTotals} (which
 * wants a complete budget): a line whose amount is not typed yet counts as zero.
 */
export function draftBudgetTotals(budget: BudgetDraft | null | undefined) {
  const expenses = budget?.expenses ?? [];
  const resources = budget?.resources ?? [];
  const total = (lines: readonly ({ amountCents?: unknown } | null | undefined)[]) =>
    lines.reduce((sum, line) => sum + draftAmount(line), 0);
  const expensesCents = total(expenses);
  const resourcesCents = total(resources);
  return {
    expensesCents,
    resourcesCents,
    subsidyCents: total(resources.filter((line) => line?.kind === 'anct-subsidy')),
    balanceCents: resourcesCents - expensesCents,
  };
}
