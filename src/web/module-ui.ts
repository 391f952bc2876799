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
}

/** Builds the path → page map, the nav texts and the inbox sections; duplicate paths are a programming error. */
export function collectModuleUis(uis: readonly ModuleUi[]) {
  const pages = new Map<string, { module: string; Page: LazyExoticComponent<ComponentType> }>();
  const nav: Messages<string> = { nl: {}, en: {} };
  const inboxSections: LazyExoticComponent<ComponentType>[] = [];
  for (const ui of uis) {
    for (const [path, Page] of Object.entries(ui.pages)) {
      const owner = pages.get(path);
      if (owner) throw new Error(`nav path '${path}' of module '${ui.id}' is already used by '${owner.module}'`);
      pages.set(path, { module: ui.id, Page });
    }
    Object.assign(nav.nl, ui.nav.nl);
    Object.assign(nav.en, ui.nav.en);
    if (ui.inboxSection) inboxSections.push(ui.inboxSection);
  }
  return { pages, nav, inboxSections };
}
