import * as vscode from 'vscode';
import { isGenerated, looksLikeReport } from '../../shared/reportDetection';
import { notify } from './notices';

export const LANGUAGE_ID = 'govreport';
const CHOICES_KEY = 'govreport.languageChoices';
const TOLD_KEY = 'govreport.toldAboutDetection';
/** Typing pauses this long before a changed document is looked at again. */
const DEBOUNCE_MS = 600;

type Choice = 'report' | 'markdown';

/** What the user reads (English; l10n/bundle.l10n.<locale>.json translates it through vscode.l10n). */
const MESSAGES = {
  switched: (name: string) => vscode.l10n.t('“{0}” looks like a government work report: GovReport now checks it.', name),
  keepMarkdown: () => vscode.l10n.t('Keep as Markdown'),
};

/**
 * Reports get their own language id (Markdown grammar, GovReport outline) so the built-in
 * Markdown outline and ours do not both show. Markdown files that look like a report switch
 * automatically — when opened, and when a report is typed or pasted into a new or untitled file
 * (on change, debounced, and on save) — unless the user said otherwise for that file. Documents
 * GovReport wrote itself (the review checklist) never switch.
 */
export class ReportDetection implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly state: vscode.Memento) {
    this.subs.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.candidate(e.document)) this.schedule(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => void this.check(doc, true)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.cancel(doc.uri.toString())),
    );
  }

  private choices(): Record<string, Choice> {
    return this.state.get<Record<string, Choice>>(CHOICES_KEY, {});
  }

  private async remember(uri: vscode.Uri, choice: Choice | undefined): Promise<void> {
    const all = { ...this.choices() };
    if (choice) all[uri.toString()] = choice;
    else delete all[uri.toString()];
    await this.state.update(CHOICES_KEY, all);
  }

  /** A Markdown document (or an untitled plain-text one, where a report is often pasted first) with no choice made. */
  private candidate(doc: vscode.TextDocument): boolean {
    const kind = doc.languageId === 'markdown' || (doc.isUntitled && doc.languageId === 'plaintext');
    return kind && !this.choices()[doc.uri.toString()];
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(doc, true);
      }, DEBOUNCE_MS),
    );
  }

  private cancel(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  /**
   * Switches a Markdown document that looks like a report (on open; with `edited`, after a change
   * or a save, where the switch is also said once, with a way back).
   */
  async check(doc: vscode.TextDocument, edited = false): Promise<void> {
    if (doc.isClosed) return;
    const choice = this.choices()[doc.uri.toString()];
    if (doc.languageId !== 'markdown' && !(edited && doc.isUntitled && doc.languageId === 'plaintext')) return;
    if (!vscode.workspace.getConfiguration('govreport', doc.uri).get<boolean>('autoDetect', true) && choice !== 'report') return;
    if (choice === 'markdown') return;
    const text = doc.getText();
    if (isGenerated(text)) return;
    if (choice === 'report' || looksLikeReport(text)) {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
      if (edited && choice !== 'report') void this.tell(doc);
    }
  }

  /** Once per workspace: what just happened to the document the user is typing in, and how to undo it. */
  private async tell(doc: vscode.TextDocument): Promise<void> {
    if (this.state.get<boolean>(TOLD_KEY)) return;
    await this.state.update(TOLD_KEY, true);
    const name = doc.uri.path.split('/').pop() ?? doc.uri.toString();
    const keep = MESSAGES.keepMarkdown();
    const choice = await notify(MESSAGES.switched(name), keep);
    if (choice === keep) {
      const now = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString());
      if (now) await this.treatAsMarkdown(now);
    }
  }

  async treatAsReport(doc: vscode.TextDocument): Promise<void> {
    await this.remember(doc.uri, 'report');
    if (doc.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  }

  async treatAsMarkdown(doc: vscode.TextDocument): Promise<void> {
    await this.remember(doc.uri, 'markdown');
    if (doc.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const s of this.subs) s.dispose();
  }
}
