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

/** The ids in a response under `key` (or, in a list of its own, `items`), deep, first found first. */
function findIds(body: unknown, key: string, ownList: boolean): string[] {
  const seen: unknown[] = [body];
  while (seen.length) {
    const node = seen.shift();
    if (!node || typeof node !== 'object') continue;
    for (const [k, v] of Object.entries(node)) {
      if ((k === key || (ownList && k === 'items')) && Array.isArray(v) && v.length && typeof v[0] === 'object') {
        const ids = v.map((x: Record<string, unknown>) => x.id ?? x.userId).filter((id): id is string => typeof id === 'string');
        if (ids.length) return ids;
      }
      if (v && typeof v === 'object') seen.push(v);
    }
  }
  return [];
}

/** How many records of a list the walk tries to find one with the nested record a route needs. */
const TRIES = 100;
const NO_ID = '0190a3c4-0000-7000-8000-000000000000';

/**
 * Resolves real ids for path parameters by reading the nearest list route above each
 * parameter, as the given user: `/partners/{partnerId}` takes an id from `GET /partners`,
 * `/charter/values/{valueId}` from `GET /charter` → `values`, and a nested one from the list
 * under the ids already resolved: `/debts/{debtId}/documents/{documentId}` from
 * `GET /debts/<that debt>/documents`, trying the debts in turn until one has a document.
 * A list higher up gives an id only under the parameter's own key: its `items` are other records.
 * With several tokens each list is read as the first user who finds ids in it, so records that
 * only their own counsellor sees (a debt's documents) are reached too.
 */
export async function resolvePath(d: TestDichter, ops: Operation[], path: string, values: Record<string, string>, tokens: string | readonly string[]): Promise<{ url: string; unresolved: string[] }> {
  const params = pathParams(path).filter((p) => !values[p]);
  const walk = async (known: Record<string, string>, rest: string[]): Promise<{ url: string; unresolved: string[] }> => {
    const fill = (template: string) => template.replace(/\{(\w+)\}/g, (whole, p: string) => (known[p] ? encodeURIComponent(known[p]) : whole));
    if (!rest.length) return { url: fill(path), unresolved: [] };
    const [param, ...later] = rest;
    const url = fill(path);
    const prefix = url.slice(0, url.indexOf(`{${param}}`) - 1);
    const key = camel(prefix.split('/').pop() ?? '');
    let ids: string[] = [];
    for (let candidate = prefix; candidate.includes('/api/') && !ids.length; candidate = candidate.slice(0, candidate.lastIndexOf('/'))) {
      if (candidate.includes('{') || !ops.some((o) => o.method === 'GET' && fill(o.path) === candidate)) continue;
      for (const token of typeof tokens === 'string' ? [tokens] : tokens) {
        const res = await d.request({ url: candidate, token });
        if (res.status === 200) ids = findIds(res.body, key, candidate === prefix);
        if (ids.length) break;
      }
    }
    if (!ids.length) {
      const deeper = await walk({ ...known, [param]: NO_ID }, later);
      return { url: deeper.url, unresolved: [param, ...deeper.unresolved] };
    }
    let best: { url: string; unresolved: string[] } | undefined;
    for (const id of ids.slice(0, later.length ? TRIES : 1)) {
      const deeper = await walk({ ...known, [param]: id }, later);
      if (!deeper.unresolved.length) return deeper;
      if (!best || deeper.unresolved.length < best.unresolved.length) best = deeper;
    }
    return best!;
  };
  return walk({ ...values }, params);
}
