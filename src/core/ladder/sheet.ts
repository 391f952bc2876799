import { readTable, toCsv, toXlsx, UnreadableTableError, type Table, type TableRow } from '../../platform/tables';

/** The columns of the ladder template, in order (CSV and XLSX). */
export const SHEET_COLUMNS = ['rung', 'code', 'title', 'parent_codes', 'owner', 'partners', 'areas', 'phase', 'public'] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];
export type SheetRecord = Record<SheetColumn, string>;

/** A data row: its number as a spreadsheet shows it (the header is row 1, the first data row 2) and its trimmed cells. */
export type SheetRow = TableRow<SheetColumn>;
export type Sheet = Table<SheetColumn>;

/** The file is no CSV or XLSX, or lacks the rung and title columns. */
export { UnreadableTableError as UnreadableSheetError };

/** Reads a ladder sheet: XLSX (first worksheet) or CSV (comma or semicolon separated, UTF-8), with at least the columns rung and title. */
export const readSheet = (data: Buffer, fileName: string): Promise<Sheet> => readTable(data, fileName, SHEET_COLUMNS, { required: ['rung', 'title'] });

/** The ladder as CSV in the template's columns. */
export const writeCsv = (records: SheetRecord[]): string => toCsv(SHEET_COLUMNS, records);

/** The ladder as an XLSX workbook with one sheet in the template's columns. */
export const writeXlsx = (records: SheetRecord[]): Promise<Buffer> => toXlsx('beleidsladder', SHEET_COLUMNS, records, ['title']);

/** Splits a list cell (`a; b;c`) into its trimmed, non-empty parts. */
export { splitList } from '../../platform/imports';
