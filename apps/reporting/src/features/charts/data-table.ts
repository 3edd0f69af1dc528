/** A chart's data as a table: its accessible alternative and what « Voir les données » shows. */
export interface DataTable {
  caption: string;
  headers: string[];
  rows: (string | number)[][];
}

/** The table as CSV (comma, quoted when needed), for the « CSV » download of a chart. */
export function tableToCsv(table: DataTable): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [table.headers, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n');
}
