/*
 * Small-number protection for the approach-wide view: no figure for a group of fewer than 5
 * participants, and no way to recompute a hidden figure from the totals and the figures shown.
 *
 * A table is a grid of cells (rows: workspaces; columns: categories) with row totals, column
 * totals and a grand total. Primary suppression: every cell (totals included) whose group has
 * 1 to 4 participants. Secondary suppression: a line (a row with its total, a column with its
 * total, the row of column totals, the column of row totals) whose total is shown may not hold
 * exactly one hidden cell — it would be the total minus the rest. Then the smallest shown
 * non-zero cell of that line is hidden too, or, if the rest are all zero, the total. A hidden
 * total whose parts are all shown gets its smallest non-zero part hidden. This is repeated until nothing changes (hiding only grows, so it ends).
 */

export const MINIMUM_GROUP = 5;

export const isSmall = (participants: number) => participants > 0 && participants < MINIMUM_GROUP;

export interface Grid {
  /** values[r][c]: the figure (a count or an amount); lines add up exactly. */
  values: number[][];
  /** participants[r][c]: the size of the group behind the figure. */
  participants: number[][];
  rowTotals: { value: number; participants: number }[];
  columnTotals: { value: number; participants: number }[];
  grand: { value: number; participants: number };
}

export interface Mask {
  cells: boolean[][];
  rowTotals: boolean[];
  columnTotals: boolean[];
  grand: boolean;
}

/** Which cells to hide; `forced` carries hidden totals over from a table sharing them. */
export function protect(grid: Grid, forced?: { rowTotals?: boolean[]; grand?: boolean }): Mask {
  const R = grid.values.length;
  const C = grid.columnTotals.length;
  const mask: Mask = {
    cells: grid.participants.map((row) => row.map(isSmall)),
    rowTotals: grid.rowTotals.map((t, r) => isSmall(t.participants) || !!forced?.rowTotals?.[r]),
    columnTotals: grid.columnTotals.map((t) => isSmall(t.participants)),
    grand: isSmall(grid.grand.participants) || !!forced?.grand,
  };
  // A line: its cells as getters/setters over the mask, and its total.
  type Ref = { value: () => number; hidden: () => boolean; hide: () => void };
  const cell = (r: number, c: number): Ref => ({ value: () => grid.values[r][c], hidden: () => mask.cells[r][c], hide: () => (mask.cells[r][c] = true) });
  const rowTotal = (r: number): Ref => ({ value: () => grid.rowTotals[r].value, hidden: () => mask.rowTotals[r], hide: () => (mask.rowTotals[r] = true) });
  const columnTotal = (c: number): Ref => ({ value: () => grid.columnTotals[c].value, hidden: () => mask.columnTotals[c], hide: () => (mask.columnTotals[c] = true) });
  const grand: Ref = { value: () => grid.grand.value, hidden: () => mask.grand, hide: () => (mask.grand = true) };
  const lines: { parts: Ref[]; total: Ref }[] = [];
  for (let r = 0; r < R; r++) lines.push({ parts: Array.from({ length: C }, (_, c) => cell(r, c)), total: rowTotal(r) });
  for (let c = 0; c < C; c++) lines.push({ parts: Array.from({ length: R }, (_, r) => cell(r, c)), total: columnTotal(c) });
  lines.push({ parts: Array.from({ length: R }, (_, r) => rowTotal(r)), total: grand });
  lines.push({ parts: Array.from({ length: C }, (_, c) => columnTotal(c)), total: grand });

  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hidden = line.parts.filter((p) => p.hidden()).length;
      const candidates = line.parts.filter((p) => !p.hidden() && p.value() !== 0).sort((a, b) => a.value() - b.value());
      if (line.total.hidden()) {
        // A hidden total is the sum of its parts: at least one non-zero part must be hidden too.
        if (hidden === 0 && candidates.length) {
          candidates[0].hide();
          changed = true;
        }
        continue;
      }
      if (hidden !== 1) continue;
      (candidates[0] ?? line.total).hide();
      changed = true;
    }
  }
  return mask;
}

export type Cell = { value: number | null; suppressed: boolean };
export const shown = (value: number, hidden: boolean): Cell => (hidden ? { value: null, suppressed: true } : { value, suppressed: false });
