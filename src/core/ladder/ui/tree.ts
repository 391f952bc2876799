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
}

export interface TreeFilter {
  areaId?: string;
  ownerPartnerId?: string;
  partnerId?: string;
  phase?: string;
}

export interface LadderIndex {
  byId: Map<string, TreeNode>;
  /** Children per parent id, sorted by code then title. */
  children: Map<string, TreeNode[]>;
  /** Values first, then nodes that hang under nothing (what the programme check reports). */
  roots: TreeNode[];
}

const byCode = (a: TreeNode, b: TreeNode) => (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff', 'nl', { numeric: true }) || a.title.localeCompare(b.title, 'nl');

/** Parent → children, once for the whole ladder. */
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

export const hasFilter = (f: TreeFilter) => !!(f.areaId || f.ownerPartnerId || f.partnerId || f.phase);

/** Does this node itself meet every filter? Only action lines and interventions carry these fields. */
export function matches(n: TreeNode, f: TreeFilter) {
  if (!hasFilter(f)) return true;
  if (n.rung !== 'action_line' && n.rung !== 'intervention') return false;
  if (f.areaId && !n.areaIds.includes(f.areaId)) return false;
  if (f.ownerPartnerId && n.ownerPartnerId !== f.ownerPartnerId) return false;
  if (f.partnerId && n.ownerPartnerId !== f.partnerId && !n.partnerIds.includes(f.partnerId)) return false;
  if (f.phase && n.phase !== f.phase) return false;
  return true;
}

/**
 * With a filter: the ids of the nodes that match, and of their ancestors (so each match is shown
 * where it hangs). Without a filter: null (everything is shown).
 */
export function keptIds(index: LadderIndex, f: TreeFilter): { kept: Set<string>; matched: Set<string> } | null {
  if (!hasFilter(f)) return null;
  const matched = new Set<string>();
  const kept = new Set<string>();
  const stack: string[] = [];
  for (const n of index.byId.values()) if (matches(n, f)) matched.add(n.id), stack.push(n.id);
  while (stack.length) {
    const id = stack.pop()!;
    if (kept.has(id)) continue;
    kept.add(id);
    for (const p of index.byId.get(id)?.parentIds ?? []) if (!kept.has(p) && index.byId.has(p)) stack.push(p);
  }
  return { kept, matched };
}

/** One shown row of the tree: a node at one place (a node with two parents has two rows). */
export interface Row {
  /** Unique per place: the ids from the root down, joined by '/'. */
  key: string;
  node: TreeNode;
  level: number;
  setSize: number;
  posInSet: number;
  parentKey: string | null;
  hasChildren: boolean;
  expanded: boolean;
}

/** The children of a node that are shown (all of them, or those the filter keeps). */
export function shownChildren(index: LadderIndex, id: string, kept: Set<string> | null) {
  const list = index.children.get(id) ?? [];
  return kept ? list.filter((c) => kept.has(c.id)) : list;
}

export function shownRoots(index: LadderIndex, kept: Set<string> | null) {
  return kept ? index.roots.filter((r) => kept.has(r.id)) : index.roots;
}

/**
 * The rows in reading order, descending only into expanded nodes: collapsed subtrees cost
 * nothing, so a ladder of thousands of nodes stays fast.
 */
export function visibleRows(index: LadderIndex, kept: Set<string> | null, expanded: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  const walk = (list: TreeNode[], level: number, parentKey: string | null, seen: Set<string>) => {
    list.forEach((node, i) => {
      const key = parentKey ? `${parentKey}/${node.id}` : node.id;
      const kids = seen.has(node.id) ? [] : shownChildren(index, node.id, kept);
      const open = kids.length > 0 && expanded.has(key);
      rows.push({ key, node, level, setSize: list.length, posInSet: i + 1, parentKey, hasChildren: kids.length > 0, expanded: open });
      if (open) walk(kids, level + 1, key, new Set(seen).add(node.id));
    });
  };
  walk(shownRoots(index, kept), 1, null, new Set());
  return rows;
}

/** Keys of every place of the kept nodes, to open the whole filtered tree at once (up to `limit`). */
export function allKeys(index: LadderIndex, kept: Set<string> | null, limit: number): Set<string> {
  const keys = new Set<string>();
  const walk = (list: TreeNode[], parentKey: string | null, depth: number) => {
    for (const node of list) {
      if (keys.size >= limit || depth > 6) return;
      const kids = shownChildren(index, node.id, kept);
      if (!kids.length) continue;
      const key = parentKey ? `${parentKey}/${node.id}` : node.id;
      keys.add(key);
      walk(kids, key, depth + 1);
    }
  };
  walk(shownRoots(index, kept), null, 0);
  return keys;
}
