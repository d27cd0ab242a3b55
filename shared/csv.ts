/**
 * CSV text for spreadsheets (Dutch Excel, LibreOffice): UTF-8 with a byte order mark, CRLF line ends, RFC 4180
 * quoting, the separator the user chose.
 *
 * Formula injection: a text cell that starts with = + - @, a tab or a carriage return could run as a formula when
 * the file is opened, so it gets one leading apostrophe ('=SUM(A1) is shown as text). A text cell that already starts
 * with an apostrophe gets one more, so `fromCsvCell` (strip one leading apostrophe) gives back exactly what was
 * written. Numbers are written as they are (never neutralised; the export has no negative numbers).
 */
import type { CsvSeparator } from './domain';

export type CsvCell = string | number | null;

export const CSV_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r']/;

/** One cell as it appears in the file (without quoting). */
export function neutralise(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The text a neutralised cell stood for: one leading apostrophe removed. */
export function fromCsvCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

function quote(text: string, separator: CsvSeparator): string {
  const needs = text.includes(separator) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needs ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: BOM, one line per row, CRLF after every line. */
export function toCsv(rows: readonly (readonly CsvCell[])[], separator: CsvSeparator): string {
  return CSV_BOM + rows.map((row) => `${row.map((cell) => quote(neutralise(cell), separator)).join(separator)}\r\n`).join('');
}
