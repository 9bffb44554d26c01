import type { Msg } from '../l10n';
import type { Passage } from '../structure/prose';
import type { Rule, RuleContext } from './rule';
import type { TextEdit } from '../types';
import { malformedOrdinal } from '../structure/ordinals';
import { isChinese, overlaps, sourceEdit } from './helpers/text';
import { isAsciiLetter, isDigit, isHan, isSpace } from '../text/chars';

const MESSAGES = {
  width: { zh: '半角{name}“{from}”应为全角“{to}”', en: 'Half-width {name} "{from}" should be full-width "{to}"' },
  period: { zh: '句末半角点“.”应为句号“。”', en: 'Sentence-final half-width "." should be "。"' },
  fix: { zh: '改为“{to}”', en: 'Replace with "{to}"' },
} satisfies Record<string, Msg>;

const NAMES: Record<string, Msg> = {
  ',': { zh: '逗号', en: 'comma' },
  ';': { zh: '分号', en: 'semicolon' },
  ':': { zh: '冒号', en: 'colon' },
  '?': { zh: '问号', en: 'question mark' },
  '!': { zh: '叹号', en: 'exclamation mark' },
  '()': { zh: '括号', en: 'parentheses' },
};
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };

const MARKS = /[,;:?!.()（）]/g;
const CANDIDATE = /[,;:?!()]|(?<![0-9])\./;

/** How far to look past digits and spaces for the text a mark belongs to (`增长5%,比` → 长/比). */
const REACH = 16;

/**
 * GB/T 15834-2011 5.1.1: in Chinese text, 逗号 分号 冒号 问号 叹号 括号 are the full-width
 * forms. A half-width mark is flagged only when Chinese text is next to it, so numbers
 * (5.2%, 1,000, 10:30), `1.` numbering, Latin phrases, URLs and inline code stay as they are.
 */
export const punctuationWidth: Rule = {
  id: 'punctuation-width',
  scope: 'passage',
  defaultSeverity: 'information',
  category: 'typography',
  fixable: true,
  title: { zh: '中文标点应为全角', en: 'Full-width punctuation in Chinese text' },
  description: {
    zh: '中文语句中的半角 , ; : ? ! ( ) 和句末 . 应为全角标点（GB/T 15834），数字、网址、代码和拉丁文内部的不在此列；快速修复改为全角。',
    en: 'Half-width , ; : ? ! ( ) and a sentence-final . next to Chinese text should be full-width (GB/T 15834); numbers, URLs, code and Latin text are left alone. The fix makes them full-width.',
  },
  check(ctx) {
    for (const passage of ctx.passages) checkPassage(ctx, passage);
  },
};

function checkPassage(ctx: RuleContext, passage: Passage): void {
  const text = passage.text.text;
  // Most passages have no half-width mark at all, only decimal points between digits.
  if (!CANDIDATE.test(text)) return;
  // Malformed leading numbering such as `(一)` or `一.` is numbering-format's finding.
  const lead = malformedOrdinal(passage)?.end ?? 0;
  const openers: number[] = [];
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
    const i = m.index;
    const ch = m[0];
    if (i < lead || overlaps(passage.protected, i, i + 1) || escaped(ctx.text, passage, i)) continue;
    switch (ch) {
      case '(':
      case '（':
        openers.push(i);
        break;
      case ')':
      case '）':
        if (openers.length) pair(ctx, passage, openers.pop()!, i);
        break;
      case '.':
        if (sentenceFinalDot(text, i)) single(ctx, passage, i, ch);
        break;
      default:
        if (markInChinese(text, i)) single(ctx, passage, i, ch);
    }
  }
}

/** A mark escaped with `\`, or the `!` of an image `![…](…)`, is Markdown, not punctuation. */
function escaped(source: string, passage: Passage, i: number): boolean {
  const s = passage.text.toSource(i);
  return source[s - 1] === '\\' || (source[s] === '!' && source[s + 1] === '[');
}

function markInChinese(text: string, i: number): boolean {
  const prev = text.charCodeAt(i - 1);
  const next = text.charCodeAt(i + 1);
  // Between digits it is a number's own mark: 1,000  10:30.
  if (isDigit(prev) && isDigit(next)) return false;
  const left = neighbour(text, i, -1, true);
  const right = neighbour(text, i, 1, true);
  // Next to Han text; or between Chinese marks (`“六稳”,“六保”`) — but not closing a Latin
  // phrase inside Chinese quotes (`“Hello, world!”`).
  return isHan(left) || isHan(right) || (isChinese(left) && !isAsciiLetter(right)) || (isChinese(right) && !isAsciiLetter(left));
}

/** `.` right after a Han character and before a break, a space or more Chinese. */
function sentenceFinalDot(text: string, i: number): boolean {
  const prev = text.charCodeAt(i - 1);
  if (!(isHan(prev) || '”’）》」』】'.includes(text[i - 1] ?? 'x'))) return false;
  if (i + 1 >= text.length) return true;
  const next = text.charCodeAt(i + 1);
  return next !== 0x2e /* … */ && (isSpace(next) || isChinese(next));
}

/** The nearest character in `dir`, past spaces and (optionally) the digits of a number. */
function neighbour(text: string, i: number, dir: 1 | -1, pastNumbers: boolean): number {
  for (let k = 1, j = i + dir; k <= REACH && j >= 0 && j < text.length; k++, j += dir) {
    const c = text.charCodeAt(j);
    if (isSpace(c)) continue;
    if (pastNumbers && (isDigit(c) || c === 0x2e || c === 0x25) /* % */) continue;
    return c;
  }
  return NaN;
}

function single(ctx: RuleContext, passage: Passage, i: number, ch: string): void {
  const text = passage.text.text;
  const to = FULL[ch];
  // Full-width marks carry their own spacing: spaces around the half-width one go with it.
  let a = i;
  let b = i + 1;
  if (ch !== '.') {
    while (a > 0 && isSpace(text.charCodeAt(a - 1))) a--;
    while (b < text.length && isSpace(text.charCodeAt(b))) b++;
  }
  const edit = sourceEdit(ctx.text, passage.text, a, b, to) ?? sourceEdit(ctx.text, passage.text, i, i + 1, to);
  if (!edit) return;
  const { message, title } = wording(ctx, ch);
  ctx.report({ start: edit.start, end: edit.end, message, fix: { title, edits: [edit] } });
}

// A converted report has dozens of the same half-width mark: word each message once per locale.
const WORDING = new Map<string, { message: string; title: string }>();

function wording(ctx: RuleContext, ch: string): { message: string; title: string } {
  const key = ctx.locale + ch;
  let w = WORDING.get(key);
  if (!w) {
    const to = FULL[ch];
    const message = ch === '.' ? ctx.t(MESSAGES.period) : ctx.t(MESSAGES.width, { name: ctx.t(NAMES[ch]), from: ch, to });
    WORDING.set(key, (w = { message, title: ctx.t(MESSAGES.fix, { to }) }));
  }
  return w;
}

/** A matched pair of parentheses, at least one half-width: convert the half-width ones together. */
function pair(ctx: RuleContext, passage: Passage, open: number, close: number): void {
  const text = passage.text.text;
  const halfOpen = text[open] === '(';
  const halfClose = text[close] === ')';
  if (!halfOpen && !halfClose) return;
  // A mixed pair is Chinese by its full-width half. A half-width pair is Chinese when the text
  // around it is; only at the passage's edge or next to numbers does its content decide.
  const outside = [neighbour(text, open, -1, true), neighbour(text, close, 1, true)];
  const chinese =
    !halfOpen ||
    !halfClose ||
    outside.some(isChinese) ||
    (!outside.some(isAsciiLetter) && (isChinese(text.charCodeAt(open + 1)) || isChinese(text.charCodeAt(close - 1))));
  if (!chinese) return;
  const edits: TextEdit[] = [];
  for (const [at, half] of [
    [open, halfOpen],
    [close, halfClose],
  ] as const) {
    if (!half) continue;
    const e = sourceEdit(ctx.text, passage.text, at, at + 1, FULL[text[at]]);
    if (!e) return;
    edits.push(e);
  }
  const from = `${halfOpen ? '(' : ''}${halfClose ? ')' : ''}`;
  const to = `${halfOpen ? '（' : ''}${halfClose ? '）' : ''}`;
  const span = halfOpen && halfClose ? passage.text.toSourceSpan(open, close + 1) : edits[0];
  ctx.report({
    start: span.start,
    end: span.end,
    message: ctx.t(MESSAGES.width, { name: ctx.t(NAMES['()']), from, to }),
    fix: { title: ctx.t(MESSAGES.fix, { to }), edits },
  });
}
