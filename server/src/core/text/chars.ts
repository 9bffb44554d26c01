// Character classes every stage agrees on, defined once: Han ideographs, digits (half- and
// full-width), spaces, Chinese numerals, sentence and clause ends, and the one-lookup table the
// number reader and the fact reader scan with on every keystroke.

/** Han ideographs: CJK Extension A, the Unified block, and the compatibility ideographs (for regexes). */
export const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
/** One Han character. */
export const HAN_RE = new RegExp(`[${HAN}]`);

/**
 * The characters of `chars` by code, for a lookup per character read: `set.has(s.charCodeAt(i))`.
 * A one-character string of a Han character (`s[i]`) is a new string each time it is read, to make
 * and to hash (~25 ns a lookup, against ~5 ns by code).
 */
export function codeSet(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((c) => c.charCodeAt(0)));
}

/** Distinct words, longest first: a shorter word never hides the longer one it begins or ends (`万千瓦` before `万千瓦时`). */
export function longestFirst(words: readonly string[]): string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/**
 * Items grouped by the code of their word's first (or last) character, in the order given: one
 * lookup by the character next to a figure, then only the few words that can match (the units
 * under 万, the qualifiers ending in 过). A word of no character has no edge and is left out.
 */
export function byEdgeCode<T>(items: Iterable<T>, wordOf: (item: T) => string, edge: 'first' | 'last'): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const item of items) {
    const w = wordOf(item);
    if (w === '') continue;
    const k = w.charCodeAt(edge === 'first' ? 0 : w.length - 1);
    const l = m.get(k);
    if (l) l.push(item);
    else m.set(k, [item]);
  }
  return m;
}

/** Whether a character code is a Han ideograph: what makes a neighbour "Chinese text". */
export function isHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** 0–9 for a half-width (`3`) or full-width (`３`) digit, else −1. */
export function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

/** A half-width digit 0–9. */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Space, tab, no-break space and the ideographic space U+3000 (PDF conversions leave all four). */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
}

/** The characters Chinese numerals are written with (`三千零五十`, `二〇二三`, `两所`). */
export const CN_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千万亿';

/**
 * What ends a sentence for figures and targets: `。！？!?；;`. A `；` closes a commitment
 * (`地区生产总值增长5%左右；城镇新增就业…`), so it ends a sentence here.
 */
export const SENTENCE_END_CHARS = '。！？!?；;';
/** What ends a clause: a sentence end, or `，,：:` (`新增企业53家，总数达到216家`). */
export const CLAUSE_END_CHARS = SENTENCE_END_CHARS + '，,：:';
/**
 * What ends the first sentence of a heading or numbered paragraph, its title: a `；` does not
 * (`（一）稳住经济大盘；持续扩大有效投资。` names one section).
 */
export const TITLE_END_CHARS = '。！？!?';
/** Quotation marks and 书名号 that open a name (`“十四五”`, `《中国制造2025》`). */
export const OPEN_QUOTES = '“‘《「『〈';

/** Character classes, one table lookup per character (the readers run on every keystroke). */
/** Whether the character at `i` ends a clause (or a sentence): a table lookup, not a string search per character. */
export function endsClause(text: string, i: number): boolean {
  return (CHAR_CLASS[text.charCodeAt(i)] & CH_CLAUSE_END) !== 0;
}
/** Whether the character at `i` ends a sentence (。！？；). */
export function endsSentence(text: string, i: number): boolean {
  return (CHAR_CLASS[text.charCodeAt(i)] & CH_SENTENCE_END) !== 0;
}

export const CH_DIGIT = 1;
export const CH_CN_NUMERAL = 2;
export const CH_OPEN_QUOTE = 4;
export const CH_SENTENCE_END = 8;
export const CH_CLAUSE_END = 16;
export const CHAR_CLASS = (() => {
  const t = new Uint8Array(65536);
  for (let c = 0x30; c <= 0x39; c++) t[c] |= CH_DIGIT;
  for (let c = 0xff10; c <= 0xff19; c++) t[c] |= CH_DIGIT;
  for (const ch of CN_NUMERAL_CHARS) t[ch.charCodeAt(0)] |= CH_CN_NUMERAL;
  for (const ch of OPEN_QUOTES) t[ch.charCodeAt(0)] |= CH_OPEN_QUOTE;
  for (const ch of SENTENCE_END_CHARS) t[ch.charCodeAt(0)] |= CH_SENTENCE_END | CH_CLAUSE_END;
  for (const ch of CLAUSE_END_CHARS) t[ch.charCodeAt(0)] |= CH_CLAUSE_END;
  return t;
})();
