import type { LineIndex } from './lineIndex';
import type { NodeKind, OutlineNode, ReportTree } from './outline';
import type { Range } from './types';

/** LSP SymbolKind values (kept here so the core needs no LSP import). */
export const SymbolKind = {
  File: 1,
  Module: 2,
  Namespace: 3,
  Class: 5,
  Field: 8,
  Struct: 23,
  Constant: 14,
} as const;

/**
 * Kinds chosen so VS Code's outline and `@:` grouping read naturally: the report is a file,
 * its parts modules, numbered sections classes, subsections structs, bold lead-ins fields,
 * and the 主要预期目标 passage a constant (the numbers the year is measured against).
 */
const KIND_OF: Record<NodeKind, number> = {
  title: SymbolKind.File,
  part: SymbolKind.Module,
  section: SymbolKind.Class,
  subsection: SymbolKind.Struct,
  leadin: SymbolKind.Field,
  targets: SymbolKind.Constant,
};

export function SymbolKindOf(kind: NodeKind): number {
  return KIND_OF[kind];
}

export interface ReportSymbol {
  name: string;
  detail: string;
  kind: number;
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
    return { name: n.name || '…', detail: n.detail, kind: KIND_OF[n.kind], range, selectionRange, children: n.children.map(convert) };
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
