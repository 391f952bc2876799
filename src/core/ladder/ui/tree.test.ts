import { describe, expect, it } from 'vitest';
import { focusedRow, indexLadder, keysToOpen, openedLoaders, visibleRows, type Loaded, type TreeNode } from './tree';

const node = (id: string, rung: TreeNode['rung'], parentIds: string[] = [], extra: Partial<TreeNode> = {}): TreeNode => ({
  id,
  rung,
  code: id.toUpperCase(),
  title: id,
  parentIds,
  ownerPartnerId: null,
  partnerIds: [],
  areaIds: [],
  phase: null,
  status: null,
  childCount: 0,
  matches: true,
  ...extra,
});

// The ladder as GET /ladder/tree gives it: down to the action lines, each with its number of interventions.
const nodes = [
  node('v1', 'value'),
  node('v2', 'value'),
  node('c1', 'challenge', ['v1', 'v2']),
  node('g1', 'goal', ['c1']),
  node('a1', 'action_line', ['g1'], { phase: 'uitvoeren', childCount: 2 }),
  node('a2', 'action_line', ['g1'], { phase: 'verkennen' }),
  node('x1', 'goal'),
];
const none = new Map<string, Loaded>();
const ids = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => (r.kind === 'node' ? r.node.id : r.kind));

describe('ladder tree', () => {
  const index = indexLadder(nodes);

  it('shows values first and orphans at the root, collapsed', () => {
    const rows = visibleRows(index, new Set(), none);
    expect(ids(rows)).toEqual(['v1', 'v2', 'x1']);
    expect(rows[0]).toMatchObject({ kind: 'node', level: 1, setSize: 3, posInSet: 1, hasChildren: true, expanded: false });
  });

  it('shows a node with two parents under each of them', () => {
    const rows = visibleRows(index, new Set(['v1', 'v2']), none);
    expect(rows.map((r) => r.key)).toEqual(['v1', 'v1/c1', 'v2', 'v2/c1', 'x1']);
    expect(rows[1]).toMatchObject({ level: 2, parentKey: 'v1', setSize: 1 });
  });

  it('lets an action line with interventions open, and shows them once loaded', () => {
    const path = ['v1', 'v1/c1', 'v1/c1/g1', 'v1/c1/g1/a1'];
    const closed = visibleRows(index, new Set(path.slice(0, 3)), none);
    expect(closed.find((r) => r.key === 'v1/c1/g1/a1')).toMatchObject({ hasChildren: true, expanded: false });
    expect(closed.find((r) => r.key === 'v1/c1/g1/a2')).toMatchObject({ hasChildren: false });

    // Opened, not loaded yet: one stand-in row, the same place a child would take.
    expect(openedLoaders(index, new Set(path))).toEqual(['a1']);
    const loading = visibleRows(index, new Set(path), none);
    expect(loading.find((r) => r.kind === 'loading')).toEqual({ kind: 'loading', key: 'v1/c1/g1/a1/loading', level: 5, setSize: 1, posInSet: 1, parentKey: 'v1/c1/g1/a1', parentId: 'a1' });
    expect(ids(visibleRows(index, new Set(path), new Map([['a1', 'error']])))).toContain('error');

    const loaded = new Map<string, Loaded>([['a1', [node('i2', 'intervention', ['a1'], { code: 'I10' }), node('i1', 'intervention', ['a1'], { code: 'I9' })]]]);
    const rows = visibleRows(index, new Set(path), loaded);
    expect(ids(rows)).toEqual(['v1', 'c1', 'g1', 'a1', 'i2', 'i1', 'a2', 'v2', 'x1']);
    expect(rows[4]).toMatchObject({ kind: 'node', level: 5, setSize: 2, posInSet: 1, parentKey: 'v1/c1/g1/a1', hasChildren: false });
    // Focus on the loading row moves to the first intervention that replaces it.
    expect(focusedRow(loading, 'v1/c1/g1/a1/loading')).toBe('v1/c1/g1/a1/loading');
    expect(focusedRow(rows, 'v1/c1/g1/a1/loading')).toBe('v1/c1/g1/a1/i2');
    expect(focusedRow(visibleRows(index, new Set(path), new Map([['a1', []]])), 'v1/c1/g1/a1/loading')).toBe('v1/c1/g1/a1');
    expect(focusedRow(rows, 'gone')).toBe('v1');
  });

  it('opens a filtered tree where the matches are: down to the action lines, and into those whose matches are below them', () => {
    // As the server answers ?areaId=…: a1 only has matching interventions, a2 matches itself.
    const filtered = indexLadder([
      node('v1', 'value', [], { matches: false }),
      node('c1', 'challenge', ['v1'], { matches: false }),
      node('g1', 'goal', ['c1'], { matches: false }),
      node('a1', 'action_line', ['g1'], { matches: false, childCount: 1 }),
      node('a2', 'action_line', ['g1'], { childCount: 3 }),
    ]);
    expect([...keysToOpen(filtered, 100, 10)]).toEqual(['v1', 'v1/c1', 'v1/c1/g1', 'v1/c1/g1/a1']);
    expect([...keysToOpen(filtered, 100, 0)]).toEqual(['v1', 'v1/c1', 'v1/c1/g1']);
    expect([...keysToOpen(filtered, 2, 10)]).toEqual(['v1', 'v1/c1']);
    const rows = visibleRows(filtered, keysToOpen(filtered, 100, 10), new Map([['a1', [node('i1', 'intervention', ['a1'])]]]));
    expect(ids(rows)).toEqual(['v1', 'c1', 'g1', 'a1', 'i1', 'a2']);
  });
});
