/**
 * Reads an amount typed in euros the French way ("1 250,50", "1250.5", "1 250 €") into cents;
 * `null` when it is not an amount. Cents are integers: the domain's money rule.
 */
export function parseEuros(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (cleaned === '' || !/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Cents shown in an input, French style without the currency sign: "1 250,50" or "1 250". */
export function centsToInput(cents: number | null | undefined): string {
  if (typeof cents !== 'number' || !Number.isFinite(cents)) return '';
  const format = new Intl.NumberFormat('fr-FR', {
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  });
  return format.format(cents / 100);
}
