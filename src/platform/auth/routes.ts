import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config';
import { errorResponses, listOf } from '../http/schema';
import { packageVersion } from '../version';
import { oidcRoutes } from './oidc';
import { createTokenBody, sessionView, signInBody, tokenCreated, tokenIdParams, tokenView, updateMeBody, userView } from './schema';
import * as service from './service';

export const SIGN_IN_RATE_LIMIT = { max: 10, timeWindow: '1 minute' } as const;

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when served over https. */
export function setSessionCookie(reply: FastifyReply, config: Config, session: service.NewSession) {
  reply.setCookie(service.SESSION_COOKIE, session.sessionId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.baseUrl.startsWith('https://'),
    path: '/',
    expires: session.expiresAt,
  });
}

export const authRoutes: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['account'];

  api.get(
    '/auth/session',
    {
      config: { public: true },
      schema: { tags, summary: 'Huidige sessie, CSRF-token en inlogmogelijkheden', security: [], response: { 200: sessionView } },
    },
    async (request) => {
      const actor = request.ctx.actor;
      const user = actor ? await service.findUserByEmail(request.ctx.db, actor.email) : undefined;
      return {
        user: user ?? null,
        csrfToken: request.csrfToken,
        oidc: { enabled: !!config.oidc, label: config.oidc?.label ?? '' },
        theme: config.theme,
        version: packageVersion,
      };
    },
  );

  api.post(
    '/auth/sign-in',
    {
      config: { public: true, rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Inloggen met e-mailadres en wachtwoord',
        security: [],
        body: signInBody,
        response: { 200: z.object({ user: userView, csrfToken: z.string() }), ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const session = await service.signIn(request.ctx, request.body);
      setSessionCookie(reply, config, session);
      return { user: session.user, csrfToken: session.csrfToken };
    },
  );

  api.post(
    '/auth/sign-out',
    { config: { public: true }, schema: { tags, summary: 'Uitloggen', security: [], response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.sessionId) await service.signOut(request.ctx.db, request.sessionId);
      reply.clearCookie(service.SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  api.get('/me', { schema: { tags, summary: 'Mijn account', response: { 200: userView, ...errorResponses(401) } } }, async (request) => {
    const user = await service.findUserByEmail(request.ctx.db, request.ctx.actor!.email);
    return user!;
  });

  api.patch(
    '/me',
    { schema: { tags, summary: 'Mijn naam of voorkeurstaal wijzigen', body: updateMeBody, response: { 200: userView, ...errorResponses(400, 401) } } },
    async (request) => service.updateMe(request.ctx, request.body),
  );

  api.get(
    '/me/tokens',
    { schema: { tags, summary: 'Mijn API-tokens', response: { 200: listOf(tokenView), ...errorResponses(401) } } },
    async (request) => {
      const items = await service.listTokens(request.ctx);
      return { items, total: items.length };
    },
  );

  api.post(
    '/me/tokens',
    {
      schema: { tags, summary: 'Nieuw API-token (wordt één keer getoond)', body: createTokenBody, response: { 201: tokenCreated, ...errorResponses(400, 401) } },
    },
    async (request, reply) => reply.code(201).send(await service.createToken(request.ctx, request.body.name)),
  );

  api.delete(
    '/me/tokens/:id',
    { schema: { tags, summary: 'API-token intrekken', params: tokenIdParams, response: { 200: tokenView, ...errorResponses(400, 401, 404) } } },
    async (request) => service.revokeToken(request.ctx, request.params.id),
  );

  await api.register(oidcRoutes, { config });
};
