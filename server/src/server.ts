// The language server: wiring only. Every feature reads one analysis per (uri, version, text):
// a second didOpen without a close, or a didChange that reuses a version number, brings new
// text under an old version, and fix-all edits computed for the old text would corrupt it.
import { basename, dirname } from 'node:path';
import {
  CancellationToken,
  CodeActionKind,
  LSPErrorCodes,
  ResponseError,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceSymbol,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from './core/analyze';
import type { Reuse } from './core/findings/reuse';
import { targetsOf } from './core/targets/select';
import { format, localeOf, type Msg } from './core/l10n';
import type { Locale } from './core/types';
import { CONFIG_FILE } from './configFile';
import { toDocumentSymbols, toFoldingRanges } from './convert';
import { ChecklistRequest, DebugMemoryRequest, ReportInfoRequest, TargetsRequest, type ReportInfo } from '../../shared/protocol';
import { SettingsStore } from './settings';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { hoverAt } from './features/hover';
import { reviewChecklist, targetCodeLenses, targetCounts, targetsOverview } from './features/targets';
import { isGenerated } from '../../shared/reportDetection';
import { uriToPath, WorkspaceIndex } from './workspaceIndex';
import { walkMarkdownFiles } from './walk';
import { AnalysisQueue } from './analysisQueue';
import { diagnosticsOf } from './publishCap';
import { REJECTED_METHOD } from './lifecycle';

const MESSAGES = {
  indexing: { zh: 'GovReport：正在索引工作区报告', en: 'GovReport: indexing reports' },
  walking: { zh: '已查看 {entries} 项，找到 {files} 个 Markdown 文件', en: '{entries} entries looked at, {files} Markdown files found' },
} satisfies Record<string, Msg>;

interface Cached {
  version: number;
  /** The text analysed: a hit needs the same version and the same text. */
  text: string;
  analysis: Analysis;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, Cached>();
  /**
   * Per open document, what its last analysis leaves for the next (AnalyzeOptions.previous). Kept
   * apart from `cache`: a re-check because a peer or a setting changed drops the analysis, not this.
   */
  const reuses = new Map<string, Reuse>();
  let locale: Locale = 'zh';
  let folders: string[] = [];
  let supportsConfiguration = false;
  /** The client sends settings changes only once asked to (VS Code's client does not otherwise). */
  let supportsConfigurationRegistration = false;
  let supportsProgress = false;
  let supportsWatchRegistration = false;
  let supportsCodeLensRefresh = false;

  const log = (m: string) => connection.console.log(m);
  const settings = new SettingsStore(
    (problem) => {
      connection.console.warn(problem);
      void connection.window.showWarningMessage(`GovReport: ${problem}`);
    },
    (notice) => log(notice),
  );
  let analyses = 0;
  /** The last analysis made: its passages, and how many came from its document's previous one (the debug request). */
  const lastReuse = { passages: 0, reused: 0 };
  /** What was last published per document, so an unchanged analysis is not sent twice. */
  const published = new Map<string, Analysis>();
  const queue = new AnalysisQueue((uri, why) => {
    const doc = documents.get(uri);
    if (doc) publish(doc, why === 'edited');
  });
  const index = new WorkspaceIndex(
    (path) => settings.configFor(path),
    () => locale,
    log,
  );

  /** Runs a handler; a failure is logged and answered with `fallback`, never fatal. */
  function safe<T>(name: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  }

  function analysisOf(doc: TextDocument): Analysis {
    const hit = cache.get(doc.uri);
    const text = doc.getText();
    if (hit && hit.version === doc.version && hit.text === text) return hit.analysis;
    // The old analysis is dropped before the new one is made, so the collector can reclaim it while
    // the new one is built (a 3 MB report's analysis held through the next one doubled what survives).
    cache.delete(doc.uri);
    published.delete(doc.uri);
    index.releaseDocument(doc.uri);
    const path = uriToPath(doc.uri);
    const fileName = path ? basename(path) : basename(doc.uri);
    const folderName = path ? basename(dirname(path)) : undefined;
    const config = settings.configFor(path);
    // Peers depend on this report's government and year, which the text itself tells.
    const analysis = analyze(text, {
      locale,
      fileName,
      folderName,
      config,
      peers: (meta) => index.peersFor(doc.uri, meta),
      previous: reuses.get(doc.uri),
    });
    reuses.set(doc.uri, analysis.reuse);
    lastReuse.passages = analysis.reuse.starts.length;
    lastReuse.reused = analysis.reuse.reused;
    analyses++;
    cache.set(doc.uri, { version: doc.version, text, analysis });
    index.updateFromDocument(doc.uri, doc.version, analysis);
    return analysis;
  }

  /**
   * Publishes the newest analysis (at most MAX_PUBLISHED diagnostics); re-checks its dependents when
   * it is new and the document itself changed. A re-check made because a peer changed does not
   * cascade: the two adjacent years would otherwise re-check each other for ever.
   */
  function publish(doc: TextDocument, cascade = true): void {
    safe('publishDiagnostics', undefined, () => {
      const a = analysisOf(doc);
      if (published.get(doc.uri) === a) return;
      published.set(doc.uri, a);
      // Our own output (the review checklist) quotes reports but is none: never linted.
      const diagnostics = isGenerated(a.text) ? [] : diagnosticsOf(a, doc.uri, locale);
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
      if (cascade) publishDependents(doc.uri, a);
    });
  }

  /** Queues the open reports whose cross-year findings (and code lenses) depend on `uri`'s report: the adjacent years'. */
  function publishDependents(uri: string, a: Analysis): void {
    let any = false;
    for (const dep of index.dependentsOf(uri, a.meta)) {
      if (!documents.get(dep)) continue;
      cache.delete(dep);
      queue.add(dep, 'dependent');
      any = true;
    }
    if (any && supportsCodeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  function recheckAll(): void {
    cache.clear();
    for (const doc of documents.all()) queue.add(doc.uri);
  }

  /** The requests' common path: a request cancelled before it ran is answered RequestCancelled, per the spec. */
  function answer<P, R>(name: string, fallback: R, fn: (params: P) => R) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      // One turn of the event loop first: a $/cancelRequest sent right behind the request is read by then.
      await new Promise((r) => setImmediate(r));
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
      return safe(name, fallback, () => fn(params));
    };
  }

  connection.onRequest(REJECTED_METHOD, (params: { code: number; message: string }) => new ResponseError(params.code, params.message));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = localeOf(params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale);
    const caps = params.capabilities;
    supportsConfiguration = !!caps.workspace?.configuration;
    supportsProgress = !!caps.window?.workDoneProgress;
    supportsWatchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    supportsConfigurationRegistration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    supportsCodeLensRefresh = !!caps.workspace?.codeLens?.refreshSupport;
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (!folders.length && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) folders = [p];
    }
    settings.setWorkspaceFolders(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        documentSymbolProvider: { label: 'GovReport' },
        foldingRangeProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'govreport', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (supportsConfiguration) await refreshSettings();
    // A setting changed in the editor (govreport.targetDiagnosticsInLastYear …) re-checks the open reports.
    if (supportsConfigurationRegistration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'govreport' });
    if (supportsWatchRegistration) {
      await connection.client.register(
        // Registered dynamically so any client (not only VS Code's) keeps the index current.
        DidChangeWatchedFilesNotification.type,
        { watchers: [{ globPattern: '**/*.{md,markdown}' }, { globPattern: `**/${CONFIG_FILE}` }] },
      );
    }
    await indexWorkspace();
  });

  async function refreshSettings(): Promise<void> {
    try {
      const raw = await connection.workspace.getConfiguration('govreport');
      settings.setEditorSettings(raw ?? {});
    } catch (e) {
      log(`cannot read settings: ${(e as Error).message}`);
    }
  }

  async function indexWorkspace(): Promise<void> {
    if (!folders.length) return;
    const progress = supportsProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin(format(MESSAGES.indexing, locale), 0, undefined, false);
    const started = Date.now();
    const walk = await walkMarkdownFiles(folders, { onProgress: (seen) => progress?.report(format(MESSAGES.walking, locale, seen)) });
    const files = walk.files;
    if (walk.truncated) log(`the workspace walk stopped at its bound (${walk.truncated}): ${walk.entries} entries, ${files.length} Markdown files`);
    let reports = 0;
    for (let i = 0; i < files.length; i++) {
      safe('index', undefined, () => {
        if (index.indexFile(files[i])) reports++;
      });
      if (i % 20 === 19) progress?.report(Math.round(((i + 1) * 100) / files.length), `${i + 1}/${files.length}`);
      // A turn of the event loop after each file, so that requests are answered while a big
      // workspace is indexed. A request takes three turns to run (vscode-jsonrpc reads it behind a
      // setImmediate, dispatches it behind another, and answer() waits one more to see a
      // $/cancelRequest): yielding every 20 files, it waited for two to five times 20 files
      // (56 ms a request over the bench's 1,000 reports); now for a few files.
      await new Promise((r) => setImmediate(r));
    }
    progress?.done();
    log(`indexed ${reports} report(s) among ${files.length} Markdown file(s) in ${Date.now() - started} ms`);
    // Open reports may now have peers they lacked.
    recheckAll();
  }

  connection.onDidChangeConfiguration(async () => {
    if (supportsConfiguration) await refreshSettings();
    recheckAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    safe('didChangeWatchedFiles', undefined, () => {
      let configChanged = false;
      const touched: string[] = [];
      for (const change of params.changes) {
        const path = uriToPath(change.uri);
        if (!path) continue;
        if (basename(path) === CONFIG_FILE) {
          configChanged = true;
          continue;
        }
        if (documents.get(change.uri)) continue; // the editor's copy is the truth
        if (change.type === FileChangeType.Deleted) index.remove(change.uri);
        else index.indexFile(path);
        touched.push(change.uri);
      }
      if (configChanged) {
        settings.invalidateFiles();
        recheckAll();
        return;
      }
      if (touched.length) recheckAll();
    });
  });

  documents.onDidOpen((e) => queue.add(e.document.uri));
  documents.onDidChangeContent((e) => queue.add(e.document.uri));
  documents.onDidClose((e) => {
    const a = cache.get(e.document.uri)?.analysis;
    cache.delete(e.document.uri);
    reuses.delete(e.document.uri);
    published.delete(e.document.uri);
    queue.delete(e.document.uri);
    index.closeDocument(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    if (a) publishDependents(e.document.uri, a);
  });

  connection.onDocumentSymbol(
    answer('documentSymbol', null, (params: { textDocument: { uri: string } }) => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? toDocumentSymbols(analysisOf(doc)) : null;
    }),
  );

  connection.onFoldingRanges(
    answer('foldingRange', null, (params: { textDocument: { uri: string } }) => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? toFoldingRanges(analysisOf(doc)) : null;
    }),
  );

  connection.onWorkspaceSymbol(
    answer('workspaceSymbol', [] as WorkspaceSymbol[], (params: { query: string }) =>
      index.search(params.query).map(({ entry, index: i }) => ({
        name: entry.symbols.name(i),
        kind: entry.symbols.kind(i) as WorkspaceSymbol['kind'],
        containerName: entry.symbols.containerName(i),
        location: { uri: entry.uri, range: entry.symbols.range(i) },
      })),
    ),
  );

  connection.onCodeAction(
    answer('codeAction', null, (params: Parameters<typeof codeActions>[2]) => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? codeActions(doc, analysisOf(doc), params, locale) : null;
    }),
  );

  connection.onHover(
    answer('hover', null, (params: { textDocument: { uri: string }; position: { line: number; character: number } }) => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? hoverAt(doc.uri, analysisOf(doc), doc.offsetAt(params.position), locale) : null;
    }),
  );

  connection.onCodeLens(
    answer('codeLens', null, (params: { textDocument: { uri: string } }) => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? targetCodeLenses(doc.uri, analysisOf(doc), locale) : null;
    }),
  );

  /** What the status bar shows for a report, with the config file that applies. */
  connection.onRequest(
    ReportInfoRequest.type,
    answer('reportInfo', null, (params: { uri: string }) => {
      const doc = documents.get(params.uri);
      if (!doc) return null;
      const a = analysisOf(doc);
      const source = settings.sourceOf(uriToPath(doc.uri));
      const info: ReportInfo = {
        year: a.meta.year,
        government: a.meta.government,
        yearSource: a.meta.yearSource,
        governmentSource: a.meta.governmentSource,
        targets: targetsOf(a, a.config).length,
        targetStatus: targetCounts(doc.uri, a),
        configFile: source.file,
        ignoredConfigFile: source.ignored,
      };
      return info;
    }),
  );

  /** The targets view: every report of the document's government (not only the adjacent years), by year, with target statuses. */
  connection.onRequest(
    TargetsRequest.type,
    answer('targets', [], (params: { uri: string }) => {
      const doc = documents.get(params.uri);
      if (!doc) return [];
      const a = analysisOf(doc);
      const all = Object.assign(Object.create(a) as Analysis, { peers: index.allPeersFor(doc.uri, a.meta) });
      return targetsOverview(doc.uri, all, locale);
    }),
  );

  /** Next year's review checklist, as Markdown. */
  connection.onRequest(
    ChecklistRequest.type,
    answer('checklist', null, (params: { uri: string }) => {
      const doc = documents.get(params.uri);
      return doc ? reviewChecklist(doc.uri, analysisOf(doc), locale) : null;
    }),
  );

  /** For benchmarks and leak checks: memory after a full GC when the server runs with --expose-gc. */
  connection.onRequest(DebugMemoryRequest.type, () => {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    return {
      rss: m.rss,
      heapUsed: m.heapUsed,
      reports: index.entries.size,
      cached: cache.size,
      analyses,
      pending: queue.size,
      lastPassages: lastReuse.passages,
      lastReused: lastReuse.reused,
    };
  });

  documents.listen(connection);
  connection.listen();
}
