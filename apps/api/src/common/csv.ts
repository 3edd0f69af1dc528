/**
 * The one CSV encoder of the API: the exports (for French Excel) and the open data file (for
 * anyone, read against its Table Schema) write their cells and rows here, and differ only by
 * their dialect.
 *
 * - Quoting as RFC 4180: a cell is quoted when it holds the delimiter, a quote or a line break,
 *   its quotes doubled; rows end with CRLF.
 * - Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is
 *   prefixed with `'` (CSV injection): numbers are written apart, so a negative amount is not.
 * - Amounts: whole cents written exactly in euros, two decimals, no thousands separator.
 * - Dates `AAAA-MM-JJ` (ISO 8601, the Table Schema's default `date` format).
 */

export interface CsvDialect {
  /** Between two cells. */
  delimiter: ',' | ';';
  /** The decimal mark of numbers and amounts. */
  decimalMark: '.' | ',';
  /** Whether the file opens with a UTF-8 byte order mark. */
  bom: boolean;
}

/** French Excel opens `;`-separated files directly, reads `1234,56`, and needs the BOM for UTF-8. */
export const frenchExcelDialect: CsvDialect = { delimiter: ';', decimalMark: ',', bom: true };

/** Open data: comma, decimal point, no BOM (the Table Schema's defaults, CSV on the Web's dialect). */
export const openDataDialect: CsvDialect = { delimiter: ',', decimalMark: '.', bom: false };

const UTF8_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell, neutralised if it would start a formula. */
export function csvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A decimal number with the dialect's decimal mark. */
export function csvNumber(value: number, dialect: CsvDialect): string {
  const text = String(value);
  return dialect.decimalMark === '.' ? text : text.replace('.', dialect.decimalMark);
}

/** Whole cents as euros with two decimals, exactly (no floating point): `1234,56` or `1234.56`. */
export function csvEuros(cents: number, dialect: CsvDialect): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}${dialect.decimalMark}${String(abs % 100).padStart(2, '0')}`;
}

/** One cell as RFC 4180 writes it: quoted when it must be, quotes doubled. */
function quoted(cell: string, dialect: CsvDialect): string {
  const mustQuote = cell.includes(dialect.delimiter) || /["\r\n]/.test(cell);
  return mustQuote ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One row of already formatted cells, with its CRLF. */
export function csvRow(cells: readonly string[], dialect: CsvDialect): string {
  return `${cells.map((cell) => quoted(cell, dialect)).join(dialect.delimiter)}\r\n`;
}

/** A file's text, row by row as they come: the BOM (if the dialect has one) opens the first. */
export async function* csvLines(
  rows: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
  dialect: CsvDialect,
): AsyncGenerator<string> {
  let start = dialect.bom ? UTF8_BOM : '';
  for await (const cells of rows) {
    yield `${start}${csvRow(cells, dialect)}`;
    start = '';
  }
}
