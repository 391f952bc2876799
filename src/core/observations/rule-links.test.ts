import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter, type TestUser } from '../../../test/harness';

let d: TestDichter;
let beheerder: TestUser;
let ruleOwner: TestUser;
let lineOwner: TestUser;
let professional: TestUser;
let slug: string;
let otherSlug: string;
let actionLine: string;
let personRule: string;
let partnerRule: string;
let foreignRule: string;
const api = (path: string, ws = slug) => `/api/w/${ws}${path}`;
const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, token = professional.token) => d.request({ method, url: api(path), token, body });

async function observe(body: Record<string, unknown>, token = professional.token) {
  const res = await req('POST', '/observations', { kind: 'signaal', title: 'Wachttijd schuldhulp', text: '', visibility: 'workspace', ...body }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function rule(code: string, extra: Record<string, unknown>, ws = slug, token = beheerder.token) {
  const res = await d.request({
    method: 'POST',
    url: api('/rules', ws),
    token,
    body: { code, title: `Regel ${code}`, kind: 'werkinstructie', level: 'gemeente', intent: 'Zorgen dat hulp terechtkomt bij wie het nodig heeft.', domain: 'schulden', ...extra },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  d = await startDichter();
  beheerder = await d.user('Bea Beheerder');
  ruleOwner = await d.user('Rik Regeleigenaar');
  lineOwner = await d.user('Olaf Actielijntrekker');
  professional = await d.user('Priya Professional');
  slug = await createWorkspace(d, beheerder);
  for (const [u, role] of [
    [ruleOwner, 'beleidsadviseur'],
    [lineOwner, 'programmamanager'],
    [professional, 'professional'],
  ] as const) {
    const res = await req('POST', '/members', { email: u.email, name: u.name, role }, beheerder.token);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  const node = async (rung: string, title: string, parentIds: string[], extra = {}) => {
    const res = await req('POST', '/ladder/nodes', { rung, title, parentIds, ...extra }, beheerder.token);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const value = await node('value', 'Bestaanszekerheid', []);
  const challenge = await node('challenge', 'Schulden voorkomen', [value]);
  const goal = await node('goal', 'Vroeg erbij zijn', [challenge]);
  actionLine = await node('action_line', 'Vroegsignalering', [goal], { code: 'AL-002', ownerUserId: lineOwner.id });
  const partner = await req('POST', '/partners', { name: 'Woningcorporatie Ymere', type: 'corporatie' }, beheerder.token);
  expect(partner.status, JSON.stringify(partner.body)).toBe(201);
  personRule = await rule('SH-08', { title: 'Wachttijd schuldhulp acht weken', ownerUserId: ruleOwner.id });
  partnerRule = await rule('HR-02', { title: 'Huurachterstand na twee maanden melden', ownerPartnerId: partner.body.id });
  otherSlug = await createWorkspace(d, beheerder);
  foreignRule = await rule('SH-08', {}, otherSlug);
}, 120_000);
afterAll(() => d?.close());

describe('observations link rules', () => {
  let linked: { id: string };

  it('shows the linked rules with code and title, and finds observations by rule', async () => {
    linked = await observe({ ruleIds: [personRule, partnerRule] });
    expect(linked).toMatchObject({
      rules: expect.arrayContaining([
        { id: personRule, code: 'SH-08', title: 'Wachttijd schuldhulp acht weken' },
        { id: partnerRule, code: 'HR-02', title: 'Huurachterstand na twee maanden melden' },
      ]),
    });
    await observe({ title: 'Iets anders' });
    const byRule = await req('GET', `/observations?ruleId=${personRule}`);
    expect(byRule.status).toBe(200);
    expect(byRule.body.items.map((i: { id: string }) => i.id)).toEqual([linked.id]);
    expect(byRule.body.total).toBe(1);
  });

  it('refuses a rule of another workspace, or no rule at all, with a field error in Dutch', async () => {
    for (const id of [foreignRule, '0190a000-0000-7000-8000-000000000000']) {
      const res = await req('POST', '/observations', { kind: 'signaal', title: 'Onbekende regel', visibility: 'workspace', ruleIds: [personRule, id] });
      expect(res.status).toBe(400);
      expect(res.body.error.id).toBe('observation.unknown_rule');
      expect(res.body.error.message).toContain('regelregister');
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['ruleIds.1']);
    }
    expect((await req('GET', '/observations?q=onbekende')).body.total).toBe(0);
  });

  it('changes the linked rules of an observation', async () => {
    const changed = await req('PATCH', `/observations/${linked.id}`, { ruleIds: [partnerRule] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.rules.map((r: { code: string }) => r.code)).toEqual(['HR-02']);
    expect((await req('GET', `/observations?ruleId=${personRule}`)).body.total).toBe(0);
    const refused = await req('PATCH', `/observations/${linked.id}`, { ruleIds: [foreignRule] });
    expect(refused.body.error.id).toBe('observation.unknown_rule');
    expect((await req('GET', `/observations/${linked.id}`)).body.rules.map((r: { code: string }) => r.code)).toEqual(['HR-02']);
    const exported = await req('GET', `/observations/export?format=json&ruleId=${partnerRule}`, undefined, beheerder.token);
    expect(exported.body.items.map((i: { number: number; rules: string }) => i.rules)).toEqual(['HR-02']);
  });

  it('leaves out a rule that was removed from the register', async () => {
    const gone = await rule('TMP-1', { ownerUserId: ruleOwner.id });
    const o = await observe({ kind: 'idee', ruleIds: [gone] });
    expect((await req('DELETE', `/rules/${gone}`, undefined, beheerder.token)).status).toBe(204);
    expect((await req('GET', `/observations/${o.id}`)).body.rules).toEqual([]);
  });
});

describe('routing by rule owner', () => {
  it('sends a signal about a rule to the rule’s owner, before the action line’s owner', async () => {
    const o = await observe({ ruleIds: [personRule], ladderNodeIds: [actionLine] });
    expect(o).toMatchObject({ ownerId: ruleOwner.id, ownerName: 'Rik Regeleigenaar', routedBy: 'rule' });
    expect(o.dueAt).not.toBeNull();
    const inbox = await req('GET', '/inbox', undefined, ruleOwner.token);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(o.id);
  });

  it('passes over a rule owned only by a partner organisation: the action line’s owner answers', async () => {
    const o = await observe({ kind: 'knelpunt', ruleIds: [partnerRule], ladderNodeIds: [actionLine] });
    expect(o).toMatchObject({ ownerId: lineOwner.id, routedBy: 'action_line' });
  });

  it('falls back to the coordinators when neither rule nor action line has an owner in the workspace', async () => {
    const o = await observe({ ruleIds: [partnerRule] });
    // the first programme manager is the coordinator
    expect(o).toMatchObject({ ownerId: lineOwner.id, routedBy: 'coordinator' });
  });

  it('gives stories no owner, even when they name a rule', async () => {
    const o = await observe({ kind: 'verhaal', ruleIds: [personRule] });
    expect(o).toMatchObject({ ownerId: null, dueAt: null, routedBy: null });
  });
});
