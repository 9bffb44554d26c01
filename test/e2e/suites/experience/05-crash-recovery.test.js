// @ts-check
// 5. Crash recovery: the language server process is killed mid-session, twice. The
//    client restarts it, the user is told once (not once per crash), an edit made while the server
//    was down is not lost, and everything comes back. Runs last: it replaces the server process.
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const {
  EXTENSION_ID,
  LANGUAGE_ID,
  askUntil,
  cliDiagnostics,
  cliDiagnosticsOfText,
  cliOutline,
  docWithLanguage,
  documentSymbols,
  hoverTexts,
  hovers,
  log,
  plainSymbols,
  revertUnsaved,
  show,
  waitFor,
  waitForDiagnostics,
  workspaceDir,
} = require('../helpers');

const NOTICE = 'The GovReport language server stopped unexpectedly and was restarted; your unsaved edits are safe.';

/**
 * Processes whose parent is this extension host and which run the extension's dist/server.js.
 * @param {string} serverJs
 */
function serverProcesses(serverJs) {
  /** @type {number[]} */
  const out = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    let cmdline;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid …: comm may hold spaces and parentheses, so split after the last ')'.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (+ppid === process.pid && state !== 'Z' && cmdline.includes(serverJs)) out.push(+name);
  }
  return out;
}

/**
 * True once `pid` has exited (no /proc entry, or a zombie not yet reaped).
 * @param {number} pid
 */
function gone(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

describe('5. crash recovery: the server is killed twice mid-session', () => {
  /** @type {vscode.Extension<import('../../../../client/src/extension').GovReportApi>} */
  let ext;
  /** @type {string} */
  let serverJs;
  /** @type {string} */
  let file;
  /** @type {string} */
  let neighbour;
  /** @type {vscode.TextDocument} */
  let doc;
  /** @type {string} */
  let original;
  /** @type {import('../helpers').LspDiagnostic[]} */
  let originalDiagnostics;
  /** @type {number[]} */
  let pids = [];

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is installed`);
    ext = found;
    assert.ok(ext.isActive);
    assert.ok(ext.exports && Array.isArray(ext.exports.crashNotices), 'activate() returns the API with crashNotices');
    serverJs = path.join(ext.extensionPath, 'dist', 'server.js');
    file = path.join(workspaceDir(), 'xinshi-2023.md');
    neighbour = path.join(path.dirname(file), 'xinshi-2024.md');
    doc = await docWithLanguage(file, LANGUAGE_ID);
    await show(doc);
    original = doc.getText();
    assert.equal(doc.isDirty, false);
    originalDiagnostics = await waitForDiagnostics(doc.uri, cliDiagnostics([file, neighbour]).get(file), { what: 'the initial diagnostics' });
  });

  after(async () => {
    if (!doc) return;
    await revertUnsaved(doc, original, file);
  });

  it('before: exactly one server process, a child of the extension host, and no crash notice yet', () => {
    pids = serverProcesses(serverJs);
    assert.equal(pids.length, 1, `one ${serverJs} process under the extension host (pid ${process.pid}): ${pids}`);
    assert.deepEqual(ext.exports.crashNotices, []);
    log(`server pid ${pids[0]}`);
  });

  /**
   * SIGKILLs the server, waits until it is dead, applies `edit` at once (the server is down or
   * restarting), then waits for a new server process whose diagnostics equal the CLI's on the
   * edited text.
   */
  /**
   * @param {{ range: vscode.Range, text: string }} replace  the text expected at `range`
   * @param {string} by  what replaces it
   */
  async function killEditAndRecover(replace, by) {
    const [old] = serverProcesses(serverJs);
    assert.ok(old, 'a server process to kill');
    const t0 = Date.now();
    process.kill(old, 'SIGKILL');
    await askUntil(
      async () => gone(old),
      (g) => g,
      { what: `server ${old} to die`, timeoutMs: 5000 },
    );
    // Edit while it is down: the text at `replace` becomes `by`.
    const live = serverProcesses(serverJs);
    const edit = new vscode.WorkspaceEdit();
    const before = doc.getText();
    assert.equal(doc.getText(replace.range), replace.text);
    edit.replace(doc.uri, replace.range, by);
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const offset = doc.offsetAt(replace.range.start);
    assert.equal(doc.getText(), before.slice(0, offset) + by + before.slice(offset + replace.text.length));
    log(`killed ${old}; edited ${Date.now() - t0} ms later (server processes at that moment: ${live.length ? live : 'none'})`);
    // Back: a new process, and its diagnostics are those of the edited text (the edit reached it).
    const want = cliDiagnosticsOfText(file, doc.getText(), [neighbour]);
    const got = await waitForDiagnostics(doc.uri, want, { what: 'diagnostics of the edited text from the restarted server', timeoutMs: 15000 });
    const now = serverProcesses(serverJs);
    assert.equal(now.length, 1, `exactly one server process after the restart: ${now}`);
    assert.notEqual(now[0], old, 'a new process');
    log(`restarted as ${now[0]}; ${got.length} diagnostics ${Date.now() - t0} ms after the kill`);
    return { old, pid: now[0], diagnostics: got };
  }

  it('1st kill: restarted, the edit made while it was down is in the diagnostics, ONE notice', async () => {
    const { diagnostics } = await killEditAndRecover({ range: new vscode.Range(16, 105, 16, 108), text: 'and' }, '和');
    assert.equal(diagnostics.filter((d) => d.code === 'stray-latin').length, 0, 'the edit removed the stray `and`');
    assert.equal(diagnostics.length, originalDiagnostics.length - 1);
    assert.deepEqual(ext.exports.crashNotices, [NOTICE]);
  });

  it('the restarted server answers the rest too: outline = the CLI’s, hover on a number', async () => {
    const want = cliOutline(file);
    assert.deepEqual(plainSymbols(await documentSymbols(doc.uri)), want);
    const list = await hovers(doc.uri, new vscode.Position(34, 92));
    assert.equal(list.length, 1);
    assert.match(hoverTexts(list)[0], /^\*\*53家\*\* · 高新技术企业 · 2022 /);
  });

  it('2nd kill: restarted again with the second edit; still ONE notice in total', async () => {
    const { diagnostics } = await killEditAndRecover({ range: new vscode.Range(68, 14, 68, 15), text: ',' }, '，');
    assert.equal(diagnostics.filter((d) => d.code === 'punctuation-width' && d.range.start.line === 68 && d.range.start.character === 14).length, 0);
    assert.equal(diagnostics.length, originalDiagnostics.length - 2);
    assert.deepEqual(ext.exports.crashNotices, [NOTICE], 'no second notice');
    assert.equal(doc.getText().includes('和'), true, 'the first edit is still there');
  });

  it('after the crashes, edits still flow: reverting the file brings back the original diagnostics', async () => {
    await show(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor([vscode.workspace.onDidChangeTextDocument], () => !doc.isDirty && doc.getText() === original, { what: 'the revert' });
    await waitForDiagnostics(doc.uri, originalDiagnostics, { what: 'the original diagnostics' });
    assert.deepEqual(ext.exports.crashNotices, [NOTICE]);
    assert.equal(serverProcesses(serverJs).length, 1);
  });
});
