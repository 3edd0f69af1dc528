import { draftBudgetTotals, formatCents } from '@nec/domain';

/** Running totals of a budget being filled in: the domain's (re-exported for the apps). */
export { draftBudgetTotals };

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
