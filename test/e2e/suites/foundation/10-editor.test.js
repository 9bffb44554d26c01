// @ts-check
// 10. A report reads like a Markdown document: Markdown's editor defaults for the report language,
//     Markdown's preview keys, lead-ins bold in the preview (markdown-it-cjk-friendly), and a report
//     typed or pasted into a new file is recognised.
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { EXTENSION_ID, LANGUAGE_ID, askUntil, docWithLanguage, log, show, waitFor, workspaceDir } = require('../helpers');

/** The extension's API (activate()'s return). @returns {import('../../../../client/src/extension').GovReportApi} */
const api = () => vscode.extensions.getExtension(EXTENSION_ID)?.exports;

describe('10. the editor a drafter keeps open', () => {
  /** @type {vscode.TextDocument} */
  let doc;
  before(async () => {
    doc = await docWithLanguage(path.join(workspaceDir(), 'xinshi-2023.md'), LANGUAGE_ID);
    await show(doc);
  });
  after(async () => {
    await show(doc);
  });

  it('[govreport] gets Markdown’s defaults: word wrap, no ambiguous/invisible-character boxes, no word suggestions', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID });
    assert.equal(editor.get('wordWrap'), 'on');
    assert.equal(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.equal(editor.get('unicodeHighlight.invisibleCharacters'), false);
    assert.deepEqual(editor.get('quickSuggestions'), { comments: 'off', strings: 'off', other: 'off' });
    assert.equal(vscode.workspace.getConfiguration('diffEditor', { languageId: LANGUAGE_ID }).get('ignoreTrimWhitespace'), false);
    // The same as Markdown's, so the layout does not jump when a file switches to the report language.
    const markdown = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    for (const key of ['wordWrap', 'unicodeHighlight.ambiguousCharacters', 'unicodeHighlight.invisibleCharacters', 'quickSuggestions']) {
      assert.deepEqual(editor.get(key), markdown.get(key), key);
    }
  });

  it('Markdown’s preview keys work in a report: Ctrl+Shift+V and Ctrl+K V are bound for the report language', async () => {
    const keys = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.keybindings;
    /** @param {string} key */
    const bound = (key) =>
      keys.filter((/** @type {{ key: string }} */ k) => k.key === key).map((/** @type {{ command: string, when: string }} */ k) => [k.command, k.when]);
    assert.deepEqual(bound('shift+ctrl+v'), [['govreport.openPreview', 'editorLangId == govreport && !notebookEditorFocused']]);
    assert.deepEqual(bound('ctrl+k v'), [['govreport.showPreview', 'editorLangId == govreport && !notebookEditorFocused']]);
    // Ctrl+Shift+V's command: the preview in the report's own group.
    const previews = () =>
      vscode.window.tabGroups.all.flatMap((g) =>
        g.tabs.filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes('xinshi-2023.md')),
      );
    const before = previews().length;
    await vscode.commands.executeCommand('govreport.openPreview');
    const tabs = await waitFor(
      [vscode.window.tabGroups.onDidChangeTabs, vscode.window.tabGroups.onDidChangeTabGroups],
      () => previews().length > before && previews(),
      { what: 'a preview of the report' },
    );
    const opened = tabs[tabs.length - 1];
    log(`tab "${opened.label}" in column ${opened.group.viewColumn}`);
    // Close it by what is open now (the tab objects of an event are snapshots).
    await vscode.window.tabGroups.close(previews());
    await show(doc);
  });

  it('the preview renders every lead-in bold: `**以更优服务提升营商环境。**认真落实…` (CommonMark alone leaves the asterisks)', async () => {
    /** @type {string} */
    const html = await vscode.commands.executeCommand('markdown.api.render', '**以更优服务提升营商环境。**认真落实优化营商环境条例。');
    assert.match(html, /<strong>以更优服务提升营商环境。<\/strong>认真落实优化营商环境条例。/);
    // The whole sample: no asterisk left in the rendered text, one <strong> per bold run of the source.
    const sample = doc.getText();
    /** @type {string} */
    const rendered = await vscode.commands.executeCommand('markdown.api.render', sample);
    const visible = rendered.replace(/<[^>]+>/g, '');
    assert.equal((visible.match(/\*\*/g) || []).length, 0, 'no literal ** in the rendered report');
    const runs = (sample.match(/\*\*/g) || []).length / 2;
    assert.equal((rendered.match(/<strong>/g) || []).length, runs, `${runs} bold runs`);
    log(`${runs} bold runs rendered bold`);
  });

  it('a report pasted into a new untitled Markdown file is recognised: it switches to the report language, once said', async () => {
    const text = fs.readFileSync(path.join(workspaceDir(), 'xinshi-2023.md'), 'utf8');
    const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(untitled);
    const noticesBefore = api().notices.length;
    try {
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), text));
      // Detection runs on change, debounced; the switch reopens the document with the new language.
      const now = await waitFor(
        [vscode.workspace.onDidOpenTextDocument],
        () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === untitled.uri.toString() && d.languageId === LANGUAGE_ID),
        { what: 'the pasted report to switch to the report language' },
      );
      assert.equal(now.getText(), text);
      // Said once, right after the switch.
      const { value: said } = await askUntil(
        () => api().notices.slice(noticesBefore),
        (n) => n.length > 0,
        { what: 'the notice about the switch' },
      );
      assert.deepEqual(said, [`“${untitled.uri.path}” looks like a government work report: GovReport now checks it.`]);
      // And it is checked: the server publishes for it.
      await waitFor([vscode.languages.onDidChangeDiagnostics], () => vscode.languages.getDiagnostics(untitled.uri).length > 0, {
        what: 'diagnostics for the pasted report',
      });
    } finally {
      await vscode.window.showTextDocument(untitled);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await show(doc);
    }
  });

  it('a Markdown note stays Markdown however it is edited', async () => {
    const note = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(note);
    try {
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# 会议纪要\n\n讨论了2024年的工作安排。\n'));
      // Nothing to wait for but the debounce: give it twice its time, then look.
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(note.languageId, 'markdown');
    } finally {
      await vscode.window.showTextDocument(note);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await show(doc);
    }
  });
});
