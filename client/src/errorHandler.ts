import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node';

/** What the user reads (English; l10n/bundle.l10n.<locale>.json translates it through vscode.l10n). */
const MESSAGES = {
  restarted: () => vscode.l10n.t('The GovReport language server stopped unexpectedly and was restarted; your unsaved edits are safe.'),
  crashLoop: () => vscode.l10n.t('The GovReport language server crashed repeatedly within 3 minutes and will not be restarted.'),
  showOutput: () => vscode.l10n.t('Show output'),
};

const WINDOW_MS = 3 * 60 * 1000;
const MAX_RESTARTS = 5;

/**
 * When the server dies, restart it and say so once; VS Code resends the open documents, so no
 * edit is lost. Only a crash loop stops it, with one message pointing at the output.
 * `noticed` is told every message shown to the user (the extension's API counts them for tests).
 */
export function crashHandler(output: () => vscode.OutputChannel | undefined, noticed: (message: string) => void = () => {}): ErrorHandler {
  const restarts: number[] = [];
  let told = false;
  return {
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      const now = Date.now();
      while (restarts.length && now - restarts[0] > WINDOW_MS) restarts.shift();
      restarts.push(now);
      if (restarts.length > MAX_RESTARTS) {
        const show = MESSAGES.showOutput();
        const message = MESSAGES.crashLoop();
        noticed(message);
        void vscode.window.showErrorMessage(message, show).then((choice) => choice === show && output()?.show());
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      if (!told) {
        told = true;
        const message = MESSAGES.restarted();
        noticed(message);
        void vscode.window.showWarningMessage(message);
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
