import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../../web/i18n';
import { Button } from '../../../web/ui';
import { Badge, nodeLabel, useLabels, type treeQuery } from './shared';
import { m } from './messages';
import { focusedRow, openedLoaders, visibleRows, type LadderIndex, type Loaded, type NodeRow, type Row, type StatusRow, type TreeNode } from './tree';

/**
 * The ladder as a WAI-ARIA tree view: one tab stop (roving tabindex), arrows to move, open and
 * close, Home/End, Enter opens the node's page. Only expanded branches are rendered; an action
 * line loads its interventions when it is first opened.
 */
export function LadderTree({
  index,
  initialExpanded,
  label,
  childrenQuery,
  hrefOf,
  onOpen,
}: {
  index: LadderIndex;
  initialExpanded: Set<string>;
  label: string;
  /** The query for the children of a node that does not bring them along (an action line's interventions). */
  childrenQuery(parentId: string): ReturnType<typeof treeQuery>;
  hrefOf(node: TreeNode): string;
  onOpen(node: TreeNode): void;
}) {
  const client = useQueryClient();
  const [expanded, setExpanded] = useState(initialExpanded);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const moved = useRef(false);
  const items = useRef(new Map<string, HTMLLIElement>());
  const refs = useRef(new Map<string, (el: HTMLLIElement | null) => void>());
  useEffect(() => setExpanded(initialExpanded), [initialExpanded]);
  // The opened action lines' interventions, each a query of its own (cached, so reopening is instant).
  const loaders = useMemo(() => openedLoaders(index, expanded), [index, expanded]);
  const combine = useCallback(
    (results: { data?: { nodes: TreeNode[] }; isError: boolean; isFetching: boolean }[]) =>
      new Map<string, Loaded>(loaders.map((id, i) => [id, results[i].data?.nodes ?? (results[i].isError && !results[i].isFetching ? 'error' : 'loading')])),
    [loaders],
  );
  const loaded = useQueries({ queries: loaders.map(childrenQuery), combine });
  const rows = useMemo(() => visibleRows(index, expanded, loaded), [index, expanded, loaded]);
  const byKey = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);
  const byParent = useMemo(() => {
    const map = new Map<string | null, Row[]>();
    for (const row of rows) map.set(row.parentKey, [...(map.get(row.parentKey) ?? []), row]);
    return map;
  }, [rows]);
  const current = useMemo(() => focusedRow(rows, focusKey), [rows, focusKey]);

  useEffect(() => {
    if (!moved.current || current === null) return;
    moved.current = false;
    items.current.get(current)?.focus();
  }, [current]);

  const moveTo = (key: string | null | undefined) => {
    if (key == null) return;
    moved.current = true;
    setFocusKey(key);
    if (key === current) items.current.get(key)?.focus();
  };
  const toggle = (row: NodeRow, open: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open) next.add(row.key);
      else next.delete(row.key);
      return next;
    });
  /** One ref callback per row, so it runs when the row comes and goes, not on every render. */
  const itemRef = (key: string) => {
    let ref = refs.current.get(key);
    if (!ref) {
      ref = (el: HTMLLIElement | null) => {
        if (el) return void items.current.set(key, el);
        // A focused row that goes (a loading row replaced by the interventions): focus follows to the row that takes its place.
        if (items.current.get(key) === document.activeElement) moved.current = true;
        items.current.delete(key);
        refs.current.delete(key);
      };
      refs.current.set(key, ref);
    }
    return ref;
  };
  const retry = (row: StatusRow) => client.refetchQueries({ queryKey: childrenQuery(row.parentId).queryKey });

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
        // An action line that was never opened loads its interventions now.
        if (row.kind === 'node' && row.hasChildren && !row.expanded) toggle(row, true);
        else if (row.kind === 'node' && row.expanded) moveTo(rows[i + 1]?.key);
        break;
      case 'ArrowLeft':
        if (row.kind === 'node' && row.expanded) toggle(row, false);
        else moveTo(row.parentKey);
        break;
      case 'Enter':
        if (row.kind === 'node') onOpen(row.node);
        else if (row.kind === 'error') void retry(row);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  const renderList = (parentKey: string | null): ReactNode =>
    (byParent.get(parentKey) ?? []).map((row) => {
      const common = {
        focusable: row.key === current,
        itemRef: itemRef(row.key),
        onFocus: () => setFocusKey(row.key),
      };
      if (row.kind !== 'node') return <StatusItem key={row.key} row={row} {...common} onRetry={() => void retry(row)} />;
      return (
        <TreeItem key={row.key} row={row} {...common} href={hrefOf(row.node)} onToggle={() => toggle(row, !row.expanded)} onOpen={() => onOpen(row.node)}>
          {row.expanded && (
            <ul role="group" className="dichter-tree__group">
              {renderList(row.key)}
            </ul>
          )}
        </TreeItem>
      );
    });

  return (
    <ul role="tree" aria-label={label} className="dichter-tree" onKeyDown={onKeyDown}>
      {renderList(null)}
    </ul>
  );
}

interface ItemProps {
  focusable: boolean;
  itemRef(el: HTMLLIElement | null): void;
  onFocus(): void;
}

/** The ARIA attributes and roving tabindex every item of the tree has. */
function itemAttributes(row: Row, { focusable, itemRef, onFocus }: ItemProps) {
  return {
    ref: itemRef,
    role: 'treeitem',
    'aria-level': row.level,
    'aria-setsize': row.setSize,
    'aria-posinset': row.posInSet,
    'aria-labelledby': `tree-${row.key}`,
    tabIndex: focusable ? 0 : -1,
    className: 'dichter-tree__item',
    onFocus: (event: React.FocusEvent<HTMLLIElement>) => {
      if (event.target === event.currentTarget) onFocus();
    },
  };
}

function TreeItem({ row, href, onToggle, onOpen, children, ...item }: ItemProps & { row: NodeRow; href: string; onToggle(): void; onOpen(): void; children: ReactNode }) {
  const t = useT(m);
  const labels = useLabels();
  const { node } = row;
  return (
    <li {...itemAttributes(row, item)} aria-expanded={row.hasChildren ? row.expanded : undefined}>
      <div className={`dichter-tree__row${node.matches ? '' : ' dichter-tree__row--context'}`}>
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
        <span id={`tree-${row.key}`} className="dichter-tree__label">
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

/** "Laden…" while an action line's interventions load, or the failure with a way to try again (Enter or the button). */
function StatusItem({ row, onRetry, ...item }: ItemProps & { row: StatusRow; onRetry(): void }) {
  const t = useT(m);
  return (
    <li {...itemAttributes(row, item)} aria-busy={row.kind === 'loading' || undefined}>
      <div className="dichter-tree__row dichter-tree__row--context">
        <span className="dichter-tree__toggle" aria-hidden="true">
          ·
        </span>
        <span id={`tree-${row.key}`} className="dichter-tree__label">
          {row.kind === 'loading' ? (
            t('tree.loading')
          ) : (
            <>
              {t('tree.loadFailed')}{' '}
              <Button appearance="subtle" tabIndex={-1} onClick={onRetry}>
                {t('tree.retry')}
              </Button>
            </>
          )}
        </span>
      </div>
    </li>
  );
}
