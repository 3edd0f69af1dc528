import type { OverviewDto } from '@nec/contracts';
import { keyFigureDefinitions, type KeyFigureDefinition, type KeyFigureUnit } from '@nec/domain';
import { formatEuros, formatInteger, formatPercent } from '../labels/labels.js';

type Change = OverviewDto['changes']['count'];

/**
 * The key figures of the overview, each with what it means: the domain's
 * `keyFigureDefinitions` (labels and definitions written once, for the screen and the
 * downloads), each with the format of its unit.
 */
export interface KeyFigure extends KeyFigureDefinition {
  format: (value: number | null) => string;
  /** A share: its change is in percentage points. */
  ratio: boolean;
}

const formats: Record<KeyFigureUnit, (value: number | null) => string> = {
  count: formatInteger,
  cents: formatEuros,
  share: formatPercent,
};

export const keyFigures: KeyFigure[] = keyFigureDefinitions.map((figure) => ({
  ...figure,
  format: formats[figure.unit],
  ratio: figure.unit === 'share',
}));

/** Whether the change is a figure (« +12,5 % »); if not, `changeWords` says why there is none. */
export function isComparable(change: Change, ratio = false): boolean {
  if (change.previous === null || change.current === null) return false;
  return ratio || change.changePercent !== null;
}

/** « +12,5 % » (against the previous period), or why there is none. */
export function changeWords(change: Change, ratio = false): string {
  if (change.previous === null || change.current === null) return 'Pas de comparaison possible';
  if (ratio) {
    const points = (change.change ?? 0) * 100;
    const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
    return `${sign}${Math.abs(points).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} point${Math.abs(points) >= 2 ? 's' : ''}`;
  }
  if (change.changePercent === null) return 'Aucun événement sur la période précédente';
  const p = change.changePercent;
  const sign = p > 0 ? '+' : p < 0 ? '−' : '±';
  return `${sign}${Math.abs(p).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;
}
