import * as vscode from 'vscode';
import { looksLikeReport } from '../../shared/reportDetection';

export const LANGUAGE_ID = 'govreport';
const CHOICES_KEY = 'govreport.languageChoices';

type Choice = 'report' | 'markdown';

/**
 * Reports get their own language id (Markdown grammar, GovReport outline) so the built-in
 * Markdown outline and ours do not both show. Markdown files that look like a report switch
 * automatically, unless the user said otherwise for that file.
 */
export class ReportDetection {
  constructor(private readonly state: vscode.Memento) {}

  private choices(): Record<string, Choice> {
    return this.state.get<Record<string, Choice>>(CHOICES_KEY, {});
  }

  private async remember(uri: vscode.Uri, choice: Choice | undefined): Promise<void> {
    const all = { ...this.choices() };
    if (choice) all[uri.toString()] = choice;
    else delete all[uri.toString()];
    await this.state.update(CHOICES_KEY, all);
  }

  /** Switches a Markdown document that looks like a report (called on open). */
  async check(doc: vscode.TextDocument): Promise<void> {
    if (doc.languageId !== 'markdown') return;
    if (!vscode.workspace.getConfiguration('govreport', doc.uri).get<boolean>('autoDetect', true)) return;
    const choice = this.choices()[doc.uri.toString()];
    if (choice === 'markdown') return;
    if (choice === 'report' || looksLikeReport(doc.getText())) {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
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
}
