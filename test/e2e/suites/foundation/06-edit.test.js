// @ts-check
// 6. An edit renames a section: diagnostics are pushed for the change, the outline and the
//    workspace index follow. The edit is undone afterwards (and the file left unmodified).
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const {
  LANGUAGE_ID,
  askUntil,
  cliDiagnosticsOfText,
  docWithLanguage,
  documentSymbols,
  log,
  normLspDiagnostic,
  ourDiagnostics,
  show,
  workspaceDir,
} = require('../helpers');

const OLD = '二、着力维护社会和谐稳定，持之以恒防范化解重大风险';
const NEW = '二、着力维护社会安全稳定，持之以恒防范化解重大风险';

describe('6. an edit that renames a section', () => {
  /** @type {string} */
  let dir;
  /** @type {vscode.TextDocument} */
  let doc;
  /** @type {string} */
  let original;
  /** @type {vscode.Range} */
  let range;
  before(async () => {
    dir = workspaceDir();
    doc = await docWithLanguage(path.join(dir, 'xinshi-2023.md'), LANGUAGE_ID);
    await show(doc);
    original = doc.getText();
    const line = original.split('\n').findIndex((l) => l.includes('二、着力维护社会和谐稳定'));
    const col = original.split('\n')[line].indexOf('和谐稳定');
    range = new vscode.Range(line, col, line, col + 4);
  });

  after(async () => {
    if (!doc || doc.getText() === original) return;
    const undo = new vscode.WorkspaceEdit();
    undo.replace(doc.uri, new vscode.Range(range.start, range.start.translate(0, 4)), '和谐稳定');
    assert.equal(await vscode.workspace.applyEdit(undo), true);
    assert.equal(doc.getText(), original);
    await doc.save();
    assert.equal(fs.readFileSync(doc.uri.fsPath, 'utf8'), original);
  });

  it('applies through a WorkspaceEdit; diagnostics are published for the new version', async () => {
    assert.equal(doc.getText(range), '和谐稳定');
    // Listen before editing: the server publishes on every change, with no artificial delay.
    const changed = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error('no diagnostics were published for the edited report within 10 s'));
      }, 10000);
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === doc.uri.toString())) {
          clearTimeout(timer);
          sub.dispose();
          resolve(Date.now());
        }
      });
    });
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, range, '安全稳定');
    const t0 = Date.now();
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    assert.equal(doc.isDirty, true);
    const t1 = await changed;
    // Same findings as the CLI on the edited text (beside the unchanged 2024 report; related
    // locations in the temporary copies mapped back to the workspace files).
    const want = cliDiagnosticsOfText(doc.uri.fsPath, doc.getText(), [path.join(dir, 'xinshi-2024.md')]).map(normLspDiagnostic);
    assert.deepEqual(ourDiagnostics(doc.uri), want);
    log(`edit → diagnostics event in ${t1 - t0} ms`);
  });

  it('the outline shows the new section name, in the same place', async () => {
    const symbols = await documentSymbols(doc.uri);
    const plan = symbols[0].children[1];
    const sections = plan.children.filter((s) => s.kind === vscode.SymbolKind.Class).map((s) => s.name);
    assert.equal(sections[1], NEW);
    assert.ok(!sections.includes(OLD));
    const renamed = plan.children.find((s) => s.name === NEW);
    assert.ok(renamed, `the section ${NEW}`);
    assert.deepEqual([renamed.range.start.line, renamed.range.end.line, renamed.detail], [88, 90, '着力']);
    assert.equal(symbols.length, 1, 'still one outline');
  });

  it('the workspace index has the open document’s text, not the file on disk', async () => {
    const { value } = await askUntil(
      () =>
        vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', '安全稳定').then((r) => {
          const symbols = /** @type {vscode.SymbolInformation[] | undefined} */ (r) ?? [];
          return symbols.filter((s) => s.kind !== vscode.SymbolKind.String);
        }),
      (list) => list.length > 0,
      { what: 'the renamed section in workspace symbols' },
    );
    assert.deepEqual(
      value.map((s) => [s.name, s.location.uri.toString()]),
      [[NEW, doc.uri.toString()]],
    );
  });
});
