// @ts-check
// 3. The targets view (explorer, `govreport.targets`): the active report's government, reports by
//    year → targets with status and outcome; a click reveals the target's sentence. What the view
//    shows is the extension's `exports.targets`; the page check (test/e2e/page/ui.js) reads the DOM.
'use strict';
const assert = require('assert/strict');
const vscode = require('vscode');
const { cliOutline, flatten, show, waitFor } = require('../helpers');
const { api, contains, count, plainRange, setup } = require('./setup');

/** @param {unknown} x */
const json = (x) => JSON.parse(JSON.stringify(x));

describe('targets 3. the targets view', () => {
  /** @type {import('./setup').Context} */
  let ctx;
  /** @type {import('./setup').ReportTargets[]} */
  let data;
  /** @type {import('../helpers').LspSymbol[][]} */
  let outlines; // the CLI's outline of each report, flattened
  before(async () => {
    ctx = await setup();
    outlines = ctx.files.map((f) => flatten(cliOutline(f)));
  });
  after(async () => {
    await show(ctx.doc);
  });

  it('the view is contributed (its focus command exists) and govreport.showTargets focuses it and returns what it shows', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('govreport.targets.focus'), 'the workbench registered the view govreport.targets');
    // With the 2023 report active, no argument: the active report's government.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), ctx.doc.uri.toString());
    data = /** @type {import('./setup').ReportTargets[]} */ (await vscode.commands.executeCommand('govreport.showTargets'));
    assert.ok(Array.isArray(data), 'the command returns the data');
    assert.deepEqual(json(api().targets), json(data), 'exports.targets = what the command returned');
    // Focusing a view leaves the editor the active text editor.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), ctx.doc.uri.toString());
  });

  it('two reports of 新市区, newest first: 2024 (4 targets, pending, no 2025 report) and 2023 (30, checked against 2024)', () => {
    assert.deepEqual(
      data.map((r) => ({ uri: r.uri, year: r.year, government: r.government, next: r.next, targets: r.targets.length })),
      [
        { uri: ctx.nextDoc.uri.toString(), year: 2024, government: '新市区', next: undefined, targets: 4 },
        { uri: ctx.doc.uri.toString(), year: 2023, government: '新市区', next: ctx.nextDoc.uri.toString(), targets: 30 },
      ],
    );
    /** @param {import('./setup').ReportTargets} r */
    const statuses = (r) => ['met', 'missed', 'unreported', 'pending'].map((s) => r.targets.filter((t) => t.status === s).length);
    assert.deepEqual(statuses(data[1]), [12, 6, 12, 0]);
    assert.deepEqual(statuses(data[0]), [0, 0, 0, 4]);
  });

  it('per target: label, status, the outcome line (detail) and the outcome = `govreport targets --format json/text` of both files', () => {
    /** @type {[import('./setup').ReportTargets, import('./setup').Target[]][]} */
    const pairs = [
      [data[1], ctx.n],
      [data[0], ctx.n1],
    ];
    for (const [report, rows] of pairs) {
      const doc = report.year === 2023 ? ctx.doc : ctx.nextDoc;
      const outline = outlines[report.year === 2023 ? 0 : 1];
      assert.deepEqual(
        report.targets.map((t) => [t.label, t.status, t.statusName, t.detail, t.outcomeText]),
        rows.map((r) => [r.label, r.status, r.status, r.verdict, r.description]),
      );
      for (const [i, t] of report.targets.entries()) {
        const r = rows[i];
        // Its place: the figure, inside the target's clause.
        assert.ok(contains(r.range, t.range), `${t.label}: ${JSON.stringify(t.range)} inside ${JSON.stringify(r.range)}`);
        const figure = doc.getText(new vscode.Range(t.range.start.line, t.range.start.character, t.range.end.line, t.range.end.character));
        assert.ok(
          /[\d一二三四五六七八九十百千万亿两]/.test(figure) && r.text.replace(/\s+/g, '').includes(figure.replace(/\s+/g, '')),
          `${t.label}: the range is its figure “${figure}” in “${r.text}”`,
        );
        if (r.outcomeFigure !== null) {
          assert.ok(t.outcome && r.outcome, `${t.label}: an outcome in the view and in the CLI`);
          assert.deepEqual(
            [t.outcome.uri, t.outcome.text, t.outcome.range.start.line + 1],
            [ctx.nextDoc.uri.toString(), r.outcome.text, r.outcomeLine],
            t.label,
          );
          assert.ok(contains(r.outcome.range, t.outcome.range), `${t.label}: the outcome inside the clause the CLI names`);
        } else {
          assert.equal(t.outcome, undefined, t.label);
        }
        // Grouped under the outline's section (and lead-in) it stands in.
        const parts = t.section.split(' · ');
        assert.ok(parts.length >= 1 && parts.length <= 2, `${t.label}: section ${t.section}`);
        for (const name of parts) {
          assert.ok(
            outline.some((n) => n.name === name && contains(n.range, t.range)),
            `${t.label}: “${name}” is an outline node around it`,
          );
        }
      }
    }
    assert.deepEqual([count(ctx.n, 'met'), count(ctx.n, 'missed'), count(ctx.n, 'unreported')], [12, 6, 12]);
  });

  it('govreport.refreshTargets gives the same data again', async () => {
    assert.deepEqual(json(await vscode.commands.executeCommand('govreport.refreshTargets')), json(data));
    assert.deepEqual(json(api().targets), json(data));
  });

  it('clicking a target (its command: govreport.revealLocation with the report and the target’s range) makes the 2023 report active with the target selected', async () => {
    const report = data[1];
    // The first target, a missed one, one across a page break if any, the last one.
    const missed = report.targets.find((t) => t.status === 'missed');
    assert.ok(missed, 'a missed target');
    const picks = [
      ...new Set([
        report.targets[0],
        missed,
        report.targets.find((t) => t.range.start.line !== t.range.end.line) ?? report.targets[1],
        report.targets[report.targets.length - 1],
      ]),
    ];
    await show(ctx.nextDoc); // start elsewhere, so the first reveal has to switch editors
    for (const t of picks) {
      // What the view's tree item runs on a click (client/src/targetsView.ts getTreeItem).
      await vscode.commands.executeCommand('govreport.revealLocation', report.uri, t.range);
      const editor = await waitFor(
        [vscode.window.onDidChangeActiveTextEditor, vscode.window.onDidChangeTextEditorSelection],
        () => {
          const e = vscode.window.activeTextEditor;
          return e && e.document.uri.toString() === ctx.doc.uri.toString() && JSON.stringify(plainRange(e.selection)) === JSON.stringify(t.range) && e;
        },
        { what: `the 2023 report active with ${t.label} selected` },
      );
      // Revealed: the target's line scrolls into view.
      await waitFor([vscode.window.onDidChangeTextEditorVisibleRanges], () => editor.visibleRanges.some((r) => r.contains(editor.selection.start)), {
        what: `line ${t.range.start.line + 1} (${t.label}) to be visible; visible: ${JSON.stringify(editor.visibleRanges.map((r) => [r.start.line + 1, r.end.line + 1]))}`,
      });
      const selected = editor.document.getText(editor.selection).replace(/\s+/g, '');
      const row = ctx.n[report.targets.indexOf(t)];
      assert.ok(row.text.replace(/\s+/g, '').includes(selected), `${t.label}: the selection “${selected}” is the target in its clause “${row.text}”`);
    }
  });

  it('grouped by section: each report’s targets under the outline section they stand in, in order', () => {
    const tree = api().targetsTree;
    for (const report of data) {
      const shown = tree.find((r) => r.uri === report.uri);
      assert.ok(shown, `${report.uri} in the tree`);
      /** @type {{ name: string, targets: string[] }[]} */
      const want = [];
      for (const t of report.targets) {
        const name = t.sectionName || 'Other';
        const last = want.find((x) => x.name === name);
        if (last) last.targets.push(t.label);
        else want.push({ name, targets: [t.label] });
      }
      assert.deepEqual(shown.sections, want);
      assert.ok(want.every((x) => x.name === 'Other' || x.name === x.name.trim()));
    }
    const sections2023 = tree.find((r) => r.uri === ctx.doc.uri.toString())?.sections.map((x) => x.name);
    assert.deepEqual(sections2023, [...new Set(data[1].targets.map((t) => t.sectionName))], 'one group per section');
    assert.ok((sections2023?.length ?? 0) >= 3, `several sections: ${JSON.stringify(sections2023)}`);
  });

  it('the filter: 未完成 (missed) and 未报告 (unreported) show only those targets; 全部 all again', async () => {
    try {
      for (const [filter, status] of /** @type {const} */ ([
        ['missed', 'missed'],
        ['unreported', 'unreported'],
      ])) {
        assert.equal(await vscode.commands.executeCommand('govreport.filterTargets', filter), filter);
        assert.equal(api().targetsFilter, filter);
        const shown = api().targetsTree.flatMap((r) => r.sections.flatMap((x) => x.targets));
        const want = data.flatMap((r) => r.targets.filter((t) => t.status === status).map((t) => t.label));
        assert.deepEqual(shown, want, `${filter}: exactly the ${status} targets`);
        assert.equal(shown.length, count(ctx.n, status) + count(ctx.n1, status));
      }
    } finally {
      await vscode.commands.executeCommand('govreport.filterTargets', 'all');
    }
    assert.equal(api().targetsFilter, 'all');
    assert.equal(
      api().targetsTree.flatMap((r) => r.sections.flatMap((x) => x.targets)).length,
      data.reduce((n, r) => n + r.targets.length, 0),
    );
  });
});
