import * as vscode from 'vscode';

/** Chinese unless VS Code runs in English — the same choice the server makes for its messages. */
export function t(zh: string, en: string): string {
  return /^en\b/i.test(vscode.env.language) ? en : zh;
}
