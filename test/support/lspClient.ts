// A real JSON-RPC client over stdio, as any editor would talk to `node dist/server.js --stdio`.
// Tests wait for the notification they need, never a fixed sleep.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { REPO_ROOT } from './corpus';

export const SERVER_JS = join(REPO_ROOT, 'dist', 'server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    code?: string | number;
    severity?: number;
    message: string;
    source?: string;
  }[];
}

type Waiter = { match: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void };

export class LspClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  private readonly latest = new Map<string, PublishedDiagnostics>();
  private waiters: Waiter[] = [];
  /** How many publishDiagnostics notifications arrived, for any document. */
  published = 0;
  exited: number | null | undefined;

  constructor(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = process.env, nodeFlags: string[] = []) {
    this.process = spawn(process.execPath, [...nodeFlags, SERVER_JS, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.process.stderr!.on('data', (d) => this.stderr.push(String(d)));
    this.process.on('exit', (code) => (this.exited = code));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.latest.set(p.uri, p);
      this.published++;
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.connection.onNotification('window/showMessage', (p: { message: string }) => void this.logs.push(`showMessage: ${p.message}`));
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.listen();
  }

  settings: unknown = {};

  async initialize(rootPath?: string, extra: Record<string, unknown> = {}): Promise<any> {
    const rootUri = rootPath ? pathToFileURL(rootPath).href : null;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootPath ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities: {
        textDocument: { publishDiagnostics: { relatedInformation: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
      },
      ...extra,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics published for `uri` (optionally for a given version). */
  diagnostics(uri: string, version?: number): Promise<PublishedDiagnostics> {
    const have = this.latest.get(uri);
    if (have && (version === undefined || have.version === version)) return Promise.resolve(have);
    return new Promise((resolve) => this.waiters.push({ match: (p) => p.uri === uri && (version === undefined || p.version === version), resolve }));
  }

  /** Waits for a publication for `uri` that satisfies `pred` (e.g. after the index has settled). */
  waitDiagnostics(uri: string, pred: (p: PublishedDiagnostics) => boolean): Promise<PublishedDiagnostics> {
    const have = this.latest.get(uri);
    if (have && pred(have)) return Promise.resolve(have);
    return new Promise((resolve) => this.waiters.push({ match: (p) => p.uri === uri && pred(p), resolve }));
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): void {
    this.latest.delete(uri);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: unknown[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      /* already gone */
    }
    await new Promise<void>((resolve) => {
      if (this.exited !== undefined) return resolve();
      const timer = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve();
      }, 3000);
      this.process.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}
