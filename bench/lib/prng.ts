// Deterministic data for the benchmarks.

/**
 * sfc32 seeded through splitmix32: a small seeded PRNG with 128 bits of state, so the
 * streams of a million per-row seeds do not overlap (mulberry32's would: its seeds are
 * offsets on one cycle).
 */
export function prng(seed: number) {
  let x = seed >>> 0;
  const splitmix = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)];
  /** Index by weights (need not sum to 1). */
  const weighted = (weights: readonly number[]) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let x = next() * total;
    for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i;
    return weights.length - 1;
  };
  const hex = (n: number) => Array.from({ length: n }, () => int(16).toString(16)).join('');
  return { next, int, pick, weighted, hex };
}
export type Prng = ReturnType<typeof prng>;
