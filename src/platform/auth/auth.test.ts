import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDichter, type TestDichter } from '../../../test/harness';
import { modules } from '../../modules';
import { buildApp } from '../http/app';

let d: TestDichter;
beforeAll(async () => {
  d = await startDichter();
});
afterAll(() => d?.close());

async function signIn(email: string, password: string, ip = '10.0.0.1') {
  const res = await d.app.server.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: ip });
  return { status: res.statusCode, body: res.json(), cookie: res.cookies.find((c) => c.name === 'dichter_sid') };
}

describe('signing in with e-mail and password', () => {
  it('starts a session in an HttpOnly, SameSite cookie and returns a CSRF token', async () => {
    const user = await d.user('Jeroen');
    const res = await signIn(user.email.toUpperCase(), user.password);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: user.email, name: 'Jeroen' });
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(res.cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = await d.app.server.inject({ url: '/api/auth/session', cookies: { dichter_sid: res.cookie!.value } });
    expect(session.json()).toMatchObject({ user: { email: user.email }, csrfToken: res.body.csrfToken });
  });

  it('gives the same answer for an unknown e-mail address and a wrong password', async () => {
    const user = await d.user();
    const wrong = await signIn(user.email, 'niet-het-wachtwoord', '10.0.0.2');
    const unknown = await signIn('niemand@example.org', 'niet-het-wachtwoord', '10.0.0.2');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.id).toBe('auth.invalid_credentials');
    expect(wrong.cookie).toBeUndefined();
  });

  it('limits sign-in attempts per address to 10 a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signIn('raden@example.org', `poging-${i}`, '10.0.0.3')).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    const limited = await signIn('raden@example.org', 'x', '10.0.0.3');
    expect(limited.body.error.id).toBe('request.rate_limited');
    // Someone else, elsewhere, can still sign in.
    expect((await signIn('raden@example.org', 'x', '10.0.0.4')).status).toBe(401);
  });
});

describe('writes with the session cookie', () => {
  it('need the CSRF token in the X-CSRF-Token header', async () => {
    const user = await d.user();
    const { cookie, body } = await signIn(user.email, user.password, '10.0.0.5');
    const payload = { name: 'Cookie-werkruimte', slug: 'cookie-werkruimte' };
    const without = await d.app.server.inject({ method: 'POST', url: '/api/workspaces', cookies: { dichter_sid: cookie!.value }, payload });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.id).toBe('auth.csrf');
    const wrong = await d.app.server.inject({ method: 'POST', url: '/api/workspaces', cookies: { dichter_sid: cookie!.value }, headers: { 'x-csrf-token': 'verkeerd' }, payload });
    expect(wrong.statusCode).toBe(403);
    const ok = await d.app.server.inject({ method: 'POST', url: '/api/workspaces', cookies: { dichter_sid: cookie!.value }, headers: { 'x-csrf-token': body.csrfToken }, payload });
    expect(ok.statusCode).toBe(201);
  });

  it('stop working after signing out', async () => {
    const user = await d.user();
    const { cookie, body } = await signIn(user.email, user.password, '10.0.0.6');
    const out = await d.app.server.inject({ method: 'POST', url: '/api/auth/sign-out', cookies: { dichter_sid: cookie!.value }, headers: { 'x-csrf-token': body.csrfToken } });
    expect(out.statusCode).toBe(204);
    const after = await d.app.server.inject({ url: '/api/me', cookies: { dichter_sid: cookie!.value } });
    expect(after.statusCode).toBe(401);
  });
});

describe('personal API tokens', () => {
  it('are shown once, listed without the secret, and can be revoked', async () => {
    const user = await d.user();
    const created = await d.request({ method: 'POST', url: '/api/me/tokens', token: user.token, body: { name: 'koppeling met zaaksysteem' } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^dct_/);
    const list = await d.request({ url: '/api/me/tokens', token: created.body.token });
    expect(list.body.items.map((t: { name: string }) => t.name)).toContain('koppeling met zaaksysteem');
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    const revoked = await d.request({ method: 'DELETE', url: `/api/me/tokens/${created.body.id}`, token: user.token });
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await d.request({ url: '/api/me', token: created.body.token })).status).toBe(401);
  });

  it('cannot revoke someone else’s token', async () => {
    const a = await d.user();
    const b = await d.user();
    const tokenOfA = (await d.request({ url: '/api/me/tokens', token: a.token })).body.items[0];
    const res = await d.request({ method: 'DELETE', url: `/api/me/tokens/${tokenOfA.id}`, token: b.token });
    expect(res.status).toBe(404);
    expect((await d.request({ url: '/api/me', token: a.token })).status).toBe(200);
  });
});

describe('my account', () => {
  it('keeps my preferred language, which then answers when the browser says nothing', async () => {
    const user = await d.user();
    const res = await d.request({ method: 'PATCH', url: '/api/me', token: user.token, body: { locale: 'en' } });
    expect(res.status).toBe(200);
    expect(res.body.locale).toBe('en');
    const { cookie } = await signIn(user.email, user.password, '10.0.0.7');
    const session = await d.app.server.inject({ url: '/api/auth/session', cookies: { dichter_sid: cookie!.value } });
    expect(session.json().user.locale).toBe('en');
    const error = await d.app.server.inject({ url: '/api/w/bestaat-niet', cookies: { dichter_sid: cookie!.value } });
    expect(error.json().error.message).toMatch(/does not exist/);
    expect((await d.request({ method: 'PATCH', url: '/api/me', token: user.token, body: { locale: 'fr' } })).status).toBe(400);
  });
});

describe('a call in a workspace', () => {
  it('reads the account and the membership in one statement, and refuses a revoked token or a removed member at once', async () => {
    // The same app on the same database, counting the statements it runs.
    let statements = 0;
    const counting: KyselyPlugin = { transformQuery: (a) => a.node, transformResult: async (a) => (statements++, a.result) };
    const { server } = await buildApp({ config: d.config, database: { ...d.runtime.database, db: d.runtime.database.db.withPlugin(counting) }, modules });
    const call = async (url: string, auth: { token?: string; cookie?: string }) => {
      const res = await server.inject({ url, ...(auth.token ? { headers: { authorization: `Bearer ${auth.token}` } } : { cookies: { dichter_sid: auth.cookie! } }) });
      return { status: res.statusCode, id: res.json().error?.id as string | undefined };
    };
    const counted = async (run: () => Promise<unknown>) => {
      statements = 0;
      await run();
      return statements;
    };

    const owner = await d.user();
    const colleague = await d.user();
    const stranger = await d.user();
    expect((await d.request({ method: 'POST', url: '/api/workspaces', token: owner.token, body: { name: 'Eén leesstap', slug: 'een-leesstap' } })).status).toBe(201);
    expect((await d.request({ method: 'POST', url: '/api/w/een-leesstap/members', token: owner.token, body: { email: colleague.email, name: colleague.name, role: 'professional' } })).status).toBe(201);
    for (const u of [owner, colleague, stranger]) await call('/api/w/een-leesstap/nav', { token: u.token }); // records the tokens' first use

    // The menu needs nothing beyond who asks and their role: one statement, by token and by session.
    expect(await counted(async () => expect(await call('/api/w/een-leesstap/nav', { token: colleague.token })).toMatchObject({ status: 200 }))).toBe(1);
    const { cookie } = await signIn(colleague.email, colleague.password, '10.0.0.8');
    expect(await counted(async () => expect(await call('/api/w/een-leesstap/nav', { cookie: cookie!.value })).toMatchObject({ status: 200 }))).toBe(1);
    // Someone who is no member hears that the workspace does not exist, in that one statement too.
    expect(await counted(async () => expect(await call('/api/w/een-leesstap/nav', { token: stranger.token })).toEqual({ status: 404, id: 'workspace.not_found' }))).toBe(1);

    // Removed: the very next call, by token or session, is refused; so is a revoked token.
    expect((await d.request({ method: 'DELETE', url: `/api/w/een-leesstap/members/${colleague.id}`, token: owner.token })).status).toBe(204);
    expect(await call('/api/w/een-leesstap/nav', { token: colleague.token })).toEqual({ status: 404, id: 'workspace.not_found' });
    expect(await call('/api/w/een-leesstap/nav', { cookie: cookie!.value })).toEqual({ status: 404, id: 'workspace.not_found' });
    const tokenId = (await d.request({ url: '/api/me/tokens', token: owner.token })).body.items[0].id;
    expect((await d.request({ method: 'DELETE', url: `/api/me/tokens/${tokenId}`, token: owner.token })).status).toBe(200);
    expect(await call('/api/w/een-leesstap/nav', { token: owner.token })).toEqual({ status: 401, id: 'auth.invalid_token' });
    await server.close();
  });
});
