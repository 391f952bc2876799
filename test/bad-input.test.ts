import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../src/platform/demo';
import { loadDemoAsBeheerder, startDichter, type TestDichter } from './harness';
import { operations, resolvePath, type Operation } from './openapi-walk';
import { snapshot } from './snapshot';

/**
 * Property-based bad input, for every route in the OpenAPI document (future modules included):
 * generated invalid bodies, query strings and path ids never cause a 5xx, always get the one
 * error shape, and a refused write stores nothing.
 */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 15);

let d: TestDichter;
let ops: Operation[];
let token: string;

beforeAll(async () => {
  d = await startDichter();
  token = await loadDemoAsBeheerder(d);
  ops = await operations(d);
}, 180_000);
afterAll(() => d?.close());

const nasty = fc.constantFrom('', ' ', '..', '%00', '\u0000', 'null', 'undefined', '-1', '0', '1e309', 'NaN', "' or 1=1 --", '<script>', '💥', 'ä'.repeat(300), '9'.repeat(40));
const badScalar = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), nasty, fc.string({ minLength: 5000, maxLength: 6000 }));
const badValue = fc.oneof(badScalar, fc.array(badScalar, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), badScalar, { maxKeys: 3 }));

/** Bodies that break the declared schema: wrong types per field, unknown fields, non-objects. */
function badBody(op: Operation) {
  const schema = op.op.requestBody?.content?.['application/json']?.schema as { properties?: Record<string, unknown> } | undefined;
  const fields = Object.keys(schema?.properties ?? {});
  const wrongTyped = fields.length
    ? fc.record(Object.fromEntries(fields.map((f) => [f, badValue])), { requiredKeys: [] })
    : fc.dictionary(fc.string({ maxLength: 10 }), badValue, { maxKeys: 4 });
  return fc.oneof(
    wrongTyped,
    fc.jsonValue({ maxDepth: 3 }),
    wrongTyped.map((b) => ({ ...b, onbekendVeld: 'x' })),
    fc.constantFrom('{"kapot":', '[1,2', '"\u0000"', 'null', '{}'.repeat(3)).map((raw) => ({ raw })),
  );
}

function badQuery(op: Operation) {
  const names = (op.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  return fc.dictionary(fc.constantFrom(...names, 'onbekend', 'limit', 'offset'), fc.oneof(nasty, fc.string({ maxLength: 30 })), { maxKeys: 4 });
}

const badId = fc.oneof(nasty, fc.string({ minLength: 1, maxLength: 60 }), fc.uuid(), fc.constant('0190a3c4-0000-7000-8000-000000000000'));

/** Standards outside /api answer in their own error shape: Open311 GeoReport v2 as [{code, description}] (JSON or XML). */
function expectErrorShape(body: any, where: string, path: string, status: number) {
  if (path.startsWith('/open311/')) {
    if (path.endsWith('.xml')) return expect(body, where).toMatch(/^<\?xml[^>]*>\n<errors>(<error><code>\d+<\/code><description>[^<]*<\/description><\/error>)+<\/errors>$/);
    expect(Array.isArray(body) && body.length > 0, where).toBe(true);
    for (const e of body) expect(e, where).toEqual({ code: status, description: expect.any(String) });
    return;
  }
  expect(body, where).toMatchObject({ error: { id: expect.stringMatching(/^[a-z_]+\.[a-z_]+$/), message: expect.any(String), fields: expect.any(Array) } });
  for (const f of body.error.fields) expect(f, where).toEqual({ path: expect.any(String), message: expect.any(String) });
  expect(JSON.stringify(body), where).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
}

describe('bad input on every route', () => {
  it('covers the routes of every module', () => {
    expect(ops.length).toBeGreaterThan(25);
  });

  it('never answers 5xx, always with the error shape, and stores nothing when it refuses', async () => {
    let baseline = await snapshot(d.runtime.database.db);
    for (const op of ops) {
      const params = (op.path.match(/\{(\w+)\}/g) ?? []).map((p) => p.slice(1, -1)).filter((p) => p !== 'workspace');
      const real = (await resolvePath(d, ops, op.path, { workspace: DEMO.slug }, token)).url;
      const hasBody = ['POST', 'PATCH', 'PUT'].includes(op.method);
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            ids: fc.array(fc.option(badId, { nil: undefined, freq: 2 }), { minLength: params.length, maxLength: params.length }),
            query: badQuery(op),
            body: hasBody ? badBody(op) : fc.constant(undefined),
          }),
          async ({ ids, query, body }) => {
            // Start from the real URL (existing records) and break some of the ids.
            let url = real;
            const realSegments = real.split('/');
            const templSegments = op.path.split('/');
            templSegments.forEach((seg, i) => {
              const p = seg.match(/^\{(\w+)\}$/)?.[1];
              if (!p || p === 'workspace') return;
              const replacement = ids[params.indexOf(p)];
              if (replacement !== undefined) realSegments[i] = encodeURIComponent(replacement);
            });
            url = realSegments.join('/');
            const qs = new URLSearchParams(query).toString();
            if (qs) url += `?${qs}`;
            const raw = body && typeof body === 'object' && 'raw' in body && Object.keys(body).length === 1 ? (body as { raw: string }).raw : undefined;
            const res = await d.request({
              method: op.method,
              url,
              token,
              body: raw ?? body,
              headers: raw !== undefined ? { 'content-type': 'application/json' } : {},
            });
            const where = `${op.method} ${url} ${raw ?? JSON.stringify(body)?.slice(0, 200)} → ${res.status}`;
            expect(res.status, where).toBeLessThan(500);
            if (res.status >= 400) expectErrorShape(res.body, where, op.path, res.status);
            if (op.method !== 'GET') {
              const now = await snapshot(d.runtime.database.db);
              if (res.status >= 400) expect(now, `${where} changed stored data`).toEqual(baseline);
              baseline = now;
            }
          },
        ),
        { numRuns: RUNS },
      );
    }
  }, 600_000);
});
