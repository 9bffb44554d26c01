// @ts-check
// 4. GovReport: Open Rule Documentation — from a rule id (what the diagnostic's link and the
//    command palette give), or for the finding under the cursor — opens docs/rules/<id>.md rendered
//    in VS Code's Markdown preview.
'use strict';
const assert = require('assert/strict');
const path = require('path');
const vscode = require('vscode');
const { LANGUAGE_ID, docWithLanguage, log, show, waitFor, workspaceDir } = require('../helpers');

const allTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
/**
 * The Markdown preview tabs of a file named `name`.
 * @param {string} name
 */
const previewsOf = (name) =>
  allTabs().filter(
    /** @returns {t is vscode.Tab & { input: vscode.TabInputWebview }} */
    (t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes(name),
  );
/** @type {vscode.Event<unknown>[]} */
const tabEvents = [vscode.window.tabGroups.onDidChangeTabs, vscode.window.tabGroups.onDidChangeTabGroups];

describe('4. command govreport.openRuleDoc', () => {
  /** @type {vscode.TextDocument} */
  let doc;
  before(async () => {
    doc = await docWithLanguage(path.join(workspaceDir(), 'xinshi-2023.md'), LANGUAGE_ID);
    await show(doc);
  });

  after(async () => {
    const opened = [...previewsOf('punctuation-width.md'), ...previewsOf('stray-latin.md')];
    if (opened.length) await vscode.window.tabGroups.close(opened);
    await show(doc);
  });

  it('with a rule id: a Markdown preview tab of docs/rules/punctuation-width.md opens', async () => {
    assert.deepEqual(previewsOf('punctuation-width.md'), []);
    await vscode.commands.executeCommand('govreport.openRuleDoc', 'punctuation-width');
    const [tab] = await waitFor(tabEvents, () => previewsOf('punctuation-width.md').length > 0 && previewsOf('punctuation-width.md'), {
      what: 'a preview tab of punctuation-width.md',
    });
    log(`tab "${tab.label}" (${tab.input.viewType})`);
    assert.equal(tab.label, 'Preview punctuation-width.md');
    assert.equal(tab.isActive, true);
    assert.equal(previewsOf('punctuation-width.md').length, 1);
    // No editor of the raw Markdown file was opened instead (or as well).
    assert.deepEqual(
      allTabs()
        .filter((t) => t.input instanceof vscode.TabInputText && /docs[\\/]rules/.test(t.input.uri.fsPath))
        .map((t) => t.label),
      [],
    );
  });

  it('without an id, on the finding under the cursor (`and`, line 17): docs/rules/stray-latin.md', async () => {
    const editor = await show(doc);
    editor.selection = new vscode.Selection(16, 106, 16, 106);
    await vscode.commands.executeCommand('govreport.openRuleDoc');
    const [tab] = await waitFor(tabEvents, () => previewsOf('stray-latin.md').length > 0 && previewsOf('stray-latin.md'), {
      what: 'a preview tab of stray-latin.md',
    });
    assert.equal(tab.label, 'Preview stray-latin.md');
  });
});
