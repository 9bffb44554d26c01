import type { Fact } from './facts';
import type { ReportMeta } from './meta';
import type { ReportTree } from './outline';
import type { Passage } from './prose';
import { missStatements, type MissStatement } from './targets';

/**
 * What a rule may know about another report of the same government: enough to compare
 * numbers and targets across years without holding the other text's analysis alive.
 */
export interface PeerReport {
  uri: string;
  meta: ReportMeta;
  tree?: ReportTree;
  facts: readonly Fact[];
  /** Misses its review states in words (`预期增长目标未能实现`), for year N's target check. */
  misses?: readonly MissStatement[];
  /** Converts an offset in the peer's text to an LSP range. */
  rangeOf(start: number, end: number): { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** What another report contributes to this one's checks, cut from its analysis. */
export function toPeer(
  uri: string,
  analysis: { meta: ReportMeta; tree: ReportTree; facts: readonly Fact[]; passages?: readonly Passage[]; lineIndex: { rangeOf(span: { start: number; end: number }): ReturnType<PeerReport['rangeOf']> } },
): PeerReport {
  // Capture the parts, never the analysis: an analysis holds its own peers, so a peer that held
  // its analysis would keep every earlier version of every related report alive.
  const { lineIndex } = analysis;
  const peer: PeerReport = {
    uri,
    meta: analysis.meta,
    tree: analysis.tree,
    facts: analysis.facts,
    rangeOf: (start, end) => lineIndex.rangeOf({ start, end }),
  };
  if (analysis.passages) peer.misses = missStatements(analysis.passages, analysis.tree);
  return peer;
}
