import type { ServiceContext } from '../../platform/context';
import { listAreas } from '../areas/service';

const FRESH_MS = 5_000;
const MAX_AGE_MS = 5 * 60_000;
const CACHED_WORKSPACES = 20;
const directoryCache = new Map<string, { dir: AreaDirectory; total: number; at: number }>();

/** An area as this module needs it: found by code, placed in the hierarchy. Read through the areas module's service. */
export interface AreaEntry {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  parentId: string | null;
  year: number;
}

/**
 * The workspace's areas in memory for one request or import: by id, by code (a code may exist
 * in several years' divisions) and by parent. Read page by page through the areas service.
 */
export class AreaDirectory {
  readonly byId = new Map<string, AreaEntry>();
  private readonly byCode = new Map<string, AreaEntry[]>();
  private readonly byParent = new Map<string, AreaEntry[]>();

  constructor(areas: readonly AreaEntry[]) {
    for (const a of areas) {
      this.byId.set(a.id, a);
      if (a.code) {
        const key = a.code.toUpperCase();
        this.byCode.set(key, [...(this.byCode.get(key) ?? []), a]);
      }
      if (a.parentId) this.byParent.set(a.parentId, [...(this.byParent.get(a.parentId) ?? []), a]);
    }
    for (const list of this.byCode.values()) list.sort((x, y) => y.year - x.year);
  }

  /**
   * For reads: the directory kept in memory per workspace, so a comparison or trend does not
   * page through 14,700 areas on every request. Reused for a few seconds without a question;
   * after that only while the number of areas is unchanged (an import adds areas), and at most
   * five minutes (a renamed area shows its new name by then). Imports always load afresh.
   */
  static async cached(ctx: ServiceContext): Promise<AreaDirectory> {
    const key = ctx.workspace?.id ?? '';
    const hit = directoryCache.get(key);
    const age = hit ? Date.now() - hit.at : Infinity;
    if (hit && age < FRESH_MS) return hit.dir;
    const total = (await listAreas(ctx, { limit: 1, offset: 0 })).total;
    if (hit && hit.total === total && age < MAX_AGE_MS) {
      hit.at = Date.now() - FRESH_MS + 1000;
      return hit.dir;
    }
    const dir = await AreaDirectory.load(ctx);
    directoryCache.delete(key);
    directoryCache.set(key, { dir, total: dir.byId.size, at: Date.now() });
    if (directoryCache.size > CACHED_WORKSPACES) directoryCache.delete(directoryCache.keys().next().value!);
    return dir;
  }

  /** The cached directory, loaded afresh when it lacks one of these codes (an area added a moment ago). */
  static async knowing(ctx: ServiceContext, codes: readonly (string | undefined)[]): Promise<AreaDirectory> {
    const dir = await AreaDirectory.cached(ctx);
    if (codes.every((c) => !c || dir.withCode(c).length > 0)) return dir;
    AreaDirectory.forget(ctx.workspace?.id ?? '');
    return AreaDirectory.cached(ctx);
  }

  /** Forgets the cached directory of a workspace (after an import that may have changed what the areas mean). */
  static forget(workspaceId: string) {
    directoryCache.delete(workspaceId);
  }

  static async load(ctx: ServiceContext): Promise<AreaDirectory> {
    const all: AreaEntry[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await listAreas(ctx, { limit: 500, offset });
      for (const a of page.items) all.push({ id: a.id, code: a.code, name: a.name, kind: a.kind, parentId: a.parentId, year: a.year });
      if (page.items.length < 500 || all.length >= page.total) break;
    }
    return new AreaDirectory(all);
  }

  /** Every area with this code, newest division first. */
  withCode(code: string): AreaEntry[] {
    return this.byCode.get(code.trim().toUpperCase()) ?? [];
  }

  /**
   * The area a code means for a period: the division of the period's year, else the newest
   * division before it (a gemeente keeps its code for years), else the newest there is.
   */
  resolve(code: string, period?: string | null): AreaEntry | undefined {
    const list = this.withCode(code);
    if (!period) return list[0];
    const year = Number(period.slice(0, 4));
    return list.find((a) => a.year === year) ?? list.find((a) => a.year < year) ?? list[0];
  }

  children(id: string): AreaEntry[] {
    return this.byParent.get(id) ?? [];
  }

  /** The gemeente an area lies in (itself when it is one), or null. */
  municipalityOf(area: AreaEntry): AreaEntry | null {
    let node: AreaEntry | undefined = area;
    for (let depth = 0; node && depth < 10; depth++) {
      if (node.kind === 'gemeente') return node;
      node = node.parentId ? this.byId.get(node.parentId) : undefined;
    }
    return null;
  }

  /** Every area below this one. */
  descendants(id: string): AreaEntry[] {
    const out: AreaEntry[] = [];
    const queue = [...this.children(id)];
    while (queue.length) {
      const next = queue.shift()!;
      out.push(next);
      queue.push(...this.children(next.id));
    }
    return out;
  }

  label(id: string): string {
    const a = this.byId.get(id);
    return a ? (a.code ?? a.name) : id;
  }
}
