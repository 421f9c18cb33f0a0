/**
 * The CSV and XLSX of every list of the admin web, with the same columns: Kemendagri codes
 * beside the names. A cell starting with = + - or @ is prefixed with ' so that a
 * spreadsheet shows it as text and never runs it as a formula (a reporter's words may start so).
 */

import type { Context } from 'hono';
import { type CsvCell, toCsv } from '../../export/csv.js';

/** Most rows one export holds; a larger area is narrowed with the filters first. */
export const EXPORT_MAX_ROWS = 10_000;

/** The file kinds of an export. */
export type ExportFormat = 'csv' | 'xlsx';

/** A table to export: its column titles and rows. */
export interface ExportTable {
  /** The file's name without extension, like `laporan-2026-03-02`. */
  name: string;
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/** A text cell that a spreadsheet would read as a formula, made plain text. */
export function safeCell(value: CsvCell): CsvCell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The XLSX bytes of a table: one sheet, the header in bold and frozen. */
export async function toXlsx(table: ExportTable): Promise<Buffer> {
  // Loaded at the first download, not at start-up: exceljs costs ~30 MB and ~300 ms to load.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(table.name.slice(0, 31));
  sheet.addRow([...table.header]).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of table.rows) sheet.addRow(row.map((cell) => safeCell(cell) ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Answers a download of `table` as `format`. */
export async function sendTable(
  c: Context,
  format: ExportFormat,
  table: ExportTable,
): Promise<Response> {
  const file = `${table.name}.${format}`;
  c.header('Content-Disposition', `attachment; filename="${file}"`);
  if (format === 'csv') {
    const rows = table.rows.map((row) => row.map(safeCell));
    // A byte-order mark: spreadsheet programs then read the names' accents as UTF-8.
    c.header('Content-Type', 'text/csv; charset=utf-8');
    return c.body(`\uFEFF${toCsv(table.header, rows)}`);
  }
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return c.body(new Uint8Array(await toXlsx(table)));
}
