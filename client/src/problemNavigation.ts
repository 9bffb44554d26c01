import * as vscode from 'vscode';
import { categoryOfSource } from '../../shared/categories';

/** What the user reads (English; l10n/bundle.l10n.<locale>.json translates it through vscode.l10n). */
const MESSAGES = {
  none: () => vscode.l10n.t('No number or target problem in this report.'),
  position: (i: number, n: number, message: string) => vscode.l10n.t('Number or target problem {0} of {1}: {2}', i, n, message),
};

/** The findings a drafter must read first: number and target rules, never the clean-up. */
export function numberAndTargetProblems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => {
      const c = categoryOfSource(d.source);
      return c === 'numbers' || c === 'targets';
    })
    .sort((a, b) => a.range.start.compareTo(b.range.start) || a.range.end.compareTo(b.range.end));
}

/**
 * F8 steps through every problem, 104 clean-up ones among them; these step through the number and
 * target ones only (Ctrl+F8 / Ctrl+Shift+F8), wrapping around: select the finding, bring it to the
 * middle of the screen, and say which one it is in the status bar.
 */
export async function goToProblem(direction: 1 | -1): Promise<vscode.Diagnostic | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const all = numberAndTargetProblems(editor.document.uri);
  if (!all.length) {
    vscode.window.setStatusBarMessage(MESSAGES.none(), 4000);
    return undefined;
  }
  const here = editor.selection.start;
  const index = direction === 1 ? all.findIndex((d) => d.range.start.isAfter(here)) : all.map((d) => d.range.start.isBefore(here)).lastIndexOf(true);
  const i = index >= 0 ? index : direction === 1 ? 0 : all.length - 1;
  const d = all[i];
  // The cursor at the finding's start, the finding selected: the hover and Ctrl+. work from there.
  editor.selection = new vscode.Selection(d.range.end, d.range.start);
  editor.revealRange(d.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  vscode.window.setStatusBarMessage(MESSAGES.position(i + 1, all.length, d.message), 6000);
  return d;
}
