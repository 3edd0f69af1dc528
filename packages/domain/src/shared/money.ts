import { z } from 'zod';
import { int4Max } from './safe-input.js';

/**
 * Money is always an integer number of euro cents, at most what an integer column holds
 * (21 474 836,47 €: far above any amount of the programme).
 */
export const centsSchema = z
  .number({ error: 'Saisissez un montant.' })
  .int({ error: 'Le montant doit être exprimé en centimes entiers.' })
  .nonnegative({ error: 'Le montant ne peut pas être négatif.' })
  .max(int4Max, { error: 'Ce montant est trop élevé : 21 474 836,47 € au maximum.' });

export type Cents = z.infer<typeof centsSchema>;

export const euros = (amount: number): Cents => Math.round(amount * 100);

const wholeEuros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
const withCents = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
});

/**
 * "2 500 €", or "2 499,20 €" when there are cents — French formatting of an amount in cents,
 * for explanations shown to people. Intl's narrow no-break spaces are correct French typography.
 */
export function formatCents(cents: Cents): string {
  return cents % 100 === 0 ? wholeEuros.format(cents / 100) : withCents.format(cents / 100);
}
