// Last year's targets seen from the draft the drafter is writing: year N's targets matched
// against this report (year N+1) as the review side, and where in this report's review part each
// result belongs — the outcome itself when it is here, else the review section that corresponds to
// the target's plan section (`三、着力构建现代产业体系` ↔ `二、…现代化产业体系建设取得新进展`), else the
// review part's heading.
import type { GovReportConfig } from '../config';
import type { Fact } from '../facts/facts';
import { previousYearOf, reviewPartFor, type PeerReport } from '../peers';
import type { ReportMeta } from '../structure/meta';
import type { OutlineNode, ReportTree } from '../structure/outline';
import type { Passage } from '../structure/prose';
import type { Span } from '../types';
import { matchTargets } from './match';
import { missStatements } from './misses';
import { sectionOf } from './present';
import type { TargetResult } from './types';
import { SECTION_STOCK_WORDS } from './words';

/** What the draft side needs of this report (a rule context). */
export interface DraftSide {
  meta: ReportMeta;
  tree: ReportTree;
  facts: readonly Fact[];
  passages: readonly Passage[];
  peers: readonly PeerReport[];
  config: GovReportConfig;
  lineIndex: { rangeOf(span: Span): ReturnType<PeerReport['rangeOf']> };
}

export interface LastYear {
  /** Last year's report (year N). */
  previous: PeerReport;
  /** This report's review part for year N. */
  review: OutlineNode;
  results: TargetResult[];
}

const CACHE = new WeakMap<readonly Fact[], { previous: PeerReport; config: GovReportConfig; last: LastYear | undefined }>();

/**
 * Year N's targets against this report's review of year N, when this report is year N+1 and has a
 * review part; remembered per analysis (the three target rules ask for the same answer).
 */
export function lastYearTargets(self: DraftSide): LastYear | undefined {
  const previous = previousYearOf(self.meta, self.peers);
  if (!previous || previous.meta.year === undefined) return undefined;
  const hit = CACHE.get(self.facts);
  if (hit && hit.previous === previous && hit.config === self.config) return hit.last;
  const review = reviewPartFor(self.tree, previous.meta.year);
  let last: LastYear | undefined;
  if (review) {
    const side = {
      uri: '',
      meta: self.meta,
      tree: self.tree,
      facts: self.facts,
      misses: missStatements(self.passages, self.tree),
      rangeOf: (start: number, end: number) => self.lineIndex.rangeOf({ start, end }),
    };
    last = { previous, review, results: matchTargets(previous, side, self.config) };
  }
  CACHE.set(self.facts, { previous, config: self.config, last });
  return last;
}

/** A main target: stated in the 主要预期目标 passage (the outline's `targets` node). */
export function isMainTarget(t: Fact): boolean {
  return t.node?.kind === 'targets';
}

/** The review section of this report that answers the plan section a target of last year stands in. */
export function reviewSectionFor(last: { previous: Pick<PeerReport, 'tree'>; review: OutlineNode }, t: Fact): OutlineNode {
  const plan = sectionOf(last.previous.tree, t).section;
  if (!plan || plan.kind === 'targets') return last.review;
  const want = bigrams(plan.name);
  let best: OutlineNode | undefined;
  let score = 0;
  for (const s of last.review.children) {
    if (s.kind !== 'section' && s.kind !== 'leadin') continue;
    const d = dice(want, bigrams(s.name));
    if (d > score) [best, score] = [s, d];
  }
  return best && score >= SECTION_LIKENESS ? best : last.review;
}

/** How alike two section names must be (Dice over character pairs) to say they correspond. */
const SECTION_LIKENESS = 0.2;

/** A section name's character pairs, its ordinal and the report's stock words left out (`三、着力`, `坚定不移`). */
function bigrams(name: string): Set<string> {
  const s = name.replace(/^[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*/, '').replace(SECTION_STOCK_WORDS, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}
