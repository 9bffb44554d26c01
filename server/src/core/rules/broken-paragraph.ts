import type { Msg } from '../l10n';
import type { Rule } from './rule';
import { head, isLowSurrogate, tail } from './helpers/text';
import { isSpace } from '../text/chars';

const MESSAGES = {
  split: {
    zh: '句子被空行断开（PDF 分页残留）：“{before}”与“{after}”应接排为一段',
    en: 'A sentence is split by blank lines (a PDF page break): join "{before}" and "{after}" into one paragraph',
  },
  fix: { zh: '删除空行，接排为“{before}{after}”', en: 'Remove the blank lines to read "{before}{after}"' },
} satisfies Record<string, Msg>;

/**
 * prose.ts already decides which blank lines split a sentence (the passage joins them for
 * every other rule); this rule only makes each join visible and offers to make it real.
 */
export const brokenParagraph: Rule = {
  id: 'broken-paragraph',
  scope: 'passage',
  defaultSeverity: 'information',
  category: 'structure',
  fixable: true,
  title: { zh: '段落被分页断开', en: 'Paragraph split by a page break' },
  description: {
    zh: '前一段未以句末标点或标题结束、后一段接着同一句话时（PDF 转换的分页残留，如“签⏎⏎订战略合作协议”），提示并可删除空行接排。',
    en: 'A paragraph that stops mid-sentence and continues after blank lines (a PDF page break, e.g. "签⏎⏎订战略合作协议"); the fix removes the blank lines.',
  },
  check(ctx) {
    for (const passage of ctx.passages) {
      const logical = passage.text.text;
      for (const brk of passage.breaks) {
        // The finding runs from the last visible character before the break to the first after it.
        let last = brk.at - 1;
        while (last > 0 && isSpace(logical.charCodeAt(last))) last--;
        // Whole characters, never half a surrogate pair.
        if (last > 0 && isLowSurrogate(logical.charCodeAt(last))) last--;
        const first = Math.min(brk.at, logical.length - 1);
        if (last < 0 || first < 0) continue;
        const firstEnd = isLowSurrogate(logical.charCodeAt(first + 1)) ? first + 2 : first + 1;
        const start = passage.text.toSource(last);
        const end = Math.max(start + 1, passage.text.toSourceEnd(firstEnd));
        const before = tail(logical.slice(Math.max(0, last - 8), last + 1), 8);
        const after = head(logical.slice(brk.at, brk.at + 9), 8);
        // A gap that holds anything but whitespace (a link definition markdown-it consumed)
        // must not be deleted with the blank lines.
        const fix = /^\s*$/.test(ctx.text.slice(brk.gap.start, brk.gap.end))
          ? {
              title: ctx.t(MESSAGES.fix, { before: logical.slice(Math.max(0, last - 2), last + 1), after: logical.slice(brk.at, brk.at + 3) }),
              edits: [{ start: brk.gap.start, end: brk.gap.end, newText: '' }],
            }
          : undefined;
        ctx.report({ start, end, message: ctx.t(MESSAGES.split, { before, after }), fix });
      }
    }
  },
};
