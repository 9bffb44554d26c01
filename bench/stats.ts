// Warm medians measured in one process, so ratios compare like with like. Each candidate is
// measured in several interleaved rounds and the best round's median is kept: a shared machine
// slows rounds down, never speeds them up.
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function medianOf(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Warm median wall time of `fn` in ms (best of `rounds` rounds). */
export function measure(fn: () => unknown, runs: number, warmup = Math.max(3, Math.floor(runs / 5)), rounds = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) best = Math.min(best, medianOf(fn, runs));
  return best;
}

/**
 * Measures several functions in interleaved rounds; the best round median of each. `prepare[k](n)`,
 * when given, runs untimed before each batch of `n` calls of `fns[k]` (to make the inputs they use).
 */
export function compare<K extends string>(
  fns: Record<K, () => unknown>,
  runs: Record<K, number>,
  rounds = 5,
  prepare: Partial<Record<K, (n: number) => void>> = {},
): Record<K, number> {
  const keys = Object.keys(fns) as K[];
  const best = Object.fromEntries(keys.map((k) => [k, Infinity])) as Record<K, number>;
  for (const k of keys) {
    const warmup = Math.max(3, Math.floor(runs[k] / 5));
    prepare[k]?.(warmup);
    for (let i = 0; i < warmup; i++) fns[k]();
  }
  for (let r = 0; r < rounds; r++) {
    for (const k of keys) {
      prepare[k]?.(runs[k]);
      best[k] = Math.min(best[k], medianOf(fns[k], runs[k]));
    }
  }
  return best;
}

export function fmt(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(0)} µs`;
}

export function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i])).join('  ');
}
