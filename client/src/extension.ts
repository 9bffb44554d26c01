// The VS Code extension: starts the language server and adds what only an editor can do
// (language switching, commands, status, views). No analysis happens here.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { CodeLensRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { isOurSource } from '../../shared/categories';
import { ChecklistRequest, Commands } from '../../shared/protocol';
import { crashHandler } from './errorHandler';
import { notices, notify } from './notices';
import { goToProblem } from './problemNavigation';
import { LANGUAGE_ID, ReportDetection } from './reportDetection';
import { ReportStatus } from './statusBar';
import { csvFileName, targetsCsv, TargetsView, toRange, type ReportTargets, type TargetFilter } from './targetsView';

/** What the user reads (English; l10n/bundle.l10n.<locale>.json translates it through vscode.l10n). */
const MESSAGES = {
  openReportFirst: () => vscode.l10n.t('Open a government work report first.'),
  noTargetsToExport: () => vscode.l10n.t('There are no targets to export.'),
  serverFailedToStart: (error: unknown) => vscode.l10n.t('GovReport language server failed to start: {0}', String(error)),
  chooseRule: () => vscode.l10n.t('Choose a rule'),
  noProblemAtCursor: () => vscode.l10n.t('No GovReport problem at the cursor.'),
  fixed: (fixed: number, left: number) => vscode.l10n.t('Fixed {0} problems; {1} left to check by hand.', fixed, left),
  nothingToFix: (left: number) => vscode.l10n.t('Nothing to fix automatically; {0} problems left to check by hand.', left),
  exported: (n: number, name: string) => vscode.l10n.t('Exported {0} targets to {1}.', n, name),
  open: () => vscode.l10n.t('Open'),
  checklistName: (stem: string) => vscode.l10n.t('{0} review checklist.md', stem),
};

const PROBLEMS_FILTERED_KEY = 'govreport.problemsActiveFileOnly';

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
  /** The report the targets view shows, and its filter. */
  readonly targetsReport: string | undefined;
  readonly targetsFilter: TargetFilter;
  /** Whether the targets view is visible. */
  readonly targetsViewVisible: boolean;
  /** The name the CSV export proposes for what the view shows (`新市区2023-2024年目标.csv`). */
  readonly csvFileName: string;
  /** The targets view's tree: reports → sections → target labels, after the filter. */
  readonly targetsTree: { uri: string; sections: { name: string; targets: string[] }[] }[];
  /** The status bar item's text, without icons (`目标 ✗6 ?11 · 数字 2 · 清理 104`). */
  readonly statusText: string;
  /** Every notification the extension showed (besides crash notices), in order. */
  readonly notices: readonly string[];
  /** The built-in Markdown preview's markdown-it hook (`markdown.markdownItPlugins`). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function activate(context: vscode.ExtensionContext): GovReportApi {
  const detection = new ReportDetection(context.workspaceState);
  const status = new ReportStatus(() => client);
  const targets = new TargetsView(() => client, context.workspaceState);
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
    detection,
    vscode.workspace.onDidOpenTextDocument((doc) => void detection.check(doc)),
    vscode.commands.registerCommand('govreport.treatAsReport', async (uri?: vscode.Uri) => {
      const doc = await docOf(uri);
      if (doc) await detection.treatAsReport(doc);
    }),
    vscode.commands.registerCommand('govreport.treatAsMarkdown', async (uri?: vscode.Uri) => {
      const doc = await docOf(uri);
      if (doc) await detection.treatAsMarkdown(doc);
    }),
    // Markdown's preview commands take a report only by URI: theirs look at `markdown` editors alone.
    vscode.commands.registerCommand('govreport.showPreview', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : activeDoc()?.uri;
      if (target) await vscode.commands.executeCommand('markdown.showPreviewToSide', target);
    }),
    vscode.commands.registerCommand('govreport.openPreview', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : activeDoc()?.uri;
      if (target) await vscode.commands.executeCommand('markdown.showPreview', target);
    }),
    vscode.commands.registerCommand('govreport.fixAll', () => fixAll()),
    vscode.commands.registerCommand('govreport.nextProblem', () => goToProblem(1)),
    vscode.commands.registerCommand('govreport.previousProblem', () => goToProblem(-1)),
    // The status item: the Problems panel, showing the active report's problems only.
    vscode.commands.registerCommand('govreport.showProblems', async () => {
      await vscode.commands.executeCommand('workbench.action.problems.focus');
      // VS Code offers no way to read the filter; we switch it on once and remember that we did.
      if (!context.workspaceState.get<boolean>(PROBLEMS_FILTERED_KEY)) {
        await vscode.commands.executeCommand('workbench.actions.workbench.panel.markers.view.toggleActiveFile');
        await context.workspaceState.update(PROBLEMS_FILTERED_KEY, true);
      }
    }),
    vscode.commands.registerCommand('govreport.filterTargets', (filter?: TargetFilter) => targets.chooseFilter(filter)),
    vscode.commands.registerCommand('govreport.openRuleDoc', (ruleId?: string) => openRuleDoc(context, ruleId)),
    targets,
    vscode.commands.registerCommand(Commands.revealLocation, async (uri: string, range: Parameters<typeof toRange>[0]) => {
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true });
      editor.selection = new vscode.Selection(toRange(range).start, toRange(range).end);
      editor.revealRange(toRange(range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    // From the summary lens (a report's URI) or a collapsed lens (its URI and the line: those targets selected).
    vscode.commands.registerCommand(Commands.showTargets, async (uri?: unknown, line?: unknown) => {
      await vscode.commands.executeCommand('govreport.targets.focus');
      const data = await targets.refresh(reportUri(uri));
      if (typeof line === 'number' && typeof uri === 'string') await targets.showLine(uri, line);
      return data;
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
      // An untitled file beside the report: its relative link to the report works, and Save puts it there.
      // Its first line marks it as ours, so it is never taken for a report (no diagnostics, the targets view stays).
      const doc = await vscode.workspace.openTextDocument(checklistUri(vscode.Uri.parse(key)));
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      await editor.edit((e) => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), content));
      if (doc.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
      return doc;
    }),
    vscode.commands.registerCommand('govreport.exportTargetsCsv', async (target?: vscode.Uri) => {
      const reports = await targets.refresh();
      const count = reports.reduce((n, r) => n + r.targets.length, 0);
      if (!count) {
        void vscode.window.showInformationMessage(MESSAGES.noTargetsToExport());
        return undefined;
      }
      const first = reports.find((r) => r.targets.length);
      const base = (first && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(first.uri))?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      const file =
        target instanceof vscode.Uri
          ? target
          : await vscode.window.showSaveDialog({
              filters: { CSV: ['csv'] },
              defaultUri: base ? vscode.Uri.joinPath(base, csvFileName(reports)) : undefined,
            });
      if (!file) return undefined;
      await vscode.workspace.fs.writeFile(file, Buffer.from(targetsCsv(reports), 'utf8'));
      const open = MESSAGES.open();
      void notify(MESSAGES.exported(count, path.basename(file.path)), open).then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(file, { preview: true });
      });
      return file;
    }),
    // Lenses on and off without a restart (govreport.codeLens.enabled).
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('govreport.codeLens.enabled') || !client) return;
      const feature = client.getFeature(CodeLensRequest.method);
      for (const doc of vscode.workspace.textDocuments) feature.getProvider(doc)?.onDidChangeCodeLensEmitter.fire();
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
    get targetsReport() {
      return targets.shownReport;
    },
    get targetsFilter() {
      return targets.currentFilter;
    },
    get targetsViewVisible() {
      return targets.visible;
    },
    get csvFileName() {
      return csvFileName(targets.reports);
    },
    get targetsTree() {
      return targets.tree;
    },
    get statusText() {
      return status.text;
    },
    get notices() {
      return [...notices];
    },
    // The preview reads `**以更优服务提升营商环境。**认真落实…` as bold, as our outline does (CommonMark does not).
    extendMarkdownIt(md: MarkdownIt) {
      // (The plugin's types name markdown-it's ESM typings; the preview hands us the same object.)
      return md.use(cjkFriendly as unknown as MarkdownIt.PluginSimple);
    },
  };
}

/**
 * Fix All, then what it did: `已修复103处，剩余19处需人工核对`. Counted from the diagnostics before and
 * after (the server republishes once the edit is analysed).
 */
async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) return;
  const doc = editor.document;
  const key = doc.uri.toString();
  const ours = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => isOurSource(d.source)).length;
  const before = ours();
  const version = doc.version;
  // The source action's edit lands after the command returns: wait for it (or for nothing to happen),
  // then for the server to republish the edited text.
  const edited = once((fire) => vscode.workspace.onDidChangeTextDocument((e) => e.document.uri.toString() === key && fire()), 3000);
  await vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.govreport', apply: 'first' });
  await edited;
  if (doc.version === version) {
    void notify(MESSAGES.nothingToFix(before));
    return;
  }
  await once((fire) => vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => u.toString() === key) && fire()), 5000);
  const left = ours();
  void notify(MESSAGES.fixed(Math.max(0, before - left), left));
}

/** Resolves when `subscribe`'s listener calls `fire`, or after `ms`. */
function once(subscribe: (fire: () => void) => vscode.Disposable, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const subs: vscode.Disposable[] = [];
    const done = () => {
      clearTimeout(timer);
      for (const x of subs) x.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    subs.push(subscribe(done));
  });
}

/** `untitled:…/xinshi-2023 核对清单.md` beside the report (a number added if such a file exists). */
function checklistUri(report: vscode.Uri): vscode.Uri {
  const dir = report.scheme === 'file' ? path.dirname(report.fsPath) : (vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '');
  const stem = path.basename(report.path).replace(/\.(md|markdown)$/i, '');
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let i = 1; ; i++) {
    const name = MESSAGES.checklistName(i === 1 ? stem : `${stem} ${i}`);
    const uri = vscode.Uri.file(path.join(dir, name)).with({ scheme: 'untitled' });
    if (!open.has(uri.path) && !existsSync(path.join(dir, name))) return uri;
  }
}

/** Opens docs/rules/<id>.md: for the given id, else the GovReport diagnostic at the cursor. */
async function openRuleDoc(context: vscode.ExtensionContext, ruleId?: string): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  const editor = vscode.window.activeTextEditor;
  if (!id && editor) {
    const here = vscode.languages
      .getDiagnostics(editor.document.uri)
      .filter((d) => isOurSource(d.source) && d.range.contains(editor.selection.active))
      .map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '')));
    const ids = [...new Set(here.filter(Boolean))];
    id = ids.length === 1 ? ids[0] : ids.length ? await vscode.window.showQuickPick(ids, { placeHolder: MESSAGES.chooseRule() }) : undefined;
  }
  if (!id) {
    void vscode.window.showInformationMessage(MESSAGES.noProblemAtCursor());
    return;
  }
  // The page rendered, read-only (as markdownlint opens its rule pages), not the shipped source in an editor.
  const doc = vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${id}.md`)));
  await vscode.commands.executeCommand('markdown.showPreview', doc);
}

/** A command link that opens a rule's page read-only: what a diagnostic's code links to in VS Code. */
export function ruleDocCommand(id: string): vscode.Uri {
  return vscode.Uri.parse(`command:govreport.openRuleDoc?${encodeURIComponent(JSON.stringify([id]))}`);
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
    middleware: {
      // A diagnostic's code opens the rule's page as a preview (the server links the file, for any client).
      handleDiagnostics: (uri, diagnostics, next) => {
        for (const d of diagnostics) {
          if (isOurSource(d.source) && typeof d.code === 'object' && d.code.target.scheme === 'file') {
            d.code = { value: d.code.value, target: ruleDocCommand(String(d.code.value)) };
          }
        }
        next(uri, diagnostics);
      },
      provideCodeLenses: (doc, token, next) =>
        vscode.workspace.getConfiguration('govreport', doc.uri).get<boolean>('codeLens.enabled', true) ? next(doc, token) : [],
    },
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
