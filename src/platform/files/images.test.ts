import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  isImageUnreadable,
  jpegParts,
  pngChunks,
  readJpegOrientation,
  sniffFileType,
  stripImageMetadata,
  tiffOrientation,
  webpChunks,
  type ImageType,
} from './images';
import { bytes, pngChunk, u16 as u16be, u32 as u32be } from './testing';

// --- Builders: small images, byte by byte. The JPEG, PNG and WebP built here decode with djpeg, pngcheck and dwebp.

const u32le = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

/** A TIFF structure (big-endian) as in Exif: IFD0 with orientation and a GPS IFD with a latitude. */
function exifTiff(orientation: number | null, order: 'MM' | 'II' = 'MM'): Buffer {
  const u16 = order === 'MM' ? u16be : (n: number) => [n & 0xff, n >> 8];
  const u32 = order === 'MM' ? u32be : u32le;
  const entries: number[][] = [];
  if (orientation !== null) entries.push([...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0]);
  const gpsIfdOffset = 8 + 2 + (entries.length + 1) * 12 + 4;
  entries.push([...u16(0x8825), ...u16(4), ...u32(1), ...u32(gpsIfdOffset)]);
  const text = 'GPS 52.0907N 5.1214E\0';
  const textOffset = gpsIfdOffset + 2 + 12 + 4;
  return bytes(
    order, u16(42), u32(8),
    u16(entries.length), ...entries, u32(0),
    // GPS IFD: GPSLatitudeRef 'N', and a descriptive string.
    u16(1), [...u16(0x001b), ...u16(2), ...u32(text.length), ...u32(textOffset)], u32(0),
    text,
  );
}

const segment = (marker: number, payload: Buffer | string | number[]) => {
  const data = bytes(payload);
  return bytes([0xff, marker], u16be(data.length + 2), data);
};

const JPEG = {
  soi: bytes([0xff, 0xd8]),
  jfif: segment(0xe0, bytes('JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0])),
  exif: (orientation: number | null, order: 'MM' | 'II' = 'MM') => segment(0xe1, bytes('Exif\0\0', exifTiff(orientation, order))),
  xmp: segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>52,5.44N</exif:GPSLatitude></x:xmpmeta>'),
  icc: segment(0xe2, bytes('ICC_PROFILE\0', [1, 1], 'fake-profile-bytes')),
  mpf: segment(0xe2, bytes('MPF\0', 'MM', [0, 42, 0, 0, 0, 8])),
  iptc: segment(0xed, 'Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x0a\x1c\x02\x50\0\x05Jan J'),
  adobe: segment(0xee, bytes('Adobe', [0, 100, 0, 0, 0, 0, 0])),
  comment: segment(0xfe, 'Made by Jan Jansen, Dorpsstraat 14'),
  dqt: segment(0xdb, bytes([0x00], Buffer.alloc(64, 1))),
  sof0: segment(0xc0, [8, ...u16be(8), ...u16be(16), 1, 1, 0x11, 0]), // 16×8 grey, one component
  dhtDc: segment(0xc4, [0x00, 1, ...Array(15).fill(0), 0x00]), // one code '0': DC difference 0
  dhtAc: segment(0xc4, [0x10, 1, ...Array(15).fill(0), 0x00]), // one code '0': end of block
  dri: segment(0xdd, u16be(1)), // a restart marker after each MCU
  sos: segment(0xda, [1, 1, 0x00, 0, 63, 0]),
  scan: bytes([0x3f, 0xff, 0xd0, 0x3f]), // MCU, RST0, MCU; each MCU is the bits 00 padded with ones
  eoi: bytes([0xff, 0xd9]),
};

const ESSENTIAL = [JPEG.dqt, JPEG.sof0, JPEG.dhtDc, JPEG.dhtAc, JPEG.dri, JPEG.sos, JPEG.scan];

const jpegWithMetadata = (orientation: number | null = 6) =>
  bytes(
    JPEG.soi, JPEG.jfif, JPEG.exif(orientation), JPEG.xmp, JPEG.icc, JPEG.mpf, JPEG.iptc, JPEG.adobe, JPEG.comment,
    ...ESSENTIAL, JPEG.eoi, 'TRAILER: second image with its own Exif',
  );

const PNG = {
  signature: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  ihdr: pngChunk('IHDR', [...u32be(1), ...u32be(1), 8, 2, 0, 0, 0]), // 1×1 RGB
  phys: pngChunk('pHYs', [...u32be(3780), ...u32be(3780), 1]),
  text: pngChunk('tEXt', 'Author\0Jan Jansen'),
  exif: pngChunk('eXIf', exifTiff(6)),
  time: pngChunk('tIME', [...u16be(2026), 3, 12, 14, 30, 0]),
  ztxt: pngChunk('zTXt', bytes('Comment\0\0', deflateSync('Dorpsstraat 14, Vleuten'))),
  itxt: pngChunk('iTXt', bytes('XML:com.adobe.xmp\0\0\0\0\0', '<x:xmpmeta>GPSLatitude 52.09</x:xmpmeta>')),
  idat: pngChunk('IDAT', deflateSync(Buffer.from([0, 0xe0, 0x40, 0x20]))),
  iend: pngChunk('IEND', []),
};

const pngWithMetadata = () =>
  bytes(PNG.signature, PNG.ihdr, PNG.text, PNG.exif, PNG.phys, PNG.time, PNG.ztxt, PNG.idat, PNG.itxt, PNG.iend, 'trailing bytes');

const webpChunk = (fourcc: string, data: Buffer | string | number[]) => {
  const body = bytes(data);
  return bytes(fourcc, u32le(body.length), body, body.length & 1 ? [0] : []);
};
const riff = (...chunks: Buffer[]) => {
  const body = bytes('WEBP', ...chunks);
  return bytes('RIFF', u32le(body.length), body);
};

const WEBP = {
  // Flags: ICC 0x20, alpha 0x10, EXIF 0x08, XMP 0x04; canvas 1×1 (stored minus one).
  vp8x: (flags: number) => webpChunk('VP8X', [flags, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  iccp: webpChunk('ICCP', 'fake-icc-odd'), // odd size: padded
  vp8l: webpChunk('VP8L', [0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07]), // 1×1 lossless
  exif: webpChunk('EXIF', exifTiff(6)),
  xmp: webpChunk('XMP ', '<x:xmpmeta>GPSLatitude 52.09</x:xmpmeta>'),
};

const webpWithMetadata = () => bytes(riff(WEBP.vp8x(0x3c), WEBP.iccp, WEBP.vp8l, WEBP.exif, WEBP.xmp), 'trailing');

// --- Tests

const contains = (buf: Buffer, text: string) => buf.includes(Buffer.from(text, 'latin1'));

const unreadableError = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return null;
};

describe('sniffFileType', () => {
  it('knows the types by their magic bytes', () => {
    expect(sniffFileType(jpegWithMetadata())).toBe('image/jpeg');
    expect(sniffFileType(pngWithMetadata())).toBe('image/png');
    expect(sniffFileType(webpWithMetadata())).toBe('image/webp');
    expect(sniffFileType(Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'))).toBe('application/pdf');
  });

  it('knows nothing else', () => {
    expect(sniffFileType(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBeNull();
    expect(sniffFileType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffFileType(Buffer.from('RIFF\0\0\0\0WAVEfmt ', 'latin1'))).toBeNull();
    expect(sniffFileType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffFileType(Buffer.alloc(0))).toBeNull();
  });

  it('is what stripping trusts, not the type the client claimed', () => {
    const error = unreadableError(() => stripImageMetadata(pngWithMetadata(), 'image/jpeg'));
    expect(isImageUnreadable(error)).toBe(true);
    expect((error as { code: string }).code).toBe('image_unreadable');
  });
});

describe('JPEG', () => {
  const input = jpegWithMetadata();
  const output = stripImageMetadata(input, 'image/jpeg');

  it('drops Exif, XMP, IPTC, comments, other APPn segments and trailing data', () => {
    for (const text of ['GPS', '52.09', 'xmpmeta', 'Photoshop', '8BIM', 'Made by', 'MPF', 'TRAILER']) expect(contains(input, text)).toBe(true);
    for (const text of ['GPS', '52.09', 'xmpmeta', 'Photoshop', '8BIM', 'Made by', 'MPF', 'TRAILER']) expect(contains(output, text)).toBe(false);
  });

  it('keeps JFIF, ICC, Adobe and every essential segment and the scan data byte for byte', () => {
    const parts = jpegParts(output);
    expect(parts.map((p) => p.marker)).toEqual([0xd8, 0xe0, 0xe1, 0xe2, 0xee, 0xdb, 0xc0, 0xc4, 0xc4, 0xdd, 0xda, null, 0xd9]);
    const kept = parts.map((p) => p.bytes);
    for (const original of [JPEG.jfif, JPEG.icc, JPEG.adobe, ...ESSENTIAL]) expect(kept.some((b) => b.equals(original))).toBe(true);
    expect(output.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(output.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  });

  it('keeps the orientation in a minimal Exif with only that tag', () => {
    expect(readJpegOrientation(input)).toBe(6);
    expect(readJpegOrientation(output)).toBe(6);
    const exif = jpegParts(output).find((p) => p.marker === 0xe1)!;
    expect(exif.bytes.length).toBe(36);
    expect(exif.payload.readUInt16BE(14)).toBe(1); // one IFD entry
  });

  it('reads a little-endian orientation too', () => {
    const jpeg = bytes(JPEG.soi, JPEG.exif(8, 'II'), ...ESSENTIAL, JPEG.eoi);
    expect(readJpegOrientation(jpeg)).toBe(8);
    expect(readJpegOrientation(stripImageMetadata(jpeg, 'image/jpeg'))).toBe(8);
  });

  it('writes no Exif at all when the orientation is the default or absent', () => {
    for (const orientation of [1, null]) {
      const stripped = stripImageMetadata(jpegWithMetadata(orientation), 'image/jpeg');
      expect(jpegParts(stripped).some((p) => p.marker === 0xe1)).toBe(false);
      expect(readJpegOrientation(stripped)).toBeNull();
    }
  });

  it('survives a broken Exif by dropping it', () => {
    const jpeg = bytes(JPEG.soi, segment(0xe1, 'Exif\0\0MM\0\x2a\xff\xff\xff\xff'), ...ESSENTIAL, JPEG.eoi);
    expect(stripImageMetadata(jpeg, 'image/jpeg')).toEqual(bytes(JPEG.soi, ...ESSENTIAL, JPEG.eoi));
    expect(tiffOrientation(Buffer.from('nonsense'))).toBeNull();
  });

  it('removes the JFIF thumbnail', () => {
    const jfifWithThumbnail = segment(0xe0, bytes('JFIF\0', [1, 2, 0, 0, 1, 0, 1, 1, 1], [0xaa, 0xbb, 0xcc]));
    const stripped = stripImageMetadata(bytes(JPEG.soi, jfifWithThumbnail, ...ESSENTIAL, JPEG.eoi), 'image/jpeg');
    const app0 = jpegParts(stripped)[1];
    expect(app0.bytes).toEqual(segment(0xe0, bytes('JFIF\0', [1, 2, 0, 0, 1, 0, 1, 0, 0])));
  });

  it('copies scan data with stuffed bytes, restart markers and fill bytes unchanged, also in progressive files', () => {
    const scan1 = bytes([0x12, 0xff, 0x00, 0x34, 0xff, 0xd3, 0x56, 0xff, 0xff]);
    const scan2 = bytes([0x78, 0xff, 0x00]);
    const jpeg = bytes(JPEG.soi, JPEG.dqt, segment(0xc2, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]), JPEG.dhtDc, JPEG.sos, scan1, JPEG.comment, JPEG.dhtAc, JPEG.sos, scan2, JPEG.eoi);
    expect(stripImageMetadata(jpeg, 'image/jpeg')).toEqual(
      bytes(JPEG.soi, JPEG.dqt, segment(0xc2, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]), JPEG.dhtDc, JPEG.sos, scan1, JPEG.dhtAc, JPEG.sos, scan2, JPEG.eoi),
    );
  });

  it('leaves a JPEG without metadata as it was', () => {
    const clean = bytes(JPEG.soi, JPEG.jfif, ...ESSENTIAL, JPEG.eoi);
    expect(stripImageMetadata(clean, 'image/jpeg')).toEqual(clean);
  });

  it('throws image_unreadable for every truncation and for broken structure', () => {
    for (let length = 0; length < input.length - 'TRAILER: second image with its own Exif'.length; length++) {
      expect(isImageUnreadable(unreadableError(() => stripImageMetadata(input.subarray(0, length), 'image/jpeg')))).toBe(true);
    }
    const broken = [
      bytes(JPEG.soi, [0xff, 0xe1, 0xff, 0xff], 'short'), // length past the end
      bytes(JPEG.soi, [0xff, 0xe1, 0x00, 0x01], ...ESSENTIAL, JPEG.eoi), // length below 2
      bytes(JPEG.soi, 'garbage', ...ESSENTIAL, JPEG.eoi), // no marker
      bytes(JPEG.soi, JPEG.dqt, JPEG.eoi), // no image data
      bytes(JPEG.soi, JPEG.dqt, JPEG.sos, JPEG.scan, JPEG.eoi), // scan without frame
    ];
    for (const jpeg of broken) expect(isImageUnreadable(unreadableError(() => stripImageMetadata(jpeg, 'image/jpeg')))).toBe(true);
  });
});

describe('PNG', () => {
  const input = pngWithMetadata();
  const output = stripImageMetadata(input, 'image/png');

  it('drops eXIf, tEXt, zTXt, iTXt and tIME, and what follows IEND', () => {
    expect(pngChunks(output).map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    for (const text of ['Jan Jansen', 'GPS', 'xmpmeta', 'trailing']) expect(contains(output, text)).toBe(false);
  });

  it('keeps the other chunks byte for byte, CRCs included', () => {
    expect(output).toEqual(bytes(PNG.signature, PNG.ihdr, PNG.phys, PNG.idat, PNG.iend));
    expect(output.subarray(-12)).toEqual(Buffer.from('0000000049454e44ae426082', 'hex'));
  });

  it('leaves a PNG without metadata as it was', () => {
    const clean = bytes(PNG.signature, PNG.ihdr, PNG.idat, PNG.iend);
    expect(stripImageMetadata(clean, 'image/png')).toEqual(clean);
  });

  it('throws image_unreadable for every truncation and for broken structure', () => {
    for (let length = 0; length < input.length - 'trailing bytes'.length; length++) {
      expect(isImageUnreadable(unreadableError(() => stripImageMetadata(input.subarray(0, length), 'image/png')))).toBe(true);
    }
    const broken = [
      bytes(PNG.signature, PNG.idat, PNG.ihdr, PNG.iend), // IHDR not first
      bytes(PNG.signature, PNG.ihdr, u32be(4), 'I D!', u32be(0), u32be(0), PNG.iend), // invalid chunk type
      bytes(PNG.signature, PNG.ihdr, u32be(0xfffffff0), 'IDAT', u32be(0), PNG.iend), // length past the end
    ];
    for (const png of broken) expect(isImageUnreadable(unreadableError(() => stripImageMetadata(png, 'image/png')))).toBe(true);
  });
});

describe('WebP', () => {
  const input = webpWithMetadata();
  const output = stripImageMetadata(input, 'image/webp');

  it('drops the EXIF and XMP chunks and clears their VP8X flags', () => {
    const chunks = webpChunks(output);
    expect(chunks.map((c) => c.fourcc)).toEqual(['VP8X', 'ICCP', 'VP8L']);
    expect(chunks[0].data[0]).toBe(0x30); // ICC and alpha stay
    for (const text of ['GPS', 'xmpmeta', 'trailing']) expect(contains(output, text)).toBe(false);
  });

  it('keeps the other chunks byte for byte and fixes the RIFF size', () => {
    expect(output).toEqual(riff(WEBP.vp8x(0x30), WEBP.iccp, WEBP.vp8l));
    expect(output.readUInt32LE(4)).toBe(output.length - 8);
    expect(output.toString('latin1', 0, 4)).toBe('RIFF');
    expect(output.toString('latin1', 8, 12)).toBe('WEBP');
  });

  it('leaves a simple lossless WebP as it was', () => {
    const simple = riff(WEBP.vp8l);
    expect(stripImageMetadata(simple, 'image/webp')).toEqual(simple);
  });

  it('tolerates a missing pad byte after the last chunk', () => {
    const unpadded = bytes('RIFF', u32le(4 + 8 + 13), 'WEBP', WEBP.vp8l.subarray(0, 8 + 13));
    expect(stripImageMetadata(unpadded, 'image/webp')).toEqual(riff(WEBP.vp8l));
  });

  it('throws image_unreadable for every truncation and for broken structure', () => {
    for (let length = 0; length < input.length - 'trailing'.length; length++) {
      expect(isImageUnreadable(unreadableError(() => stripImageMetadata(input.subarray(0, length), 'image/webp')))).toBe(true);
    }
    const broken = [
      riff(WEBP.exif, WEBP.vp8l), // no image chunk first
      riff(webpChunk('VP8X', [0x08, 0, 0]), WEBP.vp8l), // VP8X too short
      bytes('RIFF', u32le(2), 'WEBP'), // RIFF size below its own header
    ];
    for (const webp of broken) expect(isImageUnreadable(unreadableError(() => stripImageMetadata(webp, 'image/webp')))).toBe(true);
  });
});

describe('stripImageMetadata', () => {
  it.each<[ImageType, () => Buffer]>([
    ['image/jpeg', jpegWithMetadata],
    ['image/png', pngWithMetadata],
    ['image/webp', webpWithMetadata],
  ])('is idempotent for %s', (type, build) => {
    const once = stripImageMetadata(build(), type);
    expect(stripImageMetadata(once, type)).toEqual(once);
  });
});
