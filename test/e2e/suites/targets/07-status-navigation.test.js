// @ts-check
// 7. What matters stands out: the status item counts by what a drafter acts on (`targets ✗6 ?11 ·
//    numbers 2 · clean-up 104`), and Ctrl+F8 / Ctrl+Shift+F8 step through the number and target
//    findings only, never the clean-up ones.
'use strict';
const assert = require('assert/strict');
const vscode = require('vscode');
const { askUntil, isOurs, show, waitFor } = require('../helpers');
const { api, count, setup } = require('./setup');

/** @param {{ source?: string }} d */
const category = (d) => (/·(numbers|数字)$/.test(d.source ?? '') ? 'numbers' : /·(targets|目标)$/.test(d.source ?? '') ? 'targets' : 'cleanup');

describe('targets 7. the status item and the number/target navigation', () => {
  /** @type {import('./setup').Context} */
  let ctx;
  before(async () => {
    ctx = await setup();
  });
  after(async () => {
    await show(ctx.doc);
  });

  it('xinshi-2023.md: `targets ✗<missed> ?<unreported> · numbers <n> · clean-up <n>`, the counts the CLI gives', async () => {
    const findings = ctx.check.get(ctx.files[0]);
    const numbers = findings.filter((d) => category(d) === 'numbers').length;
    const cleanup = findings.filter((d) => category(d) === 'cleanup').length;
    const want = `targets ✗${count(ctx.n, 'missed')} ?${count(ctx.n, 'unreported')} · numbers ${numbers} · clean-up ${cleanup}`;
    await show(ctx.doc);
    const { value } = await askUntil(
      () => api().statusText,
      (t) => t === want,
      { what: `the status item to say ${want}` },
    );
    assert.equal(value, want);
    assert.doesNotMatch(value, /\$\(error\)|\$\(warning\)/, 'not a second error/warning counter');
  });

  it('xinshi-2024.md, the draft: last year’s targets as its review answers them, `2023 targets ✗6 ?12 · …`', async () => {
    const findings = ctx.check.get(ctx.files[1]);
    const numbers = findings.filter((d) => category(d) === 'numbers').length;
    const cleanup = findings.filter((d) => category(d) === 'cleanup').length;
    const want = `2023 targets ✗${count(ctx.n, 'missed')} ?${count(ctx.n, 'unreported')} · numbers ${numbers} · clean-up ${cleanup}`;
    await show(ctx.nextDoc);
    const { value } = await askUntil(
      () => api().statusText,
      (t) => t === want,
      { what: `the status item to say ${want}` },
    );
    assert.equal(value, want);
    await show(ctx.doc);
  });

  it('Ctrl+F8 (govreport.nextProblem) lands on each number or target finding in turn, then wraps; Ctrl+Shift+F8 goes back', async () => {
    // The 2023 report with its own target diagnostics (govreport.targetDiagnosticsInLastYear), so
    // it has number and target findings among a hundred clean-up ones.
    const settings = vscode.workspace.getConfiguration('govreport');
    await settings.update('targetDiagnosticsInLastYear', true, vscode.ConfigurationTarget.Workspace);
    await waitFor(
      [vscode.languages.onDidChangeDiagnostics],
      () =>
        vscode.languages
          .getDiagnostics(ctx.doc.uri)
          .some((d) => d.code === 'target-missed' || (typeof d.code === 'object' && d.code.value === 'target-missed')),
      {
        what: 'the 2023 report’s own target diagnostics',
      },
    );
    const editor = await show(ctx.doc);
    const wanted = vscode.languages
      .getDiagnostics(ctx.doc.uri)
      .filter((d) => isOurs(d.source) && category(d) !== 'cleanup')
      .sort((a, b) => a.range.start.compareTo(b.range.start) || a.range.end.compareTo(b.range.end));
    assert.ok(wanted.length >= 5, `several number/target findings: ${wanted.length}`);
    const clean = vscode.languages.getDiagnostics(ctx.doc.uri).filter((d) => category(d) === 'cleanup');
    assert.ok(clean.length > wanted.length, 'more clean-up findings than number/target ones, none of them visited');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    /** @param {string} command */
    const step = async (command) => {
      const d = /** @type {vscode.Diagnostic} */ (await vscode.commands.executeCommand(command));
      await waitFor([vscode.window.onDidChangeTextEditorSelection], () => editor.selection.start.isEqual(d.range.start), { what: 'the selection to move' });
      // The view scrolls after the selection moves.
      await waitFor([vscode.window.onDidChangeTextEditorVisibleRanges], () => editor.visibleRanges.some((r) => r.contains(d.range.start)), {
        what: 'the finding to scroll into view',
      });
      return d;
    };
    // Only the distinct start positions: findings at one place are one stop.
    const stops = wanted.filter((d, i) => i === 0 || !d.range.start.isEqual(wanted[i - 1].range.start));
    for (const want of stops) {
      const d = await step('govreport.nextProblem');
      assert.notEqual(category(d), 'cleanup');
      assert.ok(d.range.isEqual(want.range) || d.range.start.isEqual(want.range.start), `at ${want.range.start.line + 1}:${want.range.start.character + 1}`);
      assert.ok(editor.selection.isEqual(new vscode.Selection(d.range.end, d.range.start)), 'the finding is selected, the cursor at its start');
      assert.ok(
        editor.visibleRanges.some((r) => r.contains(d.range.start)),
        'scrolled into view',
      );
    }
    // Past the last one: back to the first.
    assert.ok((await step('govreport.nextProblem')).range.start.isEqual(stops[0].range.start), 'wraps to the first');
    // Previous from the first: the last one.
    assert.ok((await step('govreport.previousProblem')).range.start.isEqual(stops[stops.length - 1].range.start), 'wraps back to the last');
    assert.ok((await step('govreport.previousProblem')).range.start.isEqual(stops[stops.length - 2].range.start), 'and one before it');
    const keys = vscode.extensions.getExtension('govreport.govreport')?.packageJSON.contributes.keybindings;
    assert.deepEqual(
      keys
        .filter((/** @type {{ command: string }} */ k) => /Problem$/.test(k.command))
        .map((/** @type {{ command: string, key: string }} */ k) => [k.command, k.key]),
      [
        ['govreport.nextProblem', 'ctrl+f8'],
        ['govreport.previousProblem', 'ctrl+shift+f8'],
      ],
    );
    await settings.update('targetDiagnosticsInLastYear', undefined, vscode.ConfigurationTarget.Workspace);
  });
});
