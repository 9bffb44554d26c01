import * as vscode from 'vscode';

/** Every notification the extension showed (besides crash notices), in order: the e2e suites read it. */
export const notices: string[] = [];

/** An information message, remembered in `notices`. */
export function notify(message: string, ...actions: string[]): Thenable<string | undefined> {
  notices.push(message);
  return vscode.window.showInformationMessage(message, ...actions);
}
