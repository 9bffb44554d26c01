import type { Fact } from './facts';
import type { ReportMeta } from './meta';
import type { ReportTree } from './outline';

/**
 * What a rule may know about another report of the same government: enough to compare
 * numbers and targets across years without holding the other text's analysis alive.
 */
export interface PeerReport {
  uri: string;
  meta: ReportMeta;
  tree?: ReportTree;
  facts: readonly Fact[];
  /** Converts an offset in the peer's text to an LSP range. */
  rangeOf(start: number, end: number): { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** What another report contributes to this one's checks, cut from its analysis. */
export function toPeer(uri: string, analysis: { meta: ReportMeta; tree: ReportTree; facts: readonly Fact[]; lineIndex: { rangeOf(span: { start: number; end: number }): ReturnType<PeerReport['rangeOf']> } }): PeerReport {
  return {
    uri,
    meta: analysis.meta,
    tree: analysis.tree,
    facts: analysis.facts,
    rangeOf: (start, end) => analysis.lineIndex.rangeOf({ start, end }),
  };
}
