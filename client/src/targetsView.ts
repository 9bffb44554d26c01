import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, TargetsRequest, type LspRange, type ReportTargets, type TargetItem } from '../../shared/protocol';
import { LANGUAGE_ID } from './reportDetection';

/** What the user reads (English; l10n/bundle.l10n.<locale>.json translates it through vscode.l10n). */
const MESSAGES = {
  year: (year: number) => vscode.l10n.t({ message: '{0}', args: [year], comment: ['The year of a report in the targets view, as in "2023 新市区"'] }),
  counts: (n: number, met: number, missed: number, unreported: number) =>
    vscode.l10n.t('{0} targets · {1} met · {2} missed · {3} unreported', n, met, missed, unreported),
  /** Targets still awaiting next year's report (all of them in the newest year): said, or the counts do not add up. */
  pending: (n: number) => vscode.l10n.t('{0} pending', n),
  noTargets: () => vscode.l10n.t('no quantified targets'),
  noTargetsInReport: () => vscode.l10n.t('This report has no quantified targets to check.'),
  reveal: () => vscode.l10n.t('Reveal the target'),
};

/** The CSV export's header: bilingual whatever the UI language, so one file serves every office. */
// prettier-ignore
const CSV_HEADER = ['报告年份 year', '报告文件 file', '章节 section', '目标 target', '目标原文 clause', '数值 value', '上限 high', '单位 unit', '限定词 qualifier', '状态 status', '完成情况 outcome', '完成情况位置 outcome location'];

type Node = { kind: 'report'; report: ReportTargets } | { kind: 'target'; report: ReportTargets; item: TargetItem };

const ICON: Record<TargetItem['status'], [string, string]> = {
  met: ['pass', 'testing.iconPassed'],
  missed: ['error', 'testing.iconFailed'],
  unreported: ['question', 'list.warningForeground'],
  pending: ['clock', 'descriptionForeground'],
};

export type { ReportTargets };
export const toRange = (r: LspRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** Explorer view: the active report's government, reports by year → targets with status and outcome. */
export class TargetsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private data: ReportTargets[] = [];
  private anchor: string | undefined;
  private readonly view: vscode.TreeView<Node>;
  private readonly subs: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.view = vscode.window.createTreeView('govreport.targets', { treeDataProvider: this, showCollapseAll: true });
    this.subs.push(
      this.view,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.languages.onDidChangeDiagnostics(() => this.schedule()),
    );
  }

  /** The data shown, for export and tests. */
  get reports(): readonly ReportTargets[] {
    return this.data;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    // Diagnostics arrive as the user types; refresh once things settle.
    this.timer = setTimeout(() => void this.refresh(), 250);
  }

  /** Reloads from the server for `uri` (else the active report, else the last one shown). */
  async refresh(uri?: string): Promise<readonly ReportTargets[]> {
    const active = vscode.window.activeTextEditor?.document;
    const key = uri ?? (active?.languageId === LANGUAGE_ID ? active.uri.toString() : this.anchor);
    const c = this.client();
    if (!key || !c?.isRunning()) return this.data;
    try {
      this.data = (await c.sendRequest(TargetsRequest.type, { uri: key })) ?? [];
      this.anchor = key;
    } catch {
      return this.data;
    }
    this.view.message = this.data.some((r) => r.targets.length) ? undefined : MESSAGES.noTargetsInReport();
    this.changed.fire(undefined);
    return this.data;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'report') {
      const r = node.report;
      const name = path.basename(vscode.Uri.parse(r.uri).path);
      const item = new vscode.TreeItem(
        `${r.year !== undefined ? MESSAGES.year(r.year) : name} ${r.government ?? ''}`.trim(),
        r.uri === this.anchor ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      const by = (s: TargetItem['status']) => r.targets.filter((x) => x.status === s).length;
      item.description = r.targets.length
        ? [MESSAGES.counts(r.targets.length, by('met'), by('missed'), by('unreported')), ...(by('pending') ? [MESSAGES.pending(by('pending'))] : [])].join(
            ' · ',
          )
        : MESSAGES.noTargets();
      item.tooltip = name;
      item.iconPath = new vscode.ThemeIcon('book');
      item.resourceUri = vscode.Uri.parse(r.uri);
      item.contextValue = 'report';
      return item;
    }
    const { item: x, report } = node;
    const item = new vscode.TreeItem(x.label, vscode.TreeItemCollapsibleState.None);
    item.description = x.detail;
    item.tooltip = new vscode.MarkdownString(`**${x.statusName}** · ${x.section}\n\n“${x.clause}”${x.outcome ? `\n\n→ “${x.outcome.text}”` : ''}`);
    const [icon, color] = ICON[x.status];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    item.command = { command: Commands.revealLocation, title: MESSAGES.reveal(), arguments: [report.uri, x.range] };
    item.contextValue = `target-${x.status}`;
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.data.map((report) => ({ kind: 'report', report }));
    if (node.kind === 'report') return node.report.targets.map((item) => ({ kind: 'target', report: node.report, item }));
    return [];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
    for (const s of this.subs) s.dispose();
  }
}

/** Spreadsheet-ready CSV (UTF-8 with BOM, so Excel reads the Chinese). */
export function targetsCsv(reports: readonly ReportTargets[]): string {
  const cell = (v: unknown) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = [CSV_HEADER];
  for (const r of reports) {
    for (const x of r.targets) {
      rows.push(
        [
          r.year ?? '',
          vscode.Uri.parse(r.uri).fsPath,
          x.section,
          x.label,
          x.clause,
          x.value,
          x.high ?? '',
          x.unit,
          x.qualifier ?? '',
          x.statusName,
          x.outcome?.text ?? '',
          x.outcome ? `${vscode.Uri.parse(x.outcome.uri).fsPath}:${x.outcome.range.start.line + 1}` : '',
        ].map(String),
      );
    }
  }
  return '\ufeff' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
