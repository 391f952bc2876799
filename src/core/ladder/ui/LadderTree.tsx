import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../../web/i18n';
import { Badge, nodeLabel, useLabels } from './shared';
import { m } from './messages';
import { shownChildren, shownRoots, visibleRows, type LadderIndex, type Row, type TreeNode } from './tree';

/**
 * The ladder as a WAI-ARIA tree view: one tab stop (roving tabindex), arrows to move, open and
 * close, Home/End, Enter opens the node's page. Only expanded branches are rendered.
 */
export function LadderTree({
  index,
  kept,
  matched,
  initialExpanded,
  label,
  hrefOf,
  onOpen,
}: {
  index: LadderIndex;
  kept: Set<string> | null;
  matched: Set<string> | null;
  initialExpanded: Set<string>;
  label: string;
  hrefOf(node: TreeNode): string;
  onOpen(node: TreeNode): void;
}) {
  const [expanded, setExpanded] = useState(initialExpanded);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const moved = useRef(false);
  const items = useRef(new Map<string, HTMLLIElement>());
  useEffect(() => setExpanded(initialExpanded), [initialExpanded]);
  const rows = useMemo(() => visibleRows(index, kept, expanded), [index, kept, expanded]);
  const byKey = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);
  const current = focusKey !== null && byKey.has(focusKey) ? focusKey : (rows[0]?.key ?? null);

  useEffect(() => {
    if (!moved.current || current === null) return;
    moved.current = false;
    items.current.get(current)?.focus();
  }, [current]);

  const moveTo = (key: string | undefined) => {
    if (key === undefined) return;
    moved.current = true;
    setFocusKey(key);
    if (key === current) items.current.get(key)?.focus();
  };
  const toggle = (row: Row, open: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open) next.add(row.key);
      else next.delete(row.key);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (current === null || event.altKey || event.ctrlKey || event.metaKey) return;
    const i = byKey.get(current)!;
    const row = rows[i];
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(rows[i + 1]?.key);
        break;
      case 'ArrowUp':
        moveTo(rows[i - 1]?.key);
        break;
      case 'Home':
        moveTo(rows[0]?.key);
        break;
      case 'End':
        moveTo(rows[rows.length - 1]?.key);
        break;
      case 'ArrowRight':
        if (row.hasChildren && !row.expanded) toggle(row, true);
        else if (row.expanded) moveTo(rows[i + 1]?.key);
        break;
      case 'ArrowLeft':
        if (row.expanded) toggle(row, false);
        else if (row.parentKey) moveTo(row.parentKey);
        break;
      case 'Enter':
        onOpen(row.node);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  const renderList = (list: TreeNode[], level: number, parentKey: string | null, seen: Set<string>) =>
    list.map((node) => {
      const key = parentKey ? `${parentKey}/${node.id}` : node.id;
      const row = rows[byKey.get(key) ?? -1];
      if (!row) return null;
      const kids = row.expanded ? shownChildren(index, node.id, kept) : [];
      return (
        <TreeItem
          key={key}
          row={row}
          focusable={key === current}
          dimmed={!!matched && !matched.has(node.id)}
          href={hrefOf(node)}
          itemRef={(el) => {
            if (el) items.current.set(key, el);
            else items.current.delete(key);
          }}
          onToggle={() => toggle(row, !row.expanded)}
          onFocus={() => setFocusKey(key)}
          onOpen={() => onOpen(node)}
        >
          {row.expanded && (
            <ul role="group" className="dichter-tree__group">
              {renderList(kids, level + 1, key, new Set(seen).add(node.id))}
            </ul>
          )}
        </TreeItem>
      );
    });

  return (
    <ul role="tree" aria-label={label} className="dichter-tree" onKeyDown={onKeyDown}>
      {renderList(shownRoots(index, kept), 1, null, new Set())}
    </ul>
  );
}

function TreeItem({
  row,
  focusable,
  dimmed,
  href,
  itemRef,
  onToggle,
  onFocus,
  onOpen,
  children,
}: {
  row: Row;
  focusable: boolean;
  dimmed: boolean;
  href: string;
  itemRef(el: HTMLLIElement | null): void;
  onToggle(): void;
  onFocus(): void;
  onOpen(): void;
  children: React.ReactNode;
}) {
  const t = useT(m);
  const labels = useLabels();
  const { node } = row;
  const labelId = `tree-${row.key}`;
  return (
    <li
      ref={itemRef}
      role="treeitem"
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      aria-labelledby={labelId}
      tabIndex={focusable ? 0 : -1}
      className="dichter-tree__item"
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus();
      }}
    >
      <div className={`dichter-tree__row${dimmed ? ' dichter-tree__row--context' : ''}`}>
        <span
          className="dichter-tree__toggle"
          aria-hidden="true"
          onClick={(event) => {
            event.stopPropagation();
            if (row.hasChildren) onToggle();
          }}
        >
          {row.hasChildren ? (row.expanded ? '▾' : '▸') : '·'}
        </span>
        <span id={labelId} className="dichter-tree__label">
          <a
            href={href}
            tabIndex={-1}
            className="nl-link dichter-tree__title"
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              onOpen();
            }}
          >
            {nodeLabel(node)}
          </a>{' '}
          <span className="dichter-tree__badges">
            <Badge kind="rung" value={node.rung}>
              {labels.rung(node.rung)}
            </Badge>
            {node.phase && (
              <Badge kind="phase" value={node.phase}>
                {t('tree.phase', { phase: labels.phase(node.phase) })}
              </Badge>
            )}
            {node.status && (
              <Badge kind="status" value={node.status}>
                {t('tree.status', { status: labels.status(node.status) })}
              </Badge>
            )}
          </span>
        </span>
      </div>
      {children}
    </li>
  );
}
