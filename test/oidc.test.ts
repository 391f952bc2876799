import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDichter, type TestDichter } from './harness';

/**
 * Organisation sign-in (OpenID Connect) end to end: a real OpenID provider (`oidc-provider`)
 * and a real, listening dichter, driven like a browser with fetch (manual redirects, one
 * cookie jar per host). Nothing of openid-client or of the provider is mocked.
 */

// oidc-provider ships no type declarations; these are the few parts the test uses.
interface OidcProvider {
  issuer: string;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
}
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;
const providerModule = 'oidc-provider';

interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

const CLIENT_ID = 'dichter-test';
const CLIENT_SECRET = `secret-${randomBytes(16).toString('hex')}`;
const LABEL = 'Inloggen met Gemeente Testdorp';

/** Accounts known to the provider, by login name (= subject). Tests add to it. */
const accounts = new Map<string, ProviderAccount>();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startProvider(redirectUri: string): Promise<{ issuer: string; server: Server }> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => handler!(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;

  const { default: Provider } = (await import(providerModule)) as { default: ProviderClass };
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: true } },
  });
  handler = provider.callback();
  return { issuer, server };
}

/** A browser, as far as this flow needs one: cookies per host (and path), redirects by hand. */
class Browser {
  private jars = new Map<string, Map<string, { value: string; path: string }>>();

  private jar(url: URL) {
    let jar = this.jars.get(url.host);
    if (!jar) this.jars.set(url.host, (jar = new Map()));
    return jar;
  }

  cookie(url: string | URL, name: string) {
    return this.jar(new URL(url)).get(name)?.value;
  }

  async fetch(input: string | URL, init: { method?: string; form?: Record<string, string> } = {}) {
    const url = new URL(input);
    const cookies = [...this.jar(url)]
      .filter(([, c]) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    const res = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        ...(cookies ? { cookie: cookies } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    const setCookies = res.headers.getSetCookie();
    for (const header of setCookies) this.store(url, header);
    return { res, setCookies, location: res.headers.get('location') ? new URL(res.headers.get('location')!, url) : undefined };
  }

  private store(url: URL, header: string) {
    const [pair, ...attributes] = header.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const attr = new Map(attributes.map((a) => [a.split('=')[0].toLowerCase(), a.split('=').slice(1).join('=')]));
    const path = attr.get('path') || '/';
    const expired =
      value === '' || attr.get('max-age') === '0' || (attr.has('expires') && new Date(attr.get('expires')!).getTime() <= Date.now());
    if (expired) this.jar(url).delete(name);
    else this.jar(url).set(name, { value, path });
  }
}

/**
 * Follows the sign-in from dichter's start route through the provider's login and consent
 * pages back to dichter's callback, and returns the callback's response (not followed).
 */
async function signIn(browser: Browser, d: TestDichter, login: string, options: { tamperState?: boolean } = {}) {
  const baseUrl = d.config.baseUrl;
  const start = await browser.fetch(`${baseUrl}/api/auth/oidc/start`);
  expect(start.res.status).toBe(302);
  const authorize = start.location!;
  let next: URL | undefined = authorize;
  let res: Response | undefined;
  for (let hop = 0; hop < 20 && next; hop++) {
    if (next.origin === new URL(baseUrl).origin) {
      expect(next.pathname).toBe('/api/auth/oidc/callback');
      if (options.tamperState) next.searchParams.set('state', `${next.searchParams.get('state')}x`);
      const callback = await browser.fetch(next);
      return { authorize, callback };
    }
    const step = await browser.fetch(next);
    res = step.res;
    if (step.location) {
      next = step.location;
      continue;
    }
    // A provider page (dev interactions): answer its login or consent form.
    const html = await res.text();
    expect(res.status, html).toBe(200);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    expect(prompt, html).toMatch(/^(login|consent)$/);
    const submit = await browser.fetch(next, { form: prompt === 'login' ? { prompt, login, password: 'whatever' } : { prompt: 'consent' } });
    expect(submit.location, `provider answered ${submit.res.status}`).toBeDefined();
    next = submit.location;
  }
  throw new Error(`sign-in did not come back to dichter (last status ${res?.status})`);
}

async function session(d: TestDichter, sid: string | undefined) {
  const res = await fetch(`${d.config.baseUrl}/api/auth/session`, { headers: sid ? { cookie: `dichter_sid=${sid}` } : {} });
  expect(res.status).toBe(200);
  return (await res.json()) as { user: { id: string; email: string; name: string } | null; oidc: { enabled: boolean; label: string } };
}

describe('sign-in through the organisation (OpenID Connect)', () => {
  let d: TestDichter;
  let provider: { issuer: string; server: Server };

  beforeAll(async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    provider = await startProvider(`${baseUrl}/api/auth/oidc/callback`);
    d = await startDichter({
      env: {
        DICHTER_OIDC_ISSUER: provider.issuer,
        DICHTER_OIDC_CLIENT_ID: CLIENT_ID,
        DICHTER_OIDC_CLIENT_SECRET: CLIENT_SECRET,
        DICHTER_OIDC_LABEL: LABEL,
        DICHTER_BASE_URL: baseUrl,
      },
    });
    await d.app.server.listen({ port, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await d?.close();
    provider?.server.closeAllConnections();
    await new Promise((resolve) => provider?.server.close(resolve));
  });

  it('offers the organisation sign-in with its label', async () => {
    expect((await session(d, undefined)).oidc).toEqual({ enabled: true, label: LABEL });
  });

  it('creates the account on first sign-in and reuses it the next time', async () => {
    accounts.set('anna', { email: 'Anna.de.Vries@testdorp.nl', email_verified: true, name: 'Anna de Vries' });

    const browser = new Browser();
    const { authorize, callback } = await signIn(browser, d, 'anna');
    // The authorization request carries PKCE (S256), state and nonce.
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${d.config.baseUrl}/api/auth/oidc/callback`);
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    expect(callback.res.status, await callback.res.clone().text()).toBe(302);
    expect(callback.res.headers.get('location')).toBe('/');
    const sidCookie = callback.setCookies.find((c) => c.startsWith('dichter_sid='));
    expect(sidCookie).toBeDefined();
    expect(sidCookie).toMatch(/;\s*HttpOnly/i);
    expect(sidCookie).toMatch(/;\s*SameSite=Lax/i);
    const first = await session(d, browser.cookie(d.config.baseUrl, 'dichter_sid'));
    expect(first.user).toMatchObject({ email: 'anna.de.vries@testdorp.nl', name: 'Anna de Vries' });

    // Another day, another browser: the same person gets the same account.
    const again = new Browser();
    const second = await signIn(again, d, 'anna');
    expect(second.callback.res.status).toBe(302);
    const sid2 = again.cookie(d.config.baseUrl, 'dichter_sid');
    expect(sid2).toBeDefined();
    expect(sid2).not.toBe(browser.cookie(d.config.baseUrl, 'dichter_sid'));
    const later = await session(d, sid2);
    expect(later.user?.id).toBe(first.user!.id);
  });

  it('links an existing local account with the same verified e-mail address instead of duplicating it', async () => {
    const local = await d.user('Bert Lokaal');
    accounts.set('bert-sso', { email: local.email.toUpperCase(), email_verified: true, name: 'Bert via SSO' });

    const browser = new Browser();
    const { callback } = await signIn(browser, d, 'bert-sso');
    expect(callback.res.status).toBe(302);
    const linked = await session(d, browser.cookie(d.config.baseUrl, 'dichter_sid'));
    expect(linked.user).toMatchObject({ id: local.id, email: local.email, name: 'Bert Lokaal' });

    // The password still works, and it is still one account.
    const signInRes = await d.request({ method: 'POST', url: '/api/auth/sign-in', body: { email: local.email, password: local.password } });
    expect(signInRes.status).toBe(200);
    expect(signInRes.body.user.id).toBe(local.id);

    // Next time the link (issuer + subject) is used.
    const again = new Browser();
    await signIn(again, d, 'bert-sso');
    expect((await session(d, again.cookie(d.config.baseUrl, 'dichter_sid'))).user?.id).toBe(local.id);
  });

  it('refuses a callback whose state was tampered with, without a session', async () => {
    accounts.set('carla', { email: 'carla@testdorp.nl', email_verified: true, name: 'Carla' });
    const browser = new Browser();
    const { callback } = await signIn(browser, d, 'carla', { tamperState: true });
    expect(callback.res.status).toBe(401);
    expect(await callback.res.json()).toMatchObject({ error: { id: 'auth.oidc_failed' } });
    expect(browser.cookie(d.config.baseUrl, 'dichter_sid')).toBeUndefined();
    expect((await session(d, undefined)).user).toBeNull();
    // No account was made for her either.
    const res = await d.request({ method: 'POST', url: '/api/auth/sign-in', body: { email: 'carla@testdorp.nl', password: 'x' } });
    expect(res.body.error.id).toBe('auth.invalid_credentials');
  });

  it('refuses a new person whose provider says the e-mail address is not verified', async () => {
    accounts.set('dirk', { email: 'dirk@testdorp.nl', email_verified: false, name: 'Dirk' });
    const browser = new Browser();
    const { callback } = await signIn(browser, d, 'dirk');
    expect(callback.res.status).toBe(401);
    expect(await callback.res.json()).toMatchObject({ error: { id: 'auth.oidc_no_email' } });
    expect(browser.cookie(d.config.baseUrl, 'dichter_sid')).toBeUndefined();
    const res = await d.request({ method: 'POST', url: '/api/auth/sign-in', body: { email: 'dirk@testdorp.nl', password: 'x' } });
    expect(res.body.error.id).toBe('auth.invalid_credentials');
  });

  it('does not link an existing account to an unverified e-mail address', async () => {
    const local = await d.user('Eva Lokaal');
    accounts.set('eva-impostor', { email: local.email, email_verified: false, name: 'Not Eva' });
    const browser = new Browser();
    const { callback } = await signIn(browser, d, 'eva-impostor');
    expect(callback.res.status).toBe(401);
    expect(await callback.res.json()).toMatchObject({ error: { id: 'auth.oidc_no_email' } });
    expect(browser.cookie(d.config.baseUrl, 'dichter_sid')).toBeUndefined();
  });
});

describe('without OpenID Connect configured', () => {
  let d: TestDichter;
  beforeAll(async () => {
    d = await startDichter();
  });
  afterAll(async () => {
    await d?.close();
  });

  it('has no organisation sign-in', async () => {
    const start = await d.request({ url: '/api/auth/oidc/start' });
    expect(start.status).toBe(404);
    expect(start.body).toMatchObject({ error: { id: 'auth.oidc_not_configured' } });
    const callback = await d.request({ url: '/api/auth/oidc/callback?code=x&state=y' });
    expect(callback.status).toBe(404);
    expect(callback.body).toMatchObject({ error: { id: 'auth.oidc_not_configured' } });
    const s = await d.request({ url: '/api/auth/session' });
    expect(s.body.oidc.enabled).toBe(false);
  });
});
