// @ts-check
// 1. Year N's targets as the Problems view shows them: with year N+1's review in the workspace,
//    every 2023 target the 2024 review reports short is a target-missed warning, every one it gives
//    no figure for is target-unreported — on the target's clause, as `govreport check` of both
//    files says. The hover on a target adds the verdict.
'use strict';
const assert = require('assert/strict');
const path = require('path');
const vscode = require('vscode');
const { EXT_ROOT, hoverTexts, hovers, normLspDiagnostic, ourDiagnostics } = require('../helpers');
const { count, setup } = require('./setup');

/** @type {readonly (string | number | undefined)[]} */
const TARGET_CODES = ['target-missed', 'target-unreported'];

describe('targets 1. year N’s target diagnostics', () => {
  /** @type {import('./setup').Context} */
  let ctx;
  before(async () => {
    ctx = await setup();
  });

  it('xinshi-2023.md: all diagnostics = `govreport check` of both files; 6 target-missed, 11 target-unreported', () => {
    const [file] = ctx.files;
    const got = ourDiagnostics(ctx.doc.uri);
    assert.deepEqual(got, ctx.check.get(file).map(normLspDiagnostic));
    const targets = got.filter((d) => TARGET_CODES.includes(d.code));
    assert.deepEqual([got.filter((d) => d.code === 'target-missed').length, got.filter((d) => d.code === 'target-unreported').length], [6, 11]);
    // …which is what `govreport targets` counts too.
    assert.deepEqual([count(ctx.n, 'missed'), count(ctx.n, 'unreported'), count(ctx.n, 'met'), ctx.n.length], [6, 11, 12, 29]);
    assert.equal(targets.length, 17);
  });

  it('one diagnostic per missed / unreported target, on its clause (the range `govreport targets` gives), naming it and its outcome', () => {
    const got = (ourDiagnostics(ctx.doc.uri) ?? []).filter((d) => TARGET_CODES.includes(d.code));
    const nextUri = vscode.Uri.file(ctx.files[1]).toString();
    const want = ctx.n.filter((t) => t.status === 'missed' || t.status === 'unreported');
    assert.deepEqual(
      got.map((d) => [d.code, d.range]),
      want.map((t) => [`target-${t.status}`, t.range]),
    );
    for (const [i, t] of want.entries()) {
      const d = got[i];
      assert.equal(d.severity, 2, 'a warning');
      assert.equal(d.codeDescription?.href, vscode.Uri.file(path.join(EXT_ROOT, 'docs', 'rules', `${d.code}.md`)).toString());
      // The squiggle is on the target's clause as written.
      const text = ctx.doc.getText(new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character));
      assert.equal(text.replace(/\s+/g, ''), t.text.replace(/\s+/g, ''), `the text under the squiggle of ${t.label}`);
      if (t.status === 'unreported') {
        assert.equal(d.message, `The 2023 target "${t.label}": the review in the 2024 report gives no figure for it`);
        // Related: the 2024 review's heading (line 11).
        assert.deepEqual(
          (d.relatedInformation ?? []).map((r) => [r.location.uri, r.location.range.start.line, r.message]),
          [[nextUri, 10, 'the review in the 2024 report']],
        );
      } else {
        const says = t.words ? `, and says "${t.words}"` : '';
        assert.equal(
          d.message,
          `The 2023 target "${t.label}": the 2024 report gives ${t.outcomeFigure}, short of it${says} (line ${t.outcomeLine} of the 2024 report)`,
        );
        // Related: the outcome in 2024 (inside the clause the CLI names), then the words if any.
        const [outcome, ...rest] = d.relatedInformation ?? [];
        assert.ok(outcome, `${t.label}: related information`);
        assert.ok(t.outcomeLine !== null, `${t.label}: the 2024 report gives a figure`);
        assert.equal(outcome.location.uri, nextUri);
        assert.equal(outcome.location.range.start.line, t.outcomeLine - 1);
        assert.equal(outcome.message, `2024 outcome: ${t.outcomeFigure}`);
        assert.deepEqual(
          rest.map((r) => r.message),
          t.words ? [`2024 report: "${t.words}"`] : [],
        );
      }
    }
  });

  it('xinshi-2024.md: diagnostics = the CLI’s, none about targets (its own 4 targets await 2025)', () => {
    const got = ourDiagnostics(ctx.nextDoc.uri) ?? [];
    assert.deepEqual(got, ctx.check.get(ctx.files[1]).map(normLspDiagnostic));
    assert.deepEqual(
      got.filter((d) => TARGET_CODES.includes(d.code)),
      [],
    );
    assert.deepEqual(
      ctx.n1.map((t) => t.status),
      ['pending', 'pending', 'pending', 'pending'],
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
