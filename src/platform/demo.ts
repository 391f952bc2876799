import { createUser, findUserByEmail } from './auth/service';
import type { ServiceContext } from './context';
import type { DemoContext, Registry } from './module';

export const DEMO = {
  slug: 'nieuw-west-verbindt',
  name: 'Nieuw-West Verbindt',
  description:
    'Fictief gebiedsprogramma (demo): twintig jaar samenwerken aan leefbaarheid en kansen in Geuzenveld-Slotermeer en Osdorp, met bewoners, corporaties, zorg, welzijn, school en politie.',
  adminEmail: 'beheerder@demo.dichter.nl',
  adminName: 'Demo Beheerder',
  /** Shown in the README; the demo is for trying dichter out, never for real data. */
  password: 'demo-wachtwoord-2026',
} as const;

const DEMO_WORKSPACE: Omit<DemoContext, 'log'> = { workspaceSlug: DEMO.slug, workspaceName: DEMO.name, workspaceDescription: DEMO.description };

export interface DemoResult {
  created: boolean;
}

/**
 * Loads the demo workspace: its beheerder account, then every module's seeds in module
 * order. Idempotent: running it again adds only what is missing.
 */
export async function loadDemo(base: ServiceContext, registry: Registry, log: (line: string) => void): Promise<DemoResult> {
  let admin = await findUserByEmail(base.db, DEMO.adminEmail);
  if (!admin) admin = await createUser(base, { email: DEMO.adminEmail, name: DEMO.adminName, password: DEMO.password, isAdmin: false });
  const ctx: ServiceContext = { ...base, actor: { userId: admin.id, email: admin.email, name: admin.name, isAdmin: false, via: 'system' } };
  const created = !(await registry.tenancy(ctx, DEMO.slug));
  for (const m of registry.modules) {
    if (!m.seeds) continue;
    // The first seed (workspaces) creates the workspace; later seeds work inside it.
    const scope = await registry.tenancy(ctx, DEMO.slug);
    await m.seeds({ ...ctx, workspace: scope ?? undefined }, { ...DEMO_WORKSPACE, log: (line) => log(`${m.id}: ${line}`) });
  }
  return { created };
}
