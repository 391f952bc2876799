import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { snapshot } from '../../../test/snapshot';
import { checkPdf, sanitiseFileName } from '../../platform/files/files';
import { stripImageMetadata } from '../../platform/files/images';
import { bytes, contains, downloadFile, jpegWithGps, pdf, pdfWithPackedAction, pngWithText, u32, uploadFile } from '../../platform/files/testing';
import { MAX_ATTACHMENT_BYTES } from './attachments';

// --- Set-up

let d: TestDichter;
let beheerder: TestUser;
let reporter: TestUser;
let colleague: TestUser;
let reader: TestUser;
let outsider: TestUser;
let slug: string;
let outsiderSlug: string;
const api = (path: string, ws = slug) => `/api/w/${ws}${path}`;

const upload = (observationId: string, content: Buffer, fileName: string, token = reporter.token, ws = slug) =>
  uploadFile(d, api(`/observations/${observationId}/attachments`, ws), content, fileName, token);
const download = (observationId: string, attachmentId: string, token = reporter.token, ws = slug) => downloadFile(d, api(`/observations/${observationId}/attachments/${attachmentId}`, ws), token);
const list = (observationId: string, token = reporter.token, ws = slug) => d.request({ url: api(`/observations/${observationId}/attachments`, ws), token });

async function observe(token = reporter.token, body: Record<string, unknown> = {}) {
  const res = await d.request({ method: 'POST', url: api('/observations'), token, body: { kind: 'verhaal', title: 'Buren koken samen', visibility: 'workspace', ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  d = await startDichter();
  beheerder = await d.user('Bea Beheerder');
  reporter = await d.user('Rita Melder');
  colleague = await d.user('Cor Collega');
  reader = await d.user('Lex Lezer');
  outsider = await d.user('Olga Buitenstaander');
  slug = await createWorkspace(d, beheerder);
  outsiderSlug = await createWorkspace(d, outsider);
  for (const [u, role] of [
    [reporter, 'professional'],
    [colleague, 'professional'],
    [reader, 'lezer'],
  ] as const) {
    const res = await d.request({ method: 'POST', url: api('/members'), token: beheerder.token, body: { email: u.email, name: u.name, role } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}, 120_000);
afterAll(() => d?.close());

// --- Tests

describe('photos lose their metadata', () => {
  let observationId: string;
  beforeAll(async () => {
    observationId = await observe();
  });

  it('stores a JPEG without its Exif GPS position and comment, and serves it inline with strict headers', async () => {
    const input = jpegWithGps();
    expect(contains(input, 'GPS 52.0907N')).toBe(true);
    const res = await upload(observationId, input, 'IMG_0042.JPG');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ fileName: 'IMG_0042.jpg', contentType: 'image/jpeg', uploadedByName: 'Rita Melder', canDelete: true });
    const file = await download(observationId, res.body.id);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['content-disposition']).toMatch(/^inline; filename="IMG_0042\.jpg"/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    for (const text of ['GPS', '52.0907', 'Exif', 'Jan Jansen']) expect(contains(file.body, text), text).toBe(false);
    expect(file.body.equals(stripImageMetadata(input, 'image/jpeg'))).toBe(true);
    expect(res.body.sizeBytes).toBe(file.body.length);
  });

  it('stores a PNG without its tEXt chunk', async () => {
    const res = await upload(observationId, pngWithText(), 'plattegrond.png');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const file = await download(observationId, res.body.id);
    expect(file.headers['content-type']).toBe('image/png');
    expect(contains(file.body, 'tEXt')).toBe(false);
    expect(contains(file.body, 'Jan Jansen')).toBe(false);
    expect(contains(file.body, 'IDAT')).toBe(true);
  });

  it('lists them, oldest first, without the bytes', async () => {
    const res = await list(observationId, reader.token);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((i: { fileName: string }) => i.fileName)).toEqual(['IMG_0042.jpg', 'plattegrond.png']);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(['canDelete', 'contentType', 'fileName', 'id', 'sizeBytes', 'uploadedAt', 'uploadedByName']);
    expect(res.body.can.upload).toBe(false); // a lezer
    expect(res.body.items[0].canDelete).toBe(false);
  });
});

describe('the type is judged by the content', () => {
  let observationId: string;
  beforeAll(async () => {
    observationId = await observe();
  });

  it('takes a PDF named .jpg as a PDF, gives it the right extension and serves it as a download', async () => {
    const res = await upload(observationId, pdf(), 'foto.jpg');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'application/pdf', fileName: 'foto.pdf' });
    const file = await download(observationId, res.body.id);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="foto\.pdf"/);
    expect(file.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(file.body.equals(pdf())).toBe(true);
  });

  it('takes a PNG named .pdf as a PNG', async () => {
    const res = await upload(observationId, pngWithText(), 'verslag.pdf');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/png', fileName: 'verslag.png' });
  });

  it('refuses an EXE or a ZIP, whatever its name, and stores nothing', async () => {
    const before = await snapshot(d.runtime.database.db);
    const exe = bytes('MZ', Buffer.alloc(58), u32(0x80), Buffer.alloc(64), 'PE\0\0');
    const zip = bytes([0x50, 0x4b, 0x03, 0x04], Buffer.alloc(26), 'foto.jpg');
    for (const [content, name] of [
      [exe, 'foto.jpg'],
      [zip, 'scan.pdf'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'plaatje.png'],
    ] as const) {
      const res = await upload(observationId, content, name);
      expect(res.status, name).toBe(400);
      expect(res.body.error.id).toBe('observation.attachment_type');
      expect(res.body.error.fields).toEqual([{ path: 'file', message: expect.stringContaining('JPEG, PNG of WebP') }]);
    }
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('refuses an image that cannot be read to its end', async () => {
    const res = await upload(observationId, jpegWithGps().subarray(0, 60), 'kapot.jpg');
    expect(res.status).toBe(400);
    expect(res.body.error.id).toBe('observation.attachment_unreadable');
  });
});

describe('PDFs with active content', () => {
  let observationId: string;
  beforeAll(async () => {
    observationId = await observe();
  });

  it('refuses JavaScript and launch actions, also escaped or packed in an object stream', async () => {
    const before = await snapshot(d.runtime.database.db);
    const cases = [
      pdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >> '),
      pdf('/Names << /JavaScript 4 0 R >> '),
      pdf('/OpenAction << /S /Launch /F (cmd.exe) >> '),
      pdf('/AA << /O << /S /J#61vaScript /J#53 (app.alert(1)) >> >> '),
      pdfWithPackedAction('/JavaScript /JS (app.alert(1))'),
      pdfWithPackedAction('/Launch /F (calc.exe)'),
    ];
    for (const [i, content] of cases.entries()) {
      const res = await upload(observationId, content, 'brief.pdf');
      expect(res.status, `case ${i}`).toBe(400);
      expect(res.body.error.id, `case ${i}`).toBe('observation.attachment_pdf_active');
      expect(res.body.error.message).toContain('JavaScript');
    }
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('refuses a PDF it cannot look into, and takes a plain one with an object stream', async () => {
    const encrypted = pdf('', '4 0 obj\n<< /Filter /Standard /V 2 /R 3 >>\nendobj\n').toString('latin1').replace('<< /Root 1 0 R', '<< /Encrypt 4 0 R /Root 1 0 R');
    const res = await upload(observationId, Buffer.from(encrypted, 'latin1'), 'beveiligd.pdf');
    expect(res.status).toBe(400);
    expect(res.body.error.id).toBe('observation.attachment_pdf_unchecked');
    expect(checkPdf(pdfWithPackedAction('/URI /URI (https://example.org)'))).toBe('ok');
    expect((await upload(observationId, pdfWithPackedAction('/URI /URI (https://example.org)'), 'link.pdf')).status).toBe(201);
  });
});

describe('limits', () => {
  it('refuses a file over 10 MB with 413 and our error, and stores nothing', async () => {
    const observationId = await observe();
    const before = await snapshot(d.runtime.database.db);
    const big = Buffer.concat([jpegWithGps(), Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    const res = await upload(observationId, big, 'groot.jpg');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ id: 'observation.attachment_too_large', fields: [{ path: 'file', message: expect.stringContaining('10 MB') }] });
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
    // Exactly 10 MB is within the limit: this one is refused for its type, not its size.
    const exact = await upload(observationId, Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20), 'precies.txt');
    expect(exact.body.error.id).toBe('observation.attachment_type');
  });

  it('takes 5 attachments per observation and refuses the 6th', async () => {
    const observationId = await observe();
    for (let i = 1; i <= 5; i++) expect((await upload(observationId, pngWithText(), `foto-${i}.png`)).status).toBe(201);
    expect((await list(observationId)).body.can.upload).toBe(false);
    const before = await snapshot(d.runtime.database.db);
    const sixth = await upload(observationId, pngWithText(), 'foto-6.png');
    expect(sixth.status).toBe(409);
    expect(sixth.body.error.id).toBe('observation.attachment_limit');
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('asks for multipart with a file in the field "file"', async () => {
    const observationId = await observe();
    const json = await d.request({ method: 'POST', url: api(`/observations/${observationId}/attachments`), token: reporter.token, body: { file: 'abc' } });
    expect(json.status).toBe(415);
    expect(json.body.error.id).toBe('observation.attachment_not_multipart');
    const boundary = 'xyz';
    const noFile = await d.app.server.inject({
      method: 'POST',
      url: api(`/observations/${observationId}/attachments`),
      headers: { authorization: `Bearer ${reporter.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhallo\r\n--${boundary}--\r\n`,
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.id).toBe('observation.attachment_missing');
    const broken = await d.app.server.inject({
      method: 'POST',
      url: api(`/observations/${observationId}/attachments`),
      headers: { authorization: `Bearer ${reporter.token}`, 'content-type': 'multipart/form-data' },
      payload: 'geen multipart',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.id).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });
});

describe('who may do what', () => {
  let observationId: string;
  let attachmentId: string;
  beforeAll(async () => {
    observationId = await observe();
    const res = await upload(observationId, pngWithText(), 'portiek.png');
    expect(res.status).toBe(201);
    attachmentId = res.body.id;
  });

  it('gives a member of another workspace 404 on every attachment route, through either workspace', async () => {
    const before = await snapshot(d.runtime.database.db);
    for (const ws of [slug, outsiderSlug]) {
      const attempts = [
        await list(observationId, outsider.token, ws),
        (await download(observationId, attachmentId, outsider.token, ws)) as { status: number },
        await upload(observationId, pngWithText(), 'x.png', outsider.token, ws),
        await d.request({ method: 'DELETE', url: api(`/observations/${observationId}/attachments/${attachmentId}`, ws), token: outsider.token }),
      ];
      for (const res of attempts) expect(res.status, ws).toBe(404);
    }
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('lets a lezer see and download, but not upload', async () => {
    expect((await download(observationId, attachmentId, reader.token)).status).toBe(200);
    const res = await upload(observationId, pngWithText(), 'x.png', reader.token);
    expect(res.status).toBe(403);
    expect(res.body.error.id).toBe('auth.forbidden');
  });

  it('lets the reporter, the owner and coordinators upload, but not any colleague', async () => {
    const res = await upload(observationId, pngWithText(), 'x.png', colleague.token);
    expect(res.status).toBe(403);
    expect(res.body.error.id).toBe('observation.attachment_upload_not_allowed');
    expect((await list(observationId, colleague.token)).body.can.upload).toBe(false);
    expect((await upload(observationId, pngWithText(), 'beheer.png', beheerder.token)).status).toBe(201);
  });

  it('hides the attachments of an internal observation like the observation itself', async () => {
    const internal = await observe(reporter.token, { visibility: 'intern' });
    const up = await upload(internal, pngWithText(), 'intern.png');
    expect(up.status).toBe(201);
    expect((await list(internal, colleague.token)).status).toBe(404);
    const file = await download(internal, up.body.id, colleague.token);
    expect(file.status).toBe(404);
    expect(file.json().error.id).toBe('observation.not_found');
    expect((await download(internal, up.body.id, beheerder.token)).status).toBe(200);
  });

  it('does not serve an attachment under another observation', async () => {
    const other = await observe();
    const res = await download(other, attachmentId);
    expect(res.status).toBe(404);
    expect(res.json().error.id).toBe('observation.attachment_not_found');
  });

  it('lets the uploader or a coordinator delete, nobody else; each upload and delete is audited without the bytes', async () => {
    const mine = await upload(observationId, pngWithText(), 'weg.png');
    const notYours = await d.request({ method: 'DELETE', url: api(`/observations/${observationId}/attachments/${mine.body.id}`), token: colleague.token });
    expect(notYours.status).toBe(403);
    expect(notYours.body.error.id).toBe('observation.attachment_delete_not_allowed');
    expect((await d.request({ method: 'DELETE', url: api(`/observations/${observationId}/attachments/${mine.body.id}`), token: reporter.token })).status).toBe(204);
    expect((await d.request({ method: 'DELETE', url: api(`/observations/${observationId}/attachments/${attachmentId}`), token: beheerder.token })).status).toBe(204);
    const gone = await download(observationId, attachmentId);
    expect(gone.status).toBe(404);
    const audit = await d.request({ url: api('/audit?entity=observation_attachment&limit=500'), token: beheerder.token });
    expect(audit.status).toBe(200);
    const entries = audit.body.items.filter((e: { entityId: string }) => e.entityId === mine.body.id);
    expect(entries.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'delete']);
    const created = entries.find((e: { action: string }) => e.action === 'create');
    expect(created.entityLabel).toBe('weg.png');
    expect(created.changes).toMatchObject({ fileName: { after: 'weg.png' }, sizeBytes: { after: mine.body.sizeBytes }, contentType: { after: 'image/png' } });
    expect(JSON.stringify(audit.body)).not.toContain('IHDR');
  });

  it('removes the attachments with their observation', async () => {
    const obs = await observe();
    await upload(obs, pngWithText(), 'mee.png');
    expect((await d.request({ method: 'DELETE', url: api(`/observations/${obs}`), token: beheerder.token })).status).toBe(204);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from observation_attachments where observation_id = ${obs}`.execute(d.runtime.database.db);
    expect(rows[0].n).toBe(0);
  });
});

describe('file names', () => {
  it('keeps no path, no control or bidi characters, at most 120 characters, and an extension that fits the content', () => {
    expect(sanitiseFileName('C:\\Users\\jan\\Desktop\\foto.JPG', 'image/jpeg')).toBe('foto.jpg');
    expect(sanitiseFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(sanitiseFileName('rapport\u202egpj.exe', 'image/png')).toBe('rapportgpj.png');
    expect(sanitiseFileName('brief "aan" <wethouder>.pdf', 'application/pdf')).toBe('brief _aan_ _wethouder_.pdf');
    expect(sanitiseFileName('...', 'image/webp')).toBe('bijlage.webp');
    expect(sanitiseFileName('', 'image/png')).toBe('bijlage.png');
    expect(sanitiseFileName('.verborgen', 'image/png')).toBe('verborgen.png');
    expect(sanitiseFileName('regel\r\neen.png', 'image/png')).toBe('regeleen.png');
    const long = sanitiseFileName(`${'ä'.repeat(300)}.jpeg`, 'image/jpeg');
    expect([...long].length).toBe(120);
    expect(long.endsWith('ä.jpeg')).toBe(true);
  });

  it('sends a non-ASCII name in an ASCII fallback and as RFC 5987', async () => {
    const observationId = await observe();
    const res = await upload(observationId, pngWithText(), "Café 'De Hoek'; 100% €.png");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.fileName).toBe("Café 'De Hoek'; 100% €.png");
    const file = await download(observationId, res.body.id);
    expect(file.headers['content-disposition']).toBe(`inline; filename="Cafe 'De Hoek'_ 100_ _.png"; filename*=UTF-8''Caf%C3%A9%20%27De%20Hoek%27%3B%20100%25%20%E2%82%AC.png`);
  });
});
