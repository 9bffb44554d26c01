import type { GovReportConfig } from '../config';
import type { Fact } from '../facts/facts';
import type { LineIndex } from '../text/lineIndex';
import type { Msg, MsgArgs } from '../l10n';
import type { ReportMeta } from '../structure/meta';
import type { ReportTree } from '../structure/outline';
import type { Block } from '../structure/parse';
import type { Passage } from '../structure/prose';
import type { Locale, RawFinding, Severity } from '../types';
import type { PeerReport } from '../peers';

export type RuleCategory = 'numbers' | 'targets' | 'structure' | 'typography';

/** One report as the pipeline read it: what every rule and every feature reads. */
export interface ReportModel {
  readonly text: string;
  readonly lineIndex: LineIndex;
  readonly blocks: readonly Block[];
  readonly passages: readonly Passage[];
  readonly tree: ReportTree;
  readonly meta: ReportMeta;
  /** Every quantity in the report (computed once, on first use). */
  readonly facts: readonly Fact[];
  /** The configuration the analysis was made with. */
  readonly config: GovReportConfig;
  /** Other reports of the same government in the workspace (last year's, next year's). */
  readonly peers: readonly PeerReport[];
}

export interface RuleContext extends ReportModel {
  readonly locale: Locale;
  /** Formats one of the rule's messages in the client's language. */
  t(msg: Msg, args?: MsgArgs): string;
  report(finding: Omit<RawFinding, 'ruleId'>): void;
}

/** One rule, one file: a stable id (the diagnostic code, the settings key, the suppression name). */
export interface Rule {
  id: string;
  defaultSeverity: Severity;
  category: RuleCategory;
  /** Skipped beyond `maxFileSize` (the user is told once). */
  expensive?: boolean;
  /** Whether findings carry a fix. */
  fixable?: boolean;
  /**
   * `passage`: a passage's findings depend only on its own source text and the config (the
   * typography rules), so analyze() runs the rule one passage at a time and reuses the findings
   * of passages an edit left unchanged.
   */
  scope?: 'passage';
  title: Msg;
  description: Msg;
  check(ctx: RuleContext): void;
}
