// The messages between the VS Code client and the language server besides LSP, defined once and
// imported by both sides (as vscode-eslint's `$shared/customMessages.ts` does), so a method name or
// a command id cannot drift between them. The CLI never imports this.
import { RequestType } from 'vscode-languageserver-protocol';

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface UriParams {
  uri: string;
}

/** `met`: a figure meets the target; `missed`; `unreported`: no figure for it; `pending`: no next year's review yet. */
export type TargetStatus = 'met' | 'missed' | 'unreported' | 'pending';

/** What the status bar shows for a report. */
export interface ReportInfo {
  year?: number;
  government?: string;
  /** Where each was read: `subtitle`, `part`, `title`, `file` / `speaker`, `subtitle`, `opening`, `title`, `folder`. */
  yearSource?: string;
  governmentSource?: string;
  /** The `.govreport.json` that applies to the report, if any. */
  configFile?: string;
  /** A `.govreport.json` above the workspace that was not used (govreport.configAboveWorkspace). */
  ignoredConfigFile?: string;
  /** Targets this report sets for its year. */
  targets: number;
  /** The targets the status bar counts (this report's, or in next year's draft last year's). */
  targetStatus?: TargetCounts;
}

/** How many targets of year `year` are met, missed, unreported or still awaiting next year's report. */
export interface TargetCounts {
  year?: number;
  total: number;
  met: number;
  missed: number;
  unreported: number;
  pending: number;
}

/** One target as the targets view shows it. */
export interface TargetItem {
  label: string;
  status: TargetStatus;
  statusName: string;
  /** `✓ 2024年报告：2.7万人（目标2.5万人）` */
  detail: string;
  /** The outcome alone, for the view's description: `✓ 2.7万人`, `? 未报告`. */
  outcomeText?: string;
  /** `三、着力… · 以招商稳商释放发展潜力` */
  section: string;
  /** The section alone (the view groups by it) and the lead-in. */
  sectionName?: string;
  leadin?: string;
  clause: string;
  value: number;
  high?: number;
  unit: string;
  qualifier?: string;
  range: LspRange;
  outcome?: { uri: string; range: LspRange; text: string };
}

/** Every report of one government, newest first, with its targets. */
export interface ReportTargets {
  uri: string;
  year?: number;
  government?: string;
  /** Year N+1's report the targets were checked against. */
  next?: string;
  targets: TargetItem[];
}

/** Memory after a full GC (when the server runs with --expose-gc): for benchmarks and leak checks. */
export interface DebugMemory {
  rss: number;
  heapUsed: number;
  reports: number;
  cached: number;
  /** Analyses made since the server started (coalescing checks). */
  analyses: number;
  /** Documents waiting to be analysed. */
  pending: number;
  /** The last analysis: its passages, and how many it took from the document's previous one (reuse). */
  lastPassages: number;
  lastReused: number;
}

export namespace ReportInfoRequest {
  export const method = 'govreport/reportInfo' as const;
  export const type = new RequestType<UriParams, ReportInfo | null, void>(method);
}

/** The targets view: every report of the document's government, by year, with target statuses. */
export namespace TargetsRequest {
  export const method = 'govreport/targets' as const;
  export const type = new RequestType<UriParams, ReportTargets[], void>(method);
}

/** Next year's review checklist as Markdown; null when the document is not open. */
export namespace ChecklistRequest {
  export const method = 'govreport/checklist' as const;
  export const type = new RequestType<UriParams, string | null, void>(method);
}

export namespace DebugMemoryRequest {
  export const method = 'govreport/debug/memory' as const;
  export const type = new RequestType<Record<string, never>, DebugMemory, void>(method);
}

/** Commands the server names in code lenses and the client registers. */
export const Commands = {
  revealLocation: 'govreport.revealLocation',
  showTargets: 'govreport.showTargets',
} as const;
