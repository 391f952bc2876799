import type { ComponentType, LazyExoticComponent } from 'react';
import type { Messages } from './i18n';

/**
 * What a module's `ui/index.ts` gives the shell: the page behind each of its nav paths (the
 * `nav[].path` of its manifest, e.g. `partners`), loaded lazily so the first page stays small,
 * and the texts of its nav labels (`nav.partners`) and their one-line explanations
 * (`nav.partners.intro`) for the workspace overview.
 */
export interface ModuleUi {
  /** The manifest's id. */
  id: string;
  pages: Record<string, LazyExoticComponent<ComponentType>>;
  nav: Messages<string>;
  /**
   * A part of the member's inbox page (nav path `inbox`) with what awaits them in this module;
   * it renders nothing when nothing waits. Lets a module add to the inbox without the inbox's
   * module knowing it.
   */
  inboxSection?: LazyExoticComponent<ComponentType>;
  /**
   * How the workspace's audit page names this module's entries: `entity.<entity>` (e.g.
   * `entity.rule`: "Regel") and `action.<action>` for actions beyond create, update and delete.
   */
  audit?: Messages<string>;
}

/** Builds the path → page map, the nav texts, the inbox sections and the audit names; duplicate paths are a programming error. */
export function collectModuleUis(uis: readonly ModuleUi[]) {
  const pages = new Map<string, { module: string; Page: LazyExoticComponent<ComponentType> }>();
  const nav: Messages<string> = { nl: {}, en: {} };
  const inboxSections: LazyExoticComponent<ComponentType>[] = [];
  const audit: Messages<string> = { nl: {}, en: {} };
  for (const ui of uis) {
    for (const [path, Page] of Object.entries(ui.pages)) {
      const owner = pages.get(path);
      if (owner) throw new Error(`nav path '${path}' of module '${ui.id}' is already used by '${owner.module}'`);
      pages.set(path, { module: ui.id, Page });
    }
    Object.assign(nav.nl, ui.nav.nl);
    Object.assign(nav.en, ui.nav.en);
    if (ui.inboxSection) inboxSections.push(ui.inboxSection);
    Object.assign(audit.nl, ui.audit?.nl);
    Object.assign(audit.en, ui.audit?.en);
  }
  return { pages, nav, inboxSections, audit };
}
