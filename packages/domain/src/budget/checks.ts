import { z } from 'zod';
import { type Cents, formatCents } from '../shared/money.js';
import { type Budget, budgetTotals } from './budget.js';
import { capRatioBasisPoints, capRatioScale, type SubsidyBounds } from './bounds.js';

/** The budget rules, in the order they are shown. */
export const budgetCheckIds = ['balanced', 'subsidy-min', 'subsidy-max', 'subsidy-cap'] as const;
export const budgetCheckIdSchema = z.enum(budgetCheckIds);
export type BudgetCheckId = z.infer<typeof budgetCheckIdSchema>;

/**
 * The outcome of one budget rule: pass or fail, a French explanation quoting the actual figures,
 * and the figures themselves (cents, or the ratio) for screens that lay them out differently.
 */
export const budgetCheckSchema = z.object({
  id: budgetCheckIdSchema,
  status: z.enum(['pass', 'fail']),
  message: z.string(),
  figures: z.record(z.string(), z.number()),
});
export type BudgetCheck = z.infer<typeof budgetCheckSchema>;

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 2 });

const status = (passed: boolean): BudgetCheck['status'] => (passed ? 'pass' : 'fail');

/** Expenses and resources must be equal. */
function checkBalanced(expensesCents: Cents, resourcesCents: Cents): BudgetCheck {
  const balanceCents = resourcesCents - expensesCents;
  const figures = { expensesCents, resourcesCents, balanceCents };
  const expenses = formatCents(expensesCents);
  const resources = formatCents(resourcesCents);
  const gap = formatCents(Math.abs(balanceCents));
  let message = `Le budget est équilibré : ${expenses} de dépenses, couvertes par autant de ressources.`;
  if (balanceCents < 0) {
    message = `Le budget n’est pas équilibré : les ressources (${resources}) ne couvrent pas les dépenses (${expenses}) ; il manque ${gap}.`;
  } else if (balanceCents > 0) {
    message = `Le budget n’est pas équilibré : les ressources (${resources}) dépassent les dépenses (${expenses}) de ${gap}.`;
  }
  return { id: 'balanced', status: status(balanceCents === 0), message, figures };
}

/** Whose amount a check speaks of: the one the applicant asks for, or the one ANCT awards. */
type Subject = 'requested' | 'awarded';
const subjectLabel: Record<Subject, string> = {
  requested: 'La subvention demandée',
  awarded: 'Le montant accordé',
};
/** French agreement: « la subvention … inférieure / elle », « le montant … inférieur / il ». */
const lower: Record<Subject, string> = { requested: 'inférieure', awarded: 'inférieur' };
const pronounOf: Record<Subject, string> = { requested: 'elle', awarded: 'il' };

function checkMin(
  subsidyCents: Cents,
  minCents: Cents,
  subject: Subject = 'requested',
): BudgetCheck {
  const passed = subsidyCents >= minCents;
  const subsidy = formatCents(subsidyCents);
  const min = formatCents(minCents);
  const what = subjectLabel[subject];
  const message = passed
    ? `${what} (${subsidy}) atteint le montant minimal de la campagne (${min}).`
    : `${what} (${subsidy}) est ${lower[subject]} au montant minimal de la campagne (${min}).`;
  return {
    id: 'subsidy-min',
    status: status(passed),
    message,
    figures: { subsidyCents, minCents },
  };
}

function checkMax(
  subsidyCents: Cents,
  maxCents: Cents,
  subject: Subject = 'requested',
): BudgetCheck {
  const passed = subsidyCents <= maxCents;
  const subsidy = formatCents(subsidyCents);
  const max = formatCents(maxCents);
  const what = subjectLabel[subject];
  const message = passed
    ? `${what} (${subsidy}) respecte le plafond de la campagne (${max}).`
    : `${what} (${subsidy}) dépasse le plafond de la campagne (${max}).`;
  return {
    id: 'subsidy-max',
    status: status(passed),
    message,
    figures: { subsidyCents, maxCents },
  };
}

/**
 * The largest subsidy allowed by the cap: ⌊capRatio × total⌋ cents. BigInt keeps it exact for
 * any amount (0.8 × total in floating point can land one cent off).
 */
export function subsidyCapCents(totalCents: Cents, capRatio: number): Cents {
  return Number(
    (BigInt(capRatioBasisPoints(capRatio)) * BigInt(totalCents)) / BigInt(capRatioScale),
  );
}

/** Whether `subsidy ≤ capRatio × total`, compared exactly in integers (80 % exactly passes). */
export function isWithinCap(subsidyCents: Cents, totalCents: Cents, capRatio: number): boolean {
  return (
    BigInt(subsidyCents) * BigInt(capRatioScale) <=
    BigInt(capRatioBasisPoints(capRatio)) * BigInt(totalCents)
  );
}

function checkCap(
  subsidyCents: Cents,
  totalCents: Cents,
  capRatio: number,
  subject: Subject = 'requested',
): BudgetCheck {
  const passed = isWithinCap(subsidyCents, totalCents, capRatio);
  const capCents = subsidyCapCents(totalCents, capRatio);
  const subsidy = formatCents(subsidyCents);
  const share = percent.format(capRatio);
  const total = formatCents(totalCents);
  const cap = formatCents(capCents);
  const what = subjectLabel[subject];
  const pronoun = pronounOf[subject];
  const message = passed
    ? `${what} (${subsidy}) ne dépasse pas ${share} du budget total (${total}), soit ${cap} au plus.`
    : `${what} (${subsidy}) dépasse ${share} du budget total (${total}) : ${pronoun} ne peut pas excéder ${cap}.`;
  return {
    id: 'subsidy-cap',
    status: status(passed),
    message,
    figures: { subsidyCents, totalCents, capRatio, capCents },
  };
}

/**
 * Checks a budget against a campaign's subsidy bounds: balanced, subsidy ≥ minimum, subsidy ≤
 * maximum, subsidy ≤ capRatio × total budget (the expenses total). Returns every check, passed
 * or not, so the applicant and the instructor see the whole picture. The subsidy is the sum of
 * the budget's `anct-subsidy` lines; whether these checks apply at all (no subsidy requested) is
 * for the eligibility rules to decide.
 */
export function checkBudget(budget: Budget, bounds: SubsidyBounds): BudgetCheck[] {
  const totals = budgetTotals(budget);
  return [
    checkBalanced(totals.expensesCents, totals.resourcesCents),
    checkMin(totals.subsidyCents, bounds.minCents),
    checkMax(totals.subsidyCents, bounds.maxCents),
    checkCap(totals.subsidyCents, totals.expensesCents, bounds.capRatio),
  ];
}

/**
 * Checks an amount ANCT is about to award against the campaign's bounds: at least the minimum,
 * at most the maximum, and at most capRatio × the dossier's total budget (its expenses total,
 * which an award does not change). The budget's own balance is not re-checked: the applicant's
 * ANCT line is replaced by the award, so the budget may legitimately no longer balance.
 */
export function checkAwardedAmount(
  budget: Budget,
  bounds: SubsidyBounds,
  awardedCents: Cents,
): BudgetCheck[] {
  const { expensesCents } = budgetTotals(budget);
  return [
    checkMin(awardedCents, bounds.minCents, 'awarded'),
    checkMax(awardedCents, bounds.maxCents, 'awarded'),
    checkCap(awardedCents, expensesCents, bounds.capRatio, 'awarded'),
  ];
}
