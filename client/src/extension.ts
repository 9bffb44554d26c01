// The VS Code extension: starts the language server and adds what only an editor can do
// (language switching, commands, status, views). No analysis happens here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { crashHandler } from './errorHandler';
import { t } from './i18n';
import { LANGUAGE_ID, ReportDetection } from './reportDetection';
import { ReportStatus } from './statusBar';

let client: LanguageClient | undefined;
/** Messages the crash handler has shown (see GovReportApi.crashNotices). */
const crashNotices: string[] = [];

/** What `vscode.extensions.getExtension('govreport.govreport').exports` holds. */
export interface GovReportApi {
  /**
   * Every notice shown about a server crash, in order. One per session however often the server
   * restarts (plus one if a crash loop stops it); the e2e crash-recovery test reads it.
   */
  readonly crashNotices: readonly string[];
}

export function activate(context: vscode.ExtensionContext): GovReportApi {
  const detection = new ReportDetection(context.workspaceState);
  const status = new ReportStatus(() => client);
  const activeDoc = () => vscode.window.activeTextEditor?.document;
  const docOf = async (uri?: vscode.Uri) => (uri instanceof vscode.Uri ? vscode.workspace.openTextDocument(uri) : activeDoc());

  context.subscriptions.push(
    status,
    vscode.workspace.onDidOpenTextDocument((doc) => void detection.check(doc)),
    vscode.commands.registerCommand('govreport.treatAsReport', async (uri?: vscode.Uri) => {
      const doc = await docOf(uri);
      if (doc) await detection.treatAsReport(doc);
    }),
    vscode.commands.registerCommand('govreport.treatAsMarkdown', async (uri?: vscode.Uri) => {
      const doc = await docOf(uri);
      if (doc) await detection.treatAsMarkdown(doc);
    }),
    vscode.commands.registerCommand('govreport.showPreview', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : activeDoc()?.uri;
      if (target) await vscode.commands.executeCommand('markdown.showPreviewToSide', target);
    }),
    vscode.commands.registerCommand('govreport.fixAll', async () => {
      await vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.govreport', apply: 'first' });
    }),
    vscode.commands.registerCommand('govreport.showProblems', async () => {
      await vscode.commands.executeCommand('workbench.action.problems.focus');
      await vscode.commands.executeCommand('problems.action.focusFilter');
    }),
    vscode.commands.registerCommand('govreport.openRuleDoc', (ruleId?: string) => openRuleDoc(context, ruleId)),
  );
  for (const doc of vscode.workspace.textDocuments) void detection.check(doc);

  // The server starts with the first report, not with every Markdown file.
  const start = () => {
    if (client) return;
    client = createClient(context);
    void client.start().then(
      () => void status.refresh(true),
      (e) => void vscode.window.showErrorMessage(t(`GovReport 语言服务器启动失败：${e}`, `GovReport language server failed to start: ${e}`)),
    );
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
  void status.refresh(false);
  return {
    get crashNotices() {
      return [...crashNotices];
    },
  };
}

/** Opens docs/rules/<id>.md: for the given id, else the GovReport diagnostic at the cursor. */
async function openRuleDoc(context: vscode.ExtensionContext, ruleId?: string): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  const editor = vscode.window.activeTextEditor;
  if (!id && editor) {
    const here = vscode.languages
      .getDiagnostics(editor.document.uri)
      .filter((d) => d.source === 'govreport' && d.range.contains(editor.selection.active))
      .map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '')));
    const ids = [...new Set(here.filter(Boolean))];
    id = ids.length === 1 ? ids[0] : ids.length ? await vscode.window.showQuickPick(ids, { placeHolder: t('选择规则', 'Choose a rule') }) : undefined;
  }
  if (!id) {
    void vscode.window.showInformationMessage(t('光标处没有 GovReport 问题。', 'No GovReport problem at the cursor.'));
    return;
  }
  const doc = vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${id}.md`)));
  await vscode.commands.executeCommand('markdown.showPreview', doc);
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
    errorHandler: crashHandler(() => client?.outputChannel, (message) => crashNotices.push(message)),
  };
  return new LanguageClient('govreport', 'GovReport', serverOptions, clientOptions);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
