import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../src/platform/config';
import { CLI_ACTOR, type ServiceContext } from '../src/platform/context';
import { buildApp, type App } from '../src/platform/http/app';
import type { ModuleManifest } from '../src/platform/module';
import { openRuntime, type Runtime } from '../src/platform/runtime';
import * as auth from '../src/platform/auth/service';
import { modules as allModules } from '../src/modules';
import { freshPostgres } from './postgres';

/**
 * A real dichter for tests: PGlite in memory by default, or a fresh PostgreSQL database
 * (created from DATABASE_URL, dropped afterwards) when DATABASE_URL is set, as CI does.
 */
export interface TestDichter {
  app: App;
  runtime: Runtime;
  config: Config;
  /** A context as the command-line operator (no workspace). */
  cli: ServiceContext;
  /** Creates an account with a personal API token; returns both. */
  user(name?: string, options?: { admin?: boolean }): Promise<TestUser>;
  /** Sends a request through the app (no network). */
  request(options: RequestOptions): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  token: string;
  password: string;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  body: any;
  headers: Record<string, unknown>;
}

let counter = 0;


export async function startDichter(options: { modules?: readonly ModuleManifest[]; env?: Record<string, string> } = {}): Promise<TestDichter> {
  const baseUrl = process.env.DATABASE_URL;
  const pgdb = baseUrl ? await freshPostgres(baseUrl) : undefined;
  const config = loadConfig({ DICHTER_LOG_LEVEL: 'silent', DICHTER_DEMO: 'false', ...(pgdb ? { DATABASE_URL: pgdb.url } : {}), ...options.env });
  const modules = options.modules ?? allModules;
  const runtime = await openRuntime(config, modules, 'test', () => {}, { inMemory: true });
  const app = await buildApp({ config, database: runtime.database, modules, events: runtime.events });
  await app.server.ready();
  const cli: ServiceContext = { ...runtime.context(), actor: CLI_ACTOR };
  return {
    app,
    runtime,
    config,
    cli,
    async user(name = `Tester ${++counter}`, opts = {}) {
      const email = `user${++counter}.${randomBytes(3).toString('hex')}@example.org`;
      const password = `geheim-wachtwoord-${counter}`;
      const user = await auth.createUser(cli, { email, name, password, isAdmin: opts.admin ?? false });
      const token = await auth.createToken({ ...cli, actor: { userId: user.id, email, name, isAdmin: user.isAdmin, via: 'cli' } }, 'test');
      return { id: user.id, email, name, token: token.token, password };
    },
    async request({ method = 'GET', url, token, body, headers = {} }) {
      const res = await app.server.inject({
        method,
        url,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        ...(body !== undefined ? { payload: body as never } : {}),
      });
      let parsed: unknown = res.body;
      try {
        parsed = res.body ? JSON.parse(res.body) : null;
      } catch {
        /* not JSON */
      }
      return { status: res.statusCode, body: parsed, headers: res.headers };
    },
    async close() {
      await app.server.close();
      await runtime.close();
      await pgdb?.drop();
    },
  };
}

/** Creates a workspace owned by `owner` and returns its slug. */
export async function createWorkspace(d: TestDichter, owner: TestUser, slug = `ws-${randomBytes(4).toString('hex')}`, name = 'Testwerkruimte') {
  const res = await d.request({ method: 'POST', url: '/api/workspaces', token: owner.token, body: { name, slug } });
  if (res.status !== 201) throw new Error(`workspace not created: ${res.status} ${JSON.stringify(res.body)}`);
  return slug;
}

/** Adds members to the workspace with their roles, as its beheerder `owner`. */
export async function addMembers(d: TestDichter, slug: string, owner: TestUser, members: readonly (readonly [TestUser, string])[]) {
  for (const [user, role] of members) {
    const res = await d.request({ method: 'POST', url: `/api/w/${slug}/members`, token: owner.token, body: { email: user.email, name: user.name, role } });
    if (res.status !== 201) throw new Error(`member not added: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** A ladder from a value down to one action line (value → challenge → goal → action line) made by `owner`; returns the action line's id. */
export async function addActionLine(d: TestDichter, slug: string, owner: TestUser, line: { title: string; code: string; ownerUserId: string }) {
  let parentIds: string[] = [];
  for (const [rung, title, extra] of [
    ['value', 'Bewoners aan zet', {}],
    ['challenge', 'Prettig wonen', {}],
    ['goal', 'Veilige portieken', {}],
    ['action_line', line.title, { code: line.code, ownerUserId: line.ownerUserId }],
  ] as const) {
    const res = await d.request({ method: 'POST', url: `/api/w/${slug}/ladder/nodes`, token: owner.token, body: { rung, title, parentIds, ...extra } });
    if (res.status !== 201) throw new Error(`ladder node not created: ${res.status} ${JSON.stringify(res.body)}`);
    parentIds = [res.body.id as string];
  }
  return parentIds[0];
}

/** Loads the demo workspace (every module's seeds) and returns an API token of its beheerder. */
export async function loadDemoAsBeheerder(d: TestDichter): Promise<string> {
  const { DEMO, loadDemo } = await import('../src/platform/demo');
  await loadDemo(d.runtime.context(), d.runtime.registry, () => {});
  return tokenOf(d, DEMO.adminEmail);
}

/** API tokens of the demo workspace's members, its beheerder's first. */
export async function demoMemberTokens(d: TestDichter, beheerderToken: string): Promise<string[]> {
  const { DEMO } = await import('../src/platform/demo');
  const members = (await d.request({ url: `/api/w/${DEMO.slug}/members`, token: beheerderToken })).body.items as { email: string | null }[];
  const others = members.map((m) => m.email).filter((e): e is string => !!e && e !== DEMO.adminEmail);
  return [beheerderToken, ...(await Promise.all(others.map((e) => tokenOf(d, e))))];
}

/** An API token of an existing account (such as a demo member), as `dichter token create` makes one. */
export async function tokenOf(d: TestDichter, email: string): Promise<string> {
  const user = await auth.findUserByEmail(d.runtime.database.db, email);
  if (!user) throw new Error(`no account for ${email}`);
  const actor = { userId: user.id, email: user.email, name: user.name, isAdmin: false, via: 'cli' as const };
  return (await auth.createToken({ ...d.cli, actor }, 'tests')).token;
}
