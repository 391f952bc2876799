import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, localDate } from '../../platform/workdays';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';

let d: TestDichter;
let owner: TestUser;
let professional: TestUser;
let slug: string;
const api = (path: string) => `/api/w/${slug}${path}`;
const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, token = owner.token) => d.request({ method, url: api(path), token, body });
// Calendar days back from today in Amsterdam (not 24-hour steps, which cross midnight across a DST change).
const daysAgo = (n: number) => addCalendarDays(localDate(new Date()), -n);
const daysAhead = (n: number) => daysAgo(-n);
async function created(method: 'POST' | 'PATCH' | 'PUT', path: string, body: unknown, token = owner.token) {
  const res = await req(method, path, body, token);
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(method === 'POST' ? 201 : 200);
  return res.body;
}
const node = async (rung: string, title: string, parentIds: string[], extra: Record<string, unknown> = {}) => (await created('POST', '/ladder/nodes', { rung, title, parentIds, ...extra })).id as string;

/** An action line with a theory of change holding one assumption of the given status. */
async function actionLine(goal: string, code: string, assumption: string, status: string) {
  const line = await node('action_line', `Actielijn ${code}`, [goal], { code });
  const intervention = await node('intervention', `Interventie van ${code}`, [line]);
  const a = await created('POST', `/ladder/nodes/${line}/theory/elements`, { kind: 'activity', title: `Activiteit ${code}` });
  const b = await created('POST', `/ladder/nodes/${line}/theory/elements`, { kind: 'outcome', title: `Effect ${code}` });
  const link = await created('POST', `/ladder/nodes/${line}/theory/links`, { fromElementId: a.id, toElementId: b.id });
  const made = await created('POST', `/ladder/nodes/${line}/theory/assumptions`, { linkId: link.id, text: assumption, status });
  return { line, intervention, assumption: made.id as string };
}

let A: Awaited<ReturnType<typeof actionLine>>;
let B: Awaited<ReturnType<typeof actionLine>>;
let overdueA: string;
let overdueB: string;
let deviationA: string;
let deviationB: string;
let cycle: string;
let sessions: string[] = [];
let participants: { id: string; name: string }[];

beforeAll(async () => {
  d = await startDichter();
  owner = await d.user('Pim Programmamanager');
  professional = await d.user('Fatima Professional');
  slug = await createWorkspace(d, owner);
  expect((await req('POST', '/members', { email: professional.email, name: professional.name, role: 'professional' })).status).toBe(201);
  const value = await node('value', 'Vertrouwen', []);
  const challenge = await node('challenge', 'Schulden', [value]);
  const goal = await node('goal', 'Minder jongeren met schulden', [challenge]);
  A = await actionLine(goal, 'AL-101', 'Jongeren komen uit zichzelf naar het geldcafé', 'doubtful');
  B = await actionLine(goal, 'AL-102', 'Ouders lezen de nieuwsbrief', 'doubtful');

  // a signal for each action line's intervention, both overdue
  const signal = async (title: string, nodeId: string) => (await created('POST', '/observations', { kind: 'signaal', title, text: 'Gezien op straat', ladderNodeIds: [nodeId] }, professional.token)).id as string;
  overdueA = await signal('Jongere wacht al weken op schuldhulp', A.intervention);
  overdueB = await signal('Nieuwsbrief komt niet aan', B.intervention);
  await d.runtime.database.db.updateTable('observations').set({ dueAt: new Date(Date.now() - 3 * 86_400_000) }).where('id', 'in', [overdueA, overdueB]).execute();

  // a deviation of a rule for each action line
  const rule = (await created('POST', '/rules', { code: 'SH-9', title: 'Wachttijd schuldhulp', kind: 'werkinstructie', level: 'gemeente', intent: 'Zorgen dat hulp terechtkomt bij wie het nodig heeft.', domain: 'schulden' })).id;
  const deviate = async (nodeId: string, situation: string) =>
    (await created('POST', `/rules/${rule}/deviations`, { occurredOn: daysAgo(2), situation, explanation: 'De wachttijd liet de schuld verder oplopen.', ladderNodeIds: [nodeId] }, professional.token)).id as string;
  deviationA = await deviate(A.intervention, 'Jongere direct geholpen zonder wachtlijst');
  deviationB = await deviate(B.intervention, 'Nieuwsbrief op papier rondgebracht');
}, 120_000);
afterAll(() => d?.close());

describe('a learning cycle for an action line', () => {
  it('starts with a cadence and participants: members and partner guests', async () => {
    const partner = (await created('POST', '/partners', { name: 'Buurtteam Noord', type: 'welzijn' })).id;
    const res = await req('POST', '/learning/cycles', {
      scope: { kind: 'action_line', id: A.line },
      cadenceWeeks: 6,
      startedOn: daysAgo(40),
      participants: [{ userId: owner.id }, { userId: professional.id }, { name: 'Joke', partnerId: partner }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ title: 'Leercyclus AL-101 Actielijn AL-101', cadenceWeeks: 6, scope: { kind: 'action_line', id: A.line } });
    expect(res.body.participants.map((p: { name: string; guest: boolean }) => [p.name, p.guest])).toEqual([
      ['Pim Programmamanager', false],
      ['Fatima Professional', false],
      ['Joke (Buurtteam Noord)', true],
    ]);
    cycle = res.body.id;
    participants = res.body.participants;
    const noId = await req('POST', '/learning/cycles', { scope: { kind: 'action_line' }, cadenceWeeks: 6 });
    expect(noId.status).toBe(400);
    expect(noId.body.error).toMatchObject({ id: 'learning.scope_id_required', fields: [{ path: 'scope.id' }] });
    const aGoal = await req('POST', '/learning/cycles', { scope: { kind: 'action_line', id: A.intervention }, cadenceWeeks: 6 });
    expect(aGoal.body.error.id).toBe('learning.scope_not_action_line');
    expect((await req('POST', '/learning/cycles', { scope: { kind: 'workspace' }, cadenceWeeks: 4 }, professional.token)).status).toBe(403);
  });

  it('assembles the evidence pack with the overdue signal, the deviation and the doubtful assumption of its scope — and nothing of another action line', async () => {
    const session = await created('POST', `/learning/cycles/${cycle}/sessions`, { date: daysAgo(0) });
    sessions.push(session.id);
    expect(session.rounds.map((r: { title: string }) => r.title)).toEqual(['Wat zagen we?', 'Wat betekent het?', 'Wat nu?']);
    const res = await req('GET', `/learning/sessions/${session.id}/evidence`);
    expect(res.status).toBe(200);
    const pack = res.body;
    for (const key of ['observations', 'deviations', 'assumptions', 'questions', 'actions', 'measurements']) expect(Array.isArray(pack[key]), key).toBe(true);
    expect(pack.since).toBe(daysAgo(40));
    expect(pack.observations.map((o: { id: string; overdue: boolean }) => [o.id, o.overdue])).toEqual([[overdueA, true]]);
    expect(pack.deviations.map((x: { id: string }) => x.id)).toEqual([deviationA]);
    expect(pack.rulesUnderPressure).toMatchObject([{ code: 'SH-9', deviations: 1 }]);
    expect(pack.assumptions).toMatchObject([{ id: A.assumption, status: 'doubtful', actionLineId: A.line }]);
    expect(pack.measurements).toEqual([]);
    const all = JSON.stringify(pack);
    for (const foreign of [overdueB, deviationB, B.assumption]) expect(all).not.toContain(foreign);
  });

  it('records contributions per round in turn, and shows whose turn it is', async () => {
    const session = (await req('GET', `/learning/sessions/${sessions[0]}`)).body;
    const first = session.rounds[0];
    expect(first.nextParticipantId).toBe(participants[0].id);
    const after = await created('POST', `/learning/sessions/${sessions[0]}/rounds/${first.id}/contributions`, { participantId: participants[0].id, text: 'Drie jongeren wachtten langer dan zes weken.' });
    expect(after.rounds[0].contributions).toMatchObject([{ participantName: 'Pim Programmamanager', text: 'Drie jongeren wachtten langer dan zes weken.' }]);
    expect(after.rounds[0].nextParticipantId).toBe(participants[1].id);
    const stranger = await req('POST', `/learning/sessions/${sessions[0]}/rounds/${first.id}/contributions`, { participantId: A.line, text: 'x' });
    expect(stranger.body.error.id).toBe('learning.participant_not_found');
  });

  it('requires a rationale and evidence for "anders doen", and decides only on action lines in scope', async () => {
    const url = `/learning/sessions/${sessions[0]}/decisions`;
    const bare = await req('POST', url, { actionLineId: A.line, decision: 'different' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['rationale', 'evidence']);
    expect(bare.body.error.fields[0].message).toMatch(/onderbouwing/);
    const noEvidence = await req('POST', url, { actionLineId: A.line, decision: 'different', rationale: 'Het geldcafé bereikt jongeren niet.' });
    expect(noEvidence.body.error).toMatchObject({ id: 'learning.evidence_required', fields: [{ path: 'evidence' }] });
    const unknown = await req('POST', url, { actionLineId: A.line, decision: 'stop', rationale: 'Werkt niet.', evidence: [{ kind: 'observation', id: A.line }] });
    expect(unknown.body.error).toMatchObject({ id: 'learning.evidence_not_found', fields: [{ path: 'evidence.0.id' }] });
    const elsewhere = await req('POST', url, { actionLineId: B.line, decision: 'keep' });
    expect(elsewhere.body.error.id).toBe('learning.action_line_out_of_scope');
    const ok = await req('POST', url, {
      actionLineId: A.line,
      decision: 'different',
      rationale: 'Het geldcafé bereikt jongeren niet; we gaan naar de mbo-school.',
      evidence: [
        { kind: 'observation', id: overdueA },
        { kind: 'deviation', id: deviationA },
        { kind: 'assumption', id: A.assumption },
      ],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ decision: 'different', actionLineTitle: 'AL-101 Actielijn AL-101' });
    const keep = await req('POST', url, { actionLineId: A.line, decision: 'keep' });
    expect(keep.status).toBe(201);
    expect((await req('POST', url, { actionLineId: A.line, decision: 'more' }, professional.token)).status).toBe(403);
  });

  it('marks an assumption doubtful → refuted in the session and keeps the history on the theory-of-change link', async () => {
    const res = await req('POST', `/learning/sessions/${sessions[0]}/assumptions`, { assumptionId: A.assumption, status: 'refuted', rationale: 'Geen enkele jongere kwam uit zichzelf.', evidence: [{ kind: 'observation', id: overdueA }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.assumptionUpdates).toMatchObject([{ assumptionId: A.assumption, fromStatus: 'doubtful', toStatus: 'refuted' }]);
    const theory = (await req('GET', `/ladder/nodes/${A.line}/theory`)).body;
    const history = theory.links[0].assumptions[0].history;
    expect(history.map((h: { status: string }) => h.status)).toEqual(['doubtful', 'refuted']);
    expect(history[1].reason).toContain('Geen enkele jongere kwam uit zichzelf.');
    const other = await req('POST', `/learning/sessions/${sessions[0]}/assumptions`, { assumptionId: B.assumption, status: 'holds', rationale: 'Buiten de scope' });
    expect(other.body.error.id).toBe('learning.assumption_out_of_scope');
    // a refuted assumption is no longer "to test" in the pack
    expect((await req('GET', `/learning/sessions/${sessions[0]}/evidence`)).body.assumptions).toEqual([]);
  });

  it('brings an action back in every next session until it is done', async () => {
    const withAction = await created('POST', `/learning/sessions/${sessions[0]}/actions`, { what: 'Afspraak maken met de mbo-school', whoUserId: professional.id, dueOn: daysAhead(14) });
    const action = withAction.actions[0];
    expect(action).toMatchObject({ whoName: 'Fatima Professional', status: 'open' });
    expect((await req('GET', `/learning/sessions/${sessions[0]}/evidence`)).body.actions).toEqual([]);
    const second = await created('POST', `/learning/cycles/${cycle}/sessions`, { date: daysAhead(42) });
    sessions.push(second.id);
    const pack2 = (await req('GET', `/learning/sessions/${second.id}/evidence`)).body;
    expect(pack2.since).toBe(daysAgo(-1));
    expect(pack2.actions.map((a: { id: string }) => a.id)).toEqual([action.id]);
    const third = await created('POST', `/learning/cycles/${cycle}/sessions`, { date: daysAhead(84) });
    sessions.push(third.id);
    expect((await req('GET', `/learning/sessions/${third.id}/evidence`)).body.actions.map((a: { id: string }) => a.id)).toEqual([action.id]);
    // the person it is assigned to marks it done
    expect((await req('PATCH', `/learning/actions/${action.id}`, { what: 'Iets anders' }, professional.token)).status).toBe(403);
    const done = await created('PATCH', `/learning/actions/${action.id}`, { status: 'done' }, professional.token);
    expect(done.status).toBe('done');
    expect((await req('GET', `/learning/sessions/${third.id}/evidence`)).body.actions).toEqual([]);
  });
});

describe('the dynamic learning agenda', () => {
  it('keeps a dated version per session; the agenda of session 3 compares with that of session 1', async () => {
    const q = async (text: string) => (await created('POST', `/learning/cycles/${cycle}/questions`, { text, source: 'Sessie 1', ladderNodeId: A.line })).id as string;
    const q1 = await q('Waarom komen jongeren niet naar het geldcafé?');
    const q2 = await q('Helpt een vaste contactpersoon bij de schuldhulp?');
    await created('PATCH', `/learning/sessions/${sessions[0]}`, { status: 'held' });
    await created('PATCH', `/learning/questions/${q1}`, { status: 'provisional', provisionalAnswer: 'Ze kennen het niet; op school wel.' });
    const q3 = await q('Wat kost een dag wachten een jongere?');
    await created('PATCH', `/learning/sessions/${sessions[1]}`, { status: 'held' });
    await created('PATCH', `/learning/questions/${q2}`, { status: 'dropped' });
    const q4 = await q('Hoe houden we contact na de sanering?');
    const kept = await created('POST', `/learning/sessions/${sessions[2]}/agenda`, {});
    expect(kept.questions).toHaveLength(4);
    const cmp = await req('GET', `/learning/agenda/compare?from=${sessions[0]}&to=${sessions[2]}`);
    expect(cmp.status, JSON.stringify(cmp.body)).toBe(200);
    expect(cmp.body.added.map((x: { id: string }) => x.id).sort()).toEqual([q3, q4].sort());
    expect(cmp.body.removed).toMatchObject([{ id: q2, status: 'dropped' }]);
    expect(cmp.body.changed).toMatchObject([{ id: q1, fields: ['status', 'provisionalAnswer'], after: { provisionalAnswer: 'Ze kennen het niet; op school wel.' } }]);
    expect(cmp.body.from.takenOn).toBe(daysAgo(0));
    // session 1's version did not change afterwards
    expect((await req('GET', `/learning/sessions/${sessions[0]}`)).body.agenda.questions.map((x: { status: string }) => x.status)).toEqual(['open', 'open']);
    const none = await req('GET', `/learning/agenda/compare?from=${sessions[0]}&to=${A.line}`);
    expect(none.status).toBe(404);
  });

  it('flags questions open a long time', async () => {
    const old = await created('POST', `/learning/cycles/${cycle}/questions`, { text: 'Werkt de ouderkamer ook voor vaders?', source: 'Kenniscoalitie' });
    await d.runtime.database.db.updateTable('learningQuestions').set({ openedOn: daysAgo(200) }).where('id', '=', old.id).execute();
    const list = (await req('GET', `/learning/questions?cycleId=${cycle}&status=open`)).body.items;
    expect(list.find((x: { id: string }) => x.id === old.id)).toMatchObject({ longOpen: true, daysOpen: 200 });
    expect(list.filter((x: { longOpen: boolean }) => x.longOpen)).toHaveLength(1);
  });
});

describe('timeline, outcomes and board decisions', () => {
  it('keeps a timeline annotated by participants as high, low or learning moment', async () => {
    const event = await created('POST', '/learning/timeline', { date: daysAgo(30), title: 'Geldcafé geopend', scope: { kind: 'action_line', id: A.line } });
    const annotated = await created('POST', `/learning/timeline/${event.id}/annotations`, { kind: 'low', why: 'Niemand kwam de eerste drie weken.' }, professional.token);
    expect(annotated.annotations).toMatchObject([{ kind: 'low', byName: 'Fatima Professional' }]);
    const list = (await req('GET', `/learning/timeline?scopeKind=action_line&scopeId=${A.line}`)).body;
    expect(list.items.map((e: { title: string }) => e.title)).toEqual(['Geldcafé geopend']);
  });

  it('records outcome statements that a decision can rest on', async () => {
    const outcome = await created('POST', '/learning/outcomes', {
      scope: { kind: 'action_line', id: A.line },
      socialActor: 'Mbo-college Nieuw-West',
      change: 'Neemt geldlessen op in het lesrooster van eerstejaars',
      happenedOn: daysAgo(3),
      place: 'Slotermeer',
      significance: 'Jongeren worden bereikt voordat schulden oplopen.',
      contribution: 'Het programma bracht school en schuldhulp bij elkaar.',
      substantiation: 'substantiated',
    });
    expect(outcome).toMatchObject({ socialActor: 'Mbo-college Nieuw-West', substantiation: 'substantiated' });
    const decision = await req('POST', `/learning/sessions/${sessions[0]}/decisions`, { actionLineId: A.line, decision: 'more', rationale: 'School werkt.', evidence: [{ kind: 'outcome', id: outcome.id }] });
    expect(decision.status).toBe(201);
    expect((await req('GET', `/learning/sessions/${sessions[0]}/evidence`)).body.outcomes.map((o: { id: string }) => o.id)).toEqual([outcome.id]);
  });

  it('lists a board decision with its evidence, shows it as due after the follow-up date, and then its follow-up from practice', async () => {
    const res = await req('POST', '/learning/board-decisions', {
      date: daysAgo(60),
      body: 'stuurgroep',
      text: 'De stuurgroep besluit de wachttijd voor jongeren te schrappen.',
      evidence: [
        { kind: 'observation', id: overdueA },
        { kind: 'session', id: sessions[0] },
      ],
      changedNodeIds: [A.line],
      followUpOn: daysAgo(1),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.evidence.map((e: { kind: string; label: string }) => [e.kind, e.label])).toEqual([
      ['observation', expect.stringContaining('Jongere wacht al weken op schuldhulp')],
      ['session', expect.stringContaining('Sessie 1')],
    ]);
    expect(res.body).toMatchObject({ followUpDue: true, changedNodes: [{ id: A.line }] });
    expect((await req('GET', '/learning/board-decisions?due=true')).body.items.map((x: { id: string }) => x.id)).toEqual([res.body.id]);
    const later = await created('POST', '/learning/board-decisions', { date: daysAgo(1), body: 'wethouder', text: 'De wethouder stemt in met geldlessen op school.', followUpOn: daysAhead(90) });
    expect(later.followUpDue).toBe(false);
    const followed = await created('POST', `/learning/board-decisions/${res.body.id}/follow-ups`, { text: 'Sinds het besluit wacht geen jongere meer dan twee weken.' }, professional.token);
    expect(followed).toMatchObject({ followUpDue: false, followUps: [{ byName: 'Fatima Professional' }] });
    expect((await req('GET', '/learning/board-decisions?due=true')).body.items).toEqual([]);
    expect((await req('POST', '/learning/board-decisions', { date: daysAgo(1), body: 'college', text: 'Mag niet besluiten', followUpOn: daysAgo(0) }, professional.token)).status).toBe(403);
  });

  it('shows how often the programme decided to keep, do more, better, differently or stop, and the action line at a glance', async () => {
    const res = (await req('GET', `/learning/overview?actionLineId=${A.line}`)).body;
    expect(res.decisions).toEqual({ keep: 1, more: 1, better: 0, different: 1, stop: 0 });
    expect(res.actionLine).toMatchObject({ lastDecision: { decision: 'more' }, assumptions: [{ status: 'refuted' }] });
    // sessions 1 and 2 were held (the agenda test); session 3 is still planned
    expect(res.upcoming.map((s: { id: string }) => s.id)).toEqual([sessions[2]]);
  });
});

describe('minutes', () => {
  it('renders the session minutes as an accessible HTML page and as a PDF', async () => {
    const html = await d.request({ url: api(`/learning/sessions/${sessions[0]}/minutes`), token: owner.token });
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<html lang="nl">');
    expect(html.body).toContain('<h2>Ronde 1: Wat zagen we?</h2>');
    expect(html.body).toContain('Pim Programmamanager: Drie jongeren wachtten langer dan zes weken.');
    expect(html.body).toContain('Anders doen');
    expect(html.body).toContain('<th scope="col">Aanname</th>');
    const pack = await d.request({ url: api(`/learning/sessions/${sessions[1]}/minutes?part=evidence`), token: owner.token });
    expect(pack.body).toContain('Bewijsmap');
    expect(pack.body).toContain('<td>Jongere wacht al weken op schuldhulp</td>');
    expect(pack.body).toContain('antwoord te laat');
    const pdf = await d.app.server.inject({ url: api(`/learning/sessions/${sessions[0]}/minutes?format=pdf`), headers: { authorization: `Bearer ${owner.token}` } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('measurements in the evidence pack', () => {
  it('lists values of the scope’s indicators that moved 10 % or more since the previous session, and not those of another scope', async () => {
    await created('POST', '/areas', { name: 'Amsterdam', kind: 'gemeente', code: 'GM0363', year: 2024 });
    const line = async (code: string) => (await created('POST', '/indicators', { code, name: `Bereik ${code}`, unit: 'aantal', direction: 'higher', periodType: 'year', ladderNodeIds: [code === 'bereik-a' ? A.line : B.line] })).code as string;
    const ours = await line('bereik-a');
    const theirs = await line('bereik-b');
    for (const [code, before, after] of [
      [ours, 100, 125],
      [theirs, 100, 150],
    ] as const) {
      await created('PUT', `/indicators/${code}/values`, { area: 'GM0363', period: '2025', value: before });
      await created('PUT', `/indicators/${code}/values`, { area: 'GM0363', period: '2026', value: after });
    }
    // a small move stays out
    const calm = (await created('POST', '/indicators', { code: 'rustig-a', name: 'Rustig', unit: 'aantal', periodType: 'year', ladderNodeIds: [A.line] })).code as string;
    await created('PUT', `/indicators/${calm}/values`, { area: 'GM0363', period: '2025', value: 100 });
    await created('PUT', `/indicators/${calm}/values`, { area: 'GM0363', period: '2026', value: 104 });

    const fresh = (await created('POST', '/learning/cycles', { scope: { kind: 'action_line', id: A.line }, cadenceWeeks: 6, startedOn: daysAgo(10) })).id as string;
    const session = (await created('POST', `/learning/cycles/${fresh}/sessions`, { date: daysAhead(3) })).id as string;
    const pack = (await req('GET', `/learning/sessions/${session}/evidence`)).body;
    expect(pack.measurements).toEqual([{ id: expect.any(String), indicator: 'Bereik bereik-a (2025 → 2026)', area: 'Amsterdam', from: 100, to: 125, change: 25 }]);
  });
});
