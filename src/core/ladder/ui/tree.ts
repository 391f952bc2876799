import type { Rung } from '../schema';

/** The part of a node the tree needs (GET /ladder/tree → nodes). */
export interface TreeNode {
  id: string;
  rung: Rung;
  code: string | null;
  title: string;
  parentIds: string[];
  ownerPartnerId: string | null;
  partnerIds: string[];
  areaIds: string[];
  phase: string | null;
  status: string | null;
  /** Direct children (with a filter: those shown); for an action line, its interventions. */
  childCount: number;
  /** Does the node itself match the filter (always, without one)? */
  matches: boolean;
}

/** Filters on the server (GET /ladder/tree?areaId=…): the matches and the nodes above them. */
export interface TreeFilter {
  areaId?: string;
  ownerPartnerId?: string;
  partnerId?: string;
  phase?: string;
}

export const hasFilter = (f: TreeFilter) => !!(f.areaId || f.ownerPartnerId || f.partnerId || f.phase);

/** The ladder comes down to the action lines; an action line loads its interventions when it is opened. */
export const loadsChildren = (n: TreeNode) => n.rung === 'action_line';

/** Children loaded on demand: the nodes, or still loading, or failed to load. */
export type Loaded = TreeNode[] | 'loading' | 'error';

export interface LadderIndex {
  byId: Map<string, TreeNode>;
  /** Children per parent id, sorted by code then title. */
  children: Map<string, TreeNode[]>;
  /** Values first, then nodes that hang under nothing (what the programme check reports). */
  roots: TreeNode[];
}

const byCode = (a: TreeNode, b: TreeNode) => (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff', 'nl', { numeric: true }) || a.title.localeCompare(b.title, 'nl');

/** Parent → children, once for the ladder as loaded. */
export function indexLadder(nodes: readonly TreeNode[]): LadderIndex {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, TreeNode[]>();
  const roots: TreeNode[] = [];
  for (const n of nodes) {
    const parents = n.parentIds.filter((p) => byId.has(p));
    if (n.rung === 'value' || parents.length === 0) roots.push(n);
    for (const p of parents) {
      let list = children.get(p);
      if (!list) children.set(p, (list = []));
      list.push(n);
    }
  }
  for (const list of children.values()) list.sort(byCode);
  roots.sort((a, b) => Number(b.rung === 'value') - Number(a.rung === 'value') || byCode(a, b));
  return { byId, children, roots };
}

interface Place {
  /** Unique per place: the ids from the root down, joined by '/'. */
  key: string;
  level: number;
  setSize: number;
  posInSet: number;
  parentKey: string | null;
}
/** One shown node at one place (a node with two parents has two rows). */
export interface NodeRow extends Place {
  kind: 'node';
  node: TreeNode;
  hasChildren: boolean;
  expanded: boolean;
}
/** Stands in for the children of an opened action line while they load, or when loading failed. */
export interface StatusRow extends Place {
  kind: 'loading' | 'error';
  parentKey: string;
  /** The node whose children these are. */
  parentId: string;
}
export type Row = NodeRow | StatusRow;

/** The children of a node that the tree shows: from the ladder, or loaded on demand. */
function childrenOf(index: LadderIndex, node: TreeNode, loaded: ReadonlyMap<string, Loaded>): Loaded {
  return loadsChildren(node) ? (loaded.get(node.id) ?? 'loading') : (index.children.get(node.id) ?? []);
}

/**
 * The rows in reading order, descending only into expanded nodes: collapsed subtrees cost
 * nothing, so a ladder of thousands of nodes stays fast.
 */
export function visibleRows(index: LadderIndex, expanded: ReadonlySet<string>, loaded: ReadonlyMap<string, Loaded>): Row[] {
  const rows: Row[] = [];
  const walk = (list: TreeNode[], level: number, parentKey: string | null, seen: Set<string>) => {
    list.forEach((node, i) => {
      const key = parentKey ? `${parentKey}/${node.id}` : node.id;
      const hasChildren = !seen.has(node.id) && (loadsChildren(node) ? node.childCount > 0 : index.children.has(node.id));
      const open = hasChildren && expanded.has(key);
      rows.push({ kind: 'node', key, node, level, setSize: list.length, posInSet: i + 1, parentKey, hasChildren, expanded: open });
      if (!open) return;
      const kids = childrenOf(index, node, loaded);
      if (Array.isArray(kids)) walk(kids, level + 1, key, new Set(seen).add(node.id));
      else rows.push({ kind: kids, key: `${key}/${kids}`, level: level + 1, setSize: 1, posInSet: 1, parentKey: key, parentId: node.id });
    });
  };
  walk(index.roots, 1, null, new Set());
  return rows;
}

/**
 * The row that keeps the focus (the tree's one tab stop): the given one while it is shown; for a
 * loading row that is gone, the first child that took its place (or the node it belongs to);
 * otherwise the first row.
 */
export function focusedRow(rows: readonly Row[], key: string | null): string | null {
  if (key !== null && rows.some((r) => r.key === key)) return key;
  const stoodFor = key?.match(/^(.+)\/(loading|error)$/)?.[1];
  if (stoodFor !== undefined) {
    const replaced = rows.find((r) => r.parentKey === stoodFor) ?? rows.find((r) => r.key === stoodFor);
    if (replaced) return replaced.key;
  }
  return rows[0]?.key ?? null;
}

/** The nodes whose children are loaded on demand, among the expanded places. */
export function openedLoaders(index: LadderIndex, expanded: ReadonlySet<string>): string[] {
  const ids = new Set([...expanded].map((key) => key.slice(key.lastIndexOf('/') + 1)));
  return [...ids].filter((id) => {
    const node = index.byId.get(id);
    return !!node && loadsChildren(node);
  });
}

/**
 * The places to open so a filtered tree shows where its matches are: every node with shown
 * children on the ladder (up to `limit`), and action lines that do not match themselves but have
 * matching interventions (up to `loads` of them: each loads its interventions).
 */
export function keysToOpen(index: LadderIndex, limit: number, loads: number): Set<string> {
  const keys = new Set<string>();
  let loading = 0;
  const walk = (list: TreeNode[], parentKey: string | null, depth: number) => {
    for (const node of list) {
      if (keys.size >= limit || depth > 6) return;
      const key = parentKey ? `${parentKey}/${node.id}` : node.id;
      if (loadsChildren(node)) {
        if (!node.matches && node.childCount > 0 && loading < loads) keys.add(key), loading++;
        continue;
      }
      const kids = index.children.get(node.id);
      if (!kids) continue;
      keys.add(key);
      walk(kids, key, depth + 1);
    }
  };
  walk(index.roots, null, 0);
  return keys;
}
