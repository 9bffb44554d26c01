// @ts-check
// 6. Year N follows year N+1 as it is drafted: changing the review's `城镇新增就业2.7万人` to
//    `2.3万人` (an unsaved edit in the 2024 report) turns the 2023 target `城镇新增就业 2.5 万人`
//    missed — a 7th target-missed diagnostic in the 2023 report, its lens title, the summary lens
//    and the view's data change. Reverted afterwards: everything comes back.
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const vscode = require('vscode');
const { askUntil, normLspDiagnostic, ourDiagnostics, revertUnsaved, show, waitFor, waitForDiagnostics } = require('../helpers');
const { api, byPosition, checkOf, codeLenses, count, lensesOf, plainRange, setup, targetsOf } = require('./setup');

/**
 * The lenses' places and titles, in order, as one comparable string.
 * @param {readonly { range: import('../../oracles/targets').LspRange, command?: { title: string } }[]} lenses
 */
const lensKey = (lenses) => JSON.stringify([...lenses].sort(byPosition).map((l) => [plainRange(l.range), l.command?.title]));
/** @param {readonly import('./setup').Target[]} n */
const summaryTitle = (n) =>
  `2023 targets: ${count(n, 'met') + count(n, 'missed')} reported (${count(n, 'met')} met, ${count(n, 'missed')} missed), ${count(n, 'unreported')} unreported`;
const JOBS = '城镇新增就业 2.5万人'; // the label: name, then the figure in house style

describe('targets 6. an edit in year N+1’s review updates year N', () => {
  /** @type {import('./setup').Context} */
  let ctx;
  /** @type {string} */
  let original;
  /** @type {{ check: import('../../oracles/targets').FindingsByFile, targets: import('./setup').Target[] }} */
  let edited; // the CLI's view of the edited pair
  before(async () => {
    ctx = await setup();
    original = ctx.nextDoc.getText();
    assert.equal(ctx.nextDoc.isDirty, false);
    assert.equal(original, fs.readFileSync(ctx.files[1], 'utf8'));
  });
  after(async () => {
    // Revert the 2024 report to the file on disk (it was never saved), whatever a failure left.
    await revertUnsaved(ctx.nextDoc, original, ctx.files[1], 'the 2024 report');
    await show(ctx.doc);
  });

  it('the edit (a WorkspaceEdit in the 2024 review): a 7th target-missed appears in the 2024 draft, on the edited figure, = `govreport check` of the edited pair', async () => {
    const before0 = ourDiagnostics(ctx.nextDoc.uri);
    assert.ok(before0, 'the 2024 report’s diagnostics before the edit');
    const line = original.split('\n').findIndex((l) => l.includes('城镇新增就业2.7万人'));
    assert.equal(line, 42, 'line 43 of the 2024 report');
    const col = ctx.nextDoc.lineAt(line).text.indexOf('城镇新增就业2.7万人') + '城镇新增就业'.length;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(ctx.nextDoc.uri, new vscode.Range(line, col, line, col + 3), '2.3');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    assert.ok(ctx.nextDoc.lineAt(line).text.includes('城镇新增就业2.3万人'));
    assert.equal(ctx.nextDoc.isDirty, true);
    const texts = { [ctx.files[1]]: ctx.nextDoc.getText() };
    edited = { check: checkOf(ctx.files, texts), targets: targetsOf(ctx.files, texts) };
    const got = await waitForDiagnostics(ctx.nextDoc.uri, edited.check.get(ctx.files[1]), { what: 'the 2024 draft’s diagnostics after the edit' });
    assert.equal(got.filter((d) => d.code === 'target-missed').length, 7);
    // Exactly one diagnostic more, on the edited outcome, naming the 2023 target and its line.
    /** @param {import('../helpers').LspDiagnostic} d */
    const key = (d) => JSON.stringify(normLspDiagnostic(d));
    const added = got.filter((d) => !before0.some((b) => key(b) === key(d)));
    assert.equal(got.length, before0.length + 1);
    const jobs = ctx.n.find((t) => t.label === JOBS);
    assert.ok(jobs, `the target ${JOBS}`);
    assert.deepEqual(
      added.map((d) => [d.code, d.range.start.line, d.message]),
      [['target-missed', 42, `The 2023 target "${JOBS}" (line ${jobs.range.start.line + 1} of the 2023 report): this report gives 2.3万人, short of it`]],
    );
    // The 2023 report itself: still what the CLI says (no target diagnostics of its own).
    assert.deepEqual(ourDiagnostics(ctx.doc.uri) ?? [], edited.check.get(ctx.files[0]).map(normLspDiagnostic));
  });

  it('the lens over the target turns `✗ 城镇新增就业: 2.3万人 / target 2.5万人`; the others stay; the summary counts 11 met, 7 missed', async () => {
    const n = edited.targets.filter((t) => t.file === ctx.files[0]);
    const want = lensKey(lensesOf(n).map((l) => ({ range: l.range, command: { title: l.title } })));
    const { value } = await askUntil(
      () => codeLenses(ctx.doc.uri),
      (l) => lensKey(l) === want,
      { what: 'the 2023 lenses to follow the edit' },
    );
    const jobs = value.find((l) => l.command?.title.includes('target 2.5万人'));
    assert.equal(jobs?.command?.title, '✗ 城镇新增就业: 2.3万人 / target 2.5万人');
    assert.equal(ctx.n.find((t) => t.label === JOBS)?.title, '✓ 城镇新增就业: 2.7万人 / target 2.5万人', 'it was met before');
    const changed = n.filter((t, i) => t.title !== ctx.n[i].title).map((t) => t.label);
    assert.deepEqual(changed, [JOBS], 'only its title changed');
    const summary = await codeLenses(ctx.nextDoc.uri);
    assert.deepEqual(
      summary.map((l) => l.command?.title),
      [summaryTitle(n)],
    );
    assert.equal(summary[0].command?.title, '2023 targets: 18 reported (11 met, 7 missed), 12 unreported');
  });

  it('the view after a refresh: the target is missed with the 2.3 万人 outcome; statuses = the CLI’s on the edited pair', async () => {
    await show(ctx.doc);
    const data = /** @type {import('./setup').ReportTargets[]} */ (await vscode.commands.executeCommand('govreport.refreshTargets'));
    const report = data.find((r) => r.year === 2023);
    assert.ok(report, 'the 2023 report in the view');
    const n = edited.targets.filter((t) => t.file === ctx.files[0]);
    assert.deepEqual(
      report.targets.map((t) => [t.label, t.status, t.detail]),
      n.map((t) => [t.label, t.status, t.verdict]),
    );
    const jobs = report.targets.find((t) => t.label === JOBS);
    assert.deepEqual(
      [jobs?.status, jobs?.detail, jobs?.outcome?.text, jobs?.outcome?.range.start.line],
      ['missed', '✗ 2024 report: 2.3万人 (target 2.5万人), missed', '城镇新增就业2.3万人', 42],
    );
    assert.deepEqual(
      ['met', 'missed', 'unreported'].map((s) => report.targets.filter((t) => t.status === s).length),
      [11, 7, 12],
    );
    assert.deepEqual(JSON.parse(JSON.stringify(api().targets)), JSON.parse(JSON.stringify(data)));
  });

  it('reverting the 2024 report brings back the 6 misses, the lenses and the view', async () => {
    await show(ctx.nextDoc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor([vscode.workspace.onDidChangeTextDocument], () => !ctx.nextDoc.isDirty && ctx.nextDoc.getText() === original, {
      what: 'the 2024 report to be reverted',
    });
    await waitForDiagnostics(ctx.nextDoc.uri, ctx.check.get(ctx.files[1]), { what: 'the original diagnostics of the 2024 draft' });
    const want = lensKey(lensesOf(ctx.n).map((l) => ({ range: l.range, command: { title: l.title } })));
    await askUntil(
      () => codeLenses(ctx.doc.uri),
      (l) => lensKey(l) === want,
      { what: 'the original 2023 lenses' },
    );
    assert.deepEqual(
      (await codeLenses(ctx.nextDoc.uri)).map((l) => l.command?.title),
      ['2023 targets: 18 reported (12 met, 6 missed), 12 unreported'],
    );
    await show(ctx.doc);
    const data = /** @type {import('./setup').ReportTargets[]} */ (await vscode.commands.executeCommand('govreport.refreshTargets'));
    assert.deepEqual(
      data.find((r) => r.year === 2023)?.targets.map((t) => [t.label, t.status, t.detail]),
      ctx.n.map((t) => [t.label, t.status, t.verdict]),
    );
  });
});
