import { type z } from 'zod';
import { amountField, type BudgetTotals, budgetSchema, budgetTotals } from '../budget/index.js';
import { group } from '../shared/fields.js';
import { formatCents } from '../shared/money.js';

const statedTotals = [
  ['expensesCents', 'le total des dépenses'],
  ['resourcesCents', 'le total des recettes'],
  ['subsidyCents', 'la subvention de l’ANCT'],
] as const satisfies readonly (readonly [keyof BudgetTotals, string])[];

/**
 * The event's actual budget, in cents:
 * - `expensesCents`: what the event cost, all expenses included (required);
 * - `resourcesCents`: what funded it; absent when the bilan gives a single « budget » figure;
 * - `subsidyCents`: the ANCT subsidy received; absent when not reported, 0 when there was none;
 * - `lines`: optional detail, in the dossier's budget lines.
 * The subsidy never exceeds the resources; with lines, each stated total equals its lines' sum.
 */
export const actualBudgetSchema = group(
  {
    expensesCents: amountField('Indiquez le total des dépenses réalisées.'),
    resourcesCents: amountField('Indiquez le total des recettes.').optional(),
    subsidyCents: amountField('Indiquez la subvention reçue de l’ANCT.').optional(),
    lines: budgetSchema.optional(),
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
    const totals = budgetTotals(budget.lines);
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
