import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { snapshot } from '../../../test/snapshot';
import { contains, downloadFile, jpegWithGps, pdf, pdfWithPackedAction, uploadFile } from '../../platform/files/testing';
import { localDate } from '../../platform/workdays';
import { youthDebtTeam } from './testing';

/*
 * Documents on a debt (creditors' letters, statements): only the participant's own coach and
 * debt counsellor list, add, open and remove them; every opening is audited; files are checked
 * like observation attachments.
 */

let d: TestDichter;
let owner: TestUser;
let coach: TestUser;
let counsellor: TestUser;
let colleague: TestUser;
let reader: TestUser;
let slug: string;
let debtId: string;
let otherDebtId: string;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const url = (path: string) => `/api/w/${slug}/youth-debt/${path}`;
const req = (method: Method, path: string, body?: unknown, token = owner.token) => d.request({ method, url: url(path), token, body });
async function ok(method: Method, path: string, body: unknown, token = owner.token) {
  const res = await req(method, path, body, token);
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(method === 'POST' ? 201 : 200);
  return res.body;
}
const upload = (content: Buffer, fileName: string, token = coach.token, debt = debtId) => uploadFile(d, url(`debts/${debt}/documents`), content, fileName, token);
const download = (documentId: string, token = coach.token, debt = debtId) => downloadFile(d, url(`debts/${debt}/documents/${documentId}`), token);
const list = (token = coach.token, debt = debtId) => req('GET', `debts/${debt}/documents`, undefined, token);
const yearsAgo = (years: number) => `${Number(localDate(new Date()).slice(0, 4)) - years}-01-15`;

beforeAll(async () => {
  d = await startDichter();
  ({ owner, coach, counsellor, colleague, reader, slug } = await youthDebtTeam(d));
  const creditor = (await ok('POST', 'creditors', { name: 'Zorgverzekeraar', address: 'Postbus 1\n1000 AA Amsterdam' })).id;
  const participant = (await ok('POST', 'participants', { name: 'Daan de Jong', birthDate: yearsAgo(21), coachUserId: coach.id, counsellorUserId: counsellor.id, status: 'actief' })).id;
  debtId = (await ok('POST', 'debts', { participantId: participant, creditorId: creditor, amountCents: 123_456 })).id;
  const other = (await ok('POST', 'participants', { name: 'Eva Ander', birthDate: yearsAgo(23), coachUserId: colleague.id, status: 'actief' })).id;
  otherDebtId = (await ok('POST', 'debts', { participantId: other, creditorId: creditor, amountCents: 50_000 })).id;
}, 120_000);
afterAll(() => d?.close());

describe('documents on a debt', () => {
  it('starts empty, with an upload allowed for the own coach', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], total: 0, can: { upload: true } });
  });

  it('stores a creditor’s letter as PDF for the coach; the counsellor sees and opens it, the debt counts it', async () => {
    const added = await upload(pdf(), 'Aanmaning zorgverzekeraar.pdf');
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ fileName: 'Aanmaning zorgverzekeraar.pdf', contentType: 'application/pdf', sizeBytes: pdf().length, uploadedByName: coach.name, canDelete: true });

    const seen = await list(counsellor.token);
    expect(seen.body.items.map((i: { id: string }) => i.id)).toEqual([added.body.id]);
    const file = await download(added.body.id, counsellor.token);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="Aanmaning zorgverzekeraar\.pdf"/);
    expect(file.headers['cache-control']).toBe('private, no-store');
    expect(file.body.equals(pdf())).toBe(true);

    // Everyone who may read cases sees that there is a document, not what it is.
    expect((await ok('GET', `debts/${debtId}`, undefined, colleague.token)).documents).toBe(1);
  });

  it('strips the GPS position from a photo of a letter', async () => {
    const added = await upload(jpegWithGps(), 'brief.jpg', counsellor.token);
    expect(added.status).toBe(201);
    const file = await download(added.body.id);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['content-disposition']).toMatch(/^inline; /);
    expect(contains(file.body, 'GPS')).toBe(false);
    expect(contains(file.body, 'Jan Jansen')).toBe(false);
  });

  it('records every opening in the audit log, with the file name but never the bytes', async () => {
    const [doc] = (await list()).body.items;
    await download(doc.id, counsellor.token);
    const log = await d.request({ url: `/api/w/${slug}/audit?entity=youth_debt_debt_document&entityId=${doc.id}&limit=20`, token: owner.token });
    const actions = log.body.items.map((e: { action: string; actorName: string }) => `${e.action} ${e.actorName}`);
    expect(actions.filter((a: string) => a.startsWith('download')).length).toBeGreaterThanOrEqual(2);
    expect(actions).toContain(`download ${counsellor.name}`);
    expect(actions).toContain(`create ${coach.name}`);
    expect(JSON.stringify(log.body)).toContain('Aanmaning zorgverzekeraar.pdf');
    expect(JSON.stringify(log.body)).not.toContain('%PDF');
  });

  it('keeps the documents from every other member: colleague, beheerder and lezer get 403 and change nothing', async () => {
    const [doc] = (await list()).body.items;
    const before = await snapshot(d.runtime.database.db);
    for (const [user, id] of [
      [colleague, 'youth_debt.documents_not_allowed'],
      [owner, 'youth_debt.documents_not_allowed'],
      [reader, 'auth.forbidden'],
    ] as const) {
      const downloaded = await download(doc.id, user.token);
      const answers = [await list(user.token), { status: downloaded.status, body: downloaded.json() }, await upload(pdf(), 'x.pdf', user.token), await req('DELETE', `debts/${debtId}/documents/${doc.id}`, undefined, user.token)];
      expect(answers.map((a) => `${a.status} ${a.body.error.id}`)).toEqual(Array(4).fill(`403 ${id}`));
    }
    // Nor a coach on the debt of someone else's participant.
    expect((await upload(pdf(), 'x.pdf', coach.token, otherDebtId)).status).toBe(403);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('keeps them from another workspace: not through its own debts, not in this workspace', async () => {
    const [doc] = (await list()).body.items;
    const other = await youthDebtTeam(d);
    const otherUrl = (path: string) => `/api/w/${other.slug}/youth-debt/${path}`;
    const creditor = (await d.request({ method: 'POST', url: otherUrl('creditors'), token: other.owner.token, body: { name: 'Energie' } })).body.id;
    const participant = (await d.request({ method: 'POST', url: otherUrl('participants'), token: other.owner.token, body: { name: 'Ander Mens', birthDate: yearsAgo(20), coachUserId: other.coach.id, status: 'actief' } })).body.id;
    const ownDebt = (await d.request({ method: 'POST', url: otherUrl('debts'), token: other.owner.token, body: { participantId: participant, creditorId: creditor, amountCents: 10_000 } })).body.id;
    const before = await snapshot(d.runtime.database.db);
    // This workspace's document through the other workspace's own debt, and this workspace's debt there.
    const viaOwnDebt = await downloadFile(d, otherUrl(`debts/${ownDebt}/documents/${doc.id}`), other.coach.token);
    expect([viaOwnDebt.status, viaOwnDebt.json().error.id]).toEqual([404, 'youth_debt.document_not_found']);
    const viaOurDebt = await downloadFile(d, otherUrl(`debts/${debtId}/documents/${doc.id}`), other.coach.token);
    expect([viaOurDebt.status, viaOurDebt.json().error.id]).toEqual([404, 'youth_debt.debt_not_found']);
    // Here they are no member at all: the workspace does not exist for them.
    const here = await downloadFile(d, url(`debts/${debtId}/documents/${doc.id}`), other.coach.token);
    expect([here.status, here.json().error.id]).toEqual([404, 'workspace.not_found']);
    expect((await uploadFile(d, url(`debts/${debtId}/documents`), pdf(), 'x.pdf', other.coach.token)).status).toBe(404);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('refuses what is not a photo or a plain PDF, and a missing or unknown file, changing nothing', async () => {
    const before = await snapshot(d.runtime.database.db);
    const cases: [Buffer, string, string][] = [
      [Buffer.from('Beste meneer, u heeft een schuld.'), 'brief.pdf', 'youth_debt.document_type'],
      [pdfWithPackedAction('/JavaScript /JS (app.alert(1))'), 'brief.pdf', 'youth_debt.document_pdf_active'],
      [Buffer.alloc(0), 'leeg.pdf', 'youth_debt.document_unreadable'],
    ];
    for (const [content, name, id] of cases) {
      const res = await upload(content, name);
      expect(res.status, id).toBe(400);
      expect(res.body.error.id).toBe(id);
      expect(res.body.error.message).toMatch(/[a-z]/);
    }
    const json = await req('POST', `debts/${debtId}/documents`, { file: 'brief.pdf' }, coach.token);
    expect([json.status, json.body.error.id]).toEqual([415, 'youth_debt.document_not_multipart']);
    const unknown = await download('0190a3c4-0000-7000-8000-000000000000');
    expect([unknown.status, unknown.json().error.id]).toEqual([404, 'youth_debt.document_not_found']);
    const noDebt = await list(coach.token, '0190a3c4-0000-7000-8000-000000000000');
    expect([noDebt.status, noDebt.body.error.id]).toEqual([404, 'youth_debt.debt_not_found']);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('stops at 10 documents per debt, and lets the own counsellor remove one again', async () => {
    for (let n = (await list()).body.total; n < 10; n++) expect((await upload(pdf(), `bijlage ${n}.pdf`)).status).toBe(201);
    const full = await list();
    expect(full.body.can.upload).toBe(false);
    const over = await upload(pdf(), 'elfde.pdf');
    expect([over.status, over.body.error.id]).toEqual([409, 'youth_debt.document_limit']);

    const last = full.body.items.at(-1);
    expect((await req('DELETE', `debts/${debtId}/documents/${last.id}`, undefined, counsellor.token)).status).toBe(204);
    expect((await download(last.id)).status).toBe(404);
    expect((await list()).body).toMatchObject({ total: 9, can: { upload: true } });
    const log = await d.request({ url: `/api/w/${slug}/audit?entity=youth_debt_debt_document&entityId=${last.id}&limit=10`, token: owner.token });
    expect(log.body.items[0]).toMatchObject({ action: 'delete', actorName: counsellor.name });
  });

  it('goes with its debt when the debt is removed', async () => {
    const count = async () => Number((await d.runtime.database.db.selectFrom('youthDebtDebtDocuments').select((eb) => eb.fn.countAll().as('n')).where('debtId', '=', debtId).executeTakeFirstOrThrow()).n);
    expect(await count()).toBe(9);
    await d.runtime.database.db.deleteFrom('youthDebtDebts').where('id', '=', debtId).execute();
    expect(await count()).toBe(0);
  });
});
