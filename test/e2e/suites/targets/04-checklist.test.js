// @ts-check
// 4. Drafting aid: govreport.writeChecklist writes next year's review checklist from the active
//    report into an untitled Markdown document — every target grouped by section, the sentence
//    quoted, the outcome and status filled in from the 2024 report.
'use strict';
const assert = require('assert/strict');
const vscode = require('vscode');
const { show, waitFor } = require('../helpers');
const { api, setup } = require('./setup');

/** @param {string} s */
const esc = (s) => s.replace(/([*_`[\]<>])/g, '\\$1'); // the Markdown escaping of the checklist
/** @param {string} s */
const squash = (s) => s.replace(/\s+/g, '');

describe('targets 4. the review checklist', () => {
  /** @type {import('./setup').Context} */
  let ctx;
  /** @type {vscode.TextDocument} */
  let doc;
  /** @type {import('./setup').ReportTargets} */
  let view;
  before(async () => {
    ctx = await setup();
    const reports = /** @type {import('./setup').ReportTargets[]} */ (await vscode.commands.executeCommand('govreport.showTargets', ctx.doc.uri));
    const found = reports.find((r) => r.year === 2023);
    assert.ok(found, 'the 2023 report in the view');
    view = found;
    assert.equal(view.targets.length, 30);
  });
  after(async () => {
    // Close the untitled document without saving; back to the report.
    if (doc && !doc.isClosed) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitFor([vscode.workspace.onDidCloseTextDocument], () => doc.isClosed, { what: 'the checklist to be closed' });
    }
    await show(ctx.doc);
  });

  it('with the 2023 report active it returns an untitled Markdown document beside the report, shown in the active editor', async () => {
    doc = /** @type {vscode.TextDocument} */ (await vscode.commands.executeCommand('govreport.writeChecklist'));
    assert.ok(doc && typeof doc.getText === 'function', 'a TextDocument');
    assert.equal(doc.isUntitled, true);
    assert.equal(doc.uri.scheme, 'untitled');
    // Beside the report, so its relative link works and Save puts it there.
    assert.equal(doc.uri.path, vscode.Uri.joinPath(ctx.doc.uri, '..', 'xinshi-2023 review checklist.md').path);
    assert.equal(doc.languageId, 'markdown');
    assert.equal(doc.isDirty, true, 'unsaved: the user saves it where they like');
    const editor = await waitFor(
      [vscode.window.onDidChangeActiveTextEditor],
      () => vscode.window.activeTextEditor?.document === doc && vscode.window.activeTextEditor,
      { what: 'the checklist to be the active editor' },
    );
    assert.equal(editor.document.getText(), doc.getText());
  });

  it('our own output is no report: it stays Markdown, gets no diagnostic, and the targets view stays on the 2023 report', async () => {
    const before = api().targetsReport;
    assert.equal(before, ctx.doc.uri.toString());
    // Give detection (debounced on change) and the view (debounced on editor change) time to act, then look.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(doc.languageId, 'markdown', 'not switched to the report language');
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri), [], 'no diagnostic on the checklist');
    assert.equal(api().targetsReport, before, 'the view still shows the 2023 report');
    assert.ok(
      api().targets.some((r) => r.targets.length),
      'and its targets',
    );
    assert.equal(vscode.window.activeTextEditor?.document, doc, 'while the checklist is the active editor');
  });

  it('the first entry exactly, and 12 `- [x]` (met) and 18 `- [ ]` (missed or unreported)', () => {
    const text = doc.getText();
    assert.ok(text.startsWith('<!-- govreport: generated document, not a report -->\n# Review checklist for 2024\n\n'), text.slice(0, 200));
    assert.ok(
      text.includes(
        [
          '- [x] **区外到位资金 360亿元** (line 103)',
          '  - Target as written: “加快引进中国京华中心文化旅游综合体、中建新疆建工科创平台基地等文旅、科研总部项目，力争全年实现区外到位资金360亿元。”',
          '  - Outcome: 372亿元 (line 19 of the 2024 report) — met',
          '',
        ].join('\n'),
      ),
      'the first entry',
    );
    const lines = text.split('\n');
    assert.equal(lines.filter((l) => l.startsWith('- [x] ')).length, 12);
    assert.equal(lines.filter((l) => l.startsWith('- [ ] ')).length, 18);
    assert.equal(lines.filter((l) => /^- \[/.test(l)).length, 30);
  });

  it('the whole text: a summary, then every target in order under its section and lead-in, with the status and outcome `govreport targets` gives', () => {
    const text = doc.getText();
    const actual = text.split('\n');
    const want = [
      '<!-- govreport: generated document, not a report -->',
      '# Review checklist for 2024',
      '',
      // A relative link: the checklist sits beside the report.
      `> Against the 30 targets of the 2023 report ([xinshi-2023.md](xinshi-2023.md)): 12 met, 6 missed, 12 unreported, 0 pending.`,
    ];
    let lastSection = null;
    let lastLeadin = null;
    for (const [i, item] of view.targets.entries()) {
      const row = ctx.n[i];
      assert.equal(item.label, row.label);
      const [section, leadin] = item.section ? item.section.split(' · ') : [];
      if (section !== lastSection) {
        want.push('', `## ${section ?? 'Other'}`);
        lastSection = section;
        lastLeadin = null;
      }
      if (leadin && leadin !== lastLeadin) {
        want.push('', `### ${leadin}`);
        lastLeadin = leadin;
      }
      want.push('', `- [${row.status === 'met' ? 'x' : ' '}] **${esc(row.label)}** (line ${item.range.start.line + 1})`);
      // The quoted sentence: the one the target stands in (its clause is part of it, and it is in the report).
      const quoted = actual[want.length];
      const m = /^ {2}- Target as written: “(.*)”$/.exec(quoted ?? '');
      assert.ok(m, `line ${want.length + 1}: the sentence of ${row.label}: ${quoted}`);
      const sentence = m[1].replace(/\\([*_`[\]<>])/g, '$1');
      assert.ok(squash(sentence).includes(squash(row.text)), `${row.label}: “${sentence}” holds the clause “${row.text}”`);
      assert.ok(/[。；！？]$/.test(sentence), `${row.label}: a whole sentence: ${sentence}`);
      assert.ok(squash(ctx.doc.getText()).includes(squash(sentence)), `${row.label}: the sentence is the report’s`);
      want.push(quoted);
      const outcome = row.outcomeFigure !== null ? `${esc(row.outcomeFigure)} (line ${row.outcomeLine} of the 2024 report)` : '＿＿＿＿';
      want.push(`  - Outcome: ${outcome} — ${row.status}`);
      if (row.words) want.push(`  - Review says: “${esc(row.words)}”`);
    }
    want.push('');
    assert.deepEqual(actual, want);
  });
});
