import { describe, expect, it } from 'vitest';
import { allKeys, indexLadder, keptIds, visibleRows, type TreeNode } from './tree';

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
  ...extra,
});

const nodes = [
  node('v1', 'value'),
  node('v2', 'value'),
  node('c1', 'challenge', ['v1', 'v2']),
  node('g1', 'goal', ['c1']),
  node('a1', 'action_line', ['g1'], { phase: 'uitvoeren', areaIds: ['w1'] }),
  node('a2', 'action_line', ['g1'], { phase: 'verkennen', ownerPartnerId: 'p1' }),
  node('i1', 'intervention', ['a1']),
  node('x1', 'goal'),
];

describe('ladder tree', () => {
  const index = indexLadder(nodes);

  it('shows values first and orphans at the root, collapsed', () => {
    const rows = visibleRows(index, null, new Set());
    expect(rows.map((r) => r.node.id)).toEqual(['v1', 'v2', 'x1']);
    expect(rows[0]).toMatchObject({ level: 1, setSize: 3, posInSet: 1, hasChildren: true, expanded: false });
  });

  it('shows a node with two parents under each of them', () => {
    const rows = visibleRows(index, null, new Set(['v1', 'v2']));
    expect(rows.map((r) => r.key)).toEqual(['v1', 'v1/c1', 'v2', 'v2/c1', 'x1']);
    expect(rows[1]).toMatchObject({ level: 2, parentKey: 'v1', setSize: 1 });
  });

  it('keeps matches and their ancestors when filtering', () => {
    const f = keptIds(index, { phase: 'uitvoeren' })!;
    expect([...f.matched]).toEqual(['a1']);
    expect([...f.kept].sort()).toEqual(['a1', 'c1', 'g1', 'v1', 'v2']);
    const rows = visibleRows(index, f.kept, allKeys(index, f.kept, 100));
    expect(rows.map((r) => r.node.id)).toEqual(['v1', 'c1', 'g1', 'a1', 'v2', 'c1', 'g1', 'a1']);
    expect(keptIds(index, { areaId: 'w1' })!.matched).toEqual(new Set(['a1']));
    expect(keptIds(index, { partnerId: 'p1' })!.matched).toEqual(new Set(['a2']));
    expect(keptIds(index, {})).toBeNull();
  });
});
