/**
 * The last index in [0, last] whose value is ≤ `x`, in ascending `sorted` (0 when none is): the line
 * a character is on, the piece of a mapped text an offset falls in, the symbol a match is inside.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, x: number, last = sorted.length - 1): number {
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
