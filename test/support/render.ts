import type { Analysis } from '../../server/src/core/analyze';
import type { OutlineNode } from '../../server/src/core/structure/outline';

/** One line per node: indentation = nesting, then kind, name, detail and 1-based line extent. */
export function renderOutline(a: Analysis): string {
  const out: string[] = [];
  const walk = (n: OutlineNode, depth: number) => {
    const from = a.lineIndex.lineOf(n.span.start) + 1;
    const to = a.lineIndex.lineOf(Math.max(n.span.start, n.span.end - 1)) + 1;
    const extra = [n.partKind, n.year, n.fiveYear ? 'five-year' : undefined, n.detail].filter((x) => x !== undefined && x !== '').join(' ');
    out.push(`${'  '.repeat(depth)}${n.kind} ${n.name}${extra ? ` [${extra}]` : ''} ${from}-${to}`);
    n.children.forEach((c) => walk(c, depth + 1));
  };
  a.tree.roots.forEach((r) => walk(r, 0));
  return out.join('\n');
}
