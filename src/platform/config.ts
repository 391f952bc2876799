import path from 'node:path';
import { z } from 'zod';

export const THEMES = ['voorbeeld', 'rijkshuisstijl'] as const;
export type ThemeName = (typeof THEMES)[number];

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every setting dichter reads. Only the environment is read; nothing comes from files. */
const envSchema = z
  .object({
    PORT: z.coerce.number({ error: 'moet een getal zijn' }).int().min(1).max(65535).default(8080),
    HOST: z.string().min(1).default('localhost'),
    DICHTER_DATA: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, 'moet beginnen met postgres:// of postgresql://')
      .optional(),
    DICHTER_BASE_URL: z.url({ error: 'moet een volledige URL zijn, bijvoorbeeld https://dichter.gemeente.nl' }).optional(),
    DICHTER_THEME: z.enum(THEMES, { error: `kies uit: ${THEMES.join(', ')}` }).default('voorbeeld'),
    DICHTER_DEMO: booleanFlag.optional(),
    DICHTER_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DICHTER_OIDC_ISSUER: z.url({ error: 'moet de URL van de OpenID Connect-uitgever zijn' }).optional(),
    DICHTER_OIDC_CLIENT_ID: z.string().min(1).optional(),
    DICHTER_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    DICHTER_OIDC_LABEL: z.string().min(1).default('Inloggen met uw organisatie-account'),
    SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, 'moet beginnen met smtp:// of smtps://').optional(),
    SMTP_FROM: z.string().min(3).max(200).optional(),
  });

const OIDC_KEYS = ['DICHTER_OIDC_ISSUER', 'DICHTER_OIDC_CLIENT_ID', 'DICHTER_OIDC_CLIENT_SECRET'] as const;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  database: 'pglite' | 'postgres';
  baseUrl: string;
  theme: ThemeName;
  /** Load the demo workspace on first start. Default: yes in embedded mode, no on PostgreSQL. */
  demo: boolean;
  logLevel: string;
  oidc?: { issuer: string; clientId: string; clientSecret: string; label: string };
  smtpUrl?: string;
  /** Sender of e-mail; by default noreply@ the host of the base URL. */
  smtpFrom: string;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Ongeldige instellingen / invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws ConfigError with one line per bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as "not set", as in most shells' `FOO= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  // OpenID Connect is all or nothing: a half configuration would fail only at sign-in.
  const oidcProblems = OIDC_KEYS.some((k) => cleaned[k]) ? OIDC_KEYS.filter((k) => !cleaned[k]).map((k) => `${k}: ontbreekt: OpenID Connect vraagt uitgever, client-id én client-secret`) : [];
  if (!parsed.success || oidcProblems.length) {
    throw new ConfigError([
      ...(parsed.error?.issues ?? []).map((issue) => {
        const key = String(issue.path[0] ?? '?');
        const value = cleaned[key];
        return `${key}${value !== undefined ? `=${JSON.stringify(key.includes('SECRET') ? '***' : value)}` : ''}: ${issue.message}`;
      }),
      ...oidcProblems,
    ]);
  }
  const e = parsed.data;
  const database = e.DATABASE_URL ? 'postgres' : 'pglite';
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DICHTER_DATA),
    databaseUrl: e.DATABASE_URL,
    database,
    baseUrl: (e.DICHTER_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    theme: e.DICHTER_THEME,
    demo: e.DICHTER_DEMO ?? database === 'pglite',
    logLevel: e.DICHTER_LOG_LEVEL,
    oidc: e.DICHTER_OIDC_ISSUER
      ? { issuer: e.DICHTER_OIDC_ISSUER, clientId: e.DICHTER_OIDC_CLIENT_ID!, clientSecret: e.DICHTER_OIDC_CLIENT_SECRET!, label: e.DICHTER_OIDC_LABEL }
      : undefined,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM ?? `dichter <noreply@${new URL(e.DICHTER_BASE_URL ?? 'http://localhost').hostname}>`,
  };
}
