import { formatCents, type BudgetDraft } from '@nec/domain';

/** A line amount of a draft: unfilled counts as zero in running totals. */
const amountOf = (line: { amountCents?: unknown } | null | undefined): number =>
  typeof line?.amountCents === 'number' && Number.isFinite(line.amountCents) ? line.amountCents : 0;

/**
 * Running totals of a budget being filled in (the domain's `budgetTotals` wants a complete
 * budget; a form shows totals from the first line typed).
 */
export function draftBudgetTotals(budget: BudgetDraft | null | undefined) {
  const expenses = budget?.expenses ?? [];
  const resources = budget?.resources ?? [];
  const sum = (lines: readonly ({ amountCents?: unknown } | null | undefined)[]) =>
    lines.reduce((total, line) => total + amountOf(line), 0);
  const expensesCents = sum(expenses);
  const resourcesCents = sum(resources);
  const subsidyCents = sum(resources.filter((line) => line?.kind === 'anct-subsidy'));
  return {
    expensesCents,
    resourcesCents,
    subsidyCents,
    balanceCents: resourcesCents - expensesCents,
  };
}

/** "1 250,50 €", or "—" for an amount not typed yet. */
export function formatAmount(cents: unknown): string {
  return typeof cents === 'number' && Number.isFinite(cents) ? formatCents(cents) : '—';
}

/** "Équilibré", or what is missing / in excess, in words. */
export function balanceWords(balanceCents: number): string {
  if (balanceCents === 0) return 'Budget équilibré';
  const gap = formatCents(Math.abs(balanceCents));
  return balanceCents < 0 ? `Il manque ${gap} de ressources` : `Ressources en excédent de ${gap}`;
}
