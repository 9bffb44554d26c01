// @ts-check
// 1. Targets where the drafter writes: with both years open, the 2024 draft shows every 2023 target
//    its review reports short (target-missed, on the outcome) and one note per review section for
//    the task targets it gives no figure for (target-task-unreported) — as `govreport check` of both
//    files says. The 2023 report, published, keeps lenses and hover but no target diagnostics.
//    The hover on a target adds the verdict.
'use strict';
const assert = require('assert/strict');
const path = require('path');
const vscode = require('vscode');
const { EXT_ROOT, hoverTexts, hovers, normLspDiagnostic, ourDiagnostics } = require('../helpers');
const { count, setup } = require('./setup');

/** @type {readonly (string | number | undefined)[]} */
const TARGET_CODES = ['target-missed', 'target-unreported', 'target-task-unreported'];

describe('targets 1. year N’s target diagnostics', () => {
  /** @type {import('./setup').Context} */
  let ctx;
  before(async () => {
    ctx = await setup();
  });

  it('xinshi-2023.md: all diagnostics = `govreport check` of both files; none about its targets (a published report)', () => {
    const [file] = ctx.files;
    const got = ourDiagnostics(ctx.doc.uri);
    assert.deepEqual(got, ctx.check.get(file).map(normLspDiagnostic));
    assert.deepEqual(
      got.filter((d) => TARGET_CODES.includes(d.code)),
      [],
    );
    // `govreport targets` still has every verdict (the lenses and the view show them).
    assert.deepEqual([count(ctx.n, 'missed'), count(ctx.n, 'unreported'), count(ctx.n, 'met'), ctx.n.length], [6, 12, 12, 30]);
  });

  it('xinshi-2024.md, the draft: = the CLI’s; one warning per missed 2023 target on its outcome, the unreported ones noted per review section', () => {
    const got = ourDiagnostics(ctx.nextDoc.uri) ?? [];
    assert.deepEqual(got, ctx.check.get(ctx.files[1]).map(normLspDiagnostic));
    const lastYear = vscode.Uri.file(ctx.files[0]).toString();
    const missed = got.filter((d) => d.code === 'target-missed');
    const want = ctx.n.filter((t) => t.status === 'missed' && t.outcomeLine !== null);
    const byLine = (/** @type {number[]} */ xs) => [...xs].sort((x, y) => x - y);
    assert.deepEqual(byLine(missed.map((d) => d.range.start.line + 1)), byLine(want.map((t) => /** @type {number} */ (t.outcomeLine))));
    for (const t of want) {
      const opening = `The 2023 target "${t.label}" (line ${t.range.start.line + 1} of the 2023 report): this report gives `;
      const d = missed.find((x) => String(x.message).startsWith(opening) && String(x.message).endsWith(', short of it'));
      assert.ok(d, `a warning in the draft: ${opening}…`);
      assert.equal(d.severity, 2, 'a warning');
      assert.equal(d.range.start.line + 1, t.outcomeLine, 'on the outcome');
      assert.equal(d.codeDescription?.href, vscode.Uri.file(path.join(EXT_ROOT, 'docs', 'rules', 'target-missed.md')).toString());
      // Related: the target's clause in the 2023 report.
      assert.deepEqual(
        (d.relatedInformation ?? []).map((r) => [r.location.uri, r.location.range.start.line]),
        [[lastYear, t.range.start.line]],
      );
    }
    const notes = got.filter((d) => d.code === 'target-task-unreported');
    assert.ok(notes.length >= 1 && notes.every((d) => d.severity === 3), 'information notes');
    // Every unreported 2023 target is named by exactly one note (the sample has no 主要预期目标 passage).
    assert.equal(
      notes.reduce((n, d) => n + (d.relatedInformation ?? []).length, 0),
      count(ctx.n, 'unreported'),
    );
    assert.deepEqual(
      got.filter((d) => d.code === 'target-unreported'),
      [],
    );
  });

  it('the hover on a target’s figure ends with its verdict: `- Target check: ✓ 2024 report: 372亿元 (target 360亿元)`', async () => {
    const first = ctx.n[0];
    assert.equal(first.verdict, '✓ 2024 report: 372亿元 (target 360亿元)');
    // `360亿元` at the end of the first target's clause (line 103).
    const line = ctx.doc.lineAt(first.range.end.line).text;
    const at = line.lastIndexOf('360亿元', first.range.end.character);
    assert.ok(at >= first.range.start.character, `360亿元 in the clause: ${line.slice(first.range.start.character, first.range.end.character)}`);
    const list = await hovers(ctx.doc.uri, new vscode.Position(first.range.end.line, at + 1));
    const texts = hoverTexts(list);
    assert.equal(texts.length, 1, `one hover: ${JSON.stringify(texts)}`);
    assert.ok(texts[0].endsWith(`\n- Target check: ${first.verdict}`), `the hover ends with the verdict:\n${texts[0]}`);
    // An unreported target says so too.
    const unreported = ctx.n.find((t) => t.status === 'unreported');
    assert.ok(unreported, 'an unreported target');
    const u = ctx.doc.lineAt(unreported.range.start.line).text;
    const digit = u.slice(unreported.range.start.character, unreported.range.end.character).search(/\d/) + unreported.range.start.character;
    const h2 = hoverTexts(await hovers(ctx.doc.uri, new vscode.Position(unreported.range.start.line, digit)));
    assert.equal(h2.length, 1);
    assert.ok(h2[0].endsWith(`\n- Target check: ${unreported.verdict}`), `the hover ends with ${unreported.verdict}:\n${h2[0]}`);
  });
});
