import type { Msg } from '../l10n';
import type { Passage } from '../structure/prose';
import type { Rule, RuleContext } from './rule';
import { head, overlaps, tail } from './helpers/text';

const MESSAGES = {
  unmatched: {
    zh: '本段的{name}「{ch}」没有配对的「{pair}」：{context}',
    en: 'The {name} 「{ch}」 has no matching 「{pair}」 in this paragraph: {context}',
  },
} satisfies Record<string, Msg>;

const PAIR: Record<string, string> = { '“': '”', '”': '“', '（': '）', '）': '（', '《': '》', '》': '《' };
const NAMES: Record<string, Msg> = {
  '“': { zh: '左引号', en: 'opening quotation mark' },
  '”': { zh: '右引号', en: 'closing quotation mark' },
  '（': { zh: '左括号', en: 'opening parenthesis' },
  '）': { zh: '右括号', en: 'closing parenthesis' },
  '《': { zh: '左书名号', en: 'opening title mark' },
  '》': { zh: '右书名号', en: 'closing title mark' },
};

/**
 * GB/T 15834 4.8/4.9/4.15: quotation marks, parentheses and title marks come in pairs. A
 * passage joins the halves of a paragraph split by a page break, so a quote that crosses the
 * break is still one pair.
 */
export const unbalancedPair: Rule = {
  id: 'unbalanced-pair',
  scope: 'passage',
  defaultSeverity: 'information',
  category: 'typography',
  title: { zh: '标点不成对', en: 'Unbalanced quotes or brackets' },
  description: {
    zh: '同一段中“”（）《》不成对：缺少左半或右半，或交叉嵌套。',
    en: 'Unmatched “”, （） or 《》 within a paragraph: a missing half, or crossed nesting.',
  },
  check(ctx) {
    for (const passage of ctx.passages) checkPassage(ctx, passage);
  },
};

/** The marks, found by the regex engine: a loop over code units in JS is about twice as slow. */
const MARKS = /[“”（）()《》]/g;

/** The kind of pair a mark opens (0 “” · 1 （）and () · 2 《》), or -1. */
function opener(c: number): number {
  switch (c) {
    case 0x201c:
      return 0;
    case 0xff08:
    case 0x28:
      return 1;
    case 0x300a:
      return 2;
    default:
      return -1;
  }
}

function closer(c: number): number {
  switch (c) {
    case 0x201d:
      return 0;
    case 0xff09:
    case 0x29:
      return 1;
    case 0x300b:
      return 2;
    default:
      return -1;
  }
}

function checkPassage(ctx: RuleContext, passage: Passage): void {
  const text = passage.text.text;
  // Open marks as numbers (offset·8 + half-width·4 + kind): no allocation per mark, and the
  // sample report has hundreds of quotation marks. Half-width parentheses pair with full-width
  // ones (punctuation-width converts them) but are never reported here.
  const stack: number[] = [];
  // Open marks per kind, so a closer with nothing to match costs nothing (linear on any text).
  const open = [0, 0, 0];
  const guarded = passage.protected.length > 0;
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    const opens = opener(c);
    const closes = opens < 0 ? closer(c) : -1;
    if (guarded && overlaps(passage.protected, i, i + 1)) continue;
    if (opens >= 0) {
      stack.push(i * 8 + (c === 0x28 ? 4 : 0) + opens);
      open[opens]++;
      continue;
    }
    if (open[closes] === 0) {
      if (c !== 0x29) report(ctx, passage, i, 'close');
      continue;
    }
    // Everything opened after the match was never closed (crossed nesting: “（”）).
    let j = stack.length - 1;
    while ((stack[j] & 3) !== closes) j--;
    for (const k of stack.splice(j)) {
      open[k & 3]--;
      if ((k & 3) !== closes && !(k & 4)) report(ctx, passage, Math.floor(k / 8), 'open');
    }
  }
  for (const m of stack) if (!(m & 4)) report(ctx, passage, Math.floor(m / 8), 'open');
}

function report(ctx: RuleContext, passage: Passage, at: number, side: 'open' | 'close'): void {
  const text = passage.text.text;
  const ch = text[at];
  // Quote the text the mark should enclose: what follows an opener, what precedes a closer.
  const context = side === 'open' ? head(text.slice(at, at + 13), 12) : tail(text.slice(Math.max(0, at - 12), at + 1), 12);
  const span = passage.text.toSourceSpan(at, at + 1);
  ctx.report({
    start: span.start,
    end: span.end,
    message: ctx.t(MESSAGES.unmatched, { name: ctx.t(NAMES[ch]), ch, pair: PAIR[ch], context }),
  });
}
