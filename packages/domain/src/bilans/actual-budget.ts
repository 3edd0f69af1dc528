import { type z } from 'zod';
import {
  amountField,
  type Budget,
  type BudgetDraft,
  type BudgetTotals,
  draftBudgetTotals,
  expenseLineSchema,
  resourceLineSchema,
} from '../budget/index.js';
import { group, list } from '../shared/fields.js';
import { formatCents } from '../shared/money.js';

type StatedTotal = 'expensesCents' | 'resourcesCents' | 'subsidyCents';

const statedTotals = [
  ['expensesCents', 'le total des dépenses'],
  ['resourcesCents', 'le total des recettes'],
  ['subsidyCents', 'la subvention de l’ANCT'],
] as const satisfies readonly (readonly [StatedTotal & keyof BudgetTotals, string])[];

/**
 * The actual budget in detail: the dossier's budget lines (same line schemas, same categories
 * and kinds), with messages that speak of what was spent and received.
 */
export const actualLinesSchema = group(
  {
    expenses: list(expenseLineSchema, 'Indiquez les dépenses réalisées.', {
      count: 1,
      message: 'Indiquez au moins une dépense réalisée.',
    }),
    resources: list(resourceLineSchema, 'Indiquez les recettes.', {
      count: 1,
      message: 'Indiquez au moins une recette.',
    }),
  },
  'Détaillez le budget réalisé.',
);

/**
 * The totals a bilan states when it details its lines: the lines' sums (the subsidy is the sum
 * of the `anct-subsidy` lines). A line not filled in yet counts as zero, so a form can show them
 * as they are typed; the schema below checks stated totals against the same sums.
 */
export function lineTotals(lines: BudgetDraft | null | undefined): Record<StatedTotal, number> {
  const { expensesCents, resourcesCents, subsidyCents } = draftBudgetTotals(lines);
  return { expensesCents, resourcesCents, subsidyCents };
}

/**
 * Lines to start the actual budget from: the dossier's planned lines (category, kind,
 * description, funder), amounts left to type, so that a planned figure is never reported as
 * spent by mistake; the planned amount stays in view beside each line.
 */
export function actualLinesFrom(planned: Budget): BudgetDraft {
  return {
    expenses: planned.expenses.map(({ category, label }) => ({
      category,
      label,
      amountCents: null,
    })),
    resources: planned.resources.map(({ kind, label, funder }) => ({
      kind,
      label,
      ...(funder === undefined ? {} : { funder }),
      amountCents: null,
    })),
  };
}

type LineKey = { category?: unknown; kind?: unknown; label?: unknown } | null | undefined;
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
const keyOf = (line: LineKey) =>
  `${textOf(line?.category ?? line?.kind)}\u0000${textOf(line?.label).trim().toLowerCase()}`;

/**
 * The planned amount of each actual line: the planned line of the same category (or kind) and
 * description, each planned line matched once; `null` for a line the dossier did not plan.
 */
export function plannedAmountsOf(
  planned: readonly (LineKey & { amountCents?: unknown })[],
  actual: readonly LineKey[],
): (number | null)[] {
  const left = planned.map((line) => ({ key: keyOf(line), amount: line?.amountCents }));
  return actual.map((line) => {
    const key = keyOf(line);
    const at = left.findIndex((p) => p.key === key);
    if (at < 0) return null;
    const [match] = left.splice(at, 1);
    return typeof match?.amount === 'number' ? match.amount : null;
  });
}

/**
 * The event's actual budget, in cents:
 * - `expensesCents`: what the event cost, all expenses included (required);
 * - `resourcesCents`: what funded it; absent when the bilan gives a single « budget » figure;
 * - `subsidyCents`: the ANCT subsidy received; absent when not reported, 0 when there was none;
 * - `lines`: optional detail, in the dossier's budget lines.
 * The subsidy never exceeds the resources; with lines, each stated total equals its lines' sum
 * ({@link lineTotals}: a form fills them in as the lines are typed).
 */
export const actualBudgetSchema = group(
  {
    expensesCents: amountField('Indiquez le total des dépenses réalisées.'),
    resourcesCents: amountField('Indiquez le total des recettes.').optional(),
    subsidyCents: amountField('Indiquez la subvention reçue de l’ANCT.').optional(),
    lines: actualLinesSchema.optional(),
  },
  'Présentez le budget réalisé.',
).superRefine(
  (budget, ctx) => {
    const { resourcesCents, subsidyCents } = budget;
    if (
      resourcesCents !== undefined &&
      subsidyCents !== undefined &&
      subsidyCents > resourcesCents
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['subsidyCents'],
        message: `La subvention (${formatCents(subsidyCents)}) dépasse le total des recettes (${formatCents(resourcesCents)}).`,
        params: { code: 'subsidy-exceeds-resources' },
      });
    }
    if (budget.lines === undefined) return;
    const totals = lineTotals(budget.lines);
    for (const [field, what] of statedTotals) {
      const stated = budget[field];
      if (stated !== undefined && stated !== totals[field]) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `Le montant indiqué pour ${what} (${formatCents(stated)}) ne correspond pas au détail des lignes (${formatCents(totals[field])}).`,
          params: { code: 'total-mismatch' },
        });
      }
    }
  },
  { when: (payload) => payload.issues.length === 0 },
);
export type ActualBudget = z.infer<typeof actualBudgetSchema>;
