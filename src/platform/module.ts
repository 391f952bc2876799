import type { FastifyPluginAsync } from 'fastify';
import { sql, type AliasableExpression, type Expression, type Kysely } from 'kysely';
import type { ErrorCatalogue } from './errors';
import type { Config } from './config';
import type { ServiceContext, WorkspaceScope } from './context';
import type { EventBus } from './events';
import type { Mailer } from './mail';
import type { ReportSectionDefinition } from './report';

/** One migration, frozen in time: it never imports application code. */
export interface Migration {
  /** `YYYY_MM_DD_NNN_what`; runs in the order given in the module's list. */
  name: string;
  up(db: Kysely<any>): Promise<void>;
  down(db: Kysely<any>): Promise<void>;
}

export interface NavItem {
  /** Path below `/w/:workspace/` in the web app, e.g. `partners`. Unique over all modules. */
  path: string;
  /** i18n key of the label in the web app, e.g. `nav.partners`. */
  label: string;
  /** Roles that see the item; all members when absent. */
  roles?: readonly string[];
  /** Order in the menu (low first). */
  order?: number;
}

/** A kind of observation a practice adds to the core's (verhaal, signaal, knelpunt, idee, succes). */
export interface ObservationKindDefinition {
  /** Stored with the observation and used in the API: lowercase letters, digits and `_`, unique over all modules. */
  id: string;
  label: { nl: string; en: string };
  /** Whether it is answered like a signal: routed to an owner, with a due date. */
  answerable: boolean;
}

/** Resolves a workspace slug to the signed-in member's scope; null when not a member. */
export type TenancyResolver = (ctx: ServiceContext, slug: string) => Promise<WorkspaceScope | null>;

/**
 * The same answer as `TenancyResolver` for the person `userId` names, as an SQL expression
 * (a JSON object `{ id, slug, name, role }`, or null), so the platform reads the account and
 * the membership of a request in one statement.
 */
export type TenancySql = (slug: string, userId: Expression<string>) => AliasableExpression<WorkspaceScope | null>;

export interface ModuleManifest {
  /** Unique id, also the prefix of its error ids and the key in exports. */
  id: string;
  migrations?: Migration[];
  /** Workspace-scoped routes, mounted under `/api/w/:workspace`; the platform checks membership first. */
  routes?: FastifyPluginAsync;
  /** Routes outside a workspace, mounted under `/api`. */
  globalRoutes?: FastifyPluginAsync;
  /**
   * Routes of a standard outside `/api`, mounted at the root (e.g. Open311 under `/open311`).
   * The platform's sign-in, CSRF and membership checks act only on `/api/`: these routes do
   * their own authentication (and may keep their own error shape, in their own plugin).
   */
  rootRoutes?: FastifyPluginAsync;
  /** Stable error ids with status and messages (nl, en). */
  errors?: ErrorCatalogue;
  /** Menu items of the web app; the pages themselves live in the module's `ui/index.ts`. */
  nav?: NavItem[];
  /** Supplies workspace membership to the platform. Exactly one module (workspaces) provides it. */
  tenancy?: TenancyResolver;
  /** Membership as SQL for one statement with the sign-in; only beside `tenancy`. */
  tenancySql?: TenancySql;
  /**
   * Demo data for `dichter demo`; must be idempotent. Runs in module order, as the demo
   * beheerder; `ctx.workspace` is the demo workspace once the workspaces module made it.
   */
  seeds?: (ctx: ServiceContext, demo: DemoContext) => Promise<void>;
  /** What `dichter export` writes for a workspace: named lists of records. */
  exports?: (ctx: ServiceContext) => Promise<Record<string, unknown[]>>;
  /** Work that runs on a schedule while the server runs, and on demand with `dichter job run NAME`. */
  jobs?: JobDefinition[];
  /** Extra kinds of observation this module adds; the observations module offers them beside its own. */
  observationKinds?: ObservationKindDefinition[];
  /** Sections this module adds to the progress report (src/core/reports). */
  reportSections?: ReportSectionDefinition[];
  /** What in this module lies in an area; an area that is still used cannot be deleted. */
  areaUses?: AreaUseDefinition[];
  /** Called once when the runtime opens, e.g. to listen to events (`observation.created`) of the event bus. */
  start?: (services: ModuleServices) => void;
}

/**
 * Records of a module that refer to an area by id (observations, measurements, participants):
 * the areas module counts them before it deletes an area, and refuses while there are any.
 */
export interface AreaUseDefinition {
  /** The module's table and column that hold the area's id. */
  table: string;
  column: string;
  /** What is counted, as a plural: { nl: 'waarnemingen', en: 'observations' }. */
  label: { nl: string; en: string };
  /** How many of them lie in the area, read in the deleting transaction. */
  count: (db: Kysely<any>, workspaceId: string, areaId: string) => Promise<number>;
}

/**
 * An area use in one of the module's own tables: its rows whose `column` holds the area, in the
 * workspace (`only`: a further condition on the row, as SQL text the module writes itself).
 */
export const areaUse = (table: string, label: AreaUseDefinition['label'], column = 'area_id', only?: string): AreaUseDefinition => ({
  table,
  column,
  label,
  count: async (db, workspaceId, areaId) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where workspace_id = ${workspaceId} and ${sql.ref(column)} = ${areaId}${only ? sql` and ${sql.raw(only)}` : sql``}`.execute(db)).rows[0].n,
});

export interface JobDefinition {
  /** Unique over all modules, e.g. `observations.retention`. */
  name: string;
  /** One line in Dutch for `dichter job list`. */
  description: string;
  everyHours: number;
  /** Runs across all workspaces; `ctx` acts as the system. Returns a one-line summary. */
  run(ctx: ServiceContext): Promise<string>;
}

/** What a module's `start` gets: the event bus, a context to act in, and the mailer if configured. */
export interface ModuleServices {
  events: EventBus;
  context(): ServiceContext;
  mailer: Mailer | null;
  config: Config;
  /** The observation kinds every module's manifest adds, checked for duplicates (with the module that adds each). */
  observationKinds: readonly (ObservationKindDefinition & { module: string })[];
  /** The progress-report sections every module's manifest adds, ordered, checked for duplicate ids. */
  reportSections: readonly (ReportSectionDefinition & { module: string })[];
  /** Where every module uses areas. */
  areaUses: readonly AreaUseDefinition[];
}

/** Passed between seeds so later modules can build on the demo workspace. */
export interface DemoContext {
  workspaceSlug: string;
  workspaceName: string;
  workspaceDescription: string;
  log(message: string): void;
}

export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}

export class ModuleRegistryError extends Error {
  constructor(message: string) {
    super(`Modules kloppen niet / module registry error: ${message}`);
    this.name = 'ModuleRegistryError';
  }
}

export interface Registry {
  modules: readonly ModuleManifest[];
  errors: ErrorCatalogue;
  nav: (NavItem & { module: string })[];
  jobs: JobDefinition[];
  tenancy: TenancyResolver;
  tenancySql?: TenancySql;
  observationKinds: (ObservationKindDefinition & { module: string })[];
  reportSections: (ReportSectionDefinition & { module: string })[];
  areaUses: AreaUseDefinition[];
}

/**
 * Validates the module list once, at start-up: unique ids, error ids, nav paths and
 * migration names, and exactly one tenancy provider. Routes are checked when mounted.
 */
export function buildRegistry(modules: readonly ModuleManifest[], platformErrors: ErrorCatalogue): Registry {
  const ids = new Set<string>();
  const errors: ErrorCatalogue = { ...platformErrors };
  const errorOwner = new Map<string, string>(Object.keys(platformErrors).map((id) => [id, 'platform']));
  const navOwner = new Map<string, string>();
  const nav: Registry['nav'] = [];
  const jobOwner = new Map<string, string>();
  const jobs: JobDefinition[] = [];
  const kindOwner = new Map<string, string>();
  const observationKinds: Registry['observationKinds'] = [];
  const sectionOwner = new Map<string, string>();
  const reportSections: Registry['reportSections'] = [];
  let tenancy: { module: string; resolve: TenancyResolver; sql?: TenancySql } | undefined;

  for (const m of modules) {
    if (!/^[a-z][a-z0-9-]*$/.test(m.id)) throw new ModuleRegistryError(`module id '${m.id}' must be lowercase letters, digits and dashes`);
    if (ids.has(m.id)) throw new ModuleRegistryError(`module id '${m.id}' is registered twice`);
    ids.add(m.id);

    for (const [id, def] of Object.entries(m.errors ?? {})) {
      const owner = errorOwner.get(id);
      if (owner) throw new ModuleRegistryError(`error id '${id}' of module '${m.id}' is already defined by '${owner}'`);
      errorOwner.set(id, m.id);
      errors[id] = def;
    }
    for (const item of m.nav ?? []) {
      const owner = navOwner.get(item.path);
      if (owner) throw new ModuleRegistryError(`nav path '${item.path}' of module '${m.id}' is already used by '${owner}'`);
      navOwner.set(item.path, m.id);
      nav.push({ ...item, module: m.id });
    }
    const names = new Set<string>();
    for (const mig of m.migrations ?? []) {
      if (!/^\d{4}_\d{2}_\d{2}_\d{3}_[a-z0-9_]+$/.test(mig.name)) throw new ModuleRegistryError(`migration '${mig.name}' of module '${m.id}' must be named YYYY_MM_DD_NNN_what`);
      if (names.has(mig.name)) throw new ModuleRegistryError(`migration '${mig.name}' appears twice in module '${m.id}'`);
      names.add(mig.name);
    }
    for (const job of m.jobs ?? []) {
      const owner = jobOwner.get(job.name);
      if (owner) throw new ModuleRegistryError(`job '${job.name}' of module '${m.id}' is already defined by '${owner}'`);
      jobOwner.set(job.name, m.id);
      jobs.push(job);
    }
    for (const kind of m.observationKinds ?? []) {
      if (!/^[a-z][a-z0-9_]{1,39}$/.test(kind.id)) throw new ModuleRegistryError(`observation kind '${kind.id}' of module '${m.id}' must be 2–40 lowercase letters, digits and _`);
      const owner = kindOwner.get(kind.id);
      if (owner) throw new ModuleRegistryError(`observation kind '${kind.id}' of module '${m.id}' is already added by '${owner}'`);
      kindOwner.set(kind.id, m.id);
      observationKinds.push({ ...kind, module: m.id });
    }
    for (const section of m.reportSections ?? []) {
      const owner = sectionOwner.get(section.id);
      if (owner) throw new ModuleRegistryError(`report section '${section.id}' of module '${m.id}' is already added by '${owner}'`);
      sectionOwner.set(section.id, m.id);
      reportSections.push({ ...section, module: m.id });
    }
    if (m.tenancy) {
      if (tenancy) throw new ModuleRegistryError(`modules '${tenancy.module}' and '${m.id}' both provide tenancy`);
      tenancy = { module: m.id, resolve: m.tenancy, sql: m.tenancySql };
    } else if (m.tenancySql) {
      throw new ModuleRegistryError(`module '${m.id}' gives tenancy as SQL but does not provide tenancy`);
    }
  }
  if (!tenancy) throw new ModuleRegistryError('no module provides tenancy (the workspaces module must be registered)');
  nav.sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
  reportSections.sort((a, b) => a.order - b.order);
  const areaUses = modules.flatMap((m) => m.areaUses ?? []);
  return { modules, errors, nav, jobs, tenancy: tenancy.resolve, tenancySql: tenancy.sql, observationKinds, reportSections, areaUses };
}
