import type { TestDichter } from './harness';

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  op: {
    parameters?: { name: string; in: string; required?: boolean; schema?: Record<string, unknown> }[];
    requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
    /** `[]` marks a route that needs no account. */
    security?: unknown[];
  };
}

/** Every operation of the OpenAPI document, so walking tests cover future modules by themselves. */
export async function operations(d: TestDichter): Promise<Operation[]> {
  const doc = (await d.request({ url: '/api/openapi.json' })).body;
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries<Record<string, Operation['op']>>(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) ops.push({ method: method.toUpperCase() as Operation['method'], path, op });
  }
  return ops;
}

export const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

const camel = (s: string) => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** Finds the first id in a response under `key` (or `items`), deep. */
function findId(body: unknown, key: string): string | undefined {
  const seen: unknown[] = [body];
  while (seen.length) {
    const node = seen.shift();
    if (!node || typeof node !== 'object') continue;
    for (const [k, v] of Object.entries(node)) {
      if ((k === key || k === 'items') && Array.isArray(v) && v.length && typeof v[0] === 'object') {
        const first = v[0] as Record<string, unknown>;
        const id = first.id ?? first.userId;
        if (typeof id === 'string') return id;
      }
      if (v && typeof v === 'object') seen.push(v);
    }
  }
  return undefined;
}

/**
 * Resolves real ids for path parameters by reading the nearest list route above each
 * parameter, as the given user: `/partners/{partnerId}` takes an id from `GET /partners`,
 * `/charter/values/{valueId}` from `GET /charter` → `values`, and a nested one from the list
 * under the ids already resolved: `/debts/{debtId}/documents/{documentId}` from
 * `GET /debts/<that debt>/documents`.
 */
export async function resolvePath(d: TestDichter, ops: Operation[], path: string, values: Record<string, string>, token: string): Promise<{ url: string; unresolved: string[] }> {
  const unresolved: string[] = [];
  const known: Record<string, string> = { ...values };
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (whole, p: string) => (known[p] ? encodeURIComponent(known[p]) : whole));
  let url = path;
  for (const param of pathParams(path)) {
    if (values[param]) {
      url = url.replace(`{${param}}`, encodeURIComponent(values[param]));
      continue;
    }
    const prefix = url.slice(0, url.indexOf(`{${param}}`) - 1);
    const key = camel(prefix.split('/').pop() ?? '');
    let id: string | undefined;
    for (let candidate = prefix; candidate.includes('/api/') && !id; candidate = candidate.slice(0, candidate.lastIndexOf('/'))) {
      if (candidate.includes('{')) continue;
      const templ = ops.find((o) => o.method === 'GET' && fill(o.path) === candidate);
      if (!templ) continue;
      const res = await d.request({ url: candidate, token });
      if (res.status === 200) id = findId(res.body, key);
    }
    if (!id) {
      unresolved.push(param);
      id = '0190a3c4-0000-7000-8000-000000000000';
    }
    known[param] = id;
    url = url.replace(`{${param}}`, encodeURIComponent(id));
  }
  return { url, unresolved };
}
