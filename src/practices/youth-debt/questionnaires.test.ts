import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../platform/workdays';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { addMonths, dueDate, meanOf, momentState, participantDevelopment, scoreDevelopment, type QuestionnaireScores, type Scores } from './questionnaires';
import { youthDebtTeam } from './testing';

const flat = (n: number): Scores => ({ school: n, werk: n, wonen: n, gezondheid: n, financien: n, sociaalNetwerk: n, welzijn: n });

describe('questionnaire moments and due dates', () => {
  it('puts each moment at the start date plus its months, on the last day of a shorter month', () => {
    expect([0, 6, 12, 18, 24].map((m) => dueDate('2025-03-15', m as 0))).toEqual(['2025-03-15', '2025-09-15', '2026-03-15', '2026-09-15', '2027-03-15']);
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });

  it('opens a moment two weeks before its due date and calls it late six weeks after', () => {
    const due = '2026-06-15';
    expect(momentState(due, '2026-05-31', false)).toBe('gepland');
    expect(momentState(due, '2026-06-01', false)).toBe('open');
    expect(momentState(due, '2026-07-27', false)).toBe('open');
    expect(momentState(due, '2026-07-28', false)).toBe('te_laat');
    expect(momentState(due, '2026-05-01', true)).toBe('ingevuld');
  });
});

describe('score development', () => {
  it('rounds a mean to one decimal, halves away from zero in both directions', () => {
    expect(meanOf(37, 5)).toBe(7.4);
    expect(meanOf(9, 4)).toBe(2.3);
    expect(meanOf(-9, 4)).toBe(-2.3);
    expect(meanOf(0, 5)).toBe(0);
  });

  it('shows a participant’s scores per moment and the change from intake to the latest moment, per respondent', () => {
    const rows: QuestionnaireScores[] = [
      { participantId: 'p', moment: 0, respondent: 'jongere', scores: flat(3) },
      { participantId: 'p', moment: 12, respondent: 'jongere', scores: { ...flat(6), financien: 8 } },
      { participantId: 'p', moment: 6, respondent: 'jongere', scores: flat(5) },
      { participantId: 'p', moment: 6, respondent: 'begeleider', scores: flat(4) },
    ];
    const [young, coach] = participantDevelopment(rows);
    expect(young.moments.map((m) => m.moment)).toEqual([0, 6, 12]);
    expect(young.change).toEqual({ until: 12, scores: { ...flat(3), financien: 5 } });
    // No intake by the coach: no change to show.
    expect(coach.change).toBeNull();
  });

  it('hides the mean of fewer than 5 questionnaires, and the change since intake of fewer than 5 pairs', () => {
    const rows: QuestionnaireScores[] = [];
    for (let i = 0; i < 5; i++) rows.push({ participantId: `p${i}`, moment: 0, respondent: 'begeleider', scores: flat(3 + (i % 2)) });
    for (let i = 0; i < 4; i++) rows.push({ participantId: `p${i}`, moment: 6, respondent: 'begeleider', scores: flat(6) });
    rows.push({ participantId: 'p9', moment: 6, respondent: 'begeleider', scores: flat(9) }); // five at 6 months, but only four with an intake
    for (let i = 0; i < 3; i++) rows.push({ participantId: `p${i}`, moment: 0, respondent: 'jongere', scores: flat(5) });
    const dev = scoreDevelopment(rows);
    const coach = dev.respondents.find((r) => r.respondent === 'begeleider')!;
    const intake = coach.moments.find((m) => m.moment === 0)!;
    expect(intake.questionnaires).toBe(5);
    // (3 + 4 + 3 + 4 + 3) / 5
    expect(intake.domains.find((d) => d.domain === 'financien')!.score).toEqual({ mean: 3.4, n: 5, suppressed: false });
    expect(intake.domains[0].changeSinceIntake).toBeNull();
    const six = coach.moments.find((m) => m.moment === 6)!;
    expect(six.domains[0].score).toEqual({ mean: 6.6, n: 5, suppressed: false });
    expect(six.domains[0].changeSinceIntake).toEqual({ mean: null, n: null, suppressed: true });
    expect(coach.moments.find((m) => m.moment === 24)!.domains[0].score).toEqual({ mean: null, n: 0, suppressed: false });
    const young = dev.respondents.find((r) => r.respondent === 'jongere')!.moments[0];
    expect(young.questionnaires).toBeNull();
    expect(young.domains.every((d) => d.score.suppressed && d.score.mean === null)).toBe(true);
  });
});

// The API, against a real database

let d: TestDichter;
let owner: TestUser;
let coach: TestUser;
let counsellor: TestUser;
let colleague: TestUser;
let reader: TestUser;
let slug: string;
let participantId: string;
const today = localDate(new Date());
const started = addMonths(today, -13);
const req = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, token?: string) => d.request({ method, url: `/api/w/${slug}/youth-debt/${path}`, token: token ?? coach.token, body });
const pub = (method: 'GET' | 'POST', token: string, body?: unknown) => d.request({ method, url: `/api/public/youth-debt/questionnaires/${token}`, body });
const questionnaires = (id = participantId, token = coach.token) => req('GET', `participants/${id}/questionnaires`, undefined, token);

async function newParticipant(startDate = started) {
  const res = await req('POST', 'participants', { name: 'Sanne Visser', birthDate: addMonths(startDate, -12 * 21), startDate, coachUserId: coach.id, counsellorUserId: counsellor.id, status: 'actief' }, owner.token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function link(moment: number, id = participantId) {
  const res = await req('POST', `participants/${id}/questionnaire-links`, { moment });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; token: string; path: string; state: string; expiresAt: string };
}

beforeAll(async () => {
  d = await startDichter();
  ({ owner, coach, counsellor, colleague, reader, slug } = await youthDebtTeam(d));
  participantId = await newParticipant();
}, 120_000);
afterAll(() => d?.close());

describe('the coach’s questionnaire', () => {
  it('lists the five moments with their due dates; the first three are open or late, the last two planned', async () => {
    const res = await questionnaires();
    expect(res.status).toBe(200);
    expect(res.body.moments.map((m: { moment: number; dueDate: string }) => [m.moment, m.dueDate])).toEqual([0, 6, 12, 18, 24].map((m) => [m, dueDate(started, m as 0)]));
    expect(res.body.moments.map((m: { begeleider: { state: string } }) => m.begeleider.state)).toEqual(['te_laat', 'te_laat', 'open', 'gepland', 'gepland']);
    expect(res.body.can).toEqual({ fill: true, link: true });
  });

  it('is filled in by the participant’s own coach; the counsellor sees the scores, a colleague only that it was filled in', async () => {
    const scores = { school: 4, werk: 3, wonen: 6, gezondheid: 7, financien: 2, sociaalNetwerk: 5, welzijn: 4 };
    const res = await req('PUT', `participants/${participantId}/questionnaires`, { moment: 0, scores });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.moments[0].begeleider).toMatchObject({ state: 'ingevuld', filledBy: { via: 'lid', name: coach.name }, scores });

    const seenByCounsellor = await questionnaires(participantId, counsellor.token);
    expect(seenByCounsellor.body.moments[0].begeleider.scores).toEqual(scores);
    expect(seenByCounsellor.body.development[1].moments).toEqual([{ moment: 0, scores }]);

    for (const who of [colleague, owner]) {
      const seen = await questionnaires(participantId, who.token);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ scoresVisible: false, development: null, can: { fill: false, link: false } });
      expect(seen.body.moments[0].begeleider).toMatchObject({ state: 'ingevuld', scores: null });
    }
    expect((await questionnaires(participantId, reader.token)).status).toBe(403);
  });

  it('is refused to a member who is not the participant’s coach or counsellor, and changes nothing', async () => {
    const scores = { school: 9, werk: 9, wonen: 9, gezondheid: 9, financien: 9, sociaalNetwerk: 9, welzijn: 9 };
    const res = await req('PUT', `participants/${participantId}/questionnaires`, { moment: 6, scores }, colleague.token);
    expect(res.status).toBe(403);
    expect(res.body.error.id).toBe('youth_debt.questionnaire_not_allowed');
    const byLink = await req('POST', `participants/${participantId}/questionnaire-links`, { moment: 6 }, colleague.token);
    expect(byLink.body.error.id).toBe('youth_debt.questionnaire_not_allowed');
    expect((await questionnaires()).body.moments[1].begeleider.state).toBe('te_laat');
  });

  it('can be corrected by filling it in again, but not before the moment opens, and only with whole scores of 1 to 10', async () => {
    const scores = { school: 5, werk: 3, wonen: 6, gezondheid: 7, financien: 3, sociaalNetwerk: 5, welzijn: 5 };
    const again = await req('PUT', `participants/${participantId}/questionnaires`, { moment: 0, scores }, counsellor.token);
    expect(again.status).toBe(200);
    expect(again.body.moments[0].begeleider).toMatchObject({ filledBy: { name: counsellor.name }, scores });

    const early = await req('PUT', `participants/${participantId}/questionnaires`, { moment: 18, scores });
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({ id: 'youth_debt.questionnaire_not_due', fields: [{ path: 'moment' }] });
    expect(early.body.error.message).toContain(addMonths(started, 18).slice(0, 4));

    const bad = await req('PUT', `participants/${participantId}/questionnaires`, { moment: 6, scores: { ...scores, welzijn: 11 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'scores.welzijn', message: expect.stringContaining('1 tot en met 10') }]);
    const moment = await req('PUT', `participants/${participantId}/questionnaires`, { moment: 3, scores });
    expect(moment.body.error.fields[0]).toMatchObject({ path: 'moment', message: expect.stringContaining('6, 12, 18 of 24') });
  });
});

describe('the young person’s private link', () => {
  it('opens without an account, shows the moment but no name or number, and fills in the young person’s questionnaire once', async () => {
    const made = await link(6);
    expect(made.path).toBe(`/vragenlijst/${made.token}`);
    expect(made.state).toBe('actief');
    // The token is shown once: the list of links never shows it.
    const links = await req('GET', `participants/${participantId}/questionnaire-links`);
    expect(JSON.stringify(links.body)).not.toContain(made.token);
    expect(links.body.items[0]).toMatchObject({ id: made.id, moment: 6, state: 'actief', can: { revoke: true } });

    const opened = await pub('GET', made.token);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ moment: 6, domains: ['school', 'werk', 'wonen', 'gezondheid', 'financien', 'sociaalNetwerk', 'welzijn'] });
    expect(JSON.stringify(opened.body)).not.toMatch(/Sanne|JPF-|Jongerenbegeleider/);

    const scores = { school: 6, werk: 5, wonen: 7, gezondheid: 7, financien: 4, sociaalNetwerk: 8, welzijn: 7 };
    const sent = await pub('POST', made.token, { scores });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.moment).toBe(6);

    const view = (await questionnaires()).body;
    expect(view.moments[1].jongere).toMatchObject({ state: 'ingevuld', filledBy: { via: 'link', name: null }, scores });
    expect(view.moments[1].activeLink).toBeNull();

    for (const again of [await pub('POST', made.token, { scores }), await pub('GET', made.token)]) {
      expect(again.status).toBe(409);
      expect(again.body.error.id).toBe('youth_debt.link_used');
    }
    const another = await req('POST', `participants/${participantId}/questionnaire-links`, { moment: 6 });
    expect(another.status).toBe(409);
    expect(another.body.error.id).toBe('youth_debt.questionnaire_already_filled');
    const revokeUsed = await req('POST', `participants/${participantId}/questionnaire-links/${made.id}/revoke`);
    expect(revokeUsed.status).toBe(409);
    expect(revokeUsed.body.error.id).toBe('youth_debt.link_not_revocable');
  });

  it('refuses a revoked link, a replaced link, an expired link and a wrong token, each with its own error id', async () => {
    const first = await link(12);
    const second = await link(12);
    // Making a new link for the same moment revokes the one before.
    expect((await pub('GET', first.token)).body.error.id).toBe('youth_debt.link_revoked');
    expect((await pub('GET', second.token)).status).toBe(200);

    const revoked = await req('POST', `participants/${participantId}/questionnaire-links/${second.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ state: 'ingetrokken', can: { revoke: false } });
    const refused = await pub('POST', second.token, { scores: { school: 5, werk: 5, wonen: 5, gezondheid: 5, financien: 5, sociaalNetwerk: 5, welzijn: 5 } });
    expect(refused.status).toBe(404);
    expect(refused.body.error.id).toBe('youth_debt.link_revoked');
    expect((await questionnaires()).body.moments[2].jongere.state).toBe('open');

    const third = await link(12);
    await d.runtime.database.db.updateTable('youthDebtQuestionnaireLinks').set({ expiresAt: new Date(Date.now() - 1000) }).where('id', '=', third.id).execute();
    const expired = await pub('GET', third.token);
    expect(expired.status).toBe(404);
    expect(expired.body.error).toMatchObject({ id: 'youth_debt.link_expired', message: expect.stringContaining('verlopen') });

    const wrong = await pub('GET', 'a'.repeat(32));
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.id).toBe('youth_debt.link_not_found');
    expect((await pub('GET', 'kort')).status).toBe(400);
    const states = (await req('GET', `participants/${participantId}/questionnaire-links`)).body.items.map((l: { state: string }) => l.state);
    expect(states).toEqual(['verlopen', 'ingetrokken', 'ingetrokken', 'gebruikt']);
  });

  it('cannot be made or revoked by a colleague, and is not reachable through another workspace', async () => {
    const made = await link(12);
    const byColleague = await req('POST', `participants/${participantId}/questionnaire-links/${made.id}/revoke`, undefined, colleague.token);
    expect(byColleague.status).toBe(403);
    const other = await d.user('Ander');
    const otherSlug = await createWorkspace(d, other);
    const elsewhere = await d.request({ method: 'POST', url: `/api/w/${otherSlug}/youth-debt/participants/${participantId}/questionnaire-links/${made.id}/revoke`, token: other.token });
    expect(elsewhere.status).toBe(404);
    expect((await pub('GET', made.token)).status).toBe(200);
  });
});

describe('the effect monitor', () => {
  it('shows the mean per domain and moment only for groups of at least 5, with the change since intake', async () => {
    const ids = [participantId];
    for (let i = 0; i < 4; i++) ids.push(await newParticipant());
    const fill = (id: string, moment: number, n: number) => req('PUT', `participants/${id}/questionnaires`, { moment, scores: { ...flat(n), financien: n - 1 } });
    // Four intakes by the coach (the first participant's intake is there already: 5 in all), three at 6 months.
    for (const [i, id] of ids.slice(1).entries()) expect((await fill(id, 0, 3 + i)).status).toBe(200);
    for (const id of ids.slice(0, 3)) expect((await fill(id, 6, 7)).status).toBe(200);

    const monitor = await req('GET', 'effect-monitor', undefined, reader.token);
    expect(monitor.status).toBe(200);
    expect(monitor.body.minimumGroup).toBe(5);
    expect(monitor.body.participants).toBe(5);
    const coachRows = monitor.body.respondents.find((r: { respondent: string }) => r.respondent === 'begeleider');
    const intake = coachRows.moments[0];
    expect(intake.questionnaires).toBe(5);
    // financien: the first participant's 3, then 2, 3, 4, 5 → 17 / 5
    expect(intake.domains.find((x: { domain: string }) => x.domain === 'financien').score).toEqual({ mean: 3.4, n: 5, suppressed: false });
    const six = coachRows.moments[1];
    expect(six.questionnaires).toBeNull();
    expect(six.domains.every((x: { score: { suppressed: boolean; mean: null } }) => x.score.suppressed && x.score.mean === null)).toBe(true);
    // The young people: one questionnaire (by the link) — hidden.
    const young = monitor.body.respondents.find((r: { respondent: string }) => r.respondent === 'jongere');
    expect(young.moments[1].domains[0].score).toEqual({ mean: null, n: null, suppressed: true });

    for (const id of ids.slice(3)) expect((await fill(id, 6, 8)).status).toBe(200);
    const after = (await req('GET', 'effect-monitor', undefined, reader.token)).body.respondents.find((r: { respondent: string }) => r.respondent === 'begeleider').moments[1];
    expect(after.questionnaires).toBe(5);
    expect(after.domains[0].score).toEqual({ mean: 7.4, n: 5, suppressed: false });
    // school: from 5, 3, 4, 5, 6 at intake to 7, 7, 7, 8, 8 → +2, +4, +3, +3, +2 = 14 / 5
    expect(after.domains[0].changeSinceIntake).toEqual({ mean: 2.8, n: 5, suppressed: false });
  });
});

describe('two submissions through the same link at once', () => {
  it('stores one questionnaire and tells the second that the link was used', async () => {
    const id = await newParticipant(addMonths(today, -1));
    const made = await link(0, id);
    const scores = { school: 5, werk: 5, wonen: 5, gezondheid: 5, financien: 5, sociaalNetwerk: 5, welzijn: 5 };
    const answers = await Promise.all([pub('POST', made.token, { scores }), pub('POST', made.token, { scores: { ...scores, welzijn: 9 } })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.error.id).toBe('youth_debt.link_used');
    const view = (await questionnaires(id)).body;
    expect(view.moments[0].jongere.state).toBe('ingevuld');
    expect(view.development[0].moments).toHaveLength(1);
  });
});
