import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, type Locale } from './errors';
import { format } from './i18n';

/**
 * What the spreadsheet imports of the modules share: reading the uploaded file, the error that
 * lists every refused row, and the 422 answer with those rows. Each module keeps its own
 * columns, checks and error ids (`<module>.import_failed`, `<module>.import_unreadable`).
 */

/** A refused row: its number in the sheet (header = row 1) and the reason, in the importer's language. */
export interface ImportRowError {
  row: number;
  message: string;
}

/** A failed import reports at most this many rows (the message counts them all). */
const MAX_REPORTED_ROWS = 1_000;

/** Thrown when any row fails: nothing was stored. `sendImportFailure` answers 422 with the rows. */
export class SheetImportError extends DomainError {
  readonly rows: ImportRowError[];
  constructor(id: string, rows: ImportRowError[]) {
    const shown = [...rows].sort((a, b) => a.row - b.row).slice(0, MAX_REPORTED_ROWS);
    super(
      id,
      // The message counts the rows that failed; a row may fail for several reasons.
      { count: new Set(rows.map((r) => r.row)).size },
      shown.map((r) => ({ path: `row ${r.row}`, message: r.message })),
    );
    this.rows = shown;
  }
}

/** The 422 body of a failed import: the platform's error shape plus the refused rows. */
export const importFailure = <Id extends string>(id: Id) =>
  z.object({
    error: z.object({
      id: z.literal(id),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })),
      /** Sheet rows (the header is row 1) with the reason each was refused. */
      rows: z.array(z.object({ row: z.number().int(), message: z.string() })),
    }),
  });

/**
 * Reads the uploaded file (multipart field `file`) once it is needed: a missing field is the
 * module's `unreadable` error, a file over the plugin's limit `request.too_large`, a broken body
 * `request.malformed`.
 */
export function uploadedSheet(req: FastifyRequest, unreadable: string, fallbackName: string) {
  if (!req.isMultipart()) throw new DomainError('request.unsupported_media_type');
  return async () => {
    try {
      const part = await req.file();
      if (!part || part.fieldname !== 'file') throw new DomainError(unreadable, {}, [{ path: 'file', message: unreadable }]);
      return { data: await part.toBuffer(), fileName: part.filename || fallbackName };
    } catch (err) {
      if (err instanceof DomainError) throw err;
      const { code, statusCode } = err as { code?: string; statusCode?: number };
      if (code === 'FST_REQ_FILE_TOO_LARGE' || statusCode === 413) throw new DomainError('request.too_large');
      throw new DomainError('request.malformed');
    }
  };
}

/** Answers a failed import with 422 and its rows; any other error is thrown on. */
export function sendImportFailure(reply: FastifyReply, err: unknown, messages: Record<Locale, string>, locale: Locale) {
  if (!(err instanceof SheetImportError)) throw err;
  return reply.code(422).send({ error: { id: err.id, message: format(messages[locale], err.params), fields: err.fields, rows: err.rows } });
}

/** Dates as YYYY-MM-DD; the Dutch D-M-YYYY (as Excel writes them in CSV) is accepted too. */
export const isoDate = (cell: string) => {
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(cell);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : cell;
};

/** A list in one cell: separated by semicolons (as exports write them), blanks left out. */
export const splitList = (cell: string | undefined) =>
  (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
