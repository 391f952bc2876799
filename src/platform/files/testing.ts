import { deflateSync } from 'node:zlib';
import type { TestDichter } from '../../../test/harness';

/*
 * For tests of uploads: small files built byte by byte (a JPEG with a GPS position, a PNG with
 * an author, PDFs with and without actions) and a multipart upload through the app.
 */

export const bytes = (...parts: (Buffer | string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.isBuffer(p) ? p : Buffer.from(p))));
export const u16 = (n: number) => [n >> 8, n & 0xff];
export const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const segment = (marker: number, payload: Buffer | string | number[]) => {
  const data = bytes(payload);
  return bytes([0xff, marker], u16(data.length + 2), data);
};

/** Exif (big-endian TIFF): IFD0 pointing to a GPS IFD with a latitude reference and a text naming the place. */
function exifWithGps() {
  const gpsIfd = 8 + 2 + 12 + 4;
  const text = 'GPS 52.0907N 5.1214E\0';
  const textAt = gpsIfd + 2 + 12 + 4;
  return bytes('Exif\0\0', 'MM', u16(42), u32(8), u16(1), [...u16(0x8825), ...u16(4), ...u32(1), ...u32(gpsIfd)], u32(0), u16(1), [...u16(0x001b), ...u16(2), ...u32(text.length), ...u32(textAt)], u32(0), text);
}

/** A 16×8 grey baseline JPEG that decodes, with an Exif segment holding a GPS position. */
export const jpegWithGps = () =>
  bytes(
    [0xff, 0xd8],
    segment(0xe0, bytes('JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0])),
    segment(0xe1, exifWithGps()),
    segment(0xfe, 'Gemaakt door Jan Jansen, Dorpsstraat 14'),
    segment(0xdb, bytes([0x00], Buffer.alloc(64, 1))),
    segment(0xc0, [8, ...u16(8), ...u16(16), 1, 1, 0x11, 0]),
    segment(0xc4, [0x00, 1, ...Array(15).fill(0), 0x00]),
    segment(0xc4, [0x10, 1, ...Array(15).fill(0), 0x00]),
    segment(0xdd, u16(1)),
    segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    [0x3f, 0xff, 0xd0, 0x3f],
    [0xff, 0xd9],
  );

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
export const pngChunk = (type: string, data: Buffer | string | number[]) => {
  const body = bytes(type, data);
  return bytes(u32(body.length - 4), body, u32(crc32(body)));
};
/** A 1×1 RGB PNG with a tEXt chunk naming its author. */
export const pngWithText = () =>
  bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    pngChunk('IHDR', [...u32(1), ...u32(1), 8, 2, 0, 0, 0]),
    pngChunk('tEXt', 'Author\0Jan Jansen'),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 0xe0, 0x40, 0x20]))),
    pngChunk('IEND', []),
  );

/** A PDF of one empty page; `extra` goes into the catalog, `objects` after it. */
export const pdf = (extra = '', objects = '') =>
  Buffer.from(
    `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${extra}>>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n${objects}trailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n`,
    'latin1',
  );
/** A PDF whose open action sits compressed in an object stream (PDF 1.5+). */
export function pdfWithPackedAction(action: string) {
  const packed = deflateSync(Buffer.from(`5 0 << /Type /Action /S ${action} >>`, 'latin1'));
  return bytes(
    pdf('/OpenAction 5 0 R '),
    `4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`,
    packed,
    '\nendstream\nendobj\n',
  );
}

export const contains = (buf: Buffer, text: string) => buf.includes(Buffer.from(text, 'latin1'));

/** Sends `content` as the multipart field "file" named `fileName` (the declared type deliberately wrong: the server must not trust it). */
export async function uploadFile(d: TestDichter, url: string, content: Buffer, fileName: string, token: string) {
  const boundary = '----dichter' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/jpeg\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const res = await d.app.server.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, content, tail]),
  });
  return { status: res.statusCode, body: res.json() };
}

/** A stored file as the server sends it back. */
export async function downloadFile(d: TestDichter, url: string, token: string) {
  const res = await d.app.server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, body: res.rawPayload, headers: res.headers, json: () => res.json() };
}
