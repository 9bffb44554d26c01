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
  noneMatchFilter: () => vscode.l10n.t('No target matches the filter.'),
  reveal: () => vscode.l10n.t('Reveal the target'),
  otherSection: () => vscode.l10n.t('Other'),
  sectionCount: (n: number) => vscode.l10n.t('{0} targets', n),
  filterAll: () => vscode.l10n.t('All targets'),
  filterMissed: () => vscode.l10n.t('Missed'),
  filterUnreported: () => vscode.l10n.t('Unreported'),
  filterPlaceholder: () => vscode.l10n.t('Show which targets'),
  lineFilter: (line: number) => vscode.l10n.t('line {0}', line),
};

/** The view's filter: every target, the missed ones (未完成), the unreported ones (未报告). */
export type TargetFilter = 'all' | 'missed' | 'unreported';

/** The CSV export's header: bilingual whatever the UI language, so one file serves every office. */
// prettier-ignore
const CSV_HEADER = ['报告年份 year', '报告文件 file', '章节 section', '目标 target', '目标原文 clause', '数值 value', '上限 high', '单位 unit', '限定词 qualifier', '状态 status', '完成情况 outcome', '完成情况位置 outcome location'];

type ReportNode = { kind: 'report'; report: ReportTargets; sections: SectionNode[] };
type SectionNode = { kind: 'section'; report: ReportNode; name: string; targets: TargetNode[] };
type TargetNode = { kind: 'target'; section: SectionNode; report: ReportTargets; item: TargetItem };
type Node = ReportNode | SectionNode | TargetNode;

const ICON: Record<TargetItem['status'], [string, string]> = {
  met: ['pass', 'testing.iconPassed'],
  missed: ['error', 'testing.iconFailed'],
  unreported: ['question', 'list.warningForeground'],
  pending: ['clock', 'descriptionForeground'],
};
const REVEALED_KEY = 'govreport.targetsViewRevealed';

export type { ReportTargets };
export const toRange = (r: LspRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/**
 * Explorer view: the active report's government, reports by year → sections → targets with status
 * and outcome, filtered to all / missed / unreported. It stays on the last report shown when the
 * active editor is no report (a checklist, plain Markdown), and it is revealed the first time a
 * report with targets opens in a workspace.
 */
export class TargetsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private data: ReportTargets[] = [];
  private nodes: ReportNode[] = [];
  private anchor: string | undefined;
  private filter: TargetFilter = 'all';
  /** Set by a click on a collapsed lens: only the targets of that line. */
  private line: { uri: string; line: number } | undefined;
  private readonly view: vscode.TreeView<Node>;
  private readonly subs: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly state?: vscode.Memento,
  ) {
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

  /** The report the view shows (its government's reports), for tests. */
  get shownReport(): string | undefined {
    return this.anchor;
  }

  /** Whether the view is on screen (it reveals itself the first time a report with targets opens). */
  get visible(): boolean {
    return this.view.visible;
  }

  get currentFilter(): TargetFilter {
    return this.filter;
  }

  /** The tree as shown (reports → sections → target labels), for tests. */
  get tree(): { uri: string; sections: { name: string; targets: string[] }[] }[] {
    return this.nodes.map((r) => ({ uri: r.report.uri, sections: r.sections.map((x) => ({ name: x.name, targets: x.targets.map((t) => t.item.label) })) }));
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
    this.rebuild();
    void this.revealOnce();
    return this.data;
  }

  /** Asks which targets to show (title bar button; also `govreport.filterTargets` with an argument). */
  async chooseFilter(filter?: TargetFilter): Promise<TargetFilter> {
    let next = filter;
    if (!next) {
      const items: (vscode.QuickPickItem & { value: TargetFilter })[] = [
        { label: MESSAGES.filterAll(), value: 'all' },
        { label: MESSAGES.filterMissed(), value: 'missed' },
        { label: MESSAGES.filterUnreported(), value: 'unreported' },
      ];
      for (const i of items) if (i.value === this.filter) i.description = '✓';
      next = (await vscode.window.showQuickPick(items, { placeHolder: MESSAGES.filterPlaceholder() }))?.value;
    }
    if (next && (next !== this.filter || this.line)) {
      this.filter = next;
      this.line = undefined;
      this.rebuild();
    }
    return this.filter;
  }

  /**
   * Shows only the targets of `uri` whose figure is on `line` (a click on the collapsed code lens
   * `6项目标：✓4 ✗1 ?1`); the filter button, or any filter, shows the others again.
   */
  async showLine(uri: string, line: number): Promise<TargetItem[]> {
    this.line = { uri, line };
    this.rebuild();
    return this.data.filter((r) => r.uri === uri).flatMap((r) => r.targets.filter((t) => t.range.start.line === line));
  }

  private rebuild(): void {
    const keep = (r: ReportTargets, x: TargetItem) =>
      (this.filter === 'all' || x.status === this.filter) && (!this.line || (r.uri === this.line.uri && x.range.start.line === this.line.line));
    this.nodes = this.data.map((report) => {
      const node: ReportNode = { kind: 'report', report, sections: [] };
      for (const item of report.targets.filter((x) => keep(report, x))) {
        const name = item.sectionName || MESSAGES.otherSection();
        let section = node.sections.find((s) => s.name === name);
        if (!section) node.sections.push((section = { kind: 'section', report: node, name, targets: [] }));
        section.targets.push({ kind: 'target', section, report, item });
      }
      return node;
    });
    const any = this.data.some((r) => r.targets.length);
    const shown = this.nodes.some((r) => r.sections.length);
    this.view.message = !any ? MESSAGES.noTargetsInReport() : shown ? undefined : MESSAGES.noneMatchFilter();
    this.view.description = this.line
      ? MESSAGES.lineFilter(this.line.line + 1)
      : this.filter === 'all'
        ? undefined
        : this.filter === 'missed'
          ? MESSAGES.filterMissed()
          : MESSAGES.filterUnreported();
    this.changed.fire(undefined);
  }

  /**
   * The first time a report with targets opens in this workspace, show the view, then give the
   * keyboard back to the editor. (Not TreeView.reveal: a reveal the workbench cannot finish holds
   * up every later request of the view.)
   */
  private async revealOnce(): Promise<void> {
    if (!this.state || this.state.get<boolean>(REVEALED_KEY) || this.view.visible) return;
    if (!this.data.some((r) => r.targets.length)) return;
    await this.state.update(REVEALED_KEY, true);
    const editor = vscode.window.activeTextEditor;
    await vscode.commands.executeCommand('govreport.targets.focus');
    if (editor) await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'report') {
      const r = node.report;
      const name = path.basename(vscode.Uri.parse(r.uri).path);
      const item = new vscode.TreeItem(
        `${r.year !== undefined ? MESSAGES.year(r.year) : name} ${r.government ?? ''}`.trim(),
        r.uri === this.anchor ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = `report:${r.uri}`;
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
    if (node.kind === 'section') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `section:${node.report.report.uri}:${node.name}`;
      item.description = MESSAGES.sectionCount(node.targets.length);
      item.iconPath = new vscode.ThemeIcon('symbol-class');
      item.contextValue = 'section';
      return item;
    }
    const { item: x, report } = node;
    const item = new vscode.TreeItem(x.label, vscode.TreeItemCollapsibleState.None);
    item.id = `target:${report.uri}:${x.range.start.line}:${x.range.start.character}:${x.label}`;
    // The label names the target; the description only what became of it (`✗ 7200亩`).
    item.description = x.outcomeText ?? x.detail;
    item.tooltip = new vscode.MarkdownString(
      `**${x.statusName}** · ${x.section}\n\n${x.detail}\n\n“${x.clause}”${x.outcome ? `\n\n→ “${x.outcome.text}”` : ''}`,
    );
    const [icon, color] = ICON[x.status];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    item.command = { command: Commands.revealLocation, title: MESSAGES.reveal(), arguments: [report.uri, x.range] };
    item.contextValue = `target-${x.status}`;
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.nodes;
    if (node.kind === 'report') return node.sections;
    if (node.kind === 'section') return node.targets;
    return [];
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'target' ? node.section : node.kind === 'section' ? node.report : undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
    for (const s of this.subs) s.dispose();
  }
}

/** The export's file name, after the reports it holds: `新市区2023-2024年目标.csv`. */
export function csvFileName(reports: readonly ReportTargets[]): string {
  const withTargets = reports.filter((r) => r.targets.length);
  const years = [...new Set(withTargets.map((r) => r.year).filter((y): y is number => y !== undefined))].sort();
  const who = withTargets.find((r) => r.government)?.government ?? path.basename(vscode.Uri.parse(withTargets[0]?.uri ?? 'file:///report').path, '.md');
  const span = years.length > 1 ? `${years[0]}-${years[years.length - 1]}` : years.length ? `${years[0]}` : '';
  const name = span ? vscode.l10n.t('{0} targets {1}.csv', who, span) : vscode.l10n.t('{0} targets.csv', who);
  return name.replace(/[\\/:*?"<>|]/g, '_');
}

/** Spreadsheet-ready CSV (UTF-8 with BOM, so Excel reads the Chinese); files named relative to the workspace. */
export function targetsCsv(reports: readonly ReportTargets[]): string {
  const cell = (v: unknown) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const where = (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false);
  const rows = [CSV_HEADER];
  for (const r of reports) {
    for (const x of r.targets) {
      rows.push(
        [
          r.year ?? '',
          where(r.uri),
          x.section,
          x.label,
          x.clause,
          x.value,
          x.high ?? '',
          x.unit,
          x.qualifier ?? '',
          x.statusName,
          x.outcome?.text ?? '',
          x.outcome ? `${where(x.outcome.uri)}:${x.outcome.range.start.line + 1}` : '',
        ].map(String),
      );
    }
  }
  return '\ufeff' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
