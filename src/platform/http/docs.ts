import type { FastifyPluginAsync } from 'fastify';

interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, { summary?: string; tags?: string[]; parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[]; requestBody?: { content?: Record<string, { schema?: unknown }> }; responses?: Record<string, unknown> }>>;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}
h1{font-size:1.75rem}h2{border-bottom:2px solid #154273;margin-top:2rem}code,pre{font-family:ui-monospace,monospace}
.op{border:1px solid #ccc;border-radius:4px;margin:1rem 0;padding:.5rem 1rem}.m{display:inline-block;min-width:4.5rem;font-weight:700}
pre{background:#f3f3f3;padding:.5rem;overflow:auto;max-height:20rem}a{color:#154273}a:focus,summary:focus{outline:3px solid #ffb612}
details summary{cursor:pointer}`;

/** A human-readable page of the OpenAPI document, in Dutch, that works under the strict CSP. */
export function renderDocs(doc: OpenApiDoc): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'overig';
      const params = (op.parameters ?? [])
        .map((p) => `<li><code>${escape(p.name)}</code> (${escape(p.in)}${p.required ? ', verplicht' : ''})</li>`)
        .join('');
      const body = op.requestBody?.content?.['application/json']?.schema;
      const html = `<div class="op"><p><span class="m">${method.toUpperCase()}</span> <code>${escape(path)}</code></p>
<p>${escape(op.summary ?? '')}</p>${params ? `<p>Parameters:</p><ul>${params}</ul>` : ''}
${body ? `<details><summary>Invoer (JSON-schema)</summary><pre>${escape(JSON.stringify(body, null, 2))}</pre></details>` : ''}
<p>Antwoorden: ${Object.keys(op.responses ?? {}).map((s) => `<code>${escape(s)}</code>`).join(', ')}</p></div>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<section><h2 id="${escape(tag)}">${escape(tag)}</h2>${ops.join('')}</section>`).join('');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(doc.info.title)} — documentatie</title><link rel="stylesheet" href="/api/docs/docs.css"></head>
<body><main><h1>${escape(doc.info.title)} ${escape(doc.info.version)}</h1><p>${escape(doc.info.description ?? '')}</p>
<p>Machineleesbaar: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<nav aria-label="Onderwerpen"><ul>${[...byTag.keys()].map((t) => `<li><a href="#${escape(t)}">${escape(t)}</a></li>`).join('')}</ul></nav>${sections}</main></body></html>`;
}

export const docsRoutes: FastifyPluginAsync<{ getDocument: () => OpenApiDoc }> = async (app, { getDocument }) => {
  app.get('/docs', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(renderDocs(getDocument())));
  app.get('/docs/docs.css', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => reply.type('text/css; charset=utf-8').send(CSS));
};
