import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, startDichter, type TestDichter } from './harness';

let d: TestDichter;
beforeAll(async () => {
  d = await startDichter();
});
afterAll(() => d?.close());

describe('health', () => {
  it('reports ok, the database kind and the package version', async () => {
    const res = await d.request({ url: '/api/health' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite', version: '0.1.0' });
  });
});

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await d.request({ url: '/api/openapi.json' });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const result = await new Validator().validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('covers every API route the server answers', async () => {
    const doc = (await d.request({ url: '/api/openapi.json' })).body;
    const documented = new Set<string>();
    for (const [path, methods] of Object.entries<Record<string, unknown>>(doc.paths)) for (const m of Object.keys(methods)) documented.add(`${m.toUpperCase()} ${path}`);
    const hidden = new Set(['GET /api/openapi.json', 'GET /api/docs', 'GET /api/docs/docs.css']);
    // Documented → served (Fastify's router), and served (collected at registration) → documented.
    for (const key of documented) {
      const [method, path] = key.split(' ');
      expect(d.app.server.hasRoute({ method: method as 'GET', url: path.replace(/\{(\w+)\}/g, ':$1') }), key).toBe(true);
    }
    const registered = routeTable(d).filter((k) => k.includes(' /api/') && !hidden.has(k));
    expect(registered.length).toBeGreaterThan(20);
    for (const key of registered) expect(documented.has(key), `${key} is missing from the OpenAPI document`).toBe(true);
  });

  it('has a human-readable documentation page that lists the routes', async () => {
    const res = await d.request({ url: '/api/docs' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('/api/w/{workspace}/partners');
  });
});

/** Every route the server registered, as `METHOD /path/{param}`. */
function routeTable(dichter: TestDichter): string[] {
  return (dichter.app.server as unknown as { dichterRoutes?: string[] }).dichterRoutes ?? [];
}

describe('security headers and limits', () => {
  it('sends a strict Content-Security-Policy and other security headers', async () => {
    const res = await d.request({ url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses bodies over the size limit with 413 and the error shape', async () => {
    const owner = await d.user();
    const res = await d.request({ method: 'POST', url: '/api/workspaces', token: owner.token, body: { name: 'x'.repeat(2 * 1024 * 1024), slug: 'te-groot' } });
    expect(res.status).toBe(413);
    expect(res.body.error.id).toBe('request.too_large');
  });

  it('answers malformed JSON with 400 request.malformed', async () => {
    const owner = await d.user();
    const res = await d.request({ method: 'POST', url: '/api/workspaces', token: owner.token, body: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.id).toBe('request.malformed');
  });

  it('answers unknown API paths with 404 in the error shape', async () => {
    const res = await d.request({ url: '/api/bestaat-niet' });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ id: 'route.not_found', fields: [] });
  });
});

describe('language of error messages', () => {
  it('speaks Dutch by default and English when asked', async () => {
    const owner = await d.user();
    const nl = await d.request({ method: 'POST', url: '/api/workspaces', token: owner.token, body: { name: 'Wijk', slug: 'Met Spaties' } });
    expect(nl.status).toBe(400);
    expect(nl.body.error.id).toBe('request.invalid');
    expect(nl.body.error.message).toMatch(/invoer is niet geldig/);
    expect(nl.body.error.fields).toEqual([{ path: 'slug', message: expect.stringMatching(/kleine letters/) }]);
    const en = await d.request({ method: 'POST', url: '/api/workspaces', token: owner.token, body: { name: 'Wijk', slug: 'Met Spaties' }, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.body.error.message).toMatch(/input is not valid/);
    expect(en.body.error.fields[0].message).toMatch(/lowercase letters/);
  });

  it('names a missing required field as required', async () => {
    const owner = await d.user();
    const res = await d.request({ method: 'POST', url: '/api/workspaces', token: owner.token, body: { slug: 'geen-naam' } });
    expect(res.body.error.fields).toEqual([{ path: 'name', message: 'Dit veld is verplicht.' }]);
  });
});

describe('workspace nav from module manifests', () => {
  it('shows a beheerder the settings and audit items, a lezer not', async () => {
    const owner = await d.user();
    const slug = await createWorkspace(d, owner);
    const reader = await d.user();
    await d.request({ method: 'POST', url: `/api/w/${slug}/members`, token: owner.token, body: { email: reader.email, name: reader.name, role: 'lezer' } });
    const ownerNav = (await d.request({ url: `/api/w/${slug}/nav`, token: owner.token })).body.items.map((i: { path: string }) => i.path);
    const readerNav = (await d.request({ url: `/api/w/${slug}/nav`, token: reader.token })).body.items.map((i: { path: string }) => i.path);
    expect(ownerNav).toEqual(expect.arrayContaining(['convenant', 'partners', 'leden', 'instellingen', 'audit']));
    expect(readerNav).toContain('partners');
    expect(readerNav).not.toContain('instellingen');
    expect(readerNav).not.toContain('audit');
  });
});
