import type { OverviewDto } from '@nec/contracts';
import type { DataTable } from '../charts/data-table.js';
import { changeWords, keyFigures } from './definitions.js';

/** The key figures as a table (the export of what the overview shows). */
export function keyFiguresTable(overview: OverviewDto): DataTable {
  return {
    caption: `Chiffres clés du ${overview.period.from} au ${overview.period.to}`,
    headers: ['Chiffre', 'Période', 'Période précédente', 'Évolution', 'Définition'],
    rows: keyFigures.map((figure) => [
      figure.label,
      figure.format(figure.value(overview.current)),
      figure.format(figure.value(overview.previous)),
      changeWords(figure.change(overview.changes), figure.ratio),
      figure.definition,
    ]),
  };
}
