import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, loadDemo } from '../../platform/demo';
import { loadDemoAsBeheerder, startDichter, tokenOf, type TestDichter } from '../../../test/harness';
import { checkPdf } from '../../platform/files/files';
import { exportYouthDebt } from './exports';

let d: TestDichter;
let token: string;
const get = (path: string) => d.request({ url: `/api/w/${DEMO.slug}/youth-debt/${path}`, token });

beforeAll(async () => {
  d = await startDichter();
  token = await loadDemoAsBeheerder(d);
}, 180_000);
afterAll(() => d?.close());

describe('youth-debt demo data', () => {
  it('has 60 participants at every stage, numbered in the order they started, with debts — and loading the demo again adds nothing', async () => {
    await loadDemo(d.runtime.context(), d.runtime.registry, () => {});
    const list = await get('participants?limit=500');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(60);
    const by = (status: string) => list.body.items.filter((p: { status: string }) => p.status === status).length;
    expect([by('aanmelding'), by('intake'), by('actief'), by('afgerond'), by('uitgevallen')]).toEqual([8, 10, 26, 11, 5]);
    expect(list.body.items.map((p: { number: string }) => p.number).slice(0, 2)).toEqual(['JPF-0001', 'JPF-0002']);
    const starts = list.body.items.map((p: { startDate: string }) => p.startDate);
    expect([...starts].sort()).toEqual(starts);
    // The beheerder coaches nobody: numbers only.
    expect(list.body.items.every((p: { name: string | null }) => p.name === null)).toBe(true);
    expect(list.body.items.every((p: { debts: number }) => p.debts >= 1)).toBe(true);
    expect((await get('creditors')).body.total).toBe(8);

    const first = list.body.items[0];
    const offer = await get(`participants/${first.id}/offer`);
    expect(offer.status).toBe(200);
    expect(offer.body.payouts.reduce((s: number, p: { payoutCents: number }) => s + p.payoutCents, 0)).toBe(offer.body.paidOutCents);

    // The revolving fund started with €250,000 on the first start date; credits went out of it.
    const fund = (await get('fund')).body;
    expect(fund.settings).toMatchObject({ capitalCents: 25_000_000, capitalDate: first.startDate, sibDebtFreeCents: 250_000 });
    expect(fund.totals.kapitaal).toBe(25_000_000);
    expect(fund.totals.kredieten).toBeLessThan(0);
    expect(fund.balance).toBe(Object.values(fund.totals as Record<string, number>).reduce((a, b) => a + b, 0));
  });

  it('keeps a creditor’s reminder (a PDF that passes the upload checks) on the first debt of each active participant, for their coach and counsellor only', async () => {
    const actief = (await get('participants?status=actief&limit=500')).body.items;
    const debtsOf = async (id: string) => (await get(`debts?participantId=${id}`)).body.items;
    const withLetter = await Promise.all(actief.map(async (p: { id: string }) => (await debtsOf(p.id))[0].documents));
    expect(withLetter).toEqual(Array(26).fill(1));
    // The beheerder sees that there is a letter, not the letter.
    const [debt] = await debtsOf(actief[0].id);
    expect((await get(`debts/${debt.id}/documents`)).status).toBe(403);
    const counsellor = await tokenOf(d, 'partner@demo.dichter.nl');
    const docs = await d.request({ url: `/api/w/${DEMO.slug}/youth-debt/debts/${debt.id}/documents`, token: counsellor });
    expect(docs.body.items).toMatchObject([{ fileName: `Betalingsherinnering ${debt.creditorName}.pdf`, contentType: 'application/pdf' }]);
    const file = await d.app.server.inject({ url: `/api/w/${DEMO.slug}/youth-debt/debts/${debt.id}/documents/${docs.body.items[0].id}`, headers: { authorization: `Bearer ${counsellor}` } });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.toString('latin1')).toMatch(/^%PDF-1\.4[\s\S]*Volgens onze administratie staat er nog EUR [\d.]+,\d{2} open\.[\s\S]*%%EOF\n$/);
    expect(checkPdf(file.rawPayload)).toBe('ok');
  });

  it('exports the whole approach for `dichter export`, without names, contact notes or link tokens', async () => {
    const ws = (await d.request({ url: `/api/w/${DEMO.slug}`, token })).body;
    const data = await exportYouthDebt({ ...d.runtime.context(), workspace: { id: ws.id, slug: ws.slug, name: ws.name, role: 'beheerder' } });
    for (const key of ['youthDebtOffers', 'youthDebtOfferLines', 'youthDebtCredits', 'youthDebtLedgerEntries', 'youthDebtGoals', 'youthDebtContacts', 'youthDebtOutcomes', 'youthDebtQuestionnaires']) {
      expect(data[key]?.length, key).toBeGreaterThan(0);
    }
    const text = JSON.stringify(data);
    const names = (await d.runtime.database.db.selectFrom('youth_debt_participants' as never).select('name' as never).execute()) as { name: string }[];
    expect(names.some((n) => text.includes(n.name))).toBe(false);
    expect(Object.keys(data.youthDebtContacts[0] as object)).not.toContain('note');
    expect(text).not.toMatch(/token/i);
  });
});

