import type { Msg } from '../l10n';
import type { OutlineNode } from '../structure/outline';
import type { Rule, RuleContext } from './rule';
import type { TextEdit } from '../types';
import { head } from './helpers/text';

const MESSAGES = {
  notDeeper: {
    zh: '“{name}”是{depth}级标题（{marks}），不低于所属的“{parent}”（{parentMarks}），应为{target}级（{targetMarks}）',
    en: '"{name}" is a level-{depth} heading ({marks}), not below its parent "{parent}" ({parentMarks}); make it level {target} ({targetMarks})',
  },
  inconsistent: {
    zh: '“{name}”是{depth}级标题（{marks}），同级标题多为{target}级（{targetMarks}）',
    en: '"{name}" is a level-{depth} heading ({marks}); headings of the same level mostly use level {target} ({targetMarks})',
  },
  fix: { zh: '改为{target}级标题（{targetMarks}）', en: 'Make it a level-{target} heading ({targetMarks})' },
} satisfies Record<string, Msg>;

interface Member {
  node: OutlineNode;
  depth: number;
  /** The nearest ancestor that is itself a heading. */
  parent?: OutlineNode;
}

/** Headings that share a logical place in the outline: the same chain of logical ranks above them. */
interface Group {
  parentKey: string;
  members: Member[];
}

/**
 * The outline knows each heading's logical level from its numbering; the Markdown `#` depth
 * of a converted report does not (the sample has ##, ### and #### for its 一、 sections).
 * Headings of one logical level should share a depth, deeper than the heading they sit under.
 */
export const headingLevel: Rule = {
  id: 'heading-level',
  defaultSeverity: 'information',
  category: 'structure',
  fixable: true,
  title: { zh: '标题层级不一致', en: 'Inconsistent heading levels' },
  description: {
    zh: '同一逻辑层级的标题（如“一、”…“七、”）使用了不同的 Markdown 标题级别，或下级标题不低于所属上级；快速修复改为同级标题多数使用的级别，标题文字（含 ** 加粗）保持不变。',
    en: 'Headings of one logical level (e.g. 一、…七、) use different Markdown heading levels, or a heading is not below the one it belongs to; the fix sets the level most siblings use and keeps the heading text (and any ** bold) as it is.',
  },
  check(ctx) {
    const groups = new Map<string, Group>();
    const walk = (node: OutlineNode, key: string, parent: OutlineNode | undefined) => {
      let childKey = key;
      let childParent = parent;
      if (node.passage.kind === 'heading' && node.headingLevel > 0) {
        childKey = `${key}/${node.rank}`;
        let g = groups.get(childKey);
        if (!g) groups.set(childKey, (g = { parentKey: key, members: [] }));
        g.members.push({ node, depth: node.headingLevel, parent });
        childParent = node;
      }
      for (const c of node.children) walk(c, childKey, childParent);
    };
    for (const r of ctx.tree.roots) walk(r, '', undefined);

    // Keys grow with depth, so sorting by length settles every parent before its children.
    const target = new Map<string, number>();
    for (const key of [...groups.keys()].sort((a, b) => a.length - b.length)) {
      const g = groups.get(key)!;
      const floor = target.get(g.parentKey) ?? 0;
      const t = chooseDepth(
        g.members.map((m) => m.depth),
        floor,
      );
      if (t === undefined) continue;
      target.set(key, t);
      for (const m of g.members) if (m.depth !== t) report(ctx, m, t);
    }
  },
};

/**
 * The depth most members use among those deeper than the parent's; ties go to the shallower
 * depth (the nearer one to the parent). Without any usable depth, one below the parent.
 */
function chooseDepth(depths: number[], floor: number): number | undefined {
  const counts = new Map<number, number>();
  for (const d of depths) if (d > floor) counts.set(d, (counts.get(d) ?? 0) + 1);
  let best: number | undefined;
  for (const [d, n] of counts) {
    const bn = best === undefined ? -1 : counts.get(best)!;
    if (n > bn || (n === bn && d < best!)) best = d;
  }
  if (best !== undefined) return best;
  return floor < 6 ? floor + 1 : undefined;
}

function report(ctx: RuleContext, m: Member, t: number): void {
  const block = m.node.passage.blocks[0];
  const marker = atxMarker(ctx.text, block.lines[0]?.start ?? block.span.start, ctx.lineIndex.lineStarts[block.startLine]);
  const start = marker ? marker.start : block.span.start;
  const end = Math.max(start + 1, block.span.end);
  const parentDepth = m.parent?.headingLevel ?? 0;
  const args = {
    name: head(m.node.name, 16),
    depth: m.depth,
    marks: '#'.repeat(m.depth),
    parent: head(m.parent?.name ?? '', 16),
    parentMarks: '#'.repeat(parentDepth),
    target: t,
    targetMarks: '#'.repeat(t),
  };
  const notDeeper = m.parent !== undefined && m.depth <= parentDepth;
  // Setext headings (underlined) have no `#` run to change; they are reported without a fix.
  const edits: TextEdit[] = marker ? [{ start: marker.start, end: marker.end, newText: '#'.repeat(t) }] : [];
  ctx.report({
    start,
    end,
    message: ctx.t(notDeeper ? MESSAGES.notDeeper : MESSAGES.inconsistent, args),
    fix: edits.length ? { title: ctx.t(MESSAGES.fix, args), edits } : undefined,
  });
}

/** The `#` run that opens an ATX heading whose content starts at `contentStart`. */
function atxMarker(text: string, contentStart: number, lineStart: number): { start: number; end: number } | undefined {
  let p = contentStart;
  while (p > lineStart && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  const end = p;
  while (p > lineStart && text[p - 1] === '#') p--;
  const n = end - p;
  return n >= 1 && n <= 6 ? { start: p, end } : undefined;
}
