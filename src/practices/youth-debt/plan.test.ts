import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../platform/demo';
import { findPersonalData } from '../../platform/privacy';
import { localDate } from '../../platform/workdays';
import { loadDemoAsBeheerder, startDichter, type TestDichter, type TestUser } from '../../../test/harness';
import { addMonths, goalProgress, outcomeOpen, timeline, wholeShares } from './plan';
import { youthDebtTeam } from './testing';

// The perspective plan's rules, without a database

describe('perspective plan: progress of a goal', () => {
  it('follows the steps done, in whole percents rounded half up', () => {
    expect(goalProgress([{ done: true }, { done: false }, { done: false }], 0)).toBe(33);
    expect(goalProgress([{ done: true }, { done: true }, { done: false }], 0)).toBe(67);
    expect(goalProgress([{ done: true }, ...Array(7).fill({ done: false })], 0)).toBe(13);
    expect(goalProgress([{ done: true }, { done: true }], 0)).toBe(100);
  });
  it('is what the coach set when the goal has no steps, whatever was set before steps existed', () => {
    expect(goalProgress([], 40)).toBe(40);
    expect(goalProgress([{ done: false }], 40)).toBe(0);
  });
});

describe('perspective plan: the two-year timeline', () => {
  it('adds months to a date, ending on the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 24)).toBe('2028-11-15');
    expect(addMonths('2026-12-10', 1)).toBe('2027-01-10');
  });

  it('plans intake, offer, credit, four evaluations and the end of coaching from the start date, with contacts and goals reached in date order', () => {
    const entries = timeline({
      startDate: '2026-01-31',
      status: 'actief',
      today: '2026-09-01',
      goals: [
        { id: 'g1', title: 'Startkwalificatie halen', domain: 'school', status: 'bereikt', reachedOn: '2026-07-31' },
        { id: 'g2', title: 'Eigen kamer', domain: 'wonen', status: 'open', reachedOn: null },
      ],
      contacts: [
        { id: 'c2', date: '2026-07-31', kind: 'huisbezoek' },
        { id: 'c1', date: '2026-02-10', kind: 'gesprek' },
      ],
      outcome: null,
    });
    expect(entries.map((e) => [e.date, e.kind === 'milestone' ? e.milestone : e.kind, e.past])).toEqual([
      ['2026-01-31', 'intake', true],
      ['2026-02-10', 'contact', true],
      ['2026-03-31', 'settlement_offer', true],
      ['2026-04-30', 'credit_granted', true],
      // on one day: the milestone first, then the contact, then the goal reached
      ['2026-07-31', 'evaluation_6', true],
      ['2026-07-31', 'contact', true],
      ['2026-07-31', 'goal_reached', true],
      ['2027-01-31', 'evaluation_12', false],
      ['2027-07-31', 'evaluation_18', false],
      ['2028-01-31', 'evaluation_24', false],
      ['2028-01-31', 'end_of_coaching', false],
    ]);
    expect(entries.find((e) => e.kind === 'goal_reached')).toMatchObject({ title: 'Startkwalificatie halen', domain: 'school' });
  });

  it('leaves out the milestones still ahead once a participant has left, and ends with the outcome', () => {
    const entries = timeline({ startDate: '2026-01-15', status: 'uitgevallen', today: '2026-08-01', goals: [], contacts: [], outcome: { recordedOn: '2026-08-01' } });
    expect(entries.map((e) => (e.kind === 'milestone' ? e.milestone : e.kind))).toEqual(['intake', 'settlement_offer', 'credit_granted', 'evaluation_6', 'outcome']);
  });

  it('opens the outcomes at the end, or from 24 months after the start', () => {
    expect(outcomeOpen('actief', '2026-01-15', '2028-01-14')).toBe(false);
    expect(outcomeOpen('actief', '2026-01-15', '2028-01-15')).toBe(true);
    expect(outcomeOpen('afgerond', '2026-01-15', '2026-06-01')).toBe(true);
    expect(outcomeOpen('uitgevallen', '2026-01-15', '2026-02-01')).toBe(true);
  });

  it('gives outcome shares in whole percents that add up to 100', () => {
    expect(wholeShares([1, 1, 1])).toEqual([34, 33, 33]);
    expect(wholeShares([2, 1, 0])).toEqual([67, 33, 0]);
    expect(wholeShares([0, 0, 0])).toEqual([0, 0, 0]);
    expect(wholeShares([5, 5, 0])).toEqual([50, 50, 0]);
  });
});

// The API against a real database

let d: TestDichter;
let owner: TestUser;
let coach: TestUser;
let counsellor: TestUser;
let colleague: TestUser;
let reader: TestUser;
let slug: string;
let participantId: string;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const req = (method: Method, path: string, body?: unknown, token = owner.token) => d.request({ method, url: `/api/w/${slug}/youth-debt/${path}`, token, body });
async function ok(method: Method, path: string, body: unknown, token = owner.token) {
  const res = await req(method, path, body, token);
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(method === 'POST' ? 201 : 200);
  return res.body;
}
const today = () => localDate(new Date());
const yearsAgo = (years: number) => `${Number(today().slice(0, 4)) - years}-01-15`;
const count = async (table: string) => Number((await d.runtime.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const answers = (debtFree: string) => ({ debtFree, inEducation: 'ja', inWork: 'onbekend', stableHousing: 'ja', socialAssistance: 'nee' });

beforeAll(async () => {
  d = await startDichter();
  ({ owner, coach, counsellor, colleague, reader, slug } = await youthDebtTeam(d));
  participantId = (await ok('POST', 'participants', { name: 'Daan de Jong', birthDate: yearsAgo(21), coachUserId: coach.id, counsellorUserId: counsellor.id, status: 'actief', startDate: addMonths(today(), -7) })).id;
}, 120_000);
afterAll(() => d?.close());

describe('perspective plan: goals per life domain', () => {
  let goalId: string;

  it('lets the coach add a goal with steps, tick one off and see the progress follow', async () => {
    const goal = await ok('POST', 'goals', { participantId, domain: 'werk', title: 'Een baan van minstens 24 uur', steps: [{ title: 'Cv maken' }, { title: 'Drie sollicitaties' }, { title: 'Proefdag' }] }, coach.token);
    goalId = goal.id;
    expect(goal).toMatchObject({ domain: 'werk', status: 'open', progress: 0, progressFromSteps: true });
    expect(goal.steps.map((s: { title: string }) => s.title)).toEqual(['Cv maken', 'Drie sollicitaties', 'Proefdag']);

    const ticked = await ok('PATCH', `goals/${goalId}`, { steps: goal.steps.map((s: { id: string; title: string }, i: number) => ({ id: s.id, title: s.title, done: i === 0 })) }, coach.token);
    expect(ticked.progress).toBe(33);
    expect(ticked.steps[0]).toMatchObject({ id: goal.steps[0].id, done: true, doneOn: today() });
    expect(ticked.steps[1]).toMatchObject({ id: goal.steps[1].id, done: false, doneOn: null });

    // Setting a percentage on a goal with steps would contradict them.
    const contradict = await req('PATCH', `goals/${goalId}`, { progress: 80 }, coach.token);
    expect(contradict.status).toBe(400);
    expect(contradict.body.error.fields).toEqual([{ path: 'progress', message: expect.stringContaining('stappen') }]);
  });

  it('takes the coach’s percentage for a goal without steps, and dates a goal reached', async () => {
    const health = await ok('POST', 'goals', { participantId, domain: 'gezondheid', title: 'Weer sporten', progress: 40 });
    expect(health).toMatchObject({ progress: 40, progressFromSteps: false, reachedOn: null });
    const reached = await ok('PATCH', `goals/${health.id}`, { status: 'bereikt', progress: 100 });
    expect(reached).toMatchObject({ status: 'bereikt', progress: 100, reachedOn: today() });
    const list = await ok('GET', `goals?participantId=${participantId}`, undefined, counsellor.token);
    expect(list.items.map((g: { domain: string }) => g.domain)).toEqual(['werk', 'gezondheid']);
  });

  it('refuses a BSN or phone number in a goal, keeps a lezer out, and asks nothing of an unknown participant', async () => {
    const bsn = await req('POST', 'goals', { participantId, domain: 'financien', title: 'Aanvraag voor BSN 111222333 afronden' });
    expect(bsn.status).toBe(400);
    expect(bsn.body.error.id).toBe('youth_debt.plan_personal_data');
    const step = await req('PATCH', `goals/${goalId}`, { steps: [{ title: 'Bel 06-12345678' }] });
    expect(step.body.error.fields[0].path).toBe('steps.0.title');
    expect((await req('GET', 'goals', undefined, reader.token)).status).toBe(403);
    const unknown = await req('POST', 'goals', { participantId: '0190a3c4-0000-7000-8000-000000000000', domain: 'wonen', title: 'Kamer' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('participantId');
  });

  it('removes a goal with its steps', async () => {
    const tmp = await ok('POST', 'goals', { participantId, domain: 'wonen', title: 'Tijdelijk doel', steps: [{ title: 'Stap' }] });
    const before = await count('youthDebtGoalSteps');
    expect((await req('DELETE', `goals/${tmp.id}`)).status).toBe(204);
    expect((await req('GET', `goals/${tmp.id}`)).status).toBe(404);
    expect(await count('youthDebtGoalSteps')).toBe(before - 1);
  });
});

describe('coaching contacts: the note is personal', () => {
  let contactId: string;

  it('lets the coach record a contact with a note, and shows the note only to the coach and counsellor', async () => {
    const created = await ok('POST', 'contacts', { participantId, date: today(), kind: 'huisbezoek', durationMinutes: 45, note: 'Samen de post doorgenomen; volgende keer het budgetplan.' }, coach.token);
    contactId = created.id;
    expect(created).toMatchObject({ kind: 'huisbezoek', durationMinutes: 45, date: today(), note: 'Samen de post doorgenomen; volgende keer het budgetplan.' });
    expect((await ok('GET', `contacts/${contactId}`, undefined, counsellor.token)).note).toContain('budgetplan');

    for (const who of [owner, colleague]) {
      const one = await ok('GET', `contacts/${contactId}`, undefined, who.token);
      expect(one).toMatchObject({ kind: 'huisbezoek', note: null });
      const plan = await ok('GET', `participants/${participantId}/plan`, undefined, who.token);
      expect(plan.notesVisible).toBe(false);
      expect(plan.contacts[0]).toMatchObject({ id: contactId, note: null });
      const list = await ok('GET', 'contacts', undefined, who.token);
      expect(JSON.stringify([one, plan, list])).not.toContain('budgetplan');
    }
    // An unrelated colleague may not write in someone else's contact log either.
    const write = await req('POST', 'contacts', { participantId, date: today(), kind: 'gesprek', note: 'Poging' }, colleague.token);
    expect(write.status).toBe(403);
    expect(write.body.error.id).toBe('youth_debt.contact_not_allowed');
    expect((await req('PATCH', `contacts/${contactId}`, { note: 'Overschreven' }, colleague.token)).status).toBe(403);
  });

  it('logs who read the notes, and keeps the note out of the audit log', async () => {
    const log = await d.request({ url: `/api/w/${slug}/audit?limit=200`, token: owner.token });
    expect(log.status).toBe(200);
    const reads = log.body.items.filter((e: { action: string }) => e.action === 'read_notes');
    // The coach read it back on saving, the counsellor opened it; the others saw no note, so no read.
    expect(reads.map((e: { actorName: string }) => e.actorName).sort()).toEqual([coach.name, counsellor.name].sort());
    expect(JSON.stringify(log.body)).not.toContain('budgetplan');
    expect(log.body.items.some((e: { entity: string; action: string }) => e.entity === 'youth_debt_contact' && e.action === 'create')).toBe(true);
  });

  it('refuses a note with a BSN, IBAN or e-mail address and writes nothing', async () => {
    const contactsBefore = await count('youthDebtContacts');
    const auditBefore = await count('auditLog');
    for (const note of ['Nieuw BSN 111222333 doorgegeven', 'Betaalt via NL91ABNA0417164300', 'Mail naar daan@example.org']) {
      const res = await req('POST', 'contacts', { participantId, date: today(), kind: 'gesprek', note }, coach.token);
      expect(res.status, note).toBe(400);
      expect(res.body.error.id).toBe('youth_debt.note_personal_data');
      expect(res.body.error.fields).toEqual([{ path: 'note', message: expect.stringContaining('BSN') }]);
    }
    const edit = await req('PATCH', `contacts/${contactId}`, { note: 'Bel 06-12345678' }, coach.token);
    expect(edit.body.error.id).toBe('youth_debt.note_personal_data');
    expect(await count('youthDebtContacts')).toBe(contactsBefore);
    expect(await count('auditLog')).toBe(auditBefore);
    expect((await ok('GET', `contacts/${contactId}`, undefined, coach.token)).note).toContain('budgetplan');
  });

  it('refuses a contact in the future and a note over 1000 characters', async () => {
    const future = await req('POST', 'contacts', { participantId, date: addMonths(today(), 1), kind: 'gesprek' }, coach.token);
    expect(future.body.error.fields[0].path).toBe('date');
    const long = await req('POST', 'contacts', { participantId, date: today(), kind: 'gesprek', note: 'x'.repeat(1001) }, coach.token);
    expect(long.status).toBe(400);
    expect(long.body.error.fields[0].path).toBe('note');
  });

  it('lets the counsellor remove a contact', async () => {
    expect((await req('DELETE', `contacts/${contactId}`, undefined, counsellor.token)).status).toBe(204);
    expect((await req('GET', `contacts/${contactId}`)).status).toBe(404);
  });
});

describe('coach stories become observations', () => {
  it('lets the coach share a story from a contact as an observation (verhaal) of the workspace, once, without name or number', async () => {
    const contact = await ok('POST', 'contacts', { participantId, date: addMonths(today(), -1), kind: 'gesprek', note: 'Over de stage gesproken.' }, coach.token);
    expect(contact.observationId).toBeNull();
    const story = {
      title: 'Stage gaf weer ritme',
      text: 'Sinds de stage bij de fietsenmaker staat hij op tijd op en komt hij alle afspraken na. De vaste lasten zijn geregeld; nu durft hij weer plannen te maken.',
    };
    const shared = await ok('POST', `contacts/${contact.id}/story`, story, coach.token);
    expect(shared).toEqual({ observationId: expect.any(String), number: expect.any(Number) });

    // In the core: a story of the workspace with the tag, dated on the contact, not public, no participant in it.
    const obs = await d.request({ url: `/api/w/${slug}/observations/${shared.observationId}`, token: colleague.token });
    expect(obs.status).toBe(200);
    expect(obs.body).toMatchObject({ kind: 'verhaal', title: story.title, text: story.text, visibility: 'workspace', tags: ['schuldenaanpak'] });
    expect(obs.body.occurredAt.slice(0, 10)).toBe(contact.date);
    expect(JSON.stringify(obs.body)).not.toMatch(/Daan|JPF-\d/);
    expect((await ok('GET', `contacts/${contact.id}`, undefined, owner.token)).observationId).toBe(shared.observationId);

    const again = await req('POST', `contacts/${contact.id}/story`, story, coach.token);
    expect(again.status).toBe(409);
    expect(again.body.error.id).toBe('youth_debt.story_exists');
  });

  it('is only for the own coach and counsellor, refuses personal data and public stories, and then stores nothing', async () => {
    const contact = await ok('POST', 'contacts', { participantId, date: today(), kind: 'telefonisch' }, counsellor.token);
    const story = { title: 'Schuldeiser wilde meewerken', text: 'Na één telefoontje ging de deurwaarder akkoord met het voorstel; dat scheelde weken.' };
    const observationsBefore = await count('observations');
    const auditBefore = await count('auditLog');
    const other = await req('POST', `contacts/${contact.id}/story`, story, colleague.token);
    expect(other.status).toBe(403);
    expect(other.body.error.id).toBe('youth_debt.contact_not_allowed');
    const iban = await req('POST', `contacts/${contact.id}/story`, { ...story, text: `${story.text} Betaalt via NL91ABNA0417164300.` }, counsellor.token);
    expect(iban.status).toBe(400);
    const open = await req('POST', `contacts/${contact.id}/story`, { ...story, visibility: 'public' }, counsellor.token);
    expect(open.status).toBe(400);
    const short = await req('POST', `contacts/${contact.id}/story`, { title: 'Kort', text: 'Te kort.' }, counsellor.token);
    expect(short.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['text']);
    expect(await count('observations')).toBe(observationsBefore);
    expect(await count('auditLog')).toBe(auditBefore);
    expect((await ok('GET', `contacts/${contact.id}`, undefined, counsellor.token)).observationId).toBeNull();
    // Today's contact: the story is dated now.
    const shared = await ok('POST', `contacts/${contact.id}/story`, story, counsellor.token);
    const obs = await d.request({ url: `/api/w/${slug}/observations/${shared.observationId}`, token: counsellor.token });
    expect(obs.body.occurredAt.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe('outcomes at the end', () => {
  it('refuses outcomes for a running participant before 24 months, and records them once finished', async () => {
    const early = await req('PUT', `participants/${participantId}/outcome`, answers('ja'));
    expect(early.status).toBe(409);
    expect(early.body.error.id).toBe('youth_debt.outcome_too_early');
    expect((await ok('GET', `participants/${participantId}/plan`, undefined)).outcomeOpen).toBe(false);

    await ok('PATCH', `participants/${participantId}`, { status: 'afgerond' });
    const plan = await ok('PUT', `participants/${participantId}/outcome`, answers('ja'));
    expect(plan.outcome).toEqual({ ...answers('ja'), recordedOn: today() });
    expect(plan.timeline.at(-1)).toMatchObject({ kind: 'outcome', date: today() });
    // The timeline holds the goal reached and no milestone after the end.
    expect(plan.timeline.some((e: { kind: string }) => e.kind === 'goal_reached')).toBe(true);
    expect(plan.timeline.filter((e: { kind: string; past: boolean }) => e.kind === 'milestone' && !e.past)).toEqual([]);

    const corrected = await ok('PUT', `participants/${participantId}/outcome`, { ...answers('nee'), recordedOn: addMonths(today(), -1) });
    expect(corrected.outcome).toMatchObject({ debtFree: 'nee', recordedOn: addMonths(today(), -1) });
    const log = await d.request({ url: `/api/w/${slug}/audit?entity=youth_debt_outcome&entityId=${participantId}`, token: owner.token });
    expect(log.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
  });

  it('opens the outcomes of an active participant from 24 months after the start', async () => {
    const long = await ok('POST', 'participants', { name: 'Lang Traject', birthDate: yearsAgo(24), coachUserId: coach.id, status: 'actief', startDate: addMonths(today(), -24) });
    expect((await ok('PUT', `participants/${long.id}/outcome`, answers('onbekend'))).outcome.debtFree).toBe('onbekend');
  });
});

describe('the dashboard’s plan figures', () => {
  it('shows no figure for a group of fewer than 5 participants, nor one that gives it away', async () => {
    // Two participants have outcomes by now (nee and onbekend): too few for any figure.
    let summary = await ok('GET', 'plan-summary', undefined, reader.token);
    const debtFree = () => summary.outcomes.find((o: { outcome: string }) => o.outcome === 'debtFree');
    expect(debtFree().recorded).toEqual({ value: null, suppressed: true });
    expect(debtFree().answers.every((a: { participants: { suppressed: boolean }; percent: number | null }) => a.participants.suppressed && a.percent === null)).toBe(true);
    // One participant reached one goal (gezondheid), two goals in all: hidden too.
    expect(summary.goals.find((g: { domain: string }) => g.domain === 'gezondheid').reached).toEqual({ value: null, suppressed: true });
    expect(summary.goalTotals.goals).toEqual({ value: null, suppressed: true });

    // Eight more finish: debt-free 5 yes and 3 more no.
    for (let i = 0; i < 8; i++) {
      const p = await ok('POST', 'participants', { name: `Deelnemer ${i}`, birthDate: yearsAgo(22), coachUserId: coach.id, status: 'afgerond' });
      await ok('PUT', `participants/${p.id}/outcome`, answers(i < 5 ? 'ja' : 'nee'));
      await ok('POST', 'goals', { participantId: p.id, domain: 'financien', title: 'Overzicht van de post' });
    }
    summary = await ok('GET', 'plan-summary', undefined, reader.token);
    expect(debtFree().recorded).toEqual({ value: 10, suppressed: false });
    const byAnswer = Object.fromEntries(debtFree().answers.map((a: { answer: string }) => [a.answer, a]));
    // ja 5, nee 4, onbekend 1: the 1 is hidden, and the 4 too, or it would follow from 10 − 5 − 4.
    expect(byAnswer.ja).toEqual({ answer: 'ja', participants: { value: 5, suppressed: false }, percent: 50 });
    expect(byAnswer.nee.participants).toEqual({ value: null, suppressed: true });
    expect(byAnswer.onbekend.participants).toEqual({ value: null, suppressed: true });
    // Everyone was in education and nobody on social assistance: whole groups, shown in full.
    expect(summary.outcomes.find((o: { outcome: string }) => o.outcome === 'inEducation').answers[0]).toEqual({ answer: 'ja', participants: { value: 10, suppressed: false }, percent: 100 });
    expect(summary.goals.find((g: { domain: string }) => g.domain === 'financien').goals).toEqual({ value: 8, suppressed: false });
    expect(JSON.stringify(summary)).not.toMatch(/JPF-|Daan/);
  });
});

describe('the demo’s perspective plans', () => {
  let demo: TestDichter;
  let token: string;
  const get = async (path: string) => {
    const res = await demo.request({ url: `/api/w/${DEMO.slug}/youth-debt/${path}`, token });
    expect(res.status, path).toBe(200);
    return res.body;
  };
  beforeAll(async () => {
    demo = await startDichter();
    token = await loadDemoAsBeheerder(demo);
  }, 180_000);
  afterAll(() => demo?.close());

  it('gives plans by stage — none at registration, outcomes only at the end — with notes free of personal data, and dashboard figures', async () => {
    const participants = (await get('participants?limit=500')).items as { id: string; status: string }[];
    for (const p of participants) {
      const plan = await get(`participants/${p.id}/plan`);
      if (p.status === 'aanmelding') expect(plan.goals, p.status).toEqual([]);
      else expect(plan.goals.length, p.status).toBeGreaterThan(0);
      expect(plan.outcome !== null, p.status).toBe(p.status === 'afgerond' || p.status === 'uitgevallen');
      if (p.status === 'actief') expect(plan.contacts.length).toBeGreaterThan(0);
      for (const g of plan.goals) if (g.status === 'bereikt') expect(g.reachedOn <= today() && g.reachedOn >= plan.startDate).toBe(true);
    }
    const rows = await demo.runtime.database.db.selectFrom('youthDebtContacts').select(['note', 'contactDate']).execute();
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => findPersonalData(r.note).length)).toEqual([]);
    expect(rows.every((r) => r.contactDate <= today())).toBe(true);

    const summary = await get('plan-summary');
    expect(summary.goals.find((g: { domain: string }) => g.domain === 'financien').reached.suppressed).toBe(false);
    expect(summary.outcomes.find((o: { outcome: string }) => o.outcome === 'debtFree').recorded).toEqual({ value: 16, suppressed: false });
    // The demo's outcomes are in groups of 5 or more (or none), so the dashboard shows every share.
    for (const o of summary.outcomes) expect(o.answers.reduce((sum: number, a: { percent: number | null }) => sum + (a.percent ?? NaN), 0), o.outcome).toBe(100);
  });
});
