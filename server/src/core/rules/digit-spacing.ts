import type { Msg } from '../l10n';
import type { Passage } from '../structure/prose';
import type { Rule, RuleContext } from './rule';
import type { TextEdit } from '../types';
import { overlaps, sourceEdit } from './helpers/text';
import { isAsciiLetter, isDigit, isHan, isSpace } from '../text/chars';

const MESSAGES = {
  space: { zh: '数字与汉字之间不空格：“{found}”应为“{fixed}”', en: 'No space between a number and Chinese text: "{found}" should be "{fixed}"' },
  fix: { zh: '删除数字两侧的空格', en: 'Remove the spaces around the number' },
} satisfies Record<string, Msg>;

/** A number as reports write it: 53, 1.1, 20793, 1,000, 35%. */
const NUMBER = /[0-9]+(?:[.,][0-9]+)*[%‰]?/y;
const SPACES = /[ \t\u00a0\u3000]+/g;

/**
 * Chinese typesetting puts no space between a number and the Chinese text or `%` around it
 * (`53家`, `1.1万亩`, `增长35%`); PDF conversions leave such spaces (`53 家` beside `24个`).
 * Numbers glued to Latin letters (PM2.5, 5G, G20) are names, and spaces between digits
 * (a thousands space) or before a Latin unit (`150 kg`) are left alone.
 */
export const digitSpacing: Rule = {
  id: 'digit-spacing',
  scope: 'passage',
  defaultSeverity: 'hint',
  category: 'typography',
  fixable: true,
  title: { zh: '数字与汉字间的空格', en: 'Spaces around numbers' },
  description: {
    zh: '数字与前后汉字、数字与“%”之间的空格（PDF 转换残留，如“新增 53 家”）；快速修复删除空格，数字本身不变。',
    en: 'Spaces between a number and the Chinese text or % around it (a PDF conversion leftover, e.g. "新增 53 家"); the fix removes the spaces and leaves the number as it is.',
  },
  check(ctx) {
    for (const passage of ctx.passages) checkPassage(ctx, passage);
  },
};

function checkPassage(ctx: RuleContext, passage: Passage): void {
  const text = passage.text.text;
  // Spaces are rare in Chinese text, numbers are not: look at each run of spaces, not each number.
  SPACES.lastIndex = 0;
  let done = 0; // spaces before this offset belong to a number already reported
  for (let m = SPACES.exec(text); m; m = SPACES.exec(text)) {
    if (m.index < done) continue;
    const before = text.charCodeAt(m.index - 1);
    const after = text.charCodeAt(m.index + m[0].length);
    let s: number;
    let e: number;
    if (isHan(before) && isDigit(after)) {
      s = m.index + m[0].length;
      NUMBER.lastIndex = s;
      e = s + NUMBER.exec(text)![0].length;
    } else if ((isDigit(before) || before === 0x25 || before === 0x2030) && (isHan(after) || after === 0x25)) {
      e = m.index;
      s = e;
      while (s > 0 && isNumberChar(text.charCodeAt(s - 1))) s--;
      while (s < e && !isDigit(text.charCodeAt(s))) s++;
    } else continue;
    const r = checkNumber(ctx, passage, s, e);
    if (r > done) done = r;
  }
}

/** Reports the spaces around the number at [s, e); returns the offset past what it covered. */
function checkNumber(ctx: RuleContext, passage: Passage, s: number, e: number): number {
  const text = passage.text.text;
  if (s >= e || isAsciiLetter(text.charCodeAt(s - 1)) || isAsciiLetter(text.charCodeAt(e))) return e;
  if (overlaps(passage.protected, s, e)) return e;
  let ls = s;
  while (ls > 0 && isSpace(text.charCodeAt(ls - 1))) ls--;
  let re = e;
  while (re < text.length && isSpace(text.charCodeAt(re))) re++;
  const before = text.charCodeAt(ls - 1);
  const after = text.charCodeAt(re);
  // `1 000 万`: spaces inside a grouped number are not ours to remove.
  if ((ls < s && isDigit(before)) || (re > e && isDigit(after))) return re;
  const hasPercent = isPercent(text.charCodeAt(e - 1));
  const left = ls < s && isHan(before);
  // `35 %` only in Chinese text: `99.6 %` is how English writes it.
  const right = re > e && (isHan(after) || (after === 0x25 && !hasPercent && (isHan(before) || isHan(text.charCodeAt(re + 1)))));
  if (!left && !right) return re;
  const from = left ? ls : s;
  const to = right ? re : e;
  const span = passage.text.toSourceSpan(from, to);
  const edits = spaceEdits(ctx.text, passage, from, to, span, left ? [ls, s] : undefined, right ? [e, re] : undefined);
  if (!edits) return re;
  const number = text.slice(s, e);
  const found = `${left ? text.slice(ls - 1, s) : ''}${number}${right ? text.slice(e, re + 1) : ''}`;
  const fixed = `${left ? text[ls - 1] : ''}${number}${right ? text[re] : ''}`;
  // The finding covers what its message quotes (`业 53 家`). It starts at the character before the
  // stray space, or at the space after the figure, never on the figure itself: an editor draws a
  // hint over its first two characters and shows it in the hover there, and the hover on a figure
  // should open with the figure, not with a spacing hint.
  const shown = passage.text.toSourceSpan(left ? ls - 1 : e, right ? re + 1 : e);
  ctx.report({
    start: shown.start,
    end: shown.end,
    message: ctx.t(MESSAGES.space, { found, fixed }),
    fix: { title: ctx.t(MESSAGES.fix), edits },
  });
  return re;
}

/**
 * Deletions of the logical space runs. When the whole finding is one contiguous run of the
 * source (the usual case) they sit at the same distances from its ends; otherwise each run is
 * mapped on its own, and the finding gets no fix if a run is not plain source text.
 */
function spaceEdits(
  source: string,
  passage: Passage,
  from: number,
  to: number,
  span: { start: number; end: number },
  left?: [number, number],
  right?: [number, number],
): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  if (span.end - span.start === to - from) {
    const text = passage.text.text;
    const same = (a: number, b: number) => {
      for (let k = a; k < b; k++) if (source.charCodeAt(span.start + (k - from)) !== text.charCodeAt(k)) return false;
      return true;
    };
    if ((!left || same(left[0], left[1])) && (!right || same(right[0], right[1]))) {
      if (left) edits.push({ start: span.start, end: span.start + (left[1] - left[0]), newText: '' });
      if (right) edits.push({ start: span.end - (right[1] - right[0]), end: span.end, newText: '' });
      return edits;
    }
  }
  for (const run of [left, right]) {
    if (!run) continue;
    const edit = sourceEdit(source, passage.text, run[0], run[1], '');
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}

function isNumberChar(c: number): boolean {
  return isDigit(c) || c === 0x2e || c === 0x2c || isPercent(c);
}

function isPercent(c: number): boolean {
  return c === 0x25 || c === 0x2030;
}
