import type { Finding, TextEdit } from '../types';

/** Applies non-overlapping edits (offsets into `text`); overlapping ones are dropped, first come first served. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const chosen = nonOverlapping(edits);
  let out = '';
  let pos = 0;
  for (const e of chosen) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Edits sorted by position, skipping any that overlaps one already taken. */
function nonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  let end = -1;
  for (const e of sorted) {
    // Two insertions at the same point would be ambiguous; an edit must start after the previous one ends.
    if (e.start < end || (out.length && e.start === end && e.start === e.end && out[out.length - 1].start === out[out.length - 1].end)) continue;
    out.push(e);
    end = Math.max(end, e.end);
  }
  return out;
}

/**
 * The edits of every fixable finding, as one non-overlapping set (what fix-all applies).
 * A fix is taken whole or not at all, so a fix made of several edits is never half-applied.
 */
export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = []; // kept sorted by start; members never overlap
  const fixes = findings.filter((f) => f.fix && f.fix.edits.length).map((f) => f.fix!.edits);
  fixes.sort((a, b) => Math.min(...a.map((e) => e.start)) - Math.min(...b.map((e) => e.start)));
  for (const edits of fixes) {
    if (edits.some((e) => clashes(taken, e))) continue;
    for (const e of edits) taken.splice(insertionPoint(taken, e.start), 0, e);
  }
  return taken;
}

function insertionPoint(sorted: TextEdit[], start: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clashes(sorted: TextEdit[], e: TextEdit): boolean {
  const i = insertionPoint(sorted, e.start);
  const prev = sorted[i - 1];
  const next = sorted[i];
  const overlaps = (t: TextEdit) => (t.start === t.end && e.start === e.end ? t.start === e.start : t.start < e.end && e.start < t.end);
  return (prev !== undefined && (overlaps(prev) || prev.end > e.start)) || (next !== undefined && overlaps(next));
}
