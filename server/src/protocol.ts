// The requests the VS Code client sends besides LSP, with their answers. The client imports
// these types only (erased at build time), so both sides agree on the shapes.
import type { TargetStatus } from './core/targets';

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** `govreport/reportInfo` {uri} → what the status bar shows. */
export interface ReportInfo {
  year?: number;
  government?: string;
  /** Targets this report sets for its year. */
  targets: number;
}

/** One target as the targets view shows it. */
export interface TargetItem {
  label: string;
  status: TargetStatus;
  statusName: string;
  /** `✓ 2024年报告：2.7 万人（目标 2.5 万人）` */
  detail: string;
  section: string;
  clause: string;
  value: number;
  high?: number;
  unit: string;
  qualifier?: string;
  range: LspRange;
  outcome?: { uri: string; range: LspRange; text: string };
}

/** `govreport/targets` {uri} → every report of that report's government, newest first. */
export interface ReportTargets {
  uri: string;
  year?: number;
  government?: string;
  /** Year N+1's report the targets were checked against. */
  next?: string;
  targets: TargetItem[];
}

/** `govreport/checklist` {uri} → Markdown, or null when the document is not open. */
export type ChecklistAnswer = string | null;
