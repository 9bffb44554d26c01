// The VS Code extension: starts the language server and adds what only an editor can do
// (language switching, commands, views). No analysis happens here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { t } from './i18n';
import { LANGUAGE_ID, ReportDetection } from './reportDetection';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const detection = new ReportDetection(context.workspaceState);

  const activeDoc = () => vscode.window.activeTextEditor?.document;
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void detection.check(doc)),
    vscode.commands.registerCommand('govreport.treatAsReport', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : activeDoc();
      if (doc) await detection.treatAsReport(doc);
    }),
    vscode.commands.registerCommand('govreport.treatAsMarkdown', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : activeDoc();
      if (doc) await detection.treatAsMarkdown(doc);
    }),
    vscode.commands.registerCommand('govreport.showPreview', async (uri?: vscode.Uri) => {
      const target = uri ?? activeDoc()?.uri;
      if (target) await vscode.commands.executeCommand('markdown.showPreviewToSide', target);
    }),
    vscode.commands.registerCommand('govreport.fixAll', async () => {
      await vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.govreport', apply: 'first' });
    }),
  );
  for (const doc of vscode.workspace.textDocuments) void detection.check(doc);

  // The server starts with the first report, not with every Markdown file.
  const start = () => {
    if (client) return;
    client = createClient(context);
    void client.start().catch((e) => void vscode.window.showErrorMessage(t(`GovReport 语言服务器启动失败：${e}`, `GovReport language server failed to start: ${e}`)));
  };
  if (vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID)) start();
  else {
    const sub = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.languageId === LANGUAGE_ID) {
        sub.dispose();
        start();
      }
    });
    context.subscriptions.push(sub);
  }
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
    ],
    initializationOptions: { locale: vscode.env.language },
    outputChannelName: 'GovReport',
    diagnosticCollectionName: 'govreport',
  };
  return new LanguageClient('govreport', 'GovReport', serverOptions, clientOptions);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
