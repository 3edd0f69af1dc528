import type { BreakdownRow } from '@nec/domain';
import type { DataTable } from '../charts/data-table.js';
import { metrics } from '../charts/options.js';
import { type MapLevel, territoryName } from './territories.js';

/** The map's figures as a table: its accessible alternative, shown before the map is drawn. */
export function mapTable(
  level: MapLevel,
  rows: readonly BreakdownRow<string | number>[],
): DataTable {
  return {
    caption: `Événements par ${level === 'region' ? 'région' : 'département'}`,
    headers: [
      level === 'region' ? 'Région' : 'Département',
      'Événements',
      'Personnes présentes',
      'Subventions',
    ],
    rows: rows.map((row) => [
      territoryName(level, String(row.key)),
      metrics.count.format(row.count),
      metrics.attendees.format(row.attendees),
      metrics.subsidyCents.format(row.subsidyCents),
    ]),
  };
}
