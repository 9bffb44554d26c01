import { MappedText } from '../text/mappedText';
import type { Block } from './parse';
import { codeSet, digitValue, HAN } from '../text/chars';
import { OPENER, SALUTATION, SPEAKER_LINE, SPEAKER_LINE_MAX } from './words';
import type { Span } from '../types';

/**
 * A passage is what a reader sees as one heading or one paragraph: Markdown emphasis,
 * inline HTML comments and link targets removed, soft line breaks joined, and paragraphs
 * that a PDF page break split in the middle of a sentence joined back together.
 * Every feature that reads sentences (outline names, numbers, typography) reads passages.
 */
export interface Passage {
  index: number;
  kind: 'heading' | 'paragraph';
  /** One block, or several when page breaks split the paragraph. */
  blocks: Block[];
  text: MappedText;
  /** Logical spans that are **bold** in the source. */
  bold: Span[];
  /** Logical spans that typography rules must leave alone (inline code, URLs). */
  protected: Span[];
  /** The joins made, in source offsets: from the end of one block's text to the start of the next. */
  breaks: PageBreak[];
  /** Source span from the first block's start to the last block's end. */
  span: Span;
}

export interface PageBreak {
  before: Block;
  after: Block;
  /** Source span of what lies between the two halves (blank lines). */
  gap: Span;
  /** Logical offset in the passage text where the second half begins. */
  at: number;
}

// Inline constructs recognised in prose, in one pass per line. No alternative scans past the start
// of another try (`[` stops at the next `[`, `<!--` at the next `<!--`): a line of 4,000 unclosed
// `[` would otherwise be read to its end from each of them, 16 million steps.
const INLINE =
  /\*\*|<!--(?:(?!<!--)[\s\S])*?-->|`[^`\n]*`|\[([^[\]\n]*)\]\([^)\s]*\)|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?\/?>|https?:\/\/[^\s，。、；：）)」”<>]+/g;

const SENTENCE_ENDS = codeSet('。！？!?：:；;…');
/** What may follow a sentence's end (`。”`, `。）`). */
const CLOSERS = codeSet('”’」』）)》]】');
/** How far back a sentence's end is looked for. */
const END_WINDOW = 24;

/**
 * Whether `a` ends a sentence: an end mark, then only closing marks, within its last END_WINDOW
 * characters. A half-width `.` ends a sentence too (`天.`), except after a digit, where a page
 * break split a decimal (`27.⏎⏎3%`). Read backwards from the end (a `$`-anchored pattern was
 * tried at every offset of the window).
 */
function endsSentence(a: string): boolean {
  const from = Math.max(0, a.length - END_WINDOW);
  let k = a.length;
  while (k > from && CLOSERS.has(a.charCodeAt(k - 1))) k--;
  if (k === from) return false;
  const c = a.charCodeAt(k - 1);
  if (SENTENCE_ENDS.has(c)) return true;
  // The digit before a `.` counts only inside the window.
  return c === 0x2e /* . */ && (k - 1 === from || !isDigitChar(a.charCodeAt(k - 2)));
}

/** 0–9 half- or full-width. A digit on both sides of a blank line (`就业1200⏎⏎3个重点项目`) is two numbers, or a split one — the text cannot tell, so it is never joined. */
function isDigitChar(c: number): boolean {
  return digitValue(c) >= 0;
}

/** A paragraph that starts like the middle of a Chinese sentence: a Han character, a digit, or punctuation that cannot open one. */
const CONTINUATION_START = new RegExp(`^[${HAN}0-9０-９，、；：。%％个万亿）”]`);

export function buildPassages(text: string, blocks: Block[]): Passage[] {
  const passages: Passage[] = [];
  let current: Passage | undefined;
  for (const block of blocks) {
    if (block.type !== 'heading' && block.type !== 'paragraph') {
      current = undefined;
      continue;
    }
    const read = readBlock(text, block);
    if (current && block.type === 'paragraph' && continuesAcrossBreak(current, block, read)) {
      const before = current.blocks[current.blocks.length - 1];
      const offset = current.text.size;
      current.text.append(read.text);
      for (const b of read.bold) current.bold.push({ start: b.start + offset, end: b.end + offset });
      for (const p of read.protected) current.protected.push({ start: p.start + offset, end: p.end + offset });
      current.breaks.push({ before, after: block, gap: { start: before.span.end, end: block.span.start }, at: offset });
      current.blocks.push(block);
      current.span = { start: current.span.start, end: block.span.end };
      continue;
    }
    current = {
      index: passages.length,
      kind: block.type === 'heading' ? 'heading' : 'paragraph',
      blocks: [block],
      text: read.text,
      bold: read.bold,
      protected: read.protected,
      breaks: [],
      span: { ...block.span },
    };
    passages.push(current);
    if (block.type === 'heading') current = undefined;
  }
  return passages;
}

/**
 * A page break split a sentence when the text before it does not end a sentence and the
 * text after it does not open a new unit (a numbered item, a bold lead-in, a salutation).
 */
function continuesAcrossBreak(prev: Passage, block: Block, next: { text: MappedText; bold: Span[] }): boolean {
  if (prev.kind !== 'paragraph') return false;
  const before = prev.blocks[prev.blocks.length - 1];
  if (before.inList || before.inQuote || block.inList || block.inQuote) return false;
  if (block.index !== before.index + 1) return false;
  // An inline comment at the end of a line (`。<!-- govreport-disable-line … -->`) leaves a space behind.
  // Only the passage's end is read: joining its whole text at each of 4,000 page breaks is quadratic.
  const a = prev.text.tail(256).trimEnd();
  const b = next.text.text;
  if (a.length === 0 || b.length === 0) return false;
  if (endsSentence(a)) return false;
  if (isSpeakerLine(b) || isSpeakerLine(a)) return false;
  if (SALUTATION.test(b) || OPENER.test(b)) return false;
  if (isDigitChar(a.charCodeAt(a.length - 1)) && isDigitChar(b.charCodeAt(0))) return false;
  if (next.bold.length > 0 && next.bold[0].start === 0) return false;
  // The continuation starts like the middle of a Chinese sentence: a CJK character,
  // a digit, or punctuation that cannot open a sentence.
  return CONTINUATION_START.test(b);
}

function isSpeakerLine(s: string): boolean {
  return s.length <= SPEAKER_LINE_MAX && SPEAKER_LINE.test(s);
}

interface ReadBlock {
  text: MappedText;
  bold: Span[];
  protected: Span[];
}

function readBlock(text: string, block: Block): ReadBlock {
  const out = new MappedText();
  const bold: Span[] = [];
  const prot: Span[] = [];
  let boldStart = -1;
  let prevLast = '';
  for (const line of block.lines) {
    if (line.end <= line.start) continue;
    const lineText = text.slice(line.start, line.end);
    // A soft line break reads as nothing between CJK characters, as a space between Latin words.
    if (out.size > 0 && /[A-Za-z0-9]/.test(prevLast) && /^[A-Za-z0-9]/.test(lineText)) out.push(' ', line.start - 1);
    INLINE.lastIndex = 0;
    let pos = 0;
    for (let m = INLINE.exec(lineText); m; m = INLINE.exec(lineText)) {
      if (m.index > pos) out.push(lineText.slice(pos, m.index), line.start + pos);
      const tok = m[0];
      if (tok === '**') {
        // Bold as the preview reads it (markdown-it with markdown-it-cjk-friendly): `**` closes
        // after `。` before a CJK character (`**以更优服务提升营商环境。**认真落实…`), as in every
        // lead-in, but never right after a space, and opens never right before one.
        const { open, close } = delimiterSides(lineText, m.index);
        if (close && boldStart >= 0) {
          if (out.size > boldStart) bold.push({ start: boldStart, end: out.size });
          boldStart = -1;
        } else if (open) boldStart = out.size; // the nearest opener pairs with the next closer
      } else if (tok.startsWith('[')) {
        const inner = m[1] ?? '';
        out.push(inner, line.start + m.index + 1);
      } else if (tok.startsWith('`') || tok.startsWith('http')) {
        const s = out.size;
        out.push(tok, line.start + m.index);
        prot.push({ start: s, end: out.size });
      }
      // HTML comments and tags are dropped.
      pos = m.index + tok.length;
    }
    if (pos < lineText.length) out.push(lineText.slice(pos), line.start + pos);
    prevLast = lineText[lineText.length - 1];
  }
  return { text: out, bold, protected: prot };
}

const PUNCT = /[\p{P}\p{S}]/u;
const BOTH_SIDES = Object.freeze({ open: true, close: true });
/** A Han character of the BMP ranges CJK below names (not the Yijing hexagrams between them). */
function isCjkHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}
/** East Asian wide and full-width characters: what markdown-it-cjk-friendly counts as CJK. */
const CJK =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

/**
 * Whether the `**` at `at` of a line can open and close emphasis: CommonMark's flanking rules with
 * markdown-it-cjk-friendly's amendment (a CJK character on either side makes it flanking). A line
 * edge is a line break, i.e. white space, as in the paragraph markdown-it reads.
 */
function delimiterSides(line: string, at: number): { open: boolean; close: boolean } {
  // The usual case, a Han character on both sides (`推进**着力**扩大`): CJK, no space — both.
  if (at > 0 && at + 2 < line.length && isCjkHan(line.charCodeAt(at - 1)) && isCjkHan(line.charCodeAt(at + 2))) return BOTH_SIDES;
  const prev = at > 0 ? String.fromCodePoint(line.codePointAt(at - 1 - (/[\udc00-\udfff]/.test(line[at - 1]) ? 1 : 0))!) : ' ';
  const next = at + 2 < line.length ? String.fromCodePoint(line.codePointAt(at + 2)!) : ' ';
  const prevSpace = /\s/.test(prev);
  const nextSpace = /\s/.test(next);
  if (prevSpace || nextSpace) return { open: !nextSpace, close: !prevSpace };
  const prevPunct = PUNCT.test(prev);
  const nextPunct = PUNCT.test(next);
  const cjk = CJK.test(prev) || CJK.test(next);
  return { open: prevPunct || cjk || !nextPunct, close: nextPunct || cjk || !prevPunct };
}
