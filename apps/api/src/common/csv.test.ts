import { describe, expect, it } from 'vitest';
import {
  csvEuros,
  csvLines,
  csvNumber,
  csvRow,
  csvText,
  frenchExcelDialect,
  openDataDialect,
} from './csv.js';

const lines = async (rows: string[][], dialect = openDataDialect) => {
  let text = '';
  for await (const line of csvLines(rows, dialect)) text += line;
  return text;
};

describe('the CSV encoder', () => {
  it('quotes as RFC 4180: the delimiter, a quote or a line break; quotes doubled', () => {
    expect(csvRow(['a', 'b,c', 'd"e', 'f\ng', 'h\ri', ''], openDataDialect)).toBe(
      'a,"b,c","d""e","f\ng","h\ri",\r\n',
    );
    // A comma is no reason to quote where `;` separates cells, and the other way round.
    expect(csvRow(['1,5', 'x;y'], frenchExcelDialect)).toBe('1,5;"x;y"\r\n');
    expect(csvRow(['x;y'], openDataDialect)).toBe('x;y\r\n');
  });

  it('neutralises text that would start a formula, never a number', () => {
    for (const formula of ['=1+1', '+33', '-x', '@SUM(A1)', '\tx', '\rx'])
      expect(csvText(formula)).toBe(`'${formula}`);
    expect(csvText('Grand Est')).toBe('Grand Est');
    expect(csvEuros(-150, frenchExcelDialect)).toBe('-1,50');
  });

  it('writes amounts exactly, with the dialect’s decimal mark', () => {
    expect(csvEuros(123456, frenchExcelDialect)).toBe('1234,56');
    expect(csvEuros(123456, openDataDialect)).toBe('1234.56');
    expect(csvEuros(5, openDataDialect)).toBe('0.05');
    expect(csvEuros(-5, openDataDialect)).toBe('-0.05');
    expect(csvNumber(0.125, frenchExcelDialect)).toBe('0,125');
    expect(csvNumber(0.125, openDataDialect)).toBe('0.125');
  });

  it('opens the file with a BOM only in the dialect that has one', async () => {
    expect(await lines([['a'], ['b']], frenchExcelDialect)).toBe('\uFEFFa\r\nb\r\n');
    expect(await lines([['a'], ['b']])).toBe('a\r\nb\r\n');
  });
});
