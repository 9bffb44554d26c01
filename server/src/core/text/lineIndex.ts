import type { Position, Range, Span } from '../types';
import { lastAtOrBefore } from './sorted';

/**
 * The only place that turns offsets into LSP positions and back.
 * Line breaks are \n, \r\n and a lone \r, as LSP counts them (and so does VS Code).
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];
  /** The text has a `\r` (the parser then reads it with its line ends made `\n`: one scan, not two). */
  readonly hasCR: boolean;

  constructor(readonly text: string) {
    const starts = [0];
    this.hasCR = text.includes('\r');
    // Without a \r only \n ends a line, and indexOf finds each faster than a loop over every character.
    if (!this.hasCR) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  lineOf(offset: number): number {
    return lastAtOrBefore(this.lineStarts, offset);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    // An offset inside a \r\n pair belongs to the end of the line.
    const character = Math.min(clamped, this.lineEnd(line)) - this.lineStarts[line];
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}
