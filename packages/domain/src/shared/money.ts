import { z } from 'zod';

/** Money is always an integer number of euro cents. */
export const centsSchema = z
  .number({ error: 'Saisissez un montant.' })
  .int({ error: 'Le montant doit être exprimé en centimes entiers.' })
  .nonnegative({ error: 'Le montant ne peut pas être négatif.' });

export type Cents = z.infer<typeof centsSchema>;

export const euros = (amount: number): Cents => Math.round(amount * 100);

const formatter = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 2,
  minimumFractionDigits: 0,
});

/** "2 500 €" — French formatting of an amount in cents, for explanations shown to people. */
export function formatCents(cents: Cents): string {
  // Intl uses narrow no-break spaces; keep them, they are correct French typography.
  return formatter.format(cents / 100);
}
