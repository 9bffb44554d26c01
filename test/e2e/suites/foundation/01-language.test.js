// @ts-check
// 1. Markdown files that look like a report become `govreport` documents on open; others stay Markdown.
'use strict';
const assert = require('assert/strict');
const path = require('path');
const vscode = require('vscode');
const { EXTENSION_ID, LANGUAGE_ID, docWithLanguage, log, openDoc, waitFor, workspaceDir } = require('../helpers');

describe('1. report detection: a .md that looks like a report opens as govreport', () => {
  /** @type {string} */
  let dir;
  before(() => {
    dir = workspaceDir();
    assert.equal(path.basename(dir), 'two-years', 'the suite runs on artifacts/e2e-ws/two-years (npm run test:e2e)');
  });

  it('the report opened at start-up (xinshi-2023.md) is a govreport document in the active editor', async () => {
    const file = path.join(dir, 'xinshi-2023.md');
    // The workbench opened it as markdown; the extension (activated by onLanguage:markdown) switches it.
    const doc = await docWithLanguage(file, LANGUAGE_ID);
    assert.equal(doc.languageId, 'govreport');
    const editor = await waitFor(
      [vscode.window.onDidChangeActiveTextEditor],
      () => vscode.window.activeTextEditor?.document === doc && vscode.window.activeTextEditor,
      { what: 'the switched report in the active editor' },
    );
    assert.equal(editor.document.languageId, 'govreport');
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('opening xinshi-2024.md switches it to govreport; notes.md (not a report) stays markdown', async () => {
    const notes = path.join(dir, 'notes.md');
    const report = path.join(dir, 'xinshi-2024.md');
    // The language a document has at each open event (a language change is a close + an open).
    /** @type {[string, string][]} */
    const seen = [];
    const sub = vscode.workspace.onDidOpenTextDocument((d) => seen.push([path.basename(d.uri.fsPath), d.languageId]));
    try {
      const notesDoc = await vscode.workspace.openTextDocument(vscode.Uri.file(notes));
      const t0 = Date.now();
      await vscode.workspace.openTextDocument(vscode.Uri.file(report));
      const t1 = Date.now();
      const doc = await docWithLanguage(report, LANGUAGE_ID);
      log(`xinshi-2024.md opened in ${t1 - t0} ms, switched to govreport ${Date.now() - t1} ms later`);
      assert.equal(doc.languageId, 'govreport');
      assert.deepEqual(
        seen.filter(([f]) => f === 'xinshi-2024.md'),
        [
          ['xinshi-2024.md', 'markdown'],
          ['xinshi-2024.md', 'govreport'],
        ],
        'VS Code opens the .md as markdown, the extension switches it once',
      );
      // notes.md was opened first, so a switch of it would have been asked for before the report's.
      assert.deepEqual(
        seen.filter(([f]) => f === 'notes.md'),
        [['notes.md', 'markdown']],
      );
      assert.equal(notesDoc.languageId, 'markdown');
      assert.equal(openDoc(notes, LANGUAGE_ID), undefined);
    } finally {
      sub.dispose();
    }
  });
});
