/**
 * Uploaded images lose their metadata before storage: GPS position, camera and owner in
 * Exif/XMP/IPTC, comments and text chunks. Pure byte surgery on the container, no decoding and
 * no dependencies: the image data itself (JPEG entropy-coded scans, PNG IDAT, WebP VP8/VP8L)
 * is copied byte for byte, so quality does not change. What is kept is what a viewer needs to
 * show the picture right: JPEG JFIF (without its thumbnail), ICC colour profile, Adobe colour
 * transform and the Exif orientation (in a new, minimal Exif with only that tag); PNG and WebP
 * keep every chunk but the metadata ones. Bytes after the end of the image (JPEG after EOI,
 * PNG after IEND, WebP after the RIFF size) are dropped: that is where multi-picture previews,
 * vendor trailers and smuggled files live.
 *
 * The file type is decided by magic bytes (`sniffFileType`), never by what the client claims.
 * Anything that cannot be walked to its end throws an Error with `code: 'image_unreadable'`.
 */

export const SNIFFABLE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type SniffedFileType = (typeof SNIFFABLE_TYPES)[number];
export type ImageType = Exclude<SniffedFileType, 'application/pdf'>;

export type ImageUnreadableError = Error & { code: 'image_unreadable' };

const unreadable = (reason: string): ImageUnreadableError =>
  Object.assign(new Error(`Image unreadable: ${reason}`), { code: 'image_unreadable' as const });

/** Whether an error is the `image_unreadable` error of this module. */
export const isImageUnreadable = (error: unknown): error is ImageUnreadableError =>
  error instanceof Error && (error as { code?: unknown }).code === 'image_unreadable';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ascii = (buf: Buffer, start: number, end: number) => buf.toString('latin1', start, end);

/** The type of a file by its magic bytes, or null when it is none of the accepted types. */
export function sniffFileType(buf: Buffer): SniffedFileType | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (buf.length >= 12 && ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return 'image/webp';
  if (buf.length >= 5 && ascii(buf, 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/** The image without its metadata; throws `image_unreadable` when the bytes are not a readable image of `type`. */
export function stripImageMetadata(buf: Buffer, type: ImageType): Buffer {
  if (sniffFileType(buf) !== type) throw unreadable(`the bytes are not ${type}`);
  if (type === 'image/jpeg') return stripJpegMetadata(buf);
  if (type === 'image/png') return stripPngMetadata(buf);
  if (type === 'image/webp') return stripWebpMetadata(buf);
  throw unreadable(`unsupported type ${String(type)}`);
}

// ---------------------------------------------------------------------------------------------
// JPEG

/** A piece of a JPEG: a marker segment (`FF xx` + length + payload), or the entropy-coded data after an SOS (marker null). */
export interface JpegPart {
  marker: number | null;
  bytes: Buffer;
  payload: Buffer;
}

const SOI = 0xd8, EOI = 0xd9, SOS = 0xda, COM = 0xfe, APP0 = 0xe0, APP1 = 0xe1, APP2 = 0xe2, APP14 = 0xee;
const isRst = (m: number) => m >= 0xd0 && m <= 0xd7;
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** The parts of a JPEG from SOI to EOI; throws `image_unreadable` when it is truncated or malformed. */
export function jpegParts(buf: Buffer): JpegPart[] {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== SOI) throw unreadable('no JPEG start marker');
  const parts: JpegPart[] = [{ marker: SOI, bytes: buf.subarray(0, 2), payload: buf.subarray(2, 2) }];
  let pos = 2;
  let sawFrame = false, sawScan = false;
  for (;;) {
    if (pos >= buf.length) throw unreadable('JPEG ends before its end marker');
    if (buf[pos] !== 0xff) throw unreadable(`no JPEG marker at byte ${pos}`);
    let at = pos + 1;
    while (at < buf.length && buf[at] === 0xff) at++; // fill bytes
    if (at >= buf.length) throw unreadable('JPEG ends in fill bytes');
    const marker = buf[at];
    const start = at - 1;
    pos = at + 1;
    if (marker === EOI) {
      if (!sawScan) throw unreadable('JPEG without image data');
      parts.push({ marker, bytes: buf.subarray(start, pos), payload: buf.subarray(pos, pos) });
      return parts;
    }
    if (marker === SOI || marker === 0x00) throw unreadable(`unexpected JPEG marker at byte ${start}`);
    if (marker === 0x01 || isRst(marker)) {
      parts.push({ marker, bytes: buf.subarray(start, pos), payload: buf.subarray(pos, pos) });
      continue;
    }
    if (pos + 2 > buf.length) throw unreadable('JPEG segment header truncated');
    const length = buf.readUInt16BE(pos);
    if (length < 2 || pos + length > buf.length) throw unreadable(`JPEG segment at byte ${start} runs past the end`);
    parts.push({ marker, bytes: buf.subarray(start, pos + length), payload: buf.subarray(pos + 2, pos + length) });
    pos += length;
    if (isSof(marker)) sawFrame = true;
    if (marker !== SOS) continue;
    if (!sawFrame) throw unreadable('JPEG scan before a frame header');
    sawScan = true;
    // Entropy-coded data runs to the next marker that is not a stuffed FF00, a restart marker or fill.
    const scanStart = pos;
    for (;;) {
      const ff = buf.indexOf(0xff, pos);
      if (ff < 0 || ff + 1 >= buf.length) throw unreadable('JPEG scan data truncated');
      const next = buf[ff + 1];
      if (next === 0x00 || isRst(next)) pos = ff + 2;
      else if (next === 0xff) pos = ff + 1;
      else {
        pos = ff;
        break;
      }
    }
    if (pos > scanStart) parts.push({ marker: null, bytes: buf.subarray(scanStart, pos), payload: buf.subarray(scanStart, pos) });
  }
}

const startsWith = (payload: Buffer, prefix: string) => payload.length >= prefix.length && ascii(payload, 0, prefix.length) === prefix;

/** The Exif orientation (1–8) in a TIFF structure (the Exif payload after `Exif\0\0`), or null. */
export function tiffOrientation(tiff: Buffer): number | null {
  if (tiff.length < 8) return null;
  const order = ascii(tiff, 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd < 8 || ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) !== 0x0112) continue;
    const value = u16(entry + 2) === 3 && u32(entry + 4) === 1 ? u16(entry + 8) : 0;
    return value >= 1 && value <= 8 ? value : null;
  }
  return null;
}

/** The Exif orientation (1–8) of a JPEG, from its first Exif segment, or null when it has none. */
export function readJpegOrientation(buf: Buffer): number | null {
  const exif = jpegParts(buf).find((p) => p.marker === APP1 && startsWith(p.payload, 'Exif\0\0'));
  return exif ? tiffOrientation(exif.payload.subarray(6)) : null;
}

/** An APP1 segment with a minimal big-endian Exif: IFD0 holding only the orientation tag. */
function minimalExifSegment(orientation: number): Buffer {
  const segment = Buffer.alloc(36);
  segment.writeUInt16BE(0xffe1, 0);
  segment.writeUInt16BE(34, 2); // length: itself + 32 bytes of payload
  segment.write('Exif\0\0MM', 4, 'latin1');
  segment.writeUInt16BE(42, 12);
  segment.writeUInt32BE(8, 14); // IFD0 right after the TIFF header
  segment.writeUInt16BE(1, 18); // one entry
  segment.writeUInt16BE(0x0112, 20); // Orientation
  segment.writeUInt16BE(3, 22); // SHORT
  segment.writeUInt32BE(1, 24); // count
  segment.writeUInt16BE(orientation, 28); // value, left-aligned in the 4-byte field
  segment.writeUInt32BE(0, 32); // no next IFD
  return segment;
}

/** A JFIF APP0 segment without its thumbnail (the thumbnail may show what the upload cropped away). */
function jfifWithoutThumbnail(part: JpegPart): Buffer | null {
  if (!startsWith(part.payload, 'JFIF\0') || part.payload.length < 14) return null;
  if (part.payload[12] === 0 && part.payload[13] === 0) return part.bytes;
  const segment = Buffer.from(part.bytes.subarray(0, 18));
  segment.writeUInt16BE(16, 2);
  segment[16] = 0;
  segment[17] = 0;
  return segment;
}

/**
 * A JPEG without Exif/XMP (APP1), IPTC/Photoshop (APP13), comments and other APPn segments.
 * Kept: JFIF (thumbnail removed), ICC_PROFILE (APP2), Adobe (APP14, its colour transform
 * matters for decoding), all frame, table and scan segments and the scan data, byte for byte.
 * A non-default Exif orientation survives in a minimal Exif segment, so photos stay upright.
 */
export function stripJpegMetadata(buf: Buffer): Buffer {
  const out: Buffer[] = [];
  let exifSeen = false;
  for (const part of jpegParts(buf)) {
    const { marker, payload } = part;
    if (marker === APP0) {
      const jfif = jfifWithoutThumbnail(part);
      if (jfif) out.push(jfif);
    } else if (marker === APP1) {
      if (exifSeen || !startsWith(payload, 'Exif\0\0')) continue;
      exifSeen = true;
      const orientation = tiffOrientation(payload.subarray(6));
      if (orientation !== null && orientation !== 1) out.push(minimalExifSegment(orientation));
    } else if (marker === APP2) {
      if (startsWith(payload, 'ICC_PROFILE\0')) out.push(part.bytes);
    } else if (marker === APP14) {
      if (startsWith(payload, 'Adobe')) out.push(part.bytes);
    } else if (marker !== null && ((marker > APP2 && marker <= 0xef) || marker === COM)) {
      continue;
    } else {
      out.push(part.bytes);
    }
  }
  return Buffer.concat(out);
}

// ---------------------------------------------------------------------------------------------
// PNG

/** PNG chunks that carry metadata: Exif, text (comments, author, software…) and the modification time. */
export const PNG_METADATA_CHUNKS: readonly string[] = ['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME'];

export interface PngChunk {
  type: string;
  /** The whole chunk: length, type, data and CRC. */
  bytes: Buffer;
}

/** The chunks of a PNG from IHDR to IEND; throws `image_unreadable` when it is truncated or malformed. */
export function pngChunks(buf: Buffer): PngChunk[] {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw unreadable('no PNG signature');
  const chunks: PngChunk[] = [];
  let pos = 8;
  for (;;) {
    if (pos + 12 > buf.length) throw unreadable('PNG ends before IEND');
    const length = buf.readUInt32BE(pos);
    const type = ascii(buf, pos + 4, pos + 8);
    const end = pos + 12 + length;
    if (length > 0x7fffffff || end > buf.length) throw unreadable(`PNG chunk ${type} runs past the end`);
    if (!/^[A-Za-z]{4}$/.test(type)) throw unreadable(`no PNG chunk at byte ${pos}`);
    if (chunks.length === 0 && type !== 'IHDR') throw unreadable('PNG does not start with IHDR');
    chunks.push({ type, bytes: buf.subarray(pos, end) });
    pos = end;
    if (type === 'IEND') return chunks;
  }
}

/** A PNG without eXIf, tEXt, zTXt, iTXt and tIME chunks; the other chunks are copied unchanged (CRCs included). */
export function stripPngMetadata(buf: Buffer): Buffer {
  const kept = pngChunks(buf).filter((c) => !PNG_METADATA_CHUNKS.includes(c.type));
  return Buffer.concat([PNG_SIGNATURE, ...kept.map((c) => c.bytes)]);
}

// ---------------------------------------------------------------------------------------------
// WebP

export interface WebpChunk {
  fourcc: string;
  /** The chunk data, without header or padding. */
  data: Buffer;
}

const VP8X_EXIF_FLAG = 0x08;
const VP8X_XMP_FLAG = 0x04;

/** The chunks of a WebP RIFF container; throws `image_unreadable` when it is truncated or malformed. */
export function webpChunks(buf: Buffer): WebpChunk[] {
  if (buf.length < 12 || ascii(buf, 0, 4) !== 'RIFF' || ascii(buf, 8, 12) !== 'WEBP') throw unreadable('no WebP header');
  const riffSize = buf.readUInt32LE(4);
  const end = 8 + riffSize;
  if (riffSize < 4 || end > buf.length) throw unreadable('WebP shorter than its RIFF size');
  const chunks: WebpChunk[] = [];
  let pos = 12;
  while (pos < end) {
    if (pos + 8 > end) throw unreadable('WebP chunk header truncated');
    const fourcc = ascii(buf, pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    const dataEnd = pos + 8 + size;
    // The padding byte after an odd-sized last chunk is sometimes missing; that is tolerated.
    if (!/^[\x20-\x7e]{4}$/.test(fourcc) || dataEnd > end) throw unreadable(`WebP chunk ${fourcc} runs past the end`);
    chunks.push({ fourcc, data: buf.subarray(pos + 8, dataEnd) });
    pos = dataEnd + (size & 1);
  }
  const first = chunks[0]?.fourcc;
  if (first !== 'VP8 ' && first !== 'VP8L' && first !== 'VP8X') throw unreadable('WebP without image chunk');
  if (first === 'VP8X' && chunks[0].data.length < 10) throw unreadable('WebP VP8X chunk too short');
  return chunks;
}

/** A WebP without EXIF and XMP chunks, with the VP8X flags for them cleared and the RIFF size fixed. */
export function stripWebpMetadata(buf: Buffer): Buffer {
  const kept = webpChunks(buf).filter((c) => c.fourcc !== 'EXIF' && c.fourcc !== 'XMP ');
  const pieces: Buffer[] = [];
  for (const chunk of kept) {
    const header = Buffer.alloc(8);
    header.write(chunk.fourcc, 0, 'latin1');
    header.writeUInt32LE(chunk.data.length, 4);
    let data = chunk.data;
    if (chunk.fourcc === 'VP8X') {
      data = Buffer.from(data);
      data[0] &= ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
    }
    pieces.push(header, data);
    if (data.length & 1) pieces.push(Buffer.alloc(1));
  }
  const body = Buffer.concat(pieces);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(4 + body.length, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}
