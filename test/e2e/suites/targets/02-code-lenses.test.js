// @ts-check
// 2. Code lenses: above each 2023 target what it is and the 2024 report's answer (`✓ 区外到位资金:
//    372亿元 / target 360亿元`), or `6 targets: ✓4 ✗1 ?1` for a crowded line; every lens clickable;
//    on the 2024 report's review heading the summary, a click opening the targets view.
'use strict';
const assert = require('assert/strict');
const vscode = require('vscode');
const { askUntil, log, show, waitFor } = require('../helpers');
const { api, byPosition, codeLenses, contains, count, lensesOf, plainRange, setup } = require('./setup');

/** @param {vscode.CodeLens} l */
const plainLens = (l) => ({ range: plainRange(l.range), title: l.command?.title, command: l.command?.command, arguments: l.command?.arguments });

describe('targets 2. code lenses', () => {
  /** @type {import('./setup').Context} */
  let ctx;
  /** @type {string} */
  let nextUri;
  before(async () => {
    ctx = await setup();
    nextUri = ctx.nextDoc.uri.toString();
  });
  after(async () => {
    await show(ctx.doc);
  });

  it('xinshi-2023.md: a lens per target on its clause, or one with the counts for a line of three or more; titles and commands = what `govreport targets` says', async () => {
    const lenses = (await codeLenses(ctx.doc.uri)).map(plainLens).sort(byPosition);
    const want = lensesOf(ctx.n);
    assert.deepEqual(
      lenses.map((l) => [l.range, l.title]),
      want.map((l) => [l.range, l.title]),
    );
    // The review part of the 2024 report (line 11), where an unreported target's lens leads: to its heading or a section's.
    assert.equal(ctx.nextDoc.lineAt(10).text, '## 2023年工作回顾');
    for (const [i, w] of want.entries()) {
      const l = lenses[i];
      if (w.targets.length > 1 && w.title.includes('targets:')) {
        // Collapsed: a click shows those targets in the view.
        assert.deepEqual([l.command, l.arguments], ['govreport.showTargets', [ctx.doc.uri.toString(), w.range.start.line]], w.title);
        continue;
      }
      const [t] = w.targets;
      // Every lens is clickable.
      assert.equal(l.command, 'govreport.revealLocation', t.label);
      assert.equal(l.arguments?.length, 2);
      assert.equal(l.arguments[0], nextUri);
      if (t.outcome) {
        // A click reveals the outcome: the figure in the 2024 report, inside the clause the CLI names.
        if (t.outcomeLine !== null) assert.equal(l.arguments[1].start.line, t.outcomeLine - 1, `${t.label}: the outcome’s line`);
        assert.ok(
          contains(t.outcome.range, l.arguments[1]),
          `${t.label}: ${JSON.stringify(l.arguments[1])} inside the outcome’s clause ${JSON.stringify(t.outcome.range)}`,
        );
      } else {
        // Unreported: a click opens the 2024 review section where the drafter would report it (a heading in the review part).
        assert.equal(t.status, 'unreported');
        const at = l.arguments[1].start.line;
        assert.ok(at >= 10 && /^#{2,6}\s/.test(ctx.nextDoc.lineAt(at).text), `${t.label}: a review heading, not line ${at + 1}`);
      }
    }
    const collapsed = want.filter((w) => w.title.includes('targets:'));
    assert.ok(collapsed.length >= 1, 'line 151 has six targets: one lens');
    const six = collapsed.find((w) => w.range.start.line === 150);
    assert.ok(six, 'the six targets of line 151 share one lens');
    assert.equal(six.targets.length, 6);
    log(`${lenses.length} lenses for ${ctx.n.length} targets; collapsed: ${collapsed.map((w) => `${w.range.start.line + 1}: ${w.title}`).join('; ')}`);
  });

  it('a collapsed lens, clicked, shows just its targets in the view (`line 151`); a filter shows all again', async () => {
    const six = (await codeLenses(ctx.doc.uri)).find((l) => l.range.start.line === 150);
    assert.ok(six && six.command, 'the lens of line 151');
    await vscode.commands.executeCommand(six.command.command, ...(six.command.arguments ?? []));
    const shown = api().targetsTree.flatMap((r) => r.sections.flatMap((x) => x.targets));
    const want = lensesOf(ctx.n)
      .find((w) => w.range.start.line === 150)
      ?.targets.map((t) => t.label);
    assert.deepEqual(shown, want, 'exactly the targets of that line');
    assert.equal(api().targetsReport, ctx.doc.uri.toString());
    await vscode.commands.executeCommand('govreport.filterTargets', 'all');
    assert.equal(
      api().targetsTree.flatMap((r) => r.sections.flatMap((x) => x.targets)).length,
      api().targets.reduce((n, r) => n + r.targets.length, 0),
      'all of them again',
    );
    await show(ctx.doc);
  });

  it('the first one exactly: `✓ 区外到位资金: 372亿元 / target 360亿元` (the sentence in its tooltip), revealing `372亿元` in line 19 of the 2024 report', async () => {
    const [first] = (await codeLenses(ctx.doc.uri)).sort(byPosition);
    assert.deepEqual(plainLens(first), {
      range: { start: { line: 102, character: 200 }, end: { line: 102, character: 217 } },
      title: '✓ 区外到位资金: 372亿元 / target 360亿元',
      command: 'govreport.revealLocation',
      arguments: [nextUri, { start: { line: 18, character: 38 }, end: { line: 18, character: 43 } }],
    });
    assert.equal(first.command?.tooltip, '✓ 2024 report: 372亿元 (target 360亿元)');
    assert.equal(ctx.doc.getText(first.range), '力争全年实现区外到位资金360亿元');
    // Clicking it = running its command: the 2024 report becomes the active editor, the figure selected.
    assert.ok(first.command);
    await vscode.commands.executeCommand(first.command.command, ...(first.command.arguments ?? []));
    const editor = await waitFor(
      [vscode.window.onDidChangeActiveTextEditor],
      () => vscode.window.activeTextEditor?.document.uri.toString() === nextUri && vscode.window.activeTextEditor,
      { what: 'the 2024 report to be the active editor' },
    );
    assert.deepEqual(plainRange(editor.selection), { start: { line: 18, character: 38 }, end: { line: 18, character: 43 } });
    assert.equal(editor.document.getText(editor.selection), '372亿元');
  });

  it('govreport.codeLens.enabled: false hides them, true brings them back', async () => {
    const config = vscode.workspace.getConfiguration('govreport');
    await config.update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await askUntil(
        () => codeLenses(ctx.doc.uri),
        (l) => l.length === 0,
        { what: 'no lens with the setting off' },
      );
    } finally {
      await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await askUntil(
      () => codeLenses(ctx.doc.uri),
      (l) => l.length === lensesOf(ctx.n).length,
      { what: 'the lenses back' },
    );
  });

  it('xinshi-2024.md: exactly one lens, on the review heading (line 11): `2023 targets: 18 reported (12 met, 6 missed), 12 unreported` → govreport.showTargets', async () => {
    const lenses = (await codeLenses(ctx.nextDoc.uri)).map(plainLens);
    const met = count(ctx.n, 'met');
    const missed = count(ctx.n, 'missed');
    const title = `2023 targets: ${met + missed} reported (${met} met, ${missed} missed), ${count(ctx.n, 'unreported')} unreported`;
    assert.equal(title, '2023 targets: 18 reported (12 met, 6 missed), 12 unreported');
    // The heading's place: where the CLI's note on the review part's unreported targets sits.
    const note = ctx.check.get(ctx.files[1]).find((d) => d.code === 'target-task-unreported' && d.range.start.line === 10);
    assert.ok(note, 'a target-task-unreported note on the review heading');
    const review = note.range;
    assert.deepEqual(lenses, [{ range: review, title, command: 'govreport.showTargets', arguments: [ctx.doc.uri.toString()] }]);
    assert.equal(review.start.line, 10);
    assert.equal(ctx.nextDoc.lineAt(10).text, '## 2023年工作回顾');
    assert.equal(ctx.nextDoc.getText(new vscode.Range(review.start.line, review.start.character, review.end.line, review.end.character)), '2023年工作回顾');
  });

  it('clicking the summary opens the list: govreport.showTargets with the 2023 report returns the view’s data: both years, the 2023 report’s 30 targets', async () => {
    const [lens] = await codeLenses(ctx.nextDoc.uri);
    await show(ctx.nextDoc); // the click happens in the 2024 report
    assert.ok(lens.command);
    const data = /** @type {import('../../../../shared/protocol').ReportTargets[]} */ (
      await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []))
    );
    assert.deepEqual(
      data.map((r) => [r.uri, r.year, r.targets.length]),
      [
        [nextUri, 2024, 4],
        [ctx.doc.uri.toString(), 2023, 30],
      ],
    );
    assert.deepEqual(JSON.parse(JSON.stringify(api().targets)), JSON.parse(JSON.stringify(data)), 'what the view shows');
  });
});
