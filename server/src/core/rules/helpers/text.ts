// Character classes and source edits shared by the typography and structure clean-up rules.
// Rules read a passage's logical text (markup removed, page breaks joined) and must edit the
// source, so every edit is checked to cover exactly the characters it replaces.
import { isHan } from '../../text/chars';
import type { MappedText } from '../../text/mappedText';
import type { Span, TextEdit } from '../../types';

/** Full-width and CJK punctuation, and the curly quotes, dash and ellipsis Chinese text uses. */
function isChinesePunct(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    (c >= 0x2018 && c <= 0x201d) ||
    c === 0x2014 ||
    c === 0x2026 ||
    c === 0x00b7
  );
}

export function isChinese(c: number): boolean {
  return isHan(c) || isChinesePunct(c);
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Whether [start, end) overlaps one of the (sorted, disjoint) spans. */
export function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (s.end <= start) lo = mid + 1;
    else if (s.start >= end) hi = mid - 1;
    else return true;
  }
  return false;
}

/**
 * The source edit replacing logical [start, end) by `newText`, or undefined when those
 * characters are not one contiguous, identical run in the source (markup was dropped in
 * between, or a soft line break reads as a space) — then a fix could touch text the user
 * never saw in the finding.
 */
export function sourceEdit(source: string, mapped: MappedText, start: number, end: number, newText: string): TextEdit | undefined {
  if (start < 0 || end > mapped.size || end <= start) return undefined;
  const span = mapped.toSourceSpan(start, end);
  if (span.end - span.start !== end - start) return undefined;
  if (source.slice(span.start, span.end) !== mapped.text.slice(start, end)) return undefined;
  return { start: span.start, end: span.end, newText };
}

/** At most `n` characters of `s` from the end (…-prefixed when cut), for quoting in messages. */
export function tail(s: string, n: number): string {
  return s.length > n ? '…' + s.slice(s.length - n) : s;
}

/** At most `n` characters of `s` from the start (…-suffixed when cut). */
export function head(s: string, n: number): string {
  return s.length > n ? s.slice(0, n) + '…' : s;
}
