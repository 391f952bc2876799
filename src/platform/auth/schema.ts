import { z } from 'zod';

export const email = z.email().max(254).transform((v) => v.trim().toLowerCase());
export const personName = z.string().trim().min(1).max(200);
/** Long passphrases are encouraged; 12 characters is the floor (NCSC advice). */
export const password = z.string().min(12).max(1024);

export const signInBody = z.object({ email, password: z.string().min(1).max(1024) }).strict();
export type SignInInput = z.infer<typeof signInBody>;

export const createUserInput = z.object({ email, name: personName, password: password.optional(), isAdmin: z.boolean().default(false) }).strict();
export type CreateUserInput = z.input<typeof createUserInput>;

export const userView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  locale: z.enum(['nl', 'en']),
});
export type UserView = z.infer<typeof userView>;

export const sessionView = z.object({
  user: userView.nullable(),
  /** Send this back in the `X-CSRF-Token` header on every write made with the session cookie. */
  csrfToken: z.string().nullable(),
  oidc: z.object({ enabled: z.boolean(), label: z.string() }),
  theme: z.string(),
  version: z.string(),
});

export const updateMeBody = z.object({ name: personName.optional(), locale: z.enum(['nl', 'en']).optional() }).strict();
export type UpdateMeInput = z.infer<typeof updateMeBody>;

export const createTokenBody = z.object({ name: z.string().trim().min(1).max(100) }).strict();
export const tokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const tokenCreated = tokenView.extend({ token: z.string().describe('Shown once; store it safely.') });
export const tokenIdParams = z.object({ id: z.uuid() });
