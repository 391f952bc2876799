import { constants, inflateSync } from 'node:zlib';
import type { ErrorCatalogue } from '../errors';
import { DomainError } from '../errors';
import { isImageUnreadable, sniffFileType, stripImageMetadata, type SniffedFileType } from './images';

/*
 * Files that people upload (photos of a situation, a creditor's letter as PDF): decided by
 * their bytes, never by the name or the type the client sent. Photos lose their metadata (GPS
 * position, camera, owner) before they are stored; a PDF is stored as it is, unless it carries
 * JavaScript or a launch action. Modules store the result in their own tables and name their
 * errors with their own prefix (`observation.attachment`, `youth_debt.document`), built from
 * the one catalogue below so the texts stay the same everywhere.
 */

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILE_NAME_LENGTH = 120;

/** The file as it came in. */
export interface IncomingFile {
  data: Buffer;
  /** The name the client gave, unsanitised. */
  fileName: string;
}

/** An error about the uploaded file, shown at the form's file field. */
export const fileError = (id: string) => new DomainError(id, {}, [{ path: 'file', message: id }]);

// File names

const EXTENSIONS: Record<SniffedFileType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};

/**
 * A file name that is safe to store and to send back: no folders, no control, bidi or
 * zero-width characters (`foto‮gpj.exe`), none of `"<>:|?*`, no leading dots, at most 120
 * characters, and an extension that matches the content (`scan.jpg` holding a PDF becomes
 * `scan.pdf`).
 */
export function sanitiseFileName(raw: string, type: SniffedFileType): string {
  const name = (raw.normalize('NFC').split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/["<>:|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const match = /^(.*)\.([A-Za-z0-9]{1,8})$/.exec(name);
  const given = match?.[2].toLowerCase();
  const extension = given && EXTENSIONS[type].includes(given) ? given : EXTENSIONS[type][0];
  const base = [...((match ? match[1] : name).trim() || 'bijlage')]
    .slice(0, MAX_FILE_NAME_LENGTH - extension.length - 1)
    .join('')
    .replace(/[.\s]+$/, '');
  return `${base || 'bijlage'}.${extension}`;
}

// PDF

/** Names that make a PDF act: JavaScript actions and actions that start a program. */
const ACTIVE_PDF_NAMES = new Set(['JS', 'JavaScript', 'Launch']);
/** How far object streams are unpacked when checking a PDF, in total (a zip bomb stops here). */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

const decodeNameEscapes = (text: string) => text.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The names (`/Type`, `/JS` …) in a piece of PDF syntax, with `#xx` escapes decoded (`/J#61vaScript`). */
function pdfNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/\/([^\s/[\]<>(){}%\0]*)/g)) names.add(decodeNameEscapes(m[1]));
  return names;
}

export type PdfCheck = 'ok' | 'active' | 'unchecked';

/**
 * Whether a PDF carries active content. Looked at: every object outside streams (where
 * actions normally live, including the trailer) and the contents of object streams (where
 * PDF 1.5+ may pack the same objects), unpacked when they are Flate-compressed. `active`:
 * a /JS, /JavaScript or /Launch name; `unchecked`: encrypted, or an object stream that cannot
 * be unpacked, so we cannot tell. The short /JS is not looked for in page content and image
 * data: random image bytes would now and then spell it.
 */
export function checkPdf(buf: Buffer): PdfCheck {
  const text = buf.toString('latin1');
  const outside: string[] = [];
  let unchecked = false;
  let inflated = 0;
  const streamStart = />>\s*stream(?:\r\n|\n|\r)/g;
  let from = 0;
  for (;;) {
    streamStart.lastIndex = from;
    const m = streamStart.exec(text);
    if (!m) {
      outside.push(text.slice(from));
      break;
    }
    const dataStart = m.index + m[0].length;
    const end = text.indexOf('endstream', dataStart);
    const head = text.slice(from, m.index + 2);
    const objAt = [...head.matchAll(/\bobj\b/g)].at(-1)?.index ?? 0;
    const dict = decodeNameEscapes(head.slice(objAt));
    outside.push(text.slice(from, dataStart));
    const data = buf.subarray(dataStart, end < 0 ? buf.length : end);
    const names = pdfNames(dict);
    // An object stream: /Type /ObjStm, or its own key /First (in case the type is left out).
    if (names.has('ObjStm') || names.has('First')) {
      const filter = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>(){}%]+)/.exec(dict)?.[1] ?? '';
      const filters = [...pdfNames(filter)];
      try {
        if (filters.length === 0) outside.push(data.toString('latin1'));
        else if (filters.length === 1 && filters[0] === 'FlateDecode' && !names.has('DecodeParms')) {
          const out = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, MAX_INFLATED_BYTES - inflated) });
          inflated += out.length;
          outside.push(out.toString('latin1'));
        } else unchecked = true;
      } catch {
        unchecked = true;
      }
    }
    if (end < 0) break;
    from = end + 'endstream'.length;
  }
  const names = pdfNames(outside.join('\n'));
  for (const name of ACTIVE_PDF_NAMES) if (names.has(name)) return 'active';
  // A JavaScript or launch action needs `/S /JavaScript` or `/S /Launch`: those long names are
  // looked for everywhere, stream data too, in case the structure above was misread on purpose.
  const everywhere = pdfNames(text);
  if (everywhere.has('JavaScript') || everywhere.has('Launch')) return 'active';
  return unchecked || names.has('Encrypt') ? 'unchecked' : 'ok';
}

// What is stored

export interface PreparedFile {
  data: Buffer;
  fileName: string;
  contentType: SniffedFileType;
}

/**
 * The bytes that will be stored: checked by content, photos without metadata, the name
 * sanitised. Errors are `<prefix>_unreadable`, `_too_large`, `_type`, `_pdf_active` and
 * `_pdf_unchecked` (see `fileErrors`).
 */
export function prepareFile(file: IncomingFile, prefix: string): PreparedFile {
  if (file.data.length === 0) throw fileError(`${prefix}_unreadable`);
  if (file.data.length > MAX_FILE_BYTES) throw fileError(`${prefix}_too_large`);
  const contentType = sniffFileType(file.data);
  if (!contentType) throw fileError(`${prefix}_type`);
  let data = file.data;
  if (contentType === 'application/pdf') {
    const check = checkPdf(data);
    if (check === 'active') throw fileError(`${prefix}_pdf_active`);
    if (check === 'unchecked') throw fileError(`${prefix}_pdf_unchecked`);
  } else {
    try {
      data = stripImageMetadata(data, contentType);
    } catch (error) {
      if (isImageUnreadable(error)) throw fileError(`${prefix}_unreadable`);
      throw error;
    }
  }
  return { data, fileName: sanitiseFileName(file.fileName, contentType), contentType };
}

/** The errors about an uploaded file, under a module's prefix: what `prepareFile` and `readUploadedFile` throw. */
export const fileErrors = (prefix: string): ErrorCatalogue => ({
  [`${prefix}_type`]: {
    status: 400,
    nl: 'Dit soort bestand kunt u niet toevoegen. Voeg een foto (JPEG, PNG of WebP) of een pdf toe.',
    en: 'This kind of file cannot be attached. Add a photo (JPEG, PNG or WebP) or a PDF.',
  },
  [`${prefix}_too_large`]: { status: 413, nl: 'Het bestand is groter dan 10 MB. Maak de foto kleiner of splits de pdf, en probeer het opnieuw.', en: 'The file is larger than 10 MB. Make the photo smaller or split the PDF, and try again.' },
  [`${prefix}_unreadable`]: {
    status: 400,
    nl: 'Het bestand kon niet worden gelezen; het lijkt beschadigd of onvolledig. Sla het opnieuw op en probeer het nog eens.',
    en: 'The file could not be read; it seems damaged or incomplete. Save it again and try once more.',
  },
  [`${prefix}_pdf_active`]: {
    status: 400,
    nl: 'Deze pdf bevat JavaScript of een opdracht om een programma te starten. Zo’n pdf nemen we niet aan: maak er een gewone pdf van (bijvoorbeeld met ‘Afdrukken als pdf’) en probeer het opnieuw.',
    en: 'This PDF contains JavaScript or an instruction to start a program. We do not accept such a PDF: turn it into a plain PDF (for example with ‘Print to PDF’) and try again.',
  },
  [`${prefix}_pdf_unchecked`]: {
    status: 400,
    nl: 'We kunnen niet controleren of deze pdf veilig is, omdat hij beveiligd, versleuteld of ongewoon opgebouwd is. Sla hem opnieuw op als gewone pdf zonder beveiliging en probeer het nog eens.',
    en: 'We cannot check whether this PDF is safe, because it is protected, encrypted or built in an unusual way. Save it again as a plain PDF without protection and try once more.',
  },
  [`${prefix}_missing`]: { status: 400, nl: 'Kies een bestand om toe te voegen.', en: 'Choose a file to attach.' },
  [`${prefix}_not_multipart`]: {
    status: 415,
    nl: 'Stuur het bestand als multipart/form-data, in het veld "file".',
    en: 'Send the file as multipart/form-data, in the field "file".',
  },
});
