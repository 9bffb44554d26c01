// @ts-check
// 2. Quick fixes as the light bulb offers them, applied the way VS Code applies them
//    (executeCodeActionProvider + workspace.applyEdit); then fix-all. The file is reverted after.
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const {
  LANGUAGE_ID,
  cliDiagnostics,
  cliDiagnosticsOfText,
  cliFixedText,
  docWithLanguage,
  log,
  normLspDiagnostic,
  ourDiagnostics,
  revertUnsaved,
  show,
  waitFor,
  waitForDiagnostics,
  workspaceDir,
} = require('../helpers');

const COMMA = new vscode.Range(68, 14, 68, 15); // the half-width `,` in line 69
/**
 * The code actions VS Code would offer at `range` (of `kind`, if given).
 * @param {vscode.Uri} uri
 * @param {vscode.Range} range
 * @param {string} [kind]
 * @returns {Thenable<vscode.CodeAction[]>}
 */
const codeActions = (uri, range, kind) =>
  vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, kind).then((r) => /** @type {vscode.CodeAction[] | undefined} */ (r) || []);
/** A fix: a quick fix or fix-all that edits the text, not the suppression comment or the rule's page. @param {vscode.CodeAction} a */
const isFixable = (a) =>
  !!a.kind &&
  (vscode.CodeActionKind.QuickFix.contains(a.kind) || vscode.CodeActionKind.SourceFixAll.contains(a.kind)) &&
  !!a.edit &&
  !a.edit.entries().some(([, edits]) => edits.some((e) => e.newText.includes('govreport-disable-line')));
const PUNCT = 'Full-width punctuation in Chinese text'; // the rule's title, never its id, in a label

describe('2. quick fix, then fix all', () => {
  /** @type {string} */
  let file;
  /** @type {string} */
  let neighbour;
  /** @type {vscode.TextDocument} */
  let doc;
  /** @type {string} */
  let original;
  /** @type {import('../helpers').LspDiagnostic[]} */
  let before0;
  before(async () => {
    file = path.join(workspaceDir(), 'xinshi-2023.md');
    neighbour = path.join(path.dirname(file), 'xinshi-2024.md');
    doc = await docWithLanguage(file, LANGUAGE_ID);
    await show(doc);
    original = doc.getText();
    assert.equal(doc.isDirty, false);
    assert.equal(original, fs.readFileSync(file, 'utf8'));
    before0 = await waitForDiagnostics(doc.uri, cliDiagnostics([file, neighbour]).get(file), { what: 'the initial diagnostics' });
  });

  after(async () => {
    // Revert to the file on disk (it was never saved), whatever state a failure left.
    if (!doc) return;
    await revertUnsaved(doc, original, file);
    await waitForDiagnostics(doc.uri, before0, { what: 'the original diagnostics after the revert' });
  });

  it('the code actions on the `,` in line 69: its fix (preferred), “fix all” of the rule by name, disable on this line, the rule’s page, source.fixAll', async () => {
    const actions = await codeActions(doc.uri, COMMA);
    const punct = before0.filter((d) => d.code === 'punctuation-width').length;
    // The light bulb shows the quick fixes; the API command also returns source actions.
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind && a.kind.value, !!a.isPreferred]),
      [
        ['Replace with "，"', 'quickfix', true],
        [`Fix all ${punct} “${PUNCT}” problems in this file`, 'quickfix', false],
        [`Disable “${PUNCT}” for this line`, 'quickfix', false],
        [`Show the rule’s page: ${PUNCT}`, 'quickfix', false],
        ['GovReport: fix all auto-fixable problems', 'source.fixAll.govreport', false],
      ],
    );
    assert.ok(
      actions.every((a) => !/\bpunctuation-width\b/.test(a.title)),
      'no rule id in a label',
    );
    const page = actions.find((a) => a.title.startsWith('Show the rule’s page'));
    assert.deepEqual(page && page.command && [page.command.command, page.command.arguments], ['govreport.openRuleDoc', ['punctuation-width']]);
  });

  it('“Disable … for this line” appends the suppression comment: that rule goes quiet on line 69, nothing else changes', async () => {
    const disable = (await codeActions(doc.uri, COMMA)).find((a) => a.title.startsWith('Disable'));
    assert.ok(disable && disable.edit, 'offered, with an edit');
    const [[uri, edits]] = disable.edit.entries();
    assert.equal(uri.toString(), doc.uri.toString());
    const end = doc.lineAt(68).range.end;
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText]),
      [[68, end.character, 68, end.character, ' <!-- govreport-disable-line punctuation-width -->']],
    );
    assert.equal(await vscode.workspace.applyEdit(disable.edit), true);
    try {
      const want = before0.filter((d) => !(d.code === 'punctuation-width' && d.range.start.line === 68));
      assert.ok(before0.length - want.length >= 2, 'the `!`, the `,` and the other half-width marks of line 69');
      await waitForDiagnostics(doc.uri, want, { what: 'punctuation-width to go quiet on line 69' });
    } finally {
      await revertUnsaved(doc, original, file);
      await waitForDiagnostics(doc.uri, before0, { what: 'the diagnostics back after the revert' });
    }
  });

  it('applying it changes exactly that character; its diagnostic goes, every other stays', async () => {
    const [fix] = (await codeActions(doc.uri, COMMA)).filter((a) => a.isPreferred);
    assert.ok(fix && fix.edit instanceof vscode.WorkspaceEdit, 'the fix carries a WorkspaceEdit');
    const entries = fix.edit.entries();
    assert.equal(entries.length, 1);
    assert.equal(entries[0][0].toString(), doc.uri.toString());
    assert.deepEqual(
      entries[0][1].map((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText]),
      [[68, 14, 68, 15, '，']],
    );
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    const offset = doc.offsetAt(COMMA.start);
    assert.equal(doc.getText(), original.slice(0, offset) + '，' + original.slice(offset + 1));
    assert.equal(doc.isDirty, true);
    // The published list: the same as before minus the fixed one (one character for one: no range moves)…
    const want = before0.filter((d) => !(d.code === 'punctuation-width' && d.range.start.line === 68 && d.range.start.character === 14));
    assert.equal(want.length, before0.length - 1);
    const got = await waitForDiagnostics(doc.uri, want, { what: 'the fixed diagnostic to disappear' });
    // …which is also what the CLI says of the edited text.
    assert.deepEqual(got, cliDiagnosticsOfText(file, doc.getText(), [neighbour]).map(normLspDiagnostic));
    assert.deepEqual(await codeActions(doc.uri, COMMA).then((a) => a.filter((x) => x.isPreferred).map((x) => x.title)), [], 'no fix left at that place');
  });

  it('govreport.fixAll applies every fix in one step; no fixable finding remains; the text is the CLI’s `check --fix`', async () => {
    const beforeFix = doc.getText();
    const published = ourDiagnostics(doc.uri);
    assert.ok(published, 'the server has published for the report');
    const fixable = published.length;
    const all = new vscode.Range(0, 0, doc.lineCount, 0);
    const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('govreport').value;
    assert.deepEqual(
      (await codeActions(doc.uri, all, FIX_ALL)).map((a) => [a.title, a.kind?.value]),
      [['GovReport: fix all auto-fixable problems', 'source.fixAll.govreport']],
      'offered before',
    );
    const api = vscode.extensions.getExtension('govreport.govreport')?.exports;
    const noticesBefore = api.notices.length;
    const changed = waitFor([vscode.workspace.onDidChangeTextDocument], () => doc.getText() !== beforeFix, { what: 'fix-all to edit the report' });
    await vscode.commands.executeCommand('govreport.fixAll');
    await changed;
    assert.equal(doc.getText(), cliFixedText(file, beforeFix), 'the same text as `govreport check --fix`');
    const left = await waitForDiagnostics(doc.uri, cliDiagnosticsOfText(file, doc.getText(), [neighbour]), { what: 'the diagnostics after fix-all' });
    /** @type {Record<string, number>} */
    const left1 = {};
    for (const d of left) left1[String(d.code)] = (left1[String(d.code)] || 0) + 1;
    log(`fix-all: ${fixable} → ${left.length} diagnostics ${JSON.stringify(left1)}`);
    // It says what it did, as `check --fix` does: `已修复103处，剩余19处需人工核对`.
    assert.deepEqual(api.notices.slice(noticesBefore), [`Fixed ${fixable - left.length} problems; ${left.length} left to check by hand.`]);
    assert.ok(left.length < fixable);
    assert.deepEqual(
      left.filter((d) => ['punctuation-width', 'digit-spacing', 'broken-paragraph', 'heading-level'].includes(String(d.code))),
      [],
      'the kinds with fixes seen in 1. are all gone',
    );
    // Nothing fixable is offered any more: no source.fixAll action for the file, no quick fix on any remaining finding.
    assert.deepEqual(
      (await codeActions(doc.uri, all, FIX_ALL)).map((a) => a.title),
      [],
      'not offered after',
    );
    for (const d of left) {
      const r = new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character);
      assert.deepEqual(
        (await codeActions(doc.uri, r)).filter(isFixable).map((a) => a.title),
        [],
        `no fix for ${d.code} at ${d.range.start.line + 1}`,
      );
    }
  });
});
