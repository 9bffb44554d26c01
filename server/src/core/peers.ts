import type { Fact } from './facts/facts';
import type { ReportMeta } from './structure/meta';
import type { ReportTree } from './structure/outline';
import type { Passage } from './structure/prose';
import { missStatements, type MissStatement } from './targets/misses';
import type { OutlineNode } from './structure/outline';

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
  analysis: {
    meta: ReportMeta;
    tree: ReportTree;
    facts: readonly Fact[];
    passages?: readonly Passage[];
    lineIndex: { rangeOf(span: { start: number; end: number }): ReturnType<PeerReport['rangeOf']> };
  },
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

// Pairing reports across years

/** A government the text itself names (not the folder's name, which is only a guess). */
function knownGovernment(meta: ReportMeta): string | undefined {
  return meta.governmentSource === 'folder' ? undefined : meta.government;
}

/** The folder part of a URI (`file:///a/新市区/2024.md` → `file:///a/新市区`). */
function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/**
 * Whether two reports are of one government: both texts name the same one, or one text names
 * none (a draft with only `# 政府工作报告（征求意见稿）` yet) and they share a folder — a drafting
 * office keeps a government's reports together. Two reports that name different governments
 * never pair, wherever they lie.
 */
export function sameGovernment(a: { uri: string; meta: ReportMeta }, b: { uri: string; meta: ReportMeta }): boolean {
  const ga = knownGovernment(a.meta);
  const gb = knownGovernment(b.meta);
  if (ga && gb) return ga === gb;
  if (folderOf(a.uri) === folderOf(b.uri)) return true;
  // Neither text names one: the folders' names are all there is.
  return !ga && !gb && !!a.meta.government && a.meta.government === b.meta.government;
}

/** The report of the same government for the year after `meta`'s (one with a review part first). */
export function nextYearOf<P extends Pick<PeerReport, 'uri' | 'meta' | 'tree'>>(meta: ReportMeta, peers: readonly P[]): P | undefined {
  return pick(meta, peers, 1);
}

/** The report of the same government for the year before `meta`'s. */
export function previousYearOf<P extends Pick<PeerReport, 'uri' | 'meta' | 'tree'>>(meta: ReportMeta, peers: readonly P[]): P | undefined {
  return pick(meta, peers, -1);
}

function pick<P extends Pick<PeerReport, 'uri' | 'meta' | 'tree'>>(meta: ReportMeta, peers: readonly P[], step: number): P | undefined {
  if (meta.year === undefined) return undefined;
  const want = meta.year + step;
  // Peers come already paired by government (sameGovernment); two named governments must agree.
  const mine = knownGovernment(meta);
  const same = peers.filter((p) => p.meta.year === want && (!mine || !knownGovernment(p.meta) || knownGovernment(p.meta) === mine));
  same.sort((a, b) => Number(hasReview(b)) - Number(hasReview(a)) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  return same[0];
}

/** Whether a report has a review part yet (a draft may have only its plan). */
export function hasReview(report: { tree?: ReportTree }): boolean {
  return !!report.tree?.parts.some((p) => p.partKind === 'review');
}

/** The review part reporting on `year` (a five-year review covers it too), else the first review part. */
export function reviewPartFor(tree: ReportTree | undefined, year: number | undefined): OutlineNode | undefined {
  const reviews = tree?.parts.filter((p) => p.partKind === 'review') ?? [];
  return reviews.find((p) => p.year === year) ?? reviews.find((p) => p.fiveYear) ?? reviews[0];
}
