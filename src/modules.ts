import type { ModuleManifest } from './platform/module';
import workspaces from './core/workspaces/manifest';
import areas from './core/areas/manifest';
import ladder from './core/ladder/manifest';
import observations from './core/observations/manifest';
import rules from './core/rules/manifest';
import learning from './core/learning/manifest';
import indicators from './core/indicators/manifest';
import reports from './core/reports/manifest';
import youthDebt from './practices/youth-debt/manifest';

/**
 * Every module of this installation, in dependency order: migrations and seeds run in this
 * order. Add a module by importing its manifest here; the platform does the rest.
 */
export const modules: readonly ModuleManifest[] = [workspaces, areas, ladder, observations, rules, learning, indicators, reports, youthDebt];
