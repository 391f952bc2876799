import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTENTION_METHOD, compareWithPeers, decompose, DecompositionError, rollUp, type PanelRecord } from './analysis';

const rec = (person: string, period: string, area: string, value: number): PanelRecord => ({ person, period, area, value });

function expectAddsUp(d: { change: number; stayers: number; entry: number; exit: number; mean0: number; mean1: number }) {
  expect(d.stayers + d.entry + d.exit).toBeCloseTo(d.change, 9);
  expect(d.mean1 - d.mean0).toBeCloseTo(d.change, 9);
}

describe('composition decomposition of a change in an area mean', () => {
  it('splits a small panel into stayers, entrants and leavers that add up to the change', () => {
    // Stayers a, b improve by 10 each; c (low) moves out, d (high) moves in, e moves in from elsewhere.
    const records = [
      rec('a', '2019', 'BU01', 50),
      rec('b', '2019', 'BU01', 60),
      rec('c', '2019', 'BU01', 20),
      rec('a', '2024', 'BU01', 60),
      rec('b', '2024', 'BU01', 70),
      rec('c', '2024', 'BU02', 25),
      rec('d', '2024', 'BU01', 90),
      rec('e', '2019', 'BU02', 40),
      rec('e', '2024', 'BU01', 80),
    ];
    const d = decompose(records, 'BU01', '2019', '2024');
    expect(d.mean0).toBeCloseTo(130 / 3, 12);
    expect(d.mean1).toBeCloseTo(75, 12);
    expect(d.counts).toEqual({ stayers: 2, entrants: 2, leavers: 1 });
    expect(d.stayers).toBeCloseTo(10, 12); // 65 − 55
    expect(d.entry).toBeCloseTo(0.5 * (85 - 65), 12); // w_I1 = 2/4
    expect(d.exit).toBeCloseTo((1 / 3) * (55 - 20), 12); // w_O0 = 1/3
    expectAddsUp(d);
  });

  it('shows a mean that improves only because the population changed: stayers did not change at all', () => {
    const records = [
      rec('a', '1', 'W', 10),
      rec('b', '1', 'W', 10),
      rec('poor', '1', 'W', 0),
      rec('a', '2', 'W', 10),
      rec('b', '2', 'W', 10),
      rec('rich', '2', 'W', 40),
    ];
    const d = decompose(records, 'W', '1', '2');
    expect(d.change).toBeGreaterThan(0);
    expect(d.stayers).toBe(0);
    expect(d.entry).toBeGreaterThan(0);
    expect(d.exit).toBeGreaterThan(0);
    expectAddsUp(d);
  });

  it('puts the whole change on the stayers when nobody moved', () => {
    const records = [rec('a', '1', 'W', 1), rec('b', '1', 'W', 3), rec('a', '2', 'W', 4), rec('b', '2', 'W', 6)];
    const d = decompose(records, 'W', '1', '2');
    expect(d).toEqual({ change: 3, stayers: 3, entry: 0, exit: 0, mean0: 2, mean1: 5, counts: { stayers: 2, entrants: 0, leavers: 0 } });
  });

  it('treats the whole change as composition when there are no stayers', () => {
    const records = [rec('a', '1', 'W', 2), rec('b', '1', 'W', 4), rec('c', '2', 'W', 10)];
    const d = decompose(records, 'W', '1', '2');
    expect(d.counts).toEqual({ stayers: 0, entrants: 1, leavers: 2 });
    expect(d.stayers).toBe(0);
    expect(d.change).toBe(7);
    expect(d.entry + d.exit).toBe(7);
  });

  it('refuses a person who occurs twice in one period', () => {
    const records = [rec('a', '1', 'W', 1), rec('a', '1', 'V', 2), rec('a', '2', 'W', 3)];
    expect(() => decompose(records, 'W', '1', '2')).toThrowError(DecompositionError);
    try {
      decompose(records, 'W', '1', '2');
    } catch (e) {
      expect((e as DecompositionError).reason).toBe('indicator.panel_duplicate_person');
      expect((e as DecompositionError).id).toBe('indicator.panel_duplicate_person');
      expect((e as DecompositionError).params).toMatchObject({ person: 'a', period: '1' });
    }
  });

  it('refuses a period in which nobody lived in the area', () => {
    const records = [rec('a', '1', 'W', 1), rec('a', '2', 'V', 3)];
    try {
      decompose(records, 'W', '1', '2');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DecompositionError);
      expect((e as DecompositionError).reason).toBe('indicator.panel_empty_period');
      expect((e as DecompositionError).params).toMatchObject({ area: 'W', period: '2' });
    }
    expect(() => decompose([], 'W', '1', '2')).toThrowError(/panel_empty_period/);
  });

  it('refuses the same period twice and values that are not numbers', () => {
    const records = [rec('a', '1', 'W', 1), rec('a', '2', 'W', Number.NaN)];
    expect(() => decompose(records, 'W', '1', '1')).toThrowError(/panel_same_period/);
    expect(() => decompose(records, 'W', '1', '2')).toThrowError(/panel_invalid_value/);
  });

  it('always adds up to the change in the mean, for any panel (property)', () => {
    const person = fc.integer({ min: 0, max: 30 }).map((n) => `p${n}`);
    const area = fc.constantFrom('A', 'B', 'C');
    const value = fc.double({ min: -1e4, max: 1e4, noNaN: true, noDefaultInfinity: true });
    const panel = fc
      .tuple(
        fc.uniqueArray(fc.record({ person, area, value }), { selector: (r) => r.person, minLength: 1, maxLength: 25 }),
        fc.uniqueArray(fc.record({ person, area, value }), { selector: (r) => r.person, minLength: 1, maxLength: 25 }),
      )
      .map(([p0, p1]) => [...p0.map((r) => ({ ...r, period: '0' })), ...p1.map((r) => ({ ...r, period: '1' }))]);
    fc.assert(
      fc.property(panel, (records) => {
        if (!records.some((r) => r.area === 'A' && r.period === '0') || !records.some((r) => r.area === 'A' && r.period === '1')) return;
        const d = decompose(records, 'A', '0', '1');
        const tolerance = 1e-9 * (1 + Math.abs(d.mean0) + Math.abs(d.mean1) + Math.abs(d.stayers) + Math.abs(d.entry) + Math.abs(d.exit));
        expect(Math.abs(d.stayers + d.entry + d.exit - d.change)).toBeLessThanOrEqual(tolerance);
        const inA0 = records.filter((r) => r.area === 'A' && r.period === '0');
        const inA1 = records.filter((r) => r.area === 'A' && r.period === '1');
        expect(d.counts.stayers + d.counts.leavers).toBe(inA0.length);
        expect(d.counts.stayers + d.counts.entrants).toBe(inA1.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('comparison of an area with its peers', () => {
  const peers = [
    { key: 'a', value: 9 },
    { key: 'b', value: 11 },
    { key: 'c', value: 12 },
    { key: 'd', value: 13 },
    { key: 'e', value: 30 },
    { key: 'f', value: null },
  ];

  it('uses the median as reference and gives the distance from it', () => {
    const c = compareWithPeers(peers, 'higher');
    expect(c.reference).toBe(12);
    expect(c.items.map((i) => i.distance)).toEqual([-3, -1, 0, 1, 18, null]);
  });

  it('ranks 1 as best for the direction and leaves suppressed values out', () => {
    expect(compareWithPeers(peers, 'higher').items.map((i) => i.rank)).toEqual([5, 4, 3, 2, 1, null]);
    expect(compareWithPeers(peers, 'lower').items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, null]);
  });

  it('lets ties share a rank', () => {
    const c = compareWithPeers(
      [
        { key: 'a', value: 5 },
        { key: 'b', value: 7 },
        { key: 'c', value: 7 },
        { key: 'd', value: 3 },
      ],
      'higher',
    );
    expect(c.items.map((i) => i.rank)).toEqual([3, 1, 1, 4]);
  });

  it('computes a robust z-score with 1.4826 × MAD, so one outlier does not hide the others', () => {
    const c = compareWithPeers(peers, 'higher');
    // |x − 12| = 3, 1, 0, 1, 18 → MAD = 1 → scale 1.4826.
    expect(c.items[0]!.z).toBeCloseTo(-3 / 1.4826, 10);
    expect(c.items[4]!.z).toBeCloseTo(18 / 1.4826, 10);
    expect(c.items.map((i) => i.attention)).toEqual(['worse', 'expected', 'expected', 'expected', 'better', null]);
  });

  it('turns the signal around when lower is better, and gives no signal when neutral', () => {
    expect(compareWithPeers(peers, 'lower').items.map((i) => i.attention)).toEqual(['better', 'expected', 'expected', 'expected', 'worse', null]);
    expect(compareWithPeers(peers, 'neutral').items.map((i) => i.attention)).toEqual(['expected', 'expected', 'expected', 'expected', 'expected', null]);
  });

  it('falls back to the mean absolute deviation when more than half the peers share the median', () => {
    const values = [5, 5, 5, 5, 9].map((value, i) => ({ key: String(i), value }));
    const c = compareWithPeers(values, 'higher');
    // MAD = 0; mean |x − 5| = 4/5 → scale 1.2533 × 0.8.
    expect(c.items[4]!.z).toBeCloseTo(4 / (1.2533 * 0.8), 10);
    expect(c.items[4]!.attention).toBe('better');
    expect(c.items[0]!.attention).toBe('expected');
  });

  it('gives z = 0 and no signal when all peers are equal', () => {
    const c = compareWithPeers([3, 3, 3].map((value, i) => ({ key: String(i), value })), 'higher');
    expect(c.items.map((i) => [i.z, i.attention, i.rank])).toEqual([
      [0, 'expected', 1],
      [0, 'expected', 1],
      [0, 'expected', 1],
    ]);
  });

  it('returns no reference when every value is suppressed', () => {
    const c = compareWithPeers([{ key: 'a', value: null }], 'higher');
    expect(c).toEqual({ reference: null, items: [{ key: 'a', value: null, rank: null, distance: null, z: null, attention: null }] });
  });

  it('marks an area clearly better exactly from |z| = 1.5', () => {
    // Median 0, MAD 1 → scale 1.4826; 1.5 × 1.4826 = 2.2239.
    const values = [-1, 0, 1, 1.5 * 1.4826, -1.5 * 1.4826 + 1e-9].map((value, i) => ({ key: String(i), value }));
    const c = compareWithPeers(values, 'higher');
    expect(c.items[3]!.attention).toBe('better');
    expect(c.items[4]!.attention).toBe('expected');
  });
});

describe('roll-up of values up the area hierarchy', () => {
  it('sums counts, ignoring missing values, but missing everywhere is not zero', () => {
    expect(rollUp({ method: 'sum', values: [1, null, 2] })).toBe(3);
    expect(rollUp({ method: 'sum', values: [null, null] })).toBeNull();
    expect(rollUp({ method: 'sum', values: [] })).toBeNull();
  });

  it('takes the mean of the known values', () => {
    expect(rollUp({ method: 'mean', values: [2, null, 4] })).toBe(3);
    expect(rollUp({ method: 'mean', values: [null] })).toBeNull();
  });

  it('rolls a ratio up as the ratio of the sums, not the mean of the ratios', () => {
    // Two buurten: 10 of 100 (10%) and 90 of 300 (30%). Mean of ratios = 20%; the gemeente is 25%.
    const numerators = [10, 90];
    const denominators = [100, 300];
    const rolled = rollUp({ method: 'ratio', numerators, denominators, factor: 100 });
    const meanOfRatios = (numerators[0]! / denominators[0]! + numerators[1]! / denominators[1]!) / 2 * 100;
    expect(rolled).toBe(25);
    expect(meanOfRatios).toBe(20);
    expect(rolled).not.toBe(meanOfRatios);
  });

  it('only counts areas where numerator and denominator are both known', () => {
    expect(rollUp({ method: 'ratio', numerators: [5, null, 7], denominators: [10, 50, null], factor: 1000 })).toBe(500);
    expect(rollUp({ method: 'ratio', numerators: [null], denominators: [null], factor: 100 })).toBeNull();
    expect(rollUp({ method: 'ratio', numerators: [3], denominators: [0], factor: 100 })).toBeNull();
    expect(() => rollUp({ method: 'ratio', numerators: [1, 2], denominators: [3], factor: 1 })).toThrowError(RangeError);
  });

  it('equals the ratio of the sums for any set of areas (property)', () => {
    const area = fc.record({ num: fc.integer({ min: 0, max: 10_000 }), den: fc.integer({ min: 1, max: 10_000 }) });
    fc.assert(
      fc.property(fc.array(area, { minLength: 1, maxLength: 40 }), (areas) => {
        const rolled = rollUp({ method: 'ratio', numerators: areas.map((a) => a.num), denominators: areas.map((a) => a.den), factor: 100 });
        const sumNum = areas.reduce((s, a) => s + a.num, 0);
        const sumDen = areas.reduce((s, a) => s + a.den, 0);
        expect(rolled).toBeCloseTo((sumNum / sumDen) * 100, 9);
      }),
    );
  });
});

describe('the attention method explained in the UI', () => {
  it('explains the robust z-score and the 1.5 threshold in Dutch and English', () => {
    expect(ATTENTION_METHOD.nl).toMatch(/mediaan/);
    expect(ATTENTION_METHOD.nl).toMatch(/1,5/);
    expect(ATTENTION_METHOD.en).toMatch(/robust z-score/);
    expect(ATTENTION_METHOD.en).toMatch(/1\.5/);
  });
});
