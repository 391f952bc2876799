import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as client from 'openid-client';
import { z } from 'zod';
import type { Config } from '../config';
import { DomainError } from '../errors';
import { errorResponses } from '../http/schema';
import { setSessionCookie } from './routes';
import { signInWithOidc } from './service';

const FLOW_COOKIE = 'dichter_oidc';

/**
 * OpenID Connect sign-in (authorization code flow with PKCE, state and nonce) for municipal
 * single sign-on. The provider is discovered once, on first use, so a provider that is down
 * at start-up does not stop dichter; local accounts keep working.
 */
export const oidcRoutes: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const redirectUri = `${config.baseUrl}/api/auth/oidc/callback`;
  let discovered: Promise<client.Configuration> | undefined;
  const provider = () => {
    const oidc = config.oidc;
    if (!oidc) throw new DomainError('auth.oidc_not_configured');
    discovered ??= client
      .discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, undefined, {
        execute: oidc.issuer.startsWith('http://') ? [client.allowInsecureRequests] : [],
      })
      .catch((err) => {
        discovered = undefined;
        throw err;
      });
    return discovered;
  };
  const tags = ['account'];

  api.get(
    '/auth/oidc/start',
    {
      config: { public: true },
      schema: { tags, summary: 'Inloggen via de organisatie (OpenID Connect): doorsturen naar de aanbieder', security: [], response: { 302: z.null(), ...errorResponses(404, 503) } },
    },
    async (request, reply) => {
      const cfg = await provider().catch((err) => {
        if (err instanceof DomainError) throw err;
        request.log.warn({ err }, 'OIDC discovery failed');
        throw new DomainError('server.unavailable');
      });
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(cfg, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      reply.setCookie(FLOW_COOKIE, JSON.stringify({ verifier, state, nonce }), {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.baseUrl.startsWith('https://'),
        path: '/api/auth/oidc',
        maxAge: 600,
      });
      return reply.redirect(url.href, 302);
    },
  );

  api.get(
    '/auth/oidc/callback',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Terugkeer van de OpenID Connect-aanbieder',
        security: [],
        querystring: z.object({ code: z.string().max(4096).optional(), state: z.string().max(1024).optional(), error: z.string().max(200).optional() }).loose(),
        response: { 302: z.null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const cfg = await provider().catch((err) => {
        if (err instanceof DomainError) throw err;
        throw new DomainError('auth.oidc_failed');
      });
      let flow: { verifier: string; state: string; nonce: string };
      try {
        flow = JSON.parse(request.cookies[FLOW_COOKIE] ?? '');
      } catch {
        throw new DomainError('auth.oidc_failed');
      }
      reply.clearCookie(FLOW_COOKIE, { path: '/api/auth/oidc' });
      let claims: client.IDToken | undefined;
      let profile: Record<string, unknown> = {};
      try {
        const tokens = await client.authorizationCodeGrant(cfg, new URL(request.url, config.baseUrl), {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
        });
        claims = tokens.claims();
        profile = { ...claims };
        // With the code flow, providers may give the e-mail and profile claims only from the
        // UserInfo endpoint, not in the ID token (OpenID Connect Core 5.4). Ask there if needed.
        if (claims && claims.email === undefined && cfg.serverMetadata().userinfo_endpoint) {
          profile = { ...claims, ...(await client.fetchUserInfo(cfg, tokens.access_token, claims.sub)) };
        }
      } catch (err) {
        request.log.warn({ err }, 'OIDC code exchange failed');
        throw new DomainError('auth.oidc_failed');
      }
      if (!claims) throw new DomainError('auth.oidc_failed');
      const session = await signInWithOidc(request.ctx, {
        issuer: claims.iss,
        subject: claims.sub,
        email: typeof profile.email === 'string' ? profile.email : undefined,
        emailVerified: typeof profile.email_verified === 'boolean' ? profile.email_verified : undefined,
        name: typeof profile.name === 'string' ? profile.name : undefined,
      });
      setSessionCookie(reply, config, session);
      return reply.redirect('/', 302);
    },
  );
};
