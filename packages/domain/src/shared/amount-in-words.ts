// Amounts in French words, as a grant agreement writes them beside the figures
// (« 12 500 € (douze mille cinq cents euros) »). Traditional spelling: hyphens below one hundred,
// « et » in 21, 31… 71, « quatre-vingts » and « cents » plural when nothing follows.

const UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'dix-sept',
  'dix-huit',
  'dix-neuf',
];
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function belowHundred(n: number): string {
  if (n < 20) return UNITS[n] ?? '';
  if (n < 70) {
    const tens = TENS[Math.floor(n / 10)] ?? '';
    const unit = n % 10;
    if (unit === 0) return tens;
    return unit === 1 ? `${tens} et un` : `${tens}-${UNITS[unit]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${UNITS[n - 60]}`;
  return n === 80 ? 'quatre-vingts' : `quatre-vingt-${UNITS[n - 80]}`;
}

/** 0–999; `last` says whether the group ends the number (« deux cents » but « deux cent mille »). */
function belowThousand(n: number, last: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  let words = '';
  if (hundreds === 1) words = 'cent';
  else if (hundreds > 1) words = `${UNITS[hundreds]} cent${rest === 0 && last ? 's' : ''}`;
  if (rest > 0) {
    const restWords = rest === 80 && !last ? 'quatre-vingt' : belowHundred(rest);
    words = words ? `${words} ${restWords}` : restWords;
  }
  return words;
}

/** A whole number from 0 to 999 999 999 in French words. */
export function integerInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e9)
    throw new RangeError(`Nombre hors limites : ${n}`);
  if (n === 0) return UNITS[0] ?? 'zéro';
  const millions = Math.floor(n / 1e6);
  const thousands = Math.floor((n % 1e6) / 1000);
  const units = n % 1000;
  const parts: string[] = [];
  if (millions > 0)
    parts.push(`${belowThousand(millions, true)} million${millions > 1 ? 's' : ''}`);
  if (thousands > 0)
    parts.push(thousands === 1 ? 'mille' : `${belowThousand(thousands, false)} mille`);
  if (units > 0) parts.push(belowThousand(units, true));
  return parts.join(' ');
}

/** « douze mille cinq cents euros », « un euro et cinquante centimes ». */
export function amountInWords(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  const euroWords = `${integerInWords(euros)}${euros >= 1e6 && euros % 1e6 === 0 ? ' d’euros' : euros > 1 ? ' euros' : ' euro'}`;
  if (rest === 0) return euroWords;
  return `${euroWords} et ${integerInWords(rest)} centime${rest > 1 ? 's' : ''}`;
}
