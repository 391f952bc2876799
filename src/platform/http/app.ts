import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config';
import type { ServiceContext, WorkspaceScope } from '../context';
import type { Database } from '../db/database';
import { DomainError, platformErrors, type Locale } from '../errors';
import { EventBus } from '../events';
import { localeFromHeader } from '../i18n';
import { buildRegistry, ModuleRegistryError, type ModuleManifest, type Registry } from '../module';
import { authenticateSession, authenticateToken, csrfMatches, SESSION_COOKIE, type SignedIn } from '../auth/service';
import type { ScopeSql } from '../auth/repository';
import { authRoutes } from '../auth/routes';
import { sendError, installErrorHandling } from './errors';
import { docsRoutes } from './docs';
import { webRoutes } from './web';
import { errorResponses, validatorCompiler } from './schema';
import { packageVersion } from '../version';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: ServiceContext;
    csrfToken: string | null;
    sessionId: string | null;
    /** The membership for a workspace route, when it was read with the sign-in (`scope` null: not a member). */
    membership: { scope: WorkspaceScope | null } | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in; rate-limited per IP. */
    public?: boolean;
  }
}

export interface AppOptions {
  config: Config;
  database: Database;
  modules: readonly ModuleManifest[];
  events?: EventBus;
  /** Serve the built web app from this folder (absent in API tests). */
  webRoot?: string;
}

export interface App {
  server: FastifyInstance;
  registry: Registry;
  events: EventBus;
}

/** Where the workspace-scoped routes live. */
const WORKSPACE_PREFIX = '/api/w/:workspace';

/** Per-IP limits for routes reachable without an account. */
export const PUBLIC_RATE_LIMIT = { max: 300, timeWindow: '1 minute' } as const;

/**
 * Builds the HTTP application from the module list: security headers, sessions and tokens,
 * CSRF, the error shape, OpenAPI, the platform's own routes, and every module's routes.
 */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database } = options;
  const registry = buildRegistry(options.modules, platformErrors);
  const server = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Nothing personal in logs: no cookies, tokens or bodies.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
          },
    // Fastify's request logs carry the client's IP address and full URL (personal data);
    // we log the route pattern, status and duration instead (onResponse hook below).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    trustProxy: config.baseUrl.startsWith('https://'),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Errors the router raises before any hook runs (a malformed or over-long path).
    frameworkErrors: (error, request, reply) =>
      sendError(reply, request, registry, new DomainError(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'request.uri_too_long' : 'request.malformed')),
  }).withTypeProvider<ZodTypeProvider>();
  const events = options.events ?? new EventBus((event, err) => server.log.error({ err, event }, 'event listener failed'));

  server.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, route: request.routeOptions.url ?? '(geen route)', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  installErrorHandling(server, registry);

  await server.register(cookie);
  await server.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.baseUrl.startsWith('https://') ? [] : null,
      },
    },
    hsts: config.baseUrl.startsWith('https://') ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await server.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => new DomainError('request.rate_limited', { seconds: Math.ceil(context.ttl / 1000) }),
  });
  // Duplicate routes fail at start-up, naming both modules (Fastify alone would not say whose).
  const routeOwners = new Map<string, string>();
  let mounting = 'platform';
  server.addHook('onRoute', (route) => {
    if (route.config?.public && !route.config.rateLimit) route.config = { ...route.config, rateLimit: PUBLIC_RATE_LIMIT };
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const key = `${method} ${route.url}`;
      const owner = routeOwners.get(key);
      if (owner) throw new ModuleRegistryError(`route ${key} of module '${mounting}' is already declared by '${owner}'`);
      routeOwners.set(key, mounting);
    }
  });
  server.decorate('dichterRoutes', { getter: () => [...routeOwners.keys()].map((k) => k.replace(/:(\w+)/g, '{$1}')) });
  const mount = async (moduleId: string, register: () => PromiseLike<unknown>) => {
    mounting = moduleId;
    await register();
    mounting = 'platform';
  };

  await server.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'dichter API',
        version: packageVersion,
        description:
          'De API van dichter. Werkruimte-gebonden routes staan onder /api/w/{workspace}/…; log in met een sessie (cookie + X-CSRF-Token) of met een persoonlijk API-token (Authorization: Bearer …). Fouten hebben altijd de vorm {"error":{"id","message","fields"}}.',
      },
      servers: [{ url: config.baseUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Persoonlijk API-token (npx dichter token create)' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  // Who is asking: session cookie or bearer token. Language: the account's, else Accept-Language.
  server.decorateRequest('ctx', null as never);
  server.decorateRequest('csrfToken', null);
  server.decorateRequest('sessionId', null);
  server.decorateRequest('membership', null);
  // On a workspace route the membership is read in the same statement as the account.
  const membershipOf = (request: FastifyRequest): ScopeSql | undefined => {
    const slug = request.routeOptions.url?.startsWith(WORKSPACE_PREFIX) ? (request.params as { workspace?: unknown }).workspace : undefined;
    return typeof slug === 'string' && registry.tenancySql ? (userId) => registry.tenancySql!(slug, userId) : undefined;
  };
  const remember = (request: FastifyRequest, signedIn: SignedIn) => {
    request.ctx.actor = signedIn.actor;
    if ('scope' in signedIn) request.membership = { scope: (signedIn.scope as WorkspaceScope | null) ?? null };
  };
  server.addHook('onRequest', async (request) => {
    const headerLocale = localeFromHeader(request.headers['accept-language']);
    request.ctx = { db: database.db, actor: null, locale: headerLocale, events };
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      const signedIn = scheme?.toLowerCase() === 'bearer' && token ? await authenticateToken(database.db, token, membershipOf(request)) : undefined;
      if (!signedIn) throw new DomainError('auth.invalid_token');
      remember(request, signedIn);
      return;
    }
    const sessionId = request.cookies[SESSION_COOKIE];
    if (!sessionId) return;
    const session = await authenticateSession(database.db, sessionId, membershipOf(request));
    if (!session) return;
    remember(request, session);
    request.csrfToken = session.csrfToken;
    request.sessionId = sessionId;
    if (!request.headers['accept-language']) request.ctx.locale = session.locale;
    // Writes made with a cookie must carry the session's CSRF token (synchronizer token pattern).
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method) && !csrfMatches(session.csrfToken, request.headers['x-csrf-token'] as string | undefined)) {
      throw new DomainError('auth.csrf');
    }
  });
  // Every /api route needs an account unless it is marked public. Checked before the input is
  // validated, so a stranger learns nothing from validation errors either.
  server.addHook('preValidation', async (request) => {
    if (request.is404) return;
    if (request.url.startsWith('/api/') && !request.routeOptions.config?.public && !request.ctx.actor) throw new DomainError('auth.required');
  });

  await server.register(
    async (api) => {
      api.get(
        '/health',
        {
          config: { public: true },
          schema: {
            tags: ['platform'],
            summary: 'Status van de dienst',
            security: [],
            response: {
              200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() }),
              ...errorResponses(503),
            },
          },
        },
        async (_request, reply) => {
          try {
            await database.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
          } catch {
            throw new DomainError('server.unavailable');
          }
          return reply.send({ status: 'ok' as const, database: database.kind, version: packageVersion });
        },
      );
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => server.swagger());
      await api.register(authRoutes, { config });
      await api.register(docsRoutes, { getDocument: () => server.swagger() as never });
      for (const m of registry.modules) if (m.globalRoutes) await mount(m.id, () => api.register(m.globalRoutes!));
      await api.register(
        async (scoped) => {
          scoped.addHook('preValidation', async (request: FastifyRequest<{ Params: { workspace: string } }>) => {
            if (!request.ctx.actor) throw new DomainError('auth.required');
            const scope = request.membership ? request.membership.scope : await registry.tenancy(request.ctx, request.params.workspace);
            // Not a member: answer as if the workspace did not exist, so slugs do not leak.
            if (!scope) throw new DomainError('workspace.not_found');
            request.ctx.workspace = scope;
          });
          scoped.get(
            '/nav',
            {
              schema: {
                tags: ['platform'],
                summary: 'Menu van de werkruimte voor uw rol (uit de modules)',
                params: z.object({ workspace: z.string().max(100) }),
                response: {
                  200: z.object({ items: z.array(z.object({ path: z.string(), label: z.string(), module: z.string(), order: z.number() })), total: z.number() }),
                  ...errorResponses(401, 404),
                },
              },
            },
            async (request) => {
              const role = request.ctx.workspace!.role;
              const items = registry.nav.filter((n) => !n.roles || n.roles.includes(role)).map((n) => ({ path: n.path, label: n.label, module: n.module, order: n.order ?? 100 }));
              return { items, total: items.length };
            },
          );
          for (const m of registry.modules) if (m.routes) await mount(m.id, () => scoped.register(m.routes!));
        },
        { prefix: WORKSPACE_PREFIX.slice('/api'.length) },
      );
    },
    { prefix: '/api' },
  );

  // Routes of a standard outside /api (Open311): no platform sign-in; the module authenticates.
  for (const m of registry.modules) if (m.rootRoutes) await mount(m.id, () => server.register(m.rootRoutes!));

  if (options.webRoot) await server.register(webRoutes, { root: options.webRoot, theme: config.theme });
  server.setNotFoundHandler((request, reply) => sendError(reply, request, registry, new DomainError('route.not_found')));

  return { server, registry, events };
}

export function localeOf(request: FastifyRequest): Locale {
  return request.ctx?.locale ?? 'nl';
}
