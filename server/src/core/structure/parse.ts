import MarkdownIt from 'markdown-it';
import type { LineIndex } from '../text/lineIndex';
import type { Span } from '../types';

// markdown-it gives the block structure (what VS Code's own Markdown support sees). We only
// need blocks, so the inline phase is switched off: token.map gives source lines, and
// content is re-read from the source lines so that every offset stays exact (markdown-it
// normalises CRLF and would shift offsets).
const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
// markdown-it's `normalize` rewrites every line break (\n to \n too) and every NUL: a new copy of
// the text, 40 ms of reading 1,000 reports. parseBlocks does the same only when there is a \r or a NUL.
md.core.ruler.disable(['normalize', 'inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);

export type BlockType = 'heading' | 'paragraph' | 'code' | 'html' | 'table' | 'hr';

export interface ListMarker {
  /** The ordered-list number, or null for a bullet. */
  ordinal: number | null;
  /** `.` or `)` for ordered lists, the bullet character otherwise. */
  delimiter: string;
  span: Span;
}

export interface Block {
  index: number;
  type: BlockType;
  /** Markdown heading depth 1–6; 0 for other blocks. */
  level: number;
  startLine: number;
  /** Last line of the block (inclusive). */
  endLine: number;
  /** From the first content character to the end of the last content line. */
  span: Span;
  /** Content of each source line, after container markers, list markers and indentation. */
  lines: Span[];
  inList: boolean;
  inQuote: boolean;
  /** Set on the first paragraph of a list item. */
  listMarker?: ListMarker;
}

const LIST_MARKER = /^(\d{1,9})([.)])[ \t]+|^([-+*])[ \t]+/;
const ATX_OPEN = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
const ATX_CLOSE = /[ \t]+#+[ \t]*$|^#+[ \t]*$/;

interface Container {
  type: 'list_item' | 'blockquote';
  firstLine: number;
  ordered: boolean;
  markerUsed: boolean;
}

/** Splits a Markdown text into blocks with exact source offsets. Never throws on text input. */
export function parseBlocks(text: string, index: LineIndex): Block[] {
  // A leading BOM would stop `# 标题` from being a heading; a space keeps every offset.
  let src = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  // What markdown-it's normalize does (https://spec.commonmark.org/0.29/#line-ending).
  if (index.hasCR || src.includes('\0')) src = src.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  const tokens = md.parse(src, {});
  const reader = new BlockReader(text, index);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        reader.orderedStack.push(t.type === 'ordered_list_open');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        reader.orderedStack.pop();
        break;
      case 'list_item_open':
        reader.open('list_item', t.map);
        break;
      case 'blockquote_open':
        reader.open('blockquote', t.map);
        break;
      case 'list_item_close':
      case 'blockquote_close':
        reader.stack.pop();
        break;
      case 'heading_open':
        reader.heading(t.map, Number(t.tag.slice(1)) || 1, t.markup === '=' || t.markup === '-');
        break;
      case 'paragraph_open':
        reader.paragraph(t.map);
        break;
      case 'fence':
      case 'code_block':
        reader.push('code', t.map);
        break;
      case 'html_block':
        reader.push('html', t.map);
        break;
      case 'hr':
        reader.push('hr', t.map);
        break;
      case 'table_open':
        reader.push('table', t.map);
        while (i < tokens.length && tokens[i].type !== 'table_close') i++;
        break;
      default:
        break;
    }
  }
  return reader.blocks;
}

type LineMap = [number, number] | null | undefined;

/** Turns markdown-it's block tokens into blocks, keeping the containers (lists, quotes) open around them. */
class BlockReader {
  readonly blocks: Block[] = [];
  readonly stack: Container[] = [];
  readonly orderedStack: boolean[] = [];

  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
  ) {}

  open(type: Container['type'], map: LineMap): void {
    const ordered = type === 'list_item' && (this.orderedStack[this.orderedStack.length - 1] ?? false);
    this.stack.push({ type, firstLine: map ? map[0] : -1, ordered, markerUsed: false });
  }

  /** An ATX (`## 标题 ##`) or setext heading: its text without the `#` marks. */
  heading(map: LineMap, level: number, setext: boolean): void {
    if (!map) return;
    const endLine = setext ? map[1] - 2 : map[0];
    const lines: Span[] = [];
    for (let l = map[0]; l <= endLine; l++) {
      let { start, end } = contentOf(this.index, l, this.stack);
      if (!setext) {
        const open = ATX_OPEN.exec(this.text.slice(start, end));
        if (open) start += open[0].length;
        const close = ATX_CLOSE.exec(this.text.slice(start, end));
        if (close) end = start + close.index;
      }
      lines.push(trimSpan(this.text, { start, end }));
    }
    this.push('heading', map, level, lines);
  }

  /** A paragraph; the first of a list item carries the item's marker (`1.`, `-`), kept out of its text. */
  paragraph(map: LineMap): void {
    if (!map) return;
    const item = this.stack[this.stack.length - 1];
    let marker: ListMarker | undefined;
    const lines: Span[] = [];
    for (let l = map[0]; l < map[1]; l++) {
      const content = contentOf(this.index, l, this.stack);
      let start = content.start;
      const end = content.end;
      if (item && item.type === 'list_item' && !item.markerUsed && l === item.firstLine) {
        const m = LIST_MARKER.exec(this.text.slice(start, end));
        if (m) {
          marker = { ordinal: m[1] !== undefined ? Number(m[1]) : null, delimiter: m[2] ?? m[3], span: { start, end: start + m[0].trimEnd().length } };
          start += m[0].length;
        }
        item.markerUsed = true;
      }
      lines.push(trimSpan(this.text, { start, end }));
    }
    this.push('paragraph', map, 0, lines, marker);
  }

  push(type: BlockType, map: LineMap, level = 0, lines?: Span[], listMarker?: ListMarker): void {
    if (!map) return;
    const index = this.index;
    const startLine = map[0];
    const endLine = Math.max(startLine, Math.min(map[1], index.lineCount) - 1);
    const spans = lines ?? rawLines(index, startLine, endLine);
    const first = spans.find((s) => s.end > s.start) ?? spans[0];
    let last = spans[spans.length - 1];
    for (let k = spans.length - 1; k >= 0; k--) {
      if (spans[k].end > spans[k].start) {
        last = spans[k];
        break;
      }
    }
    this.blocks.push({
      index: this.blocks.length,
      type,
      level,
      startLine,
      endLine,
      span: { start: first ? first.start : index.lineStarts[startLine], end: last ? last.end : index.lineEnd(endLine) },
      lines: spans,
      inList: this.stack.some((c) => c.type === 'list_item'),
      inQuote: this.stack.some((c) => c.type === 'blockquote'),
      listMarker,
    });
  }
}

function rawLines(index: LineIndex, startLine: number, endLine: number): Span[] {
  const out: Span[] = [];
  for (let l = startLine; l <= endLine && l < index.lineCount; l++) out.push({ start: index.lineStarts[l], end: index.lineEnd(l) });
  return out;
}

/** A line's content after blockquote markers and leading indentation. */
function contentOf(index: LineIndex, line: number, stack: Container[]): Span {
  const text = index.text;
  let start = index.lineStarts[line];
  const end = index.lineEnd(line);
  if (stack.some((c) => c.type === 'blockquote')) {
    while (start < end) {
      const c = text.charCodeAt(start);
      if (c === 0x20 || c === 0x09 || c === 0x3e /* > */) start++;
      else break;
    }
  }
  while (start < end && (text.charCodeAt(start) === 0x20 || text.charCodeAt(start) === 0x09 || text.charCodeAt(start) === 0xfeff)) start++;
  return { start, end };
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  return start === span.start && end === span.end ? span : { start, end };
}

/** What `\s` matches (ECMAScript's white space and line terminators), tested on the code: no one-character string made for it. */
function isWhiteSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
