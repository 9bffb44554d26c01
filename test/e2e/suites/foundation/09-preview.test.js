// @ts-check
// 9. GovReport: Show Preview opens VS Code's Markdown preview beside a govreport document.
'use strict';
const assert = require('assert/strict');
const path = require('path');
const vscode = require('vscode');
const { LANGUAGE_ID, docWithLanguage, log, show, waitFor, workspaceDir } = require('../helpers');

/**
 * @param {vscode.Tab} tab
 * @param {string} name
 * @returns {tab is vscode.Tab & { input: vscode.TabInputWebview }}
 */
const isPreviewOf = (tab, name) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType) && tab.label.includes(name);

describe('9. command govreport.showPreview', () => {
  /** @type {vscode.TextDocument} */
  let doc;
  before(async () => {
    doc = await docWithLanguage(path.join(workspaceDir(), 'xinshi-2023.md'), LANGUAGE_ID);
    await show(doc);
  });

  // Last suite: leave the report and its preview on screen for SHIM_SCREENSHOT (taken after the
  // extension host has stopped, so the Outline view and Problems count are empty by then).
  after(async () => {
    await show(doc);
  });

  it('opens a Markdown preview tab for the report, to the side, and keeps the report govreport', async () => {
    const previews = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.filter((t) => isPreviewOf(t, 'xinshi-2023.md')));
    assert.deepEqual(previews(), [], 'no preview before');
    await vscode.commands.executeCommand('govreport.showPreview');
    const [tab] = await waitFor(
      [vscode.window.tabGroups.onDidChangeTabs, vscode.window.tabGroups.onDidChangeTabGroups],
      () => previews().length > 0 && previews(),
      { what: 'a Markdown preview tab for xinshi-2023.md' },
    );
    log(`tab "${tab.label}" (${tab.input.viewType}) in column ${tab.group.viewColumn}`);
    assert.match(tab.label, /Preview|预览/);
    assert.equal(previews().length, 1);
    assert.equal(tab.group.viewColumn, vscode.ViewColumn.Two, 'beside the editor');
    const editorTab = vscode.window.tabGroups.all[0].tabs.find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString());
    assert.ok(editorTab, 'the report stays open in the first group');
    assert.equal(doc.languageId, 'govreport', 'opening the preview does not switch the language');
  });
});
