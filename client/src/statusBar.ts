import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { categoryOfSource, type SourceCategory } from '../../shared/categories';
import { ReportInfoRequest, type ReportInfo, type TargetCounts } from '../../shared/protocol';
import { LANGUAGE_ID } from './reportDetection';

/** What the user reads (English; l10n/bundle.l10n.<locale>.json translates it through vscode.l10n). */
const MESSAGES = {
  year: (year: number) => vscode.l10n.t({ message: '{0}', args: [year], comment: ['The year of the active report in the status bar, as in "2023 新市区"'] }),
  unnamedReport: () => vscode.l10n.t('Work report'),
  /** `目标 ✗6 ?11`: missed and unreported targets, the two a drafter must act on. */
  targetsOpen: (missed: number, unreported: number) => vscode.l10n.t('targets ✗{0} ?{1}', missed, unreported),
  /** In next year's draft: last year's targets as its review answers them, `2023年目标 ✗6 ?11`. */
  yearTargetsOpen: (year: number, missed: number, unreported: number) => vscode.l10n.t('{0} targets ✗{1} ?{2}', year, missed, unreported),
  targetsMet: (met: number) => vscode.l10n.t('targets ✓{0}', met),
  targetsPending: (n: number) => vscode.l10n.t('targets {0}', n),
  numbers: (n: number) => vscode.l10n.t('numbers {0}', n),
  cleanup: (n: number) => vscode.l10n.t('clean-up {0}', n),
  tooltipTargets: (total: number, met: number, missed: number, unreported: number, pending: number) =>
    vscode.l10n.t('Targets: {0} ({1} met, {2} missed, {3} unreported, {4} awaiting next year’s report)', total, met, missed, unreported, pending),
  tooltipNumbers: (n: number) => vscode.l10n.t('Number problems: {0}', n),
  tooltipCleanup: (n: number, hints: number) =>
    vscode.l10n.t('Clean-up (PDF conversion leftovers): {0}, of which {1} hints that Problems does not list', n, hints),
  tooltipClick: () => vscode.l10n.t('Click to show this report’s problems only'),
};

/** The counts the item shows, from the diagnostics VS Code holds for the document. */
export interface CategoryCounts {
  numbers: number;
  targets: number;
  cleanup: number;
  /** Clean-up hints (digit spacing): counted, but the Problems panel does not list hints. */
  cleanupHints: number;
}

export function countCategories(diagnostics: readonly vscode.Diagnostic[]): CategoryCounts {
  const counts: CategoryCounts = { numbers: 0, targets: 0, cleanup: 0, cleanupHints: 0 };
  for (const d of diagnostics) {
    const c: SourceCategory | undefined = categoryOfSource(d.source);
    if (!c) continue;
    counts[c]++;
    if (c === 'cleanup' && d.severity === vscode.DiagnosticSeverity.Hint) counts.cleanupHints++;
  }
  return counts;
}

/**
 * The active report at a glance, by what matters to a drafter: `目标 ✗6 ?11 · 数字 2 · 清理 104`.
 * Not a second error/warning counter beside VS Code's own: the targets part comes from the server
 * (this report's targets, or in next year's draft last year's), the other counts from the diagnostics.
 */
export class ReportStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('govreport.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subs: vscode.Disposable[] = [];
  private info = new Map<string, ReportInfo>();

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = 'GovReport';
    this.item.command = 'govreport.showProblems';
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh(true)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) void this.refresh(true);
      }),
    );
  }

  /** The item's text without icons, for tests. */
  get text(): string {
    return this.item.text.replace(/\$\([a-z-]+\)\s*/g, '');
  }

  async refresh(fetch: boolean): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const key = doc.uri.toString();
    const c = this.client();
    if (fetch && c?.isRunning()) {
      try {
        const info = await c.sendRequest(ReportInfoRequest.type, { uri: key });
        if (info) this.info.set(key, info);
      } catch {
        /* the server may be restarting; keep the last known info */
      }
    }
    const info = this.info.get(key);
    const counts = countCategories(vscode.languages.getDiagnostics(doc.uri));
    const parts: string[] = [];
    const targets = targetsPart(info);
    if (targets) parts.push(targets);
    parts.push(MESSAGES.numbers(counts.numbers), MESSAGES.cleanup(counts.cleanup));
    this.item.text = `$(book) ${parts.join(' · ')}`;
    const who = [info?.year !== undefined ? MESSAGES.year(info.year) : '', info?.government ?? ''].filter(Boolean).join(' ') || MESSAGES.unnamedReport();
    const s = info?.targetStatus;
    const tooltip = new vscode.MarkdownString(
      [
        `**${who}**`,
        ...(s && s.total ? [MESSAGES.tooltipTargets(s.total, s.met, s.missed, s.unreported, s.pending)] : []),
        MESSAGES.tooltipNumbers(counts.numbers),
        MESSAGES.tooltipCleanup(counts.cleanup, counts.cleanupHints),
        '',
        MESSAGES.tooltipClick(),
      ].join('\n\n'),
    );
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `GovReport ${who}: ${parts.join(', ')}` };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subs) s.dispose();
  }
}

/** `目标 ✗6 ?11`, `2023年目标 ✗6 ?11` in the draft, `目标 ✓12` when all are met, `目标 29` while none is checked yet. */
function targetsPart(info: ReportInfo | undefined): string | undefined {
  const s: TargetCounts | undefined = info?.targetStatus;
  if (!s) return info?.targets ? MESSAGES.targetsPending(info.targets) : undefined;
  if (!s.total) return undefined;
  if (s.pending === s.total) return MESSAGES.targetsPending(s.total);
  if (!s.missed && !s.unreported) return MESSAGES.targetsMet(s.met);
  const otherYear = s.year !== undefined && info?.year !== undefined && s.year !== info.year;
  return otherYear ? MESSAGES.yearTargetsOpen(s.year!, s.missed, s.unreported) : MESSAGES.targetsOpen(s.missed, s.unreported);
}
