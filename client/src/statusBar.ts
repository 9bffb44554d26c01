import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportInfoRequest, type ReportInfo } from '../../shared/protocol';
import { LANGUAGE_ID } from './reportDetection';

/** What the user reads (English; l10n/bundle.l10n.<locale>.json translates it through vscode.l10n). */
const MESSAGES = {
  year: (year: number) => vscode.l10n.t({ message: '{0}', args: [year], comment: ['The year of the active report in the status bar, as in "2023 新市区"'] }),
  unnamedReport: () => vscode.l10n.t('Work report'),
  targets: (n: number) => vscode.l10n.t('targets {0}', n),
  tooltip: () => vscode.l10n.t('GovReport: click to show the problems'),
};

/**
 * The active report at a glance: `2023年 新市区 · ⚠ 3 ⓧ 0 · 目标 12`. Counts come from the
 * diagnostics VS Code already holds; year, government and targets from the server.
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
        this.info.set(key, (await c.sendRequest(ReportInfoRequest.type, { uri: key })) as ReportInfo);
      } catch {
        /* the server may be restarting; keep the last known info */
      }
    }
    const info = this.info.get(key);
    const ours = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'govreport');
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const who = [info?.year !== undefined ? MESSAGES.year(info.year) : '', info?.government ?? ''].filter(Boolean).join(' ');
    const targets = info ? ` · ${MESSAGES.targets(info.targets)}` : '';
    this.item.text = `$(book) ${who || MESSAGES.unnamedReport()} · $(error) ${errors} $(warning) ${warnings}${targets}`;
    this.item.tooltip = MESSAGES.tooltip();
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subs) s.dispose();
  }
}
