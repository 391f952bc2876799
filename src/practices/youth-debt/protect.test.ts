import { describe, expect, it } from 'vitest';
import { protect, type Grid } from './protect';

/** A grid of participant counts (value = group size) with its margins. */
function counts(cells: number[][]): Grid {
  const rowTotals = cells.map((r) => r.reduce((s, v) => s + v, 0));
  const columnTotals = cells[0].map((_, c) => cells.reduce((s, r) => s + r[c], 0));
  const grand = rowTotals.reduce((s, v) => s + v, 0);
  const t = (v: number) => ({ value: v, participants: v });
  return { values: cells, participants: cells, rowTotals: rowTotals.map(t), columnTotals: columnTotals.map(t), grand: t(grand) };
}

/** No line with its total shown holds exactly one hidden figure; no hidden total has all its parts shown. */
function recomputable(grid: Grid, mask: ReturnType<typeof protect>) {
  const lines: { parts: boolean[]; values: number[]; total: boolean }[] = [];
  mask.cells.forEach((row, r) => lines.push({ parts: row, values: grid.values[r], total: mask.rowTotals[r] }));
  grid.columnTotals.forEach((_, c) => lines.push({ parts: mask.cells.map((row) => row[c]), values: grid.values.map((v) => v[c]), total: mask.columnTotals[c] }));
  lines.push({ parts: mask.rowTotals, values: grid.rowTotals.map((t) => t.value), total: mask.grand });
  lines.push({ parts: mask.columnTotals, values: grid.columnTotals.map((t) => t.value), total: mask.grand });
  return lines.filter((l) => (!l.total && l.parts.filter(Boolean).length === 1) || (l.total && !l.parts.some((p, i) => p && l.values[i] !== 0) && l.values.some((v) => v !== 0)));
}

describe('small-number protection', () => {
  it('hides groups of 1 to 4 and a second figure in every line that would give them away', () => {
    const grid = counts([
      [3, 10, 12],
      [8, 9, 20],
      [6, 7, 30],
    ]);
    const mask = protect(grid);
    expect(mask.cells[0][0]).toBe(true);
    // Row 0 and column 0 each need a second hidden figure: not the same line twice for free.
    expect(mask.cells[0].filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(mask.cells.map((r) => r[0]).filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(recomputable(grid, mask)).toEqual([]);
    // Nothing of 5 or more is hidden without need: row 2 column 2 stays.
    expect(mask.cells[2][2]).toBe(false);
  });

  it('hides a whole small workspace, and another workspace total so the grand total does not give it away', () => {
    const grid = counts([
      [1, 2, 0],
      [8, 9, 20],
      [6, 7, 30],
    ]);
    const mask = protect(grid);
    expect(mask.rowTotals[0]).toBe(true);
    expect(mask.rowTotals.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(recomputable(grid, mask)).toEqual([]);
  });

  it('hides the total when the hidden figure is the only non-zero one in its line', () => {
    const grid = counts([[0, 3, 0]]);
    const mask = protect(grid);
    expect(mask.cells[0][1]).toBe(true);
    expect(mask.rowTotals[0]).toBe(true);
    expect(recomputable(grid, mask)).toEqual([]);
  });

  it('leaves a table without small groups alone', () => {
    const mask = protect(counts([[5, 0, 7], [9, 12, 0]]));
    expect(mask.cells.flat().some(Boolean)).toBe(false);
    expect(mask.rowTotals.some(Boolean) || mask.columnTotals.some(Boolean) || mask.grand).toBe(false);
  });

  it('keeps every random table safe', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const rows = 1 + Math.floor(rand() * 6);
      const cols = 1 + Math.floor(rand() * 6);
      const grid = counts(Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(rand() * rand() * 30))));
      const mask = protect(grid);
      expect(recomputable(grid, mask)).toEqual([]);
      grid.participants.forEach((row, r) => row.forEach((n, c) => n > 0 && n < 5 && expect(mask.cells[r][c]).toBe(true)));
    }
  });
});
