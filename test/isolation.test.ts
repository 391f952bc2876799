import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../src/platform/demo';
import { createWorkspace, demoMemberTokens, loadDemoAsBeheerder, startDichter, type TestDichter, type TestUser } from './harness';
import { operations, pathParams, resolvePath, type Operation } from './openapi-walk';
import { snapshot } from './snapshot';

/**
 * Tenant isolation, for every route in the OpenAPI document (so for every future module too):
 * a member of another workspace gets 403 or 404 on the victim's workspace, cannot reach the
 * victim's records through their own workspace, sees none of the victim's ids anywhere, and
 * changes nothing.
 */
let d: TestDichter;
let ops: Operation[];
let victimToken: string;
/** The victim workspace's members, its beheerder first: ids are read as whoever sees them. */
let victims: string[];
let outsider: TestUser;
let outsiderSlug: string;

beforeAll(async () => {
  d = await startDichter();
  victimToken = await loadDemoAsBeheerder(d);
  victims = await demoMemberTokens(d, victimToken);
  outsider = await d.user('Buitenstaander');
  outsiderSlug = await createWorkspace(d, outsider, 'andere-wijk', 'Andere wijk');
  ops = await operations(d);
}, 180_000);
afterAll(() => d?.close());

const resolved = new Map<string, Promise<{ url: string; unresolved: string[] }>>();
/** The route's path with the victim's real ids, resolved once per path. */
const victimPath = (o: Operation) => {
  if (!resolved.has(o.path)) resolved.set(o.path, resolvePath(d, ops, o.path, { workspace: DEMO.slug }, victims));
  return resolved.get(o.path)!;
};

const isScoped = (o: Operation) => o.path.startsWith('/api/w/{workspace}');
const bodyFor = (o: Operation) => (['POST', 'PATCH', 'PUT'].includes(o.method) ? {} : undefined);

describe('tenant isolation', () => {
  it('walks a meaningful number of workspace routes with real ids of the victim', async () => {
    const scoped = ops.filter(isScoped);
    expect(scoped.length).toBeGreaterThan(15);
    const missing: string[] = [];
    for (const o of scoped) {
      const { unresolved } = await victimPath(o);
      if (unresolved.length) missing.push(`${o.method} ${o.path} (${unresolved.join(', ')})`);
    }
    // Every id parameter should be resolvable from the demo data; if a new module's isn't,
    // give its demo seeds a record or its list route an `items`/named array.
    expect(missing).toEqual([]);
  });

  it('gives a member of another workspace 403 or 404 on every route of the victim workspace, and changes nothing', async () => {
    const before = await snapshot(d.runtime.database.db);
    const failures: string[] = [];
    for (const o of ops.filter(isScoped)) {
      const { url } = await victimPath(o);
      const res = await d.request({ method: o.method, url, token: outsider.token, body: bodyFor(o) });
      if (![403, 404].includes(res.status)) failures.push(`${o.method} ${url} → ${res.status}`);
      else expect(res.body.error.id).toMatch(/^[a-z_]+\.[a-z_]+$/);
    }
    expect(failures).toEqual([]);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('does not let a member reach the victim’s records through their own workspace', async () => {
    const before = await snapshot(d.runtime.database.db);
    const failures: string[] = [];
    for (const o of ops.filter((x) => isScoped(x) && pathParams(x.path).length > 1)) {
      const victimUrl = (await victimPath(o)).url;
      const url = victimUrl.replace(`/api/w/${DEMO.slug}`, `/api/w/${outsiderSlug}`);
      const res = await d.request({ method: o.method, url, token: outsider.token, body: bodyFor(o) });
      if (res.status < 400 || res.status >= 500) failures.push(`${o.method} ${url} → ${res.status}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot(d.runtime.database.db)).toEqual(before);
  });

  it('shows none of the victim’s identifiers in any answer to the outsider', async () => {
    const victimIds = new Set<string>();
    for (const o of ops.filter((x) => x.method === 'GET' && isScoped(x) && pathParams(x.path).length === 1)) {
      const res = await d.request({ url: o.path.replace('{workspace}', DEMO.slug), token: victimToken });
      for (const m of JSON.stringify(res.body).matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/g)) victimIds.add(m[0]);
    }
    expect(victimIds.size).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const o of ops.filter((x) => x.method === 'GET' && pathParams(x.path).every((p) => p === 'workspace'))) {
      const url = o.path.replace('{workspace}', outsiderSlug);
      const res = await d.request({ url, token: outsider.token });
      const text = JSON.stringify(res.body);
      for (const id of victimIds) if (text.includes(id)) leaks.push(`${url} shows ${id}`);
      if (text.includes(DEMO.slug)) leaks.push(`${url} shows the victim's slug`);
    }
    expect(leaks).toEqual([]);
  });

  it('asks for sign-in (401) on every non-public route without credentials', async () => {
    const failures: string[] = [];
    for (const o of ops) {
      const { url } = await victimPath(o);
      const res = await d.request({ method: o.method, url, body: bodyFor(o) });
      const isPublic = Array.isArray(o.op.security) && o.op.security.length === 0;
      if (!isPublic && res.status !== 401) failures.push(`${o.method} ${url} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
