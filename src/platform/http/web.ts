import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import type { ThemeName } from '../config';

/**
 * Serves the built web app. Every non-API page gets index.html (client-side routing) with the
 * configured theme filled in; hashed assets are cached for a year.
 */
export const webRoutes: FastifyPluginAsync<{ root: string; theme: ThemeName }> = async (app, { root, theme }) => {
  const indexFile = path.join(root, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.log.warn(`web app not built (${indexFile} missing): run npm run build`);
    return;
  }
  const index = fs.readFileSync(indexFile, 'utf8').replaceAll('%DICHTER_THEME%', theme);
  await app.register(fastifyStatic, {
    root,
    index: false,
    wildcard: false,
    setHeaders(res, file) {
      if (file.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const sendIndex = (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
  app.get('/', { schema: { hide: true } }, sendIndex);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    let rel: string;
    try {
      rel = decodeURIComponent(request.url.split('?')[0]).replace(/^\/+/, '');
    } catch {
      return reply.callNotFound();
    }
    const file = path.resolve(root, rel);
    if (rel && file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(rel);
    if (rel.startsWith('api/') || /\.[a-z0-9]+$/i.test(rel)) return reply.callNotFound();
    return sendIndex(request, reply);
  });
};
