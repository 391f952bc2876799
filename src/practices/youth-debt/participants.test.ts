import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../platform/workdays';
import { startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { youthDebtTeam } from './testing';

let d: TestDichter;
let owner: TestUser;
let coach: TestUser;
let counsellor: TestUser;
let colleague: TestUser;
let reader: TestUser;
let slug: string;
const req = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, token = owner.token) => d.request({ method, url: `/api/w/${slug}/youth-debt/${path}`, token, body });
async function ok(method: 'POST' | 'PATCH', path: string, body: unknown, token = owner.token) {
  const res = await req(method, path, body, token);
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(method === 'POST' ? 201 : 200);
  return res.body;
}
const yearsAgo = (years: number) => `${Number(localDate(new Date()).slice(0, 4)) - years}-01-15`;

let participantId: string;
let taxOffice: string;
let shop: string;

beforeAll(async () => {
  d = await startDichter();
  ({ owner, coach, counsellor, colleague, reader, slug } = await youthDebtTeam(d));
  taxOffice = (await ok('POST', 'creditors', { name: 'Belastingdienst', address: 'Postbus 100\n6400 AC Heerlen', preferential: true })).id;
  shop = (await ok('POST', 'creditors', { name: 'Webwinkel' })).id;
}, 120_000);
afterAll(() => d?.close());

describe('participants: pseudonymous by default', () => {
  it('gives a new participant a number and shows the name only to the assigned coach and counsellor; others see the number', async () => {
    const created = await ok('POST', 'participants', {
      name: 'Daan de Jong',
      contact: '06-12345678',
      birthDate: yearsAgo(21),
      coachUserId: coach.id,
      counsellorUserId: counsellor.id,
      status: 'intake',
      monthlyIncomeCents: 110_000,
      vtlbCents: 90_000,
    });
    participantId = created.id;
    expect(created.number).toBe('JPF-0001');
    // The beheerder registered the participant but is neither coach nor counsellor.
    expect(created).toMatchObject({ name: null, contact: null, birthDate: null, personalVisible: false, ageAtStart: 21, monthlyCapacityCents: 20_000 });

    for (const who of [coach, counsellor]) {
      const seen = await req('GET', `participants/${participantId}`, undefined, who.token);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ number: 'JPF-0001', name: 'Daan de Jong', contact: '06-12345678', birthDate: yearsAgo(21), personalVisible: true });
      const list = await req('GET', 'participants', undefined, who.token);
      expect(list.body.items[0]).toMatchObject({ number: 'JPF-0001', name: 'Daan de Jong' });
    }
    for (const who of [owner, colleague]) {
      const seen = await req('GET', `participants/${participantId}`, undefined, who.token);
      expect(seen.body).toMatchObject({ number: 'JPF-0001', name: null, contact: null, birthDate: null, personalVisible: false });
      expect(JSON.stringify(seen.body)).not.toContain('Daan');
      const list = await req('GET', 'participants', undefined, who.token);
      expect(list.body.items[0]).toMatchObject({ number: 'JPF-0001', name: null, coach: { userId: coach.id, name: coach.name } });
      expect(JSON.stringify(list.body)).not.toContain('Daan');
    }
    // A lezer does not work on cases.
    expect((await req('GET', 'participants', undefined, reader.token)).status).toBe(403);
  });

  it('logs every read of a name, and keeps the name, contact and date of birth out of the audit log', async () => {
    const log = await d.request({ url: `/api/w/${slug}/audit?entity=youth_debt_participant&entityId=${participantId}&limit=100`, token: owner.token });
    expect(log.status).toBe(200);
    const reads = log.body.items.filter((e: { action: string }) => e.action === 'read_personal');
    // Two reads each (page and list) by the coach and the counsellor; none for the others.
    expect(reads).toHaveLength(4);
    expect(reads.map((e: { actorName: string }) => e.actorName).sort()).toEqual([coach.name, coach.name, counsellor.name, counsellor.name].sort());
    expect(reads.every((e: { entityLabel: string }) => e.entityLabel === 'JPF-0001')).toBe(true);
    expect(JSON.stringify(log.body)).not.toContain('Daan');
    expect(JSON.stringify(log.body)).not.toContain('06-12345678');
  });

  it('lets only the coach or counsellor change personal details', async () => {
    const refused = await req('PATCH', `participants/${participantId}`, { name: 'Iemand Anders' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.id).toBe('youth_debt.personal_not_allowed');
    // The programme may still change the status and the coaching.
    expect((await ok('PATCH', `participants/${participantId}`, { status: 'actief' })).status).toBe('actief');
    const renamed = await ok('PATCH', `participants/${participantId}`, { contact: 'daan@example.org' }, counsellor.token);
    expect(renamed.contact).toBe('daan@example.org');
  });

  it('does not let a case worker make themselves coach or counsellor to see a name; the programme assigns', async () => {
    for (const field of ['coachUserId', 'counsellorUserId']) {
      const grab = await req('PATCH', `participants/${participantId}`, { [field]: colleague.id }, colleague.token);
      expect(grab.status, field).toBe(403);
      expect(grab.body.error.id).toBe('youth_debt.assign_not_allowed');
    }
    expect((await req('GET', `participants/${participantId}`, undefined, colleague.token)).body.name).toBeNull();
    // the programme may reassign, and then the new coach sees the name
    await ok('PATCH', `participants/${participantId}`, { coachUserId: colleague.id });
    expect((await req('GET', `participants/${participantId}`, undefined, colleague.token)).body.name).not.toBeNull();
    await ok('PATCH', `participants/${participantId}`, { coachUserId: coach.id });
  });

  it('checks age, BSN, personal data in explanations, the reason for leaving, members and areas', async () => {
    const base = { name: 'Sanne Visser', birthDate: yearsAgo(30), coachUserId: coach.id };
    const old = await req('POST', 'participants', base);
    expect(old.status).toBe(400);
    expect(old.body.error.id).toBe('youth_debt.age_out_of_range');
    expect(old.body.error.fields).toEqual([{ path: 'ageExceptionReason', message: expect.stringContaining('18 tot en met 27') }]);
    const excepted = await ok('POST', 'participants', { ...base, ageExceptionReason: 'Schulden ontstaan vóór het 27e jaar; besloten in het casusoverleg' });
    expect(excepted.number).toBe('JPF-0002');

    const bsn = await req('POST', 'participants', { ...base, birthDate: yearsAgo(20), name: 'Sanne 111222333' });
    expect(bsn.body.error.id).toBe('youth_debt.bsn_not_allowed');
    const leaving = await req('PATCH', `participants/${excepted.id}`, { status: 'uitgevallen' });
    expect(leaving.body.error.id).toBe('youth_debt.leaving_reason_required');
    const guarded = await req('PATCH', `participants/${excepted.id}`, { status: 'uitgevallen', leavingReason: 'Bel haar op 0612345678' });
    expect(guarded.body.error.id).toBe('youth_debt.personal_data');
    expect((await ok('PATCH', `participants/${excepted.id}`, { status: 'uitgevallen', leavingReason: 'Verhuisd naar een andere gemeente' })).leavingReason).toBe('Verhuisd naar een andere gemeente');

    const stranger = await d.user('Geen lid');
    const notMember = await req('POST', 'participants', { ...base, birthDate: yearsAgo(20), counsellorUserId: stranger.id });
    expect(notMember.body.error).toMatchObject({ id: 'youth_debt.not_member', fields: [{ path: 'counsellorUserId', message: expect.any(String) }] });
    const area = await req('POST', 'participants', { ...base, birthDate: yearsAgo(20), areaId: '0190a3c4-0000-7000-8000-000000000000' });
    expect(area.body.error.id).toBe('youth_debt.area_not_found');
    // Nothing of the refused ones was stored.
    expect((await req('GET', 'participants')).body.total).toBe(2);
  });
});

describe('debts and the participant’s offer', () => {
  it('offers 30 % / 60 % from income − VTLB over the workspace’s term, in cents that add up', async () => {
    await ok('POST', 'debts', { participantId, creditorId: shop, amountCents: 533_333 });
    await ok('POST', 'debts', { participantId, creditorId: shop, amountCents: 266_667 });
    const tax = await ok('POST', 'debts', { participantId, creditorId: taxOffice, amountCents: 200_000 });
    expect(tax).toMatchObject({ preferential: true, status: 'open', creditorName: 'Belastingdienst', participantNumber: 'JPF-0001' });

    const offer = await req('GET', `participants/${participantId}/offer`, undefined, colleague.token);
    expect(offer.status).toBe(200);
    expect(offer.body).toMatchObject({ number: 'JPF-0001', monthlyCapacityCents: 20_000, termMonths: 18, availableCents: 360_000, paidOutCents: 360_000, concurrentPercentage: 30, preferentialPercentage: 60 });
    expect(offer.body.debts.map((x: { payoutCents: number }) => x.payoutCents)).toEqual([160_000, 80_000, 120_000]);
    expect(offer.body.payouts.reduce((s: number, p: { payoutCents: number }) => s + p.payoutCents, 0)).toBe(360_000);

    const list = await req('GET', `debts?participantId=${participantId}`);
    expect(list.body.total).toBe(3);
    const participant = await req('GET', `participants/${participantId}`);
    expect(participant.body).toMatchObject({ debts: 3, debtTotalCents: 1_000_000 });
  });

  it('uses the workspace settings for term and multiplier, which only the programme may change', async () => {
    expect((await req('PATCH', 'settings', { termMonths: 36 }, coach.token)).status).toBe(403);
    expect(await ok('PATCH', 'settings', { termMonths: 36 })).toMatchObject({ termMonths: 36, preferentialMultiplier: 2 });
    const offer = await req('GET', `participants/${participantId}/offer`);
    // A = 720 000: p = 720 000 / (800 000 + 400 000) = 60 %, preferential 120 % → capped: p = (720 000 − 200 000) / 800 000 = 65 %.
    expect(offer.body).toMatchObject({ termMonths: 36, concurrentPercentage: 65, preferentialPercentage: 100, paidOutCents: 720_000 });
    const preview = await req('POST', 'offer-preview', { monthlyCapacityCents: 20_000, debts: [{ creditor: 'X', amountCents: 1_000_000, preferential: false }] });
    expect(preview.body.concurrentPercentage).toBe(72);
    await ok('PATCH', 'settings', { termMonths: 18 });
  });

  it('changes a debt’s status and refuses unknown creditors and participants', async () => {
    const debts = (await req('GET', `debts?participantId=${participantId}`)).body.items;
    expect((await ok('PATCH', `debts/${debts[0].id}`, { status: 'voorgesteld' })).status).toBe('voorgesteld');
    const unknown = await req('POST', 'debts', { participantId, creditorId: '0190a3c4-0000-7000-8000-000000000000', amountCents: 1 });
    expect(unknown.body.error.id).toBe('youth_debt.creditor_unknown');
    const nobody = await req('POST', 'debts', { participantId: '0190a3c4-0000-7000-8000-000000000000', creditorId: shop, amountCents: 1 });
    expect(nobody.body.error.id).toBe('youth_debt.participant_unknown');
    const dup = await req('POST', 'creditors', { name: 'webwinkel' });
    expect(dup.status).toBe(409);
  });
});
