// The language server: wiring only. Every feature reads one analysis per (uri, version).
import { basename, dirname } from 'node:path';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
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
import { targetsOf } from './core/targets/select';
import { format, localeOf, type Msg } from './core/l10n';
import type { Locale } from './core/types';
import { CONFIG_FILE } from './configFile';
import { toDiagnostic, toDocumentSymbols, toFoldingRanges } from './convert';
import { ChecklistRequest, DebugMemoryRequest, ReportInfoRequest, TargetsRequest, type ReportInfo } from '../../shared/protocol';
import { SettingsStore } from './settings';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { hoverAt } from './features/hover';
import { reviewChecklist, targetCodeLenses, targetCounts, targetsOverview } from './features/targets';
import { isGenerated } from '../../shared/reportDetection';
import { uriToPath, WorkspaceIndex } from './workspaceIndex';

const MESSAGES = {
  indexing: { zh: 'GovReport：正在索引工作区报告', en: 'GovReport: indexing reports' },
} satisfies Record<string, Msg>;

interface Cached {
  version: number;
  analysis: Analysis;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, Cached>();
  let locale: Locale = 'zh';
  let folders: string[] = [];
  let supportsConfiguration = false;
  let supportsProgress = false;
  let supportsWatchRegistration = false;
  let supportsCodeLensRefresh = false;

  const log = (m: string) => connection.console.log(m);
  const settings = new SettingsStore((problem) => {
    connection.console.warn(problem);
    void connection.window.showWarningMessage(`GovReport: ${problem}`);
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
    if (hit && hit.version === doc.version) return hit.analysis;
    const path = uriToPath(doc.uri);
    const text = doc.getText();
    const fileName = path ? basename(path) : basename(doc.uri);
    const folderName = path ? basename(dirname(path)) : undefined;
    const config = settings.configFor(path);
    // Peers depend on this report's government and year, which the text itself tells.
    const analysis = analyze(text, { locale, fileName, folderName, config, peers: (meta) => index.peersFor(doc.uri, meta) });
    cache.set(doc.uri, { version: doc.version, analysis });
    index.updateFromDocument(doc.uri, doc.version, analysis);
    return analysis;
  }

  function publish(doc: TextDocument): void {
    safe('publishDiagnostics', undefined, () => {
      const a = analysisOf(doc);
      // Our own output (the review checklist) quotes reports but is none: never linted.
      const diagnostics = isGenerated(a.text) ? [] : a.findings.map((f) => toDiagnostic(f, doc.uri, a, locale));
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    });
  }

  /** Re-checks open reports whose cross-year findings (and code lenses) depend on `uri`'s report. */
  function publishDependents(uri: string): void {
    const a = cache.get(uri)?.analysis;
    if (!a) return;
    let any = false;
    for (const dep of index.dependentsOf(uri, a.meta)) {
      const doc = documents.get(dep);
      if (!doc) continue;
      cache.delete(dep);
      publish(doc);
      any = true;
    }
    if (any && supportsCodeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  function recheckAll(): void {
    cache.clear();
    for (const doc of documents.all()) publish(doc);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = localeOf(params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale);
    const caps = params.capabilities;
    supportsConfiguration = !!caps.workspace?.configuration;
    supportsProgress = !!caps.window?.workDoneProgress;
    supportsWatchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    supportsCodeLensRefresh = !!caps.workspace?.codeLens?.refreshSupport;
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (!folders.length && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) folders = [p];
    }
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
    const files = index.listMarkdownFiles(folders);
    const progress = supportsProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin(format(MESSAGES.indexing, locale), 0, `0/${files.length}`, false);
    const started = Date.now();
    let reports = 0;
    for (let i = 0; i < files.length; i++) {
      safe('index', undefined, () => {
        if (index.indexFile(files[i])) reports++;
      });
      // Yield now and then so requests are answered while a big workspace is indexed.
      if (i % 20 === 19) {
        progress?.report(Math.round(((i + 1) * 100) / files.length), `${i + 1}/${files.length}`);
        await new Promise((r) => setImmediate(r));
      }
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

  documents.onDidOpen((e) => publish(e.document));
  documents.onDidChangeContent((e) => {
    publish(e.document);
    publishDependents(e.document.uri);
  });
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    index.closeDocument(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    publishDependents(e.document.uri);
  });

  connection.onDocumentSymbol((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? safe('documentSymbol', [], () => toDocumentSymbols(analysisOf(doc))) : null;
  });

  connection.onFoldingRanges((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? safe('foldingRange', [], () => toFoldingRanges(analysisOf(doc))) : null;
  });

  connection.onWorkspaceSymbol((params) =>
    safe('workspaceSymbol', [] as WorkspaceSymbol[], () =>
      index.search(params.query).map(({ entry, symbol }) => ({
        name: symbol.name,
        kind: symbol.kind as WorkspaceSymbol['kind'],
        containerName: symbol.containerName,
        location: { uri: entry.uri, range: symbol.range },
      })),
    ),
  );

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? safe('codeAction', [], () => codeActions(doc, analysisOf(doc), params, locale)) : null;
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? safe('hover', null, () => hoverAt(doc.uri, analysisOf(doc), doc.offsetAt(params.position), locale)) : null;
  });

  connection.onCodeLens((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? safe('codeLens', [], () => targetCodeLenses(doc.uri, analysisOf(doc), locale)) : null;
  });

  /** What the status bar shows for a report. */
  connection.onRequest(ReportInfoRequest.type, (params) => {
    const doc = documents.get(params.uri);
    if (!doc) return null;
    return safe('reportInfo', null, () => {
      const a = analysisOf(doc);
      const info: ReportInfo = {
        year: a.meta.year,
        government: a.meta.government,
        targets: targetsOf(a, a.config).length,
        targetStatus: targetCounts(doc.uri, a),
      };
      return info;
    });
  });

  /** The targets view: every report of the document's government, by year, with target statuses. */
  connection.onRequest(TargetsRequest.type, (params) => {
    const doc = documents.get(params.uri);
    return doc ? safe('targets', [], () => targetsOverview(doc.uri, analysisOf(doc), locale)) : [];
  });

  /** Next year's review checklist, as Markdown. */
  connection.onRequest(ChecklistRequest.type, (params) => {
    const doc = documents.get(params.uri);
    return doc ? safe('checklist', null, () => reviewChecklist(doc.uri, analysisOf(doc), locale)) : null;
  });

  /** For benchmarks and leak checks: memory after a full GC when the server runs with --expose-gc. */
  connection.onRequest(DebugMemoryRequest.type, () => {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    return { rss: m.rss, heapUsed: m.heapUsed, reports: index.entries.size, cached: cache.size };
  });

  documents.listen(connection);
  connection.listen();
}
