// One report's symbols for workspace search, stored flat: every name in one string, kinds,
// containers and ranges in typed arrays. A thousand reports hold ~46,000 symbols; as objects they
// cost 45 MB, because each name was a slice of its report's text and V8 keeps a slice's whole
// parent alive (a 20-character heading held its 50 KB report). One joined string is a copy, and a
// search is one `indexOf` per report instead of a lower-cased copy of every name per query.
import type { OutlineNode } from './core/structure/outline';
import type { Range } from './core/types';
import type { LineIndex } from './core/text/lineIndex';
import { lastAtOrBefore } from './core/text/sorted';
import { symbolKindOf } from './convert';

/** Names are joined by a character no name holds (a name's white space is single spaces) and no query holds (its white space is removed). */
const SEP = '\n';

export class SymbolTable {
  /** Each name followed by SEP, in document order. */
  private readonly names: string;
  /** Offset of each name in `names`; one more entry than names, the end. */
  private readonly starts: Uint32Array;
  /** The lower-cased names, what queries match (the same string and offsets when lower-casing changes nothing). */
  private readonly lower: string;
  private readonly lowerStarts: Uint32Array;
  private readonly kinds: Uint8Array;
  /** The symbol whose name the container shows (the parent, unless that is the title), or -1: the report's label alone. */
  private readonly containers: Int32Array;
  /** Start line, start character, end line, end character of each symbol. */
  private readonly ranges: Uint32Array;

  /** The outline's nodes in document order; the container names `label` (`2023年 新市区`) and the parent. */
  constructor(
    roots: readonly OutlineNode[],
    lineIndex: LineIndex,
    readonly label: string,
  ) {
    const names: string[] = [];
    const kinds: number[] = [];
    const containers: number[] = [];
    const ranges: number[] = [];
    const walk = (n: OutlineNode, container: number) => {
      const i = names.length;
      names.push(n.name);
      kinds.push(symbolKindOf(n.kind));
      containers.push(container);
      const start = lineIndex.positionAt(n.span.start);
      const end = lineIndex.positionAt(n.span.end);
      ranges.push(start.line, start.character, end.line, end.character);
      const inner = n.kind === 'title' ? -1 : i;
      for (const c of n.children) walk(c, inner);
    };
    for (const r of roots) walk(r, -1);
    this.names = joined(names);
    this.starts = startsOf(names);
    // Chinese names have no case: one test on the joined names (a name that lower-casing changes
    // changes them too) spares lower-casing each.
    const same = this.names.toLowerCase() === this.names;
    const lower = same ? names : names.map((n) => n.toLowerCase());
    this.lower = same ? this.names : joined(lower);
    this.lowerStarts = same ? this.starts : startsOf(lower);
    this.kinds = Uint8Array.from(kinds);
    this.containers = Int32Array.from(containers);
    this.ranges = Uint32Array.from(ranges);
  }

  get size(): number {
    return this.kinds.length;
  }

  name(i: number): string {
    return this.names.slice(this.starts[i], this.starts[i + 1] - SEP.length);
  }

  nameLength(i: number): number {
    return this.starts[i + 1] - this.starts[i] - SEP.length;
  }

  kind(i: number): number {
    return this.kinds[i];
  }

  containerName(i: number): string {
    const c = this.containers[i];
    return c < 0 ? this.label : `${this.label} · ${this.name(c)}`;
  }

  range(i: number): Range {
    const r = this.ranges;
    return { start: { line: r[4 * i], character: r[4 * i + 1] }, end: { line: r[4 * i + 2], character: r[4 * i + 3] } };
  }

  startLine(i: number): number {
    return this.ranges[4 * i];
  }

  /**
   * Calls `hit` with each symbol matching `q` (lower-cased, no white space) and its rank, in
   * document order: 0 exact, 1 prefix, 2 substring, 3 letters in order (`fuzzy` only). A name
   * without the query (or, fuzzy, its first letter) is skipped by `indexOf`, never looked at.
   */
  match(q: string, fuzzy: boolean, hit: (i: number, rank: number) => void): void {
    const n = this.size;
    if (!q) {
      for (let i = 0; i < n; i++) hit(i, 2);
      return;
    }
    const text = this.lower;
    const starts = this.lowerStarts;
    const probe = fuzzy ? q[0] : q;
    for (let from = 0; from < text.length;) {
      const at = text.indexOf(probe, from);
      if (at < 0) return;
      const i = symbolAt(starts, at);
      const start = starts[i];
      const end = starts[i + 1] - SEP.length;
      const rank = rankIn(text, start, end, q, fuzzy, fuzzy ? -1 : at);
      if (rank >= 0) hit(i, rank);
      from = starts[i + 1];
    }
  }
}

/** The names joined, each followed by SEP: a new string (a join of two or more parts copies), holding no report's text. */
function joined(names: readonly string[]): string {
  return [...names, ''].join(SEP);
}

function startsOf(names: readonly string[]): Uint32Array {
  const starts = new Uint32Array(names.length + 1);
  let at = 0;
  names.forEach((n, i) => {
    starts[i] = at;
    at += n.length + SEP.length;
  });
  starts[names.length] = at;
  return starts;
}

/** The symbol whose name holds offset `at`: the last start ≤ at (the final entry is the end, no symbol). */
function symbolAt(starts: Uint32Array, at: number): number {
  return lastAtOrBefore(starts, at, starts.length - 2);
}

/** The rank of the name `text[start, end)` for `q`, or -1; `at` is where `q` was found in it, when known. */
function rankIn(text: string, start: number, end: number, q: string, fuzzy: boolean, at: number): number {
  // Looked for inside the name only: past its end, an indexOf would read the rest of the report for each name.
  const inName = at >= 0 ? at - start : text.slice(start, end).indexOf(q);
  if (inName > 0) return 2;
  if (inName === 0) return end - start === q.length ? 0 : 1;
  if (!fuzzy) return -1;
  let k = 0;
  for (let j = start; j < end && k < q.length; j++) if (text[j] === q[k]) k++;
  return k === q.length ? 3 : -1;
}
