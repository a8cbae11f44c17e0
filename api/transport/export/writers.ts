/**
 * Report rows -> a download, streamed to the response: CSV through csv-stringify (UTF-8 with a BOM
 * so spreadsheet programs read names and medal icons right), XLSX through exceljs' streaming
 * workbook writer (rows are committed as they are written, not held in a workbook).
 *
 * Names, descriptions and titles are whatever users typed. A spreadsheet program opening a CSV runs
 * a cell starting with =, +, -, @, tab or carriage return as a formula (CSV injection: `=1+2`,
 * `=HYPERLINK(...)`), so such text cells get a leading apostrophe (csv-stringify's
 * escape_formulas). Numbers are not text: a number, or a decimal string such as money ("-12.50"),
 * is written as it is so it stays a number. XLSX cells carry their type (a string is never run),
 * so XLSX is written unescaped.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import type { Cell } from '../rest/shapes.ts';

export interface Report {
  /** Base of the file name, e.g. "pulse-leaderboard-monthly-2026-11-01". */
  name: string;
  /** Sheet title (XLSX). */
  title: string;
  columns: string[];
  /** Columns holding money as decimal strings: numbers with two decimals in XLSX. */
  money: readonly string[];
  rows: Readonly<Record<string, Cell>>[];
}

export const FORMATS = ['csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

const CONTENT_TYPES: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function startDownload(res: Response, report: Report, format: Format): void {
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
  res.setHeader('Content-Disposition', `attachment; filename="${report.name}.${format}"`);
  res.setHeader('Cache-Control', 'no-store');
}

/** A plain decimal number: a spreadsheet reads it as a number, never as a formula. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

async function writeCsv(res: Response, report: Report): Promise<void> {
  const csv = stringify({
    header: true,
    columns: report.columns,
    bom: true,
    escape_formulas: true,
    // escape_formulas spares JS numbers only; money arrives as decimal strings
    cast: { string: (value) => (DECIMAL.test(value) ? { value, escape_formulas: false } : value) },
  });
  csv.pipe(res);
  for (const row of report.rows) {
    if (!csv.write(row)) await once(csv, 'drain');
  }
  csv.end();
  await finished(res);
}

async function writeXlsx(res: Response, report: Report): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true });
  const sheet = workbook.addWorksheet(report.title);
  sheet.columns = report.columns.map((key) => ({
    header: key,
    key,
    width: Math.max(12, key.length + 2),
    ...(report.money.includes(key) ? { style: { numFmt: '#,##0.00' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of report.rows) {
    // Excel has no decimal type: money becomes a number there, and only there
    const cells = Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        report.money.includes(k) && typeof v === 'string' ? Number(v) : v,
      ]),
    );
    sheet.addRow(cells).commit();
  }
  sheet.commit();
  await workbook.commit();
}

export async function sendReport(res: Response, report: Report, format: Format): Promise<void> {
  startDownload(res, report, format);
  if (format === 'csv') await writeCsv(res, report);
  else await writeXlsx(res, report);
}
