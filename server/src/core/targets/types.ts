// What the targets stage hands out: the status of each target and where its evidence is.
import type { GovReportConfig } from '../config';
import type { Fact } from '../facts/facts';
import type { Msg } from '../l10n';
import type { Judgement } from '../numbers/qualifiers';
import type { PeerReport } from '../peers';
import type { ReportMeta } from '../structure/meta';
import type { OutlineNode, ReportTree } from '../structure/outline';
import type { Range } from '../types';

export type TargetStatus = 'met' | 'missed' | 'unreported' | 'pending';

/** What a target is compared with: year N+1's figure. */
export interface TargetOutcome {
  uri: string;
  fact: Fact;
  /** The figure's range in year N+1's report. */
  range: Range;
  /** The figure's clause as written. */
  text: string;
  /** The figure as written (`372` for 372亿元); `[low, high]` for a range. */
  value: number | [number, number];
}

/** A miss stated in words in year N+1's review (`粮食种植面积未能完成年初目标`). */
export interface TargetWords {
  uri: string;
  range: Range;
  text: string;
}

export interface TargetResult {
  /** The target (for one metric of a listed clause, a copy naming that metric). */
  target: Fact;
  /** The plan year N. */
  year: number;
  status: TargetStatus;
  outcome?: TargetOutcome;
  words?: TargetWords;
  /** judge()'s verdict on the figures, when there are figures to compare. */
  judgement?: Judgement;
  /** Why the status, in both languages (for hover and the CLI). */
  explanation: Msg;
  /** Year N+1's report, when there is one. */
  next?: { uri: string; year: number };
}

/** What target selection needs of year N's report (an analysis, a rule context or a peer). */
export interface TargetSource {
  facts: readonly Fact[];
  tree?: ReportTree;
  meta: ReportMeta;
}

/** What matching needs of year N+1's report: a PeerReport (toPeer(uri, analysis) for an open one). */
export type ReviewSide = Pick<PeerReport, 'uri' | 'meta' | 'tree' | 'facts' | 'rangeOf' | 'misses'>;

export type TargetConfig = Pick<GovReportConfig, 'synonyms' | 'approxRatePoints' | 'approxRelative'>;

export interface ReviewSummary {
  /** Year N, whose targets year N+1's review reports on. */
  year: number;
  /** The review part's heading node in year N+1's report. */
  heading: OutlineNode;
  results: TargetResult[];
  met: number;
  missed: number;
  unreported: number;
  /** met + missed: targets the review gives a figure (or a stated miss) for. */
  reported: number;
}
