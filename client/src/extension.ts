// The VS Code extension: starts the language server and adds what only an editor can do
// (language switching, commands, status, views). No analysis happens here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ChecklistRequest, Commands } from '../../shared/protocol';
import { crashHandler } from './errorHandler';
import { LANGUAGE_ID, ReportDetection } from './reportDetection';
import { ReportStatus } from './statusBar';
import { targetsCsv, TargetsView, toRange, type ReportTargets } from './targetsView';

/** What the user reads (English; l10n/bundle.l10n.<locale>.json translates it through vscode.l10n). */
const MESSAGES = {
  openReportFirst: () => vscode.l10n.t('Open a government work report first.'),
  noTargetsToExport: () => vscode.l10n.t('There are no targets to export.'),
  serverFailedToStart: (error: unknown) => vscode.l10n.t('GovReport language server failed to start: {0}', String(error)),
  chooseRule: () => vscode.l10n.t('Choose a rule'),
  noProblemAtCursor: () => vscode.l10n.t('No GovReport problem at the cursor.'),
};

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
  /** What the targets view shows. */
  readonly targets: readonly ReportTargets[];
}

export function activate(context: vscode.ExtensionContext): GovReportApi {
  const detection = new ReportDetection(context.workspaceState);
  const status = new ReportStatus(() => client);
  const targets = new TargetsView(() => client);
  const activeDoc = () => vscode.window.activeTextEditor?.document;
  const reportUri = (uri?: unknown) =>
    uri instanceof vscode.Uri
      ? uri.toString()
      : typeof uri === 'string'
        ? uri
        : activeDoc()?.languageId === LANGUAGE_ID
          ? activeDoc()!.uri.toString()
          : undefined;
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
    targets,
    vscode.commands.registerCommand(Commands.revealLocation, async (uri: string, range: Parameters<typeof toRange>[0]) => {
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true });
      editor.selection = new vscode.Selection(toRange(range).start, toRange(range).end);
      editor.revealRange(toRange(range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand(Commands.showTargets, async (uri?: unknown) => {
      await vscode.commands.executeCommand('govreport.targets.focus');
      return targets.refresh(reportUri(uri));
    }),
    vscode.commands.registerCommand('govreport.refreshTargets', () => targets.refresh()),
    vscode.commands.registerCommand('govreport.writeChecklist', async (uri?: unknown) => {
      const key = reportUri(uri);
      if (!key || !client) {
        void vscode.window.showInformationMessage(MESSAGES.openReportFirst());
        return undefined;
      }
      const content = await client.sendRequest(ChecklistRequest.type, { uri: key });
      if (content === null) return undefined;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
      await vscode.window.showTextDocument(doc, { preview: false });
      return doc;
    }),
    vscode.commands.registerCommand('govreport.exportTargetsCsv', async (target?: vscode.Uri) => {
      const reports = await targets.refresh();
      if (!reports.length) {
        void vscode.window.showInformationMessage(MESSAGES.noTargetsToExport());
        return undefined;
      }
      const year = reports.find((r) => r.targets.length)?.year;
      const base = vscode.workspace.workspaceFolders?.[0]?.uri;
      const file =
        target instanceof vscode.Uri
          ? target
          : await vscode.window.showSaveDialog({
              filters: { CSV: ['csv'] },
              defaultUri: base ? vscode.Uri.joinPath(base, `targets-${year ?? 'report'}.csv`) : undefined,
            });
      if (!file) return undefined;
      await vscode.workspace.fs.writeFile(file, Buffer.from(targetsCsv(reports), 'utf8'));
      return file;
    }),
  );
  for (const doc of vscode.workspace.textDocuments) void detection.check(doc);

  // The server starts with the first report, not with every Markdown file.
  const start = () => {
    if (client) return;
    client = createClient(context);
    void vscode.commands.executeCommand('setContext', 'govreport.reportOpened', true);
    void client.start().then(
      () => {
        void status.refresh(true);
        void targets.refresh();
      },
      (e) => void vscode.window.showErrorMessage(MESSAGES.serverFailedToStart(e)),
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
    get targets() {
      return targets.reports;
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
    id = ids.length === 1 ? ids[0] : ids.length ? await vscode.window.showQuickPick(ids, { placeHolder: MESSAGES.chooseRule() }) : undefined;
  }
  if (!id) {
    void vscode.window.showInformationMessage(MESSAGES.noProblemAtCursor());
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
    errorHandler: crashHandler(
      () => client?.outputChannel,
      (message) => crashNotices.push(message),
    ),
  };
  return new LanguageClient('govreport', 'GovReport', serverOptions, clientOptions);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
