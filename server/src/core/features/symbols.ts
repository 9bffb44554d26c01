// The report tree as the editor's outline sees it: symbols (with the node kind; the adapter
// maps it to the protocol's symbol kind) and folding ranges.
import type { LineIndex } from '../text/lineIndex';
import type { NodeKind, OutlineNode, ReportTree } from '../structure/outline';
import type { Range } from '../types';

export interface ReportSymbol {
  name: string;
  detail: string;
  kind: NodeKind;
  range: Range;
  selectionRange: Range;
  children: ReportSymbol[];
}

export function documentSymbols(tree: ReportTree, index: LineIndex): ReportSymbol[] {
  const convert = (n: OutlineNode): ReportSymbol => {
    const range = index.rangeOf(n.span);
    let selectionRange = index.rangeOf(n.selection);
    // LSP requires the selection to lie inside the range.
    if (n.selection.start < n.span.start || n.selection.end > n.span.end) selectionRange = range;
    return { name: n.name || '…', detail: n.detail, kind: n.kind, range, selectionRange, children: n.children.map(convert) };
  };
  return tree.roots.map(convert);
}

export interface ReportFoldingRange {
  startLine: number;
  endLine: number;
}

/** One fold per part, section and lead-in (and the title), wherever it spans more than one line. */
export function foldingRanges(tree: ReportTree, index: LineIndex): ReportFoldingRange[] {
  const out: ReportFoldingRange[] = [];
  for (const n of tree.nodes) {
    const startLine = index.lineOf(n.span.start);
    const endLine = index.lineOf(Math.max(n.span.start, n.span.end - 1));
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  return out;
}
