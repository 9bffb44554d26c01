// @ts-check
// Shared helpers for the real-VS Code suites (run in the extension host, CommonJS).
// Everything waits on VS Code events or re-asks a command a bounded number of times; nothing
// sleeps for a fixed time.
'use strict';
const assert = require('assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const vscode = require('vscode');
const { FindingsByFile } = require('../oracles/targets');

/** @typedef {import('vscode-languageserver').Diagnostic} LspDiagnostic  what the server publishes and the CLI prints */
/** @typedef {import('vscode-languageserver').DocumentSymbol} LspSymbol  an outline node of `govreport outline --format json` */
/** @typedef {{ start: { line: number, character: number }, end: { line: number, character: number } }} RangeLike  a vscode.Range or an LSP Range */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXTENSION_ID = 'govreport.govreport';
/** The folder of the extension under test: the repo, or EXT_DEV_PATH (runTest.js). */
const EXT_ROOT = vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? ROOT;
/** Its CLI: the same core and build as its server. */
const CLI = path.join(EXT_ROOT, 'dist', 'cli.js');
const LANGUAGE_ID = 'govreport';
const SOURCE = 'govreport';
/** Our diagnostics' sources: `govreport·数字` (`govreport·numbers` in English) and so on, or plain `govreport`. */
const isOurs = (/** @type {string | undefined} */ source) => source === SOURCE || (!!source && source.startsWith(`${SOURCE}·`));

/** @param {...unknown} a */
const log = (...a) => console.log('    ·', ...a);

/**
 * Resolves with the first truthy value of `probe()`, evaluated now and again after every firing
 * of any of `events` (VS Code `Event`s). Rejects after `timeoutMs` with `what` and the last value.
 * @template T
 * @param {vscode.Event<unknown> | vscode.Event<unknown>[]} events
 * @param {() => T} probe
 * @param {{ timeoutMs?: number, what?: string }} [options]
 * @returns {Promise<Exclude<T, false | 0 | '' | null | undefined>>}
 */
function waitFor(events, probe, { timeoutMs = 10000, what = 'condition' } = {}) {
  const list = Array.isArray(events) ? events : [events];
  return new Promise((resolve, reject) => {
    /** @type {vscode.Disposable[]} */
    const subs = [];
    /** @type {T | undefined} */
    let last;
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    /** @param {() => void} settle */
    const finish = (settle) => {
      clearTimeout(timer);
      for (const s of subs) s.dispose();
      settle();
    };
    const check = () => {
      try {
        last = probe();
      } catch (e) {
        finish(() => reject(e));
        return true;
      }
      const value = last;
      if (value) finish(() => resolve(/** @type {Exclude<T, false | 0 | '' | null | undefined>} */ (value)));
      return !!value;
    };
    if (check()) return;
    for (const e of list) subs.push(e(() => void check()));
    timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
  });
}

/**
 * Asks `ask()` (async) again and again, each call right after the previous answer, until
 * `ok(answer)` holds; bounded by `timeoutMs`. For state that settles asynchronously in another
 * process (e.g. the server's workspace index) where no VS Code event tells us it is done.
 * Returns { value, tries }.
 * @template T
 * @param {() => T | Thenable<T>} ask
 * @param {(value: T) => boolean} ok
 * @param {{ timeoutMs?: number, what?: string }} [options]
 * @returns {Promise<{ value: T, tries: number }>}
 */
async function askUntil(ask, ok, { timeoutMs = 10000, what = 'answer' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let tries = 0;
  for (;;) {
    const value = await ask();
    tries++;
    if (ok(value)) return { value, tries };
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms (${tries} tries) waiting for ${what}; last answer: ${JSON.stringify(value)?.slice(0, 2000)}`);
    }
    await new Promise((r) => setImmediate(r));
  }
}

/** @param {vscode.Uri} uri */
const fsPathOf = (uri) => path.resolve(uri.fsPath);
/** @param {vscode.Uri} uri @param {string} file */
const sameFile = (uri, file) => fsPathOf(uri) === path.resolve(file);

/**
 * The open TextDocument for `file` whose languageId is `languageId`, if any.
 * @param {string} file
 * @param {string} [languageId]
 */
function openDoc(file, languageId) {
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && sameFile(d.uri, file) && (!languageId || d.languageId === languageId));
}

/**
 * Opens `file` (if needed) and resolves once VS Code has it with `languageId`.
 * @param {string} file
 * @param {string} languageId
 * @param {{ timeoutMs?: number }} [opts]
 */
async function docWithLanguage(file, languageId, opts = {}) {
  if (!openDoc(file, languageId)) await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return waitFor([vscode.workspace.onDidOpenTextDocument], () => openDoc(file, languageId), {
    what: `${path.basename(file)} to be open as ${languageId}`,
    ...opts,
  });
}

/**
 * Shows `doc` in an editor and resolves once it is the active one.
 * @param {vscode.TextDocument} doc
 */
async function show(doc) {
  await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
  return waitFor(
    [vscode.window.onDidChangeActiveTextEditor],
    () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === doc.uri.toString() && e.document.languageId === doc.languageId && e;
    },
    { what: `${path.basename(doc.uri.fsPath)} to be the active editor` },
  );
}

/**
 * `node dist/cli.js ARGS` (the CLI on the same core as the server); parses stdout as JSON.
 * @param {string[]} args
 * @returns {unknown}
 */
function cliJson(args) {
  let out;
  try {
    out = execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  } catch (e) {
    // `check` exits 1 when an error-level finding exists; its stdout is still the report.
    const err = /** @type {Error & { status: number | null, stdout?: string, stderr?: string }} */ (e);
    if (err.status === 1 && err.stdout) out = err.stdout;
    else throw new Error(`node dist/cli.js ${args.join(' ')} failed (${err.status}): ${err.stderr || err.message}`);
  }
  return JSON.parse(out);
}

/**
 * `govreport outline FILE --format json`: the LSP DocumentSymbol tree.
 * @param {string} file
 * @returns {LspSymbol[]}
 */
const cliOutline = (file) => /** @type {LspSymbol[]} */ (cliJson(['outline', file, '--format', 'json']));

/** The CLI's locale for the language VS Code runs in (the client passes vscode.env.language to the server). */
const cliLocale = () => (/^en\b/i.test(vscode.env.language) ? 'en' : 'zh');

/**
 * `govreport check FILES --format json` → Map(absolute path → LSP Diagnostic[]).
 * @param {string[]} files
 * @returns {FindingsByFile}
 */
function cliDiagnostics(files) {
  const abs = files.map((f) => path.resolve(f));
  const report = /** @type {{ files: { path: string, diagnostics: LspDiagnostic[] }[] }} */ (
    cliJson(['check', ...abs, '--format', 'json', '--locale', cliLocale()])
  );
  assert.deepEqual(Object.keys(report), ['files'], 'CLI JSON is exactly {"files": [...]}');
  return new FindingsByFile(report.files.map((f) => [path.resolve(ROOT, f.path), f.diagnostics]));
}

/**
 * The CLI's diagnostics for `file` as if it held `text`: the text is checked in a temporary
 * folder beside copies of `neighbours` (other reports of the folder, which it sees as other
 * years), and URIs of the temporary copies are mapped back to the real files. LSP Diagnostic[].
 * @param {string} file
 * @param {string} text
 * @param {string[]} [neighbours]
 * @returns {LspDiagnostic[]}
 */
function cliDiagnosticsOfText(file, text, neighbours = []) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-'));
  try {
    // The same folder name as the real one (the server reads it too).
    const dir = path.join(tmp, path.basename(path.dirname(path.resolve(file))));
    fs.mkdirSync(dir);
    const copy = path.join(dir, path.basename(file));
    fs.writeFileSync(copy, text);
    const others = neighbours.map((n) => {
      const c = path.join(dir, path.basename(n));
      fs.copyFileSync(n, c);
      return c;
    });
    const list = cliDiagnostics([copy, ...others]).get(copy);
    const from = pathToFileURL(dir).href + '/';
    const to = pathToFileURL(path.dirname(path.resolve(file))).href + '/';
    for (const d of list) {
      for (const r of d.relatedInformation || []) {
        if (r.location.uri.startsWith(from)) r.location.uri = to + r.location.uri.slice(from.length);
      }
    }
    return list;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * `govreport check --fix` on a temporary copy of `file` holding `text`: the text after every fix.
 * @param {string} file
 * @param {string} text
 */
function cliFixedText(file, text) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-'));
  try {
    const copy = path.join(tmp, path.basename(file));
    fs.writeFileSync(copy, text);
    cliJson(['check', copy, '--fix', '--format', 'json', '--locale', cliLocale()]);
    return fs.readFileSync(copy, 'utf8');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * @param {RangeLike} r
 * @returns {import('vscode-languageserver').Range}
 */
const plainRange = (r) => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } });
/** The rule page the CLI links: docs/rules/<id>.md of the extension under test. */
const ruleDocFile = (/** @type {string} */ id) => pathToFileURL(path.join(EXT_ROOT, 'docs', 'rules', `${id}.md`)).href;
/** @param {string | vscode.Uri} u */
const normUri = (u) => vscode.Uri.parse(String(u)).toString();

/**
 * The LSP Diagnostic shape both sides are compared in: fixed key order, normalised URIs.
 * @param {RangeLike} range
 * @param {import('vscode-languageserver').DiagnosticSeverity} severity
 * @param {string | number | undefined} code
 * @param {string | vscode.Uri | undefined} href
 * @param {{ source?: string, message: LspDiagnostic['message'], relatedInformation?: readonly { location: { uri: string | vscode.Uri, range: RangeLike }, message: string }[] }} d
 * @returns {LspDiagnostic}
 */
function lspShape(range, severity, code, href, d) {
  return {
    range: plainRange(range),
    severity,
    ...(code !== undefined ? { code } : {}),
    ...(href ? { codeDescription: { href: normUri(href) } } : {}),
    ...(d.source !== undefined ? { source: d.source } : {}),
    message: d.message,
    ...(d.relatedInformation && d.relatedInformation.length
      ? {
          relatedInformation: d.relatedInformation.map((r) => ({
            location: { uri: normUri(r.location.uri), range: plainRange(r.location.range) },
            message: r.message,
          })),
        }
      : {}),
  };
}

/**
 * A vscode.Diagnostic as the LSP Diagnostic object it came from (what the CLI prints).
 * @param {vscode.Diagnostic} d
 */
function toLspDiagnostic(d) {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  // The client links a code to the rule's page opened read-only (a command); the server and the CLI name the file.
  const target = typeof d.code === 'object' ? d.code.target : undefined;
  const href = target && target.scheme === 'command' ? ruleDocFile(String(code)) : target;
  // vscode.DiagnosticSeverity counts from 0 (Error), LSP's from 1.
  return lspShape(d.range, /** @type {import('vscode-languageserver').DiagnosticSeverity} */ (d.severity + 1), code, href, d);
}

/**
 * An LSP Diagnostic as printed by the CLI, normalised like toLspDiagnostic (key order, URIs).
 * @param {LspDiagnostic} d
 */
function normLspDiagnostic(d) {
  return lspShape(d.range, d.severity ?? 1, d.code, d.codeDescription && d.codeDescription.href, d);
}

/**
 * Our diagnostics for `uri` as VS Code holds them (source govreport), or undefined if the server never published for it.
 * @param {vscode.Uri} uri
 */
function ourDiagnostics(uri) {
  const entry = vscode.languages.getDiagnostics().find(([u]) => u.toString() === uri.toString());
  if (!entry) return undefined;
  return entry[1].filter((d) => isOurs(d.source)).map(toLspDiagnostic);
}

/**
 * Waits until our diagnostics for `uri` (LSP shape) equal `want` (LSP Diagnostic[], normalised
 * here) and returns them; on timeout, fails with the difference rather than just the timeout.
 * @param {vscode.Uri} uri
 * @param {LspDiagnostic[]} want
 * @param {{ what?: string, timeoutMs?: number }} [options]
 * @returns {Promise<LspDiagnostic[]>}
 */
async function waitForDiagnostics(uri, want, { what = 'diagnostics', timeoutMs = 10000 } = {}) {
  const expected = want.map(normLspDiagnostic);
  const key = JSON.stringify(expected);
  /** @type {LspDiagnostic[] | undefined} */
  let last;
  try {
    await waitFor(
      [vscode.languages.onDidChangeDiagnostics],
      () => {
        last = ourDiagnostics(uri);
        return last !== undefined && JSON.stringify(last) === key;
      },
      { what, timeoutMs },
    );
  } catch (e) {
    assert.deepEqual(last, expected, /** @type {Error} */ (e).message);
    throw e;
  }
  assert.ok(last);
  return last;
}

/**
 * DocumentSymbol tree → plain { name, detail, kind (LSP numbering), range, selectionRange, children }.
 * @param {readonly vscode.DocumentSymbol[] | undefined} symbols
 * @returns {LspSymbol[]}
 */
function plainSymbols(symbols) {
  return (symbols || []).map((s) => ({
    name: s.name,
    detail: s.detail,
    kind: /** @type {import('vscode-languageserver').SymbolKind} */ (s.kind + 1), // vscode.SymbolKind is 0-based, LSP's 1-based
    range: plainRange(s.range),
    selectionRange: plainRange(s.selectionRange),
    children: plainSymbols(s.children),
  }));
}

/**
 * Every node of a symbol tree (VS Code's or the CLI's), depth first.
 * @template {vscode.DocumentSymbol | LspSymbol} T
 * @param {readonly T[] | undefined} symbols
 * @param {T[]} [out]
 * @returns {T[]}
 */
function flatten(symbols, out = []) {
  for (const s of symbols || []) {
    out.push(s);
    flatten(/** @type {readonly T[] | undefined} */ (s.children), out);
  }
  return out;
}

/**
 * The document symbols every provider gives for `uri` (ours, or the Markdown extension's).
 * @param {vscode.Uri} uri
 * @returns {Thenable<vscode.DocumentSymbol[]>}
 */
const documentSymbols = (uri) =>
  vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri).then((r) => /** @type {vscode.DocumentSymbol[] | undefined} */ (r) || []);

/**
 * The hovers every provider gives at `pos`.
 * @param {vscode.Uri} uri
 * @param {vscode.Position} pos
 * @returns {Thenable<vscode.Hover[]>}
 */
const hovers = (uri, pos) =>
  vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos).then((r) => /** @type {vscode.Hover[] | undefined} */ (r) || []);

/**
 * The Markdown text of each part of each hover.
 * @param {readonly vscode.Hover[]} list
 */
const hoverTexts = (list) => list.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));

/** The workspace folder the run opened (artifacts/e2e-ws/two-years). */
function workspaceDir() {
  const f = vscode.workspace.workspaceFolders;
  assert.ok(f && f.length === 1, 'exactly one workspace folder is open');
  return f[0].uri.fsPath;
}

/**
 * Reverts an unsaved document to its file on disk (whatever state a failed test left) and checks
 * the file itself was never written.
 * @param {vscode.TextDocument} doc
 * @param {string} original
 * @param {string} file
 */
async function revertUnsaved(doc, original, file, what = 'the report') {
  await show(doc);
  if (doc.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor([vscode.workspace.onDidChangeTextDocument], () => !doc.isDirty && doc.getText() === original, { what: `${what} to be reverted` });
  assert.equal(fs.readFileSync(file, 'utf8'), original, 'the file on disk was never changed');
}

module.exports = {
  ROOT,
  EXT_ROOT,
  CLI,
  EXTENSION_ID,
  LANGUAGE_ID,
  SOURCE,
  isOurs,
  ruleDocFile,
  log,
  waitFor,
  askUntil,
  openDoc,
  docWithLanguage,
  show,
  sameFile,
  cliJson,
  cliOutline,
  cliLocale,
  cliDiagnostics,
  cliDiagnosticsOfText,
  cliFixedText,
  toLspDiagnostic,
  normLspDiagnostic,
  ourDiagnostics,
  waitForDiagnostics,
  plainSymbols,
  flatten,
  documentSymbols,
  hovers,
  hoverTexts,
  workspaceDir,
  revertUnsaved,
};
