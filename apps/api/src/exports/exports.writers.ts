import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

/**
 * The two file formats of the exports, written progressively to the response: each batch read
 * from the database is formatted and written before the next one is read.
 *
 * CSV, for French Excel: UTF-8 with a BOM (so Excel does not read it as Windows-1252), `;` as
 * the separator (French Excel uses `,` as the decimal mark and opens `;`-separated files
 * directly), CRLF line ends, amounts in euros with a decimal comma and no thousands separator
 * (`1234,56`), dates `AAAA-MM-JJ`, times `AAAA-MM-JJ HH:MM` in Paris time. Text cells that
 * would start a formula (`=`, `+`, `-`, `@`, tab, CR) are prefixed with `'` (CSV injection).
 *
 * XLSX: exceljs's streaming `WorkbookWriter` (inline strings, no shared-strings table kept in
 * memory), each row committed as soon as it is added; amounts as numbers in euros, dates as
 * dates, times as dates in Paris time.
 */

export type ColumnKind = 'text' | 'integer' | 'euros' | 'date' | 'datetime';

/** One column: its French header and how to read it from a row. */
export interface ExportColumn<R> {
  header: string;
  kind: ColumnKind;
  width: number;
  /** text: string; integer: number; euros: cents; date: `AAAA-MM-JJ`; datetime: Date. */
  value: (row: R) => string | number | Date | null;
}

const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock time in Paris, as its parts. */
function parisParts(
  date: Date,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const parts = new Map(PARIS.formatToParts(date).map((p) => [p.type, p.value]));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? '00';
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** `AAAA-MM-JJ HH:MM`, Paris time. */
export function parisDateTime(date: Date): string {
  const p = parisParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A Date whose UTC fields are Paris's wall clock: Excel dates have no time zone. */
function parisWallClock(date: Date): Date {
  const p = parisParts(date);
  return new Date(
    Date.UTC(
      Number(p.year),
      Number(p.month) - 1,
      Number(p.day),
      Number(p.hour),
      Number(p.minute),
      Number(p.second),
    ),
  );
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** `1234,56`: euros with a decimal comma, as French Excel reads numbers. */
export const csvEuros = (cents: number): string => {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
};

function csvCell<R>(column: ExportColumn<R>, row: R): string {
  const value = column.value(row);
  if (value === null || value === '') return '';
  switch (column.kind) {
    case 'euros':
      return csvEuros(value as number);
    case 'datetime':
      return parisDateTime(value as Date);
    case 'integer':
      return String(value);
    default: {
      const text = String(value);
      return FORMULA_START.test(text) ? `'${text}` : text;
    }
  }
}

function xlsxCell<R>(column: ExportColumn<R>, row: R): string | number | Date | null {
  const value = column.value(row);
  if (value === null) return null;
  switch (column.kind) {
    case 'euros':
      return (value as number) / 100;
    case 'date':
      return new Date(`${value as string}T00:00:00Z`);
    case 'datetime':
      return parisWallClock(value as Date);
    default:
      return value;
  }
}

const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  euros: '#,##0.00 "€"',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  integer: '0',
};

/** Resolves once the stream can take more data (or is gone: the caller then stops). */
function drained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

export class DownloadAborted extends Error {
  constructor() {
    super('download aborted by the client');
  }
}

/** Writes the CSV; resolves when the last byte is handed to `out` (and `out` is ended). */
export async function writeCsv<R>(
  out: Writable,
  columns: readonly ExportColumn<R>[],
  batches: AsyncIterable<R[]>,
): Promise<void> {
  async function* records(): AsyncGenerator<string[]> {
    yield columns.map((c) => c.header);
    for await (const batch of batches) {
      for (const row of batch) yield columns.map((c) => csvCell(c, row));
    }
  }
  // `pipeline` waits for `out` to drain between chunks and stops reading batches if the client leaves.
  await pipeline(
    Readable.from(records()),
    stringify({ delimiter: ';', bom: true, record_delimiter: 'windows' }),
    out,
  );
}

/** Writes the workbook (one sheet); resolves when the zip is finished. */
export async function writeXlsx<R>(
  out: Writable,
  sheetName: string,
  columns: readonly ExportColumn<R>[],
  batches: AsyncIterable<R[]>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Numérique en Commun[s]';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const batch of batches) {
    for (const row of batch) sheet.addRow(columns.map((c) => xlsxCell(c, row))).commit();
    // Rows go through the zip compressor to `out`: wait for the client before reading more.
    await drained(out);
    if (out.destroyed) throw new DownloadAborted();
  }
  sheet.commit();
  await workbook.commit();
}
