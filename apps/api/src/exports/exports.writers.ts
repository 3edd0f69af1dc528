import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { csvEuros, csvLines, csvNumber, csvText, frenchExcelDialect } from '../common/csv.js';

/**
 * The two file formats of the exports, written progressively to the response: each batch read
 * from the database is formatted and written before the next one is read.
 *
 * CSV, for French Excel (the dialect `frenchExcelDialect` of common/csv.ts, the encoder the open
 * data file shares): UTF-8 with a BOM (so Excel does not read it as Windows-1252), `;` as the
 * separator (French Excel uses `,` as the decimal mark and opens `;`-separated files directly),
 * CRLF line ends, amounts in euros with a decimal comma and no thousands separator (`1234,56`),
 * dates `AAAA-MM-JJ`, times `AAAA-MM-JJ HH:MM` in Paris time. Text cells that would start a
 * formula (`=`, `+`, `-`, `@`, tab, CR) are prefixed with `'` (CSV injection).
 *
 * XLSX: exceljs's streaming `WorkbookWriter` (inline strings, no shared-strings table kept in
 * memory), each row committed as soon as it is added; amounts as numbers in euros, dates as
 * dates, times as dates in Paris time.
 */

export type ColumnKind =
  'text' | 'integer' | 'number' | 'euros' | 'percent' | 'points' | 'date' | 'datetime';

/** One column: its French header and how to read it from a row. */
export interface ExportColumn<R> {
  header: string;
  /** The kind of every cell, or of each row's (a column of figures in different units). */
  kind: ColumnKind | ((row: R) => ColumnKind);
  width: number;
  /**
   * text: string; integer: number; number: a decimal number; euros: cents; percent: a share in
   * [0, 1]; points: a difference of shares (0.05 = 5 points); date: `AAAA-MM-JJ`; datetime: Date.
   */
  value: (row: R) => string | number | Date | null;
}

const kindOf = <R>(column: ExportColumn<R>, row: R): ColumnKind =>
  typeof column.kind === 'function' ? column.kind(row) : column.kind;

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

function csvCell<R>(column: ExportColumn<R>, row: R): string {
  const value = column.value(row);
  if (value === null || value === '') return '';
  switch (kindOf(column, row)) {
    case 'euros':
      return csvEuros(value as number, frenchExcelDialect);
    case 'datetime':
      return parisDateTime(value as Date);
    case 'integer':
      return String(value);
    case 'number':
    case 'percent':
    case 'points':
      // A decimal comma, as French Excel reads numbers (shares stay as fractions of 1).
      return csvNumber(value as number, frenchExcelDialect);
    default:
      return csvText(String(value));
  }
}

function xlsxCell<R>(column: ExportColumn<R>, row: R): string | number | Date | null {
  const value = column.value(row);
  if (value === null) return null;
  switch (kindOf(column, row)) {
    case 'euros':
      return (value as number) / 100;
    case 'points':
      // Percentage points, to the hundredth (a share has 4 decimals: no more is lost).
      return Math.round((value as number) * 10_000) / 100;
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
  percent: '0.0%',
  points: '+0.0" pt";-0.0" pt";0" pt"',
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
  await pipeline(Readable.from(csvLines(records(), frenchExcelDialect)), out);
}

/** One sheet of a workbook: its name (31 characters at most), its columns and its rows. */
export interface WorkbookSheet<R> {
  name: string;
  columns: readonly ExportColumn<R>[];
  /** Read with `for await`: batches streamed from the database, or a few rows already in memory. */
  batches: AsyncIterable<R[]> | Iterable<R[]>;
}

/**
 * A sheet whose rows' type is hidden, so that sheets of different rows make one workbook (its
 * columns read exactly the rows it carries: the type is only forgotten, never mixed).
 */
export type AnySheet = WorkbookSheet<never>;
export const anySheet = <R>(sheet: WorkbookSheet<R>): AnySheet => sheet as unknown as AnySheet;

/** Rows already in memory (a few aggregated rows), as the writers take them. */
export function inOneBatch<R>(rows: readonly R[]): Iterable<R[]> {
  return rows.length > 0 ? [[...rows]] : [];
}

async function writeSheet<R>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  out: Writable,
  { name, columns, batches }: WorkbookSheet<R>,
): Promise<void> {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => {
    const format = typeof c.kind === 'function' ? undefined : NUMBER_FORMATS[c.kind];
    return {
      header: c.header,
      key: String(i),
      width: c.width,
      style: format ? { numFmt: format } : {},
    };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const batch of batches) {
    for (const row of batch) {
      const added = sheet.addRow(columns.map((c) => xlsxCell(c, row)));
      // A column of mixed units: each cell's format follows its row.
      columns.forEach((c, i) => {
        const format = typeof c.kind === 'function' ? NUMBER_FORMATS[c.kind(row)] : undefined;
        if (format) added.getCell(i + 1).numFmt = format;
      });
      added.commit();
    }
    // Rows go through the zip compressor to `out`: wait for the client before reading more.
    await drained(out);
    if (out.destroyed) throw new DownloadAborted();
  }
  sheet.commit();
}

/** Writes a workbook of several sheets, in order; resolves when the zip is finished. */
export async function writeWorkbook(out: Writable, sheets: readonly AnySheet[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Numérique en Commun[s]';
  for (const sheet of sheets) await writeSheet(workbook, out, sheet);
  await workbook.commit();
}

/** Writes the workbook (one sheet); resolves when the zip is finished. */
export function writeXlsx<R>(
  out: Writable,
  sheetName: string,
  columns: readonly ExportColumn<R>[],
  batches: AsyncIterable<R[]>,
): Promise<void> {
  return writeWorkbook(out, [anySheet({ name: sheetName, columns, batches })]);
}
