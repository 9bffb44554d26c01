// Multipliers and units that convert: 万/亿/万亿, 斤/公斤/吨, 米/公里, 平方米/亩/公顷/平方公里.
import { SAME_COUNT_MEASURES } from './words';

/** The value of a multiplier as written (`万亿` → 10^12). */
export const SCALE: Readonly<Record<string, number>> = { '': 1, 万: 1e4, 亿: 1e8, 万亿: 1e12 };

export function scaleFactor(scale: string): number {
  return SCALE[scale] ?? 1;
}

/** Units of the same dimension convert (1 吨 = 2000 斤, 1 公里 = 1000 米); others compare only with themselves. */
// prettier-ignore
const CONVERT: Record<string, { dim: string; factor: number }> = {
  斤: { dim: 'mass', factor: 0.5 },
  公斤: { dim: 'mass', factor: 1 },
  千克: { dim: 'mass', factor: 1 },
  吨: { dim: 'mass', factor: 1000 },
  米: { dim: 'length', factor: 1 },
  千米: { dim: 'length', factor: 1000 },
  公里: { dim: 'length', factor: 1000 },
  平方米: { dim: 'area', factor: 1 },
  平方公里: { dim: 'area', factor: 1e6 },
  公顷: { dim: 'area', factor: 1e4 },
  // 1 公顷 = 15 亩.
  亩: { dim: 'area', factor: 1e4 / 15 },
};

const COUNT_SET = new Map<string, number>();
SAME_COUNT_MEASURES.forEach((set, i) => set.forEach((w) => COUNT_SET.set(w, i)));

/**
 * Two measure words that count the same kind of thing (`台` and `部` for elevators): 1, else undefined.
 * Only for two mentions already known to be one metric — a whole in 家 and a part in 台 are not one count.
 */
export function sameCountFactor(from: string, to: string): number | undefined {
  const a = COUNT_SET.get(from);
  return a !== undefined && a === COUNT_SET.get(to) ? 1 : undefined;
}

/** Factor to convert a value in `from` to `to`, or undefined when they measure different things. */
export function unitFactor(from: string, to: string): number | undefined {
  if (from === to) return 1;
  const a = CONVERT[from];
  const b = CONVERT[to];
  if (a && b && a.dim === b.dim) return a.factor / b.factor;
  return undefined;
}
