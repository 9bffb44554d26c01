import type { Msg } from '../l10n';
import type { Passage } from '../prose';
import type { Rule, RuleContext } from '../rule';
import { head, overlaps, tail } from './text';

const MESSAGES = {
  unmatched: {
    zh: '本段的{name}「{ch}」没有配对的「{pair}」：{context}',
    en: 'The {name} 「{ch}」 has no matching 「{pair}」 in this paragraph: {context}',
  },
} satisfies Record<string, Msg>;

type Kind = 'quote' | 'paren' | 'book';

interface Mark {
  kind: Kind;
  at: number;
  /** Half-width parentheses pair with full-width ones (punctuation-width converts them) but are not reported. */
  half: boolean;
}

const MARKS = /[“”（）()《》]/g;
const OPEN: Record<string, Kind> = { '“': 'quote', '（': 'paren', '(': 'paren', '《': 'book' };
const CLOSE: Record<string, Kind> = { '”': 'quote', '）': 'paren', ')': 'paren', '》': 'book' };
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
  defaultSeverity: 'warning',
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

function checkPassage(ctx: RuleContext, passage: Passage): void {
  const text = passage.text.text;
  const stack: Mark[] = [];
  // Open marks per kind, so a closer with nothing to match costs nothing (linear on any text).
  const open: Record<Kind, number> = { quote: 0, paren: 0, book: 0 };
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
    const i = m.index;
    const ch = m[0];
    const opens = OPEN[ch];
    const closes = opens ? undefined : CLOSE[ch];
    if (overlaps(passage.protected, i, i + 1)) continue;
    if (opens) {
      stack.push({ kind: opens, at: i, half: ch === '(' });
      open[opens]++;
      continue;
    }
    if (open[closes!] === 0) {
      if (ch !== ')') report(ctx, passage, i, 'close');
      continue;
    }
    // Everything opened after the match was never closed (crossed nesting: “（”）).
    let j = stack.length - 1;
    while (stack[j].kind !== closes) j--;
    for (const m of stack.splice(j)) {
      open[m.kind]--;
      if (m.kind !== closes && !m.half) report(ctx, passage, m.at, 'open');
    }
  }
  for (const m of stack) if (!m.half) report(ctx, passage, m.at, 'open');
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
