import type { Span } from '../types';
import { lastAtOrBefore } from './sorted';

/**
 * A text assembled from pieces of the source (with markup removed and page-break gaps
 * skipped) that maps every offset back to the source. Rules read the logical text and
 * report source spans, so a finding is exact even when the sentence crosses a page break.
 */
export class MappedText {
  private readonly logicalStarts: number[] = [];
  private readonly sourceStarts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly parts: string[] = [];
  private cached: string | undefined;
  private length = 0;

  /** Appends source[sourceStart, sourceStart + piece.length) as it reads in `piece`. */
  push(piece: string, sourceStart: number): void {
    if (piece.length === 0) return;
    const last = this.lengths.length - 1;
    // Merge with the previous piece when it continues it contiguously: keeps lookups short.
    if (last >= 0 && this.sourceStarts[last] + this.lengths[last] === sourceStart) {
      this.lengths[last] += piece.length;
    } else {
      this.logicalStarts.push(this.length);
      this.sourceStarts.push(sourceStart);
      this.lengths.push(piece.length);
    }
    this.parts.push(piece);
    this.length += piece.length;
    this.cached = undefined;
  }

  /** Appends all of `other`, keeping its mapping. */
  append(other: MappedText): void {
    const t = other.text;
    for (let i = 0; i < other.logicalStarts.length; i++) {
      const start = other.logicalStarts[i];
      this.push(t.slice(start, start + other.lengths[i]), other.sourceStarts[i]);
    }
  }

  get text(): string {
    if (this.cached === undefined) this.cached = this.parts.join('');
    return this.cached;
  }

  /** The last `n` characters (fewer when the text is shorter), without joining the whole text. */
  tail(n: number): string {
    if (this.cached !== undefined) return this.cached.slice(-n);
    let out = '';
    for (let i = this.parts.length - 1; i >= 0 && out.length < n; i--) out = this.parts[i] + out;
    return out.length > n ? out.slice(-n) : out;
  }

  get size(): number {
    return this.length;
  }

  /** Source offset of the logical character at `offset` (for a span start). */
  toSource(offset: number): number {
    const n = this.logicalStarts.length;
    if (n === 0) return 0;
    if (offset >= this.length) return this.sourceEnd();
    const i = this.pieceAt(offset);
    return this.sourceStarts[i] + (offset - this.logicalStarts[i]);
  }

  /** Source offset just past the logical character at `offset - 1` (for a span end). */
  toSourceEnd(offset: number): number {
    if (offset <= 0 || this.logicalStarts.length === 0) return this.toSource(0);
    if (offset > this.length) return this.sourceEnd();
    const i = this.pieceAt(offset - 1);
    return this.sourceStarts[i] + (offset - this.logicalStarts[i]);
  }

  toSourceSpan(start: number, end: number): Span {
    const s = this.toSource(start);
    return { start: s, end: Math.max(s, this.toSourceEnd(end)) };
  }

  /** Logical offset of a source offset, or -1 when the source character was dropped. */
  fromSource(sourceOffset: number): number {
    for (let i = 0; i < this.sourceStarts.length; i++) {
      const s = this.sourceStarts[i];
      if (sourceOffset >= s && sourceOffset < s + this.lengths[i]) {
        return this.logicalStarts[i] + (sourceOffset - s);
      }
    }
    return -1;
  }

  sourceStart(): number {
    return this.sourceStarts.length ? this.sourceStarts[0] : 0;
  }

  sourceEnd(): number {
    const last = this.sourceStarts.length - 1;
    return last >= 0 ? this.sourceStarts[last] + this.lengths[last] : 0;
  }

  private pieceAt(offset: number): number {
    return lastAtOrBefore(this.logicalStarts, offset);
  }
}
