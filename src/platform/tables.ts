import ExcelJS from 'exceljs';

/** A flat record for a spreadsheet: one cell per column. */
export type TableRecord = Record<string, string | number | boolean | null | undefined>;

const cellText = (value: TableRecord[string]) => (value === null || value === undefined ? '' : String(value));
const csvCell = (value: string) => (/[",\r\n;]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Records as CSV (comma separated, CRLF, UTF-8 with a byte-order mark so Excel reads the accents). */
export function toCsv(columns: readonly string[], records: readonly TableRecord[]): string {
  const lines = [columns.join(','), ...records.map((r) => columns.map((c) => csvCell(cellText(r[c]))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Records as an XLSX workbook with one sheet, a bold header row and the given wide columns. */
export async function toXlsx(sheetName: string, columns: readonly string[], records: readonly TableRecord[], wide: readonly string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dichter';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: wide.includes(c) ? 60 : 20 }));
  for (const r of records) sheet.addRow(Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
