import { toChineseNumeral } from '../text/chineseNumerals';
import type { Msg } from '../l10n';
import type { Ordinal, OrdinalStyle } from '../structure/ordinals';
import type { OutlineNode } from '../structure/outline';
import type { Passage } from '../structure/prose';
import type { Rule, RuleContext } from './rule';

const MESSAGES = {
  gap: {
    zh: '序号不连续：“{prev}”之后是“{found}”，应为“{expected}”',
    en: 'Numbering out of sequence: "{found}" follows "{prev}"; expected "{expected}"',
  },
  repeat: {
    zh: '序号重复：“{found}”出现了两次，第二处应为“{expected}”',
    en: 'Numbering repeated: "{found}" appears twice; the second should be "{expected}"',
  },
  start: {
    zh: '序号不连续：本级第一项是“{found}”，应从“{expected}”开始',
    en: 'Numbering out of sequence: this level starts at "{found}"; expected "{expected}"',
  },
} satisfies Record<string, Msg>;

/** How each numbering style spells a value, in its GB/T 9704 form. */
function spell(style: OrdinalStyle, n: number): string {
  switch (style) {
    case 'cn-dun':
      return `${toChineseNumeral(n)}、`;
    case 'cn-paren':
      return `（${toChineseNumeral(n)}）`;
    case 'arabic-dot':
      return `${n}.`;
    case 'arabic-paren':
      return `（${n}）`;
    case 'cn-shi':
      return `${toChineseNumeral(n)}是`;
  }
}

interface Run {
  last: number;
  /** The passage of the last item seen (or the parent's, before the first item). */
  from: number;
}

/**
 * Siblings in the outline numbered in one style must count 1, 2, 3 … (一、二、四、 has a gap,
 * （二）（二） a repeat). A new series may restart at 1 under the same parent. Items numbered
 * inside a paragraph (`…。二是…`) are not outline nodes, so a gap is first looked for in the
 * text between the two items before it is reported.
 */
export const ordinalSequence: Rule = {
  id: 'ordinal-sequence',
  defaultSeverity: 'information',
  category: 'structure',
  title: { zh: '序号不连续', en: 'Numbering out of sequence' },
  description: {
    zh: '同一层级的序号有跳号或重号（如“一、二、四、”“（一）（三）”“二是”之后又是“二是”）。',
    en: 'Gaps or repeats in one level of numbering (一、二、四、, （一）（三）, 二是 followed by 二是).',
  },
  check(ctx) {
    const visit = (children: readonly OutlineNode[], parent: OutlineNode | undefined) => {
      const runs = new Map<OrdinalStyle, Run>();
      for (const node of children) {
        const ord = node.ordinal;
        // Markdown list numbers are the renderer's business (1. 1. 1. renders as 1, 2, 3).
        if (ord && (node.passage.blocks[0].listMarker?.ordinal ?? null) === null) checkItem(ctx, node, ord, runs, parent);
        visit(node.children, node);
      }
    };
    visit(ctx.tree.roots, undefined);
  },
};

function checkItem(ctx: RuleContext, node: OutlineNode, ord: Ordinal, runs: Map<OrdinalStyle, Run>, parent: OutlineNode | undefined): void {
  const here = node.passage.index;
  const run = runs.get(ord.style) ?? { last: 0, from: parent ? parent.passage.index : 0 };
  runs.set(ord.style, run);
  const v = ord.value;
  if (v === 1 || v === run.last + 1) {
    run.last = v;
    run.from = here;
    return;
  }
  if (v > run.last + 1) run.last = inlineContinuation(ctx.passages, ord.style, run.last, run.from, here);
  if (v !== run.last + 1) {
    const span = node.passage.text.toSourceSpan(ord.start, ord.end);
    const args = { found: ord.raw, prev: spell(ord.style, run.last), expected: spell(ord.style, run.last + 1) };
    ctx.report({ start: span.start, end: span.end, message: ctx.t(run.last === 0 ? MESSAGES.start : v === run.last ? MESSAGES.repeat : MESSAGES.gap, args) });
  }
  run.last = v;
  run.from = here;
}

/** The last value reached by items of `style` numbered inside passages [from, to), continuing from `last`. */
function inlineContinuation(passages: readonly Passage[], style: OrdinalStyle, last: number, from: number, to: number): number {
  for (let i = from; i < to && i < passages.length; i++) {
    const text = passages[i].text.text;
    let pos = 0;
    for (;;) {
      const at = text.indexOf(spell(style, last + 1), pos);
      if (at < 0) break;
      last++;
      pos = at + 1;
    }
  }
  return last;
}
