// @ts-check
// 1. What the Problems view and the squiggles show: exact codes, ranges, severities and messages
//    for a representative finding of each kind, and the whole list equal to the CLI's.
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const vscode = require('vscode');
const { EXT_ROOT, LANGUAGE_ID, cliDiagnostics, docWithLanguage, isOurs, log, show, waitForDiagnostics, workspaceDir } = require('../helpers');

const S = { error: 1, warning: 2, information: 3, hint: 4 }; // LSP DiagnosticSeverity
/** @param {number} l1 @param {number} c1 @param {number} l2 @param {number} c2 */
const range = (l1, c1, l2, c2) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
/** @param {string} id */
const docHref = (id) => pathToFileURL(path.join(EXT_ROOT, 'docs', 'rules', `${id}.md`)).href;

/** Findings on the sample report (examples/xinshi-2023.md), 0-based positions as VS Code holds them. */
const REPRESENTATIVE = [
  // `and` left over from a conversion, line 17.
  {
    code: 'stray-latin',
    severity: S.information,
    range: range(16, 105, 16, 108),
    message: 'Latin word "and" inside Chinese prose is neither an acronym nor a name; probably a conversion leftover',
    text: 'and',
  },
  // A page break splits a sentence, lines 21 → 23.
  {
    code: 'broken-paragraph',
    severity: S.information,
    range: range(20, 85, 22, 1),
    message: 'A sentence is split by blank lines (a PDF page break): join "…药业与广药集团签" and "订战略合作协议，…" into one paragraph',
    text: '签\n\n订',
  },
  // Half-width `!` and `,` in line 69.
  {
    code: 'punctuation-width',
    severity: S.information,
    range: range(68, 6, 68, 7),
    message: 'Half-width exclamation mark "!" should be full-width "！"',
    text: '!',
  },
  { code: 'punctuation-width', severity: S.information, range: range(68, 14, 68, 15), message: 'Half-width comma "," should be full-width "，"', text: ',' },
  // `53 家` in line 35: a hint, whose range starts beside the figure (the hover on `53` opens with the figure).
  {
    code: 'digit-spacing',
    severity: S.hint,
    range: range(34, 89, 34, 95),
    message: 'No space between a number and Chinese text: "业 53 家" should be "业53家"',
    text: '业 53 家',
  },
];

describe('1. diagnostics as the user sees them', () => {
  /** @type {string} */
  let file;
  /** @type {vscode.TextDocument} */
  let doc;
  /** @type {import('../helpers').LspDiagnostic[]} */
  let published;
  before(async () => {
    file = path.join(workspaceDir(), 'xinshi-2023.md');
    doc = await docWithLanguage(file, LANGUAGE_ID);
    await show(doc);
  });

  it('all published diagnostics (source govreport) equal `govreport check --format json` for the file', async () => {
    // The server may first publish before its workspace index knows the 2024 report; wait for the
    // list to equal the CLI's (given both years, as the index sees them).
    const want = cliDiagnostics([file, path.join(path.dirname(file), 'xinshi-2024.md')]).get(file);
    published = await waitForDiagnostics(doc.uri, want, { what: 'the diagnostics of xinshi-2023.md to equal the CLI’s' });
    log(`${published.length} diagnostics; by code ${JSON.stringify(countBy(published, (d) => d.code))}`);
  });

  for (const r of REPRESENTATIVE) {
    it(`${r.code} at ${r.range.start.line + 1}:${r.range.start.character + 1}: exact range, severity, message, source, rule link`, () => {
      const here = published.filter((d) => d.code === r.code && JSON.stringify(d.range) === JSON.stringify(r.range));
      assert.equal(
        here.length,
        1,
        `one ${r.code} at ${JSON.stringify(r.range)}; ${r.code} ranges published: ${JSON.stringify(published.filter((d) => d.code === r.code).map((d) => d.range))}`,
      );
      const [d] = here;
      assert.deepEqual(d, {
        range: r.range,
        severity: r.severity,
        code: r.code,
        codeDescription: { href: docHref(r.code) },
        source: 'govreport·cleanup',
        message: r.message,
      });
      // The squiggle covers exactly the offending text.
      const vr = new vscode.Range(r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character);
      assert.equal(doc.getText(vr), r.text);
    });
  }

  it('the vscode.Diagnostic objects themselves: code {value, target} links to the rule page, severity enum', () => {
    const raw = vscode.languages.getDiagnostics(doc.uri).filter((d) => isOurs(d.source));
    assert.equal(raw.length, published.length);
    const stray = raw.find((d) => d.range.isEqual(new vscode.Range(16, 105, 16, 108)));
    assert.ok(stray, 'stray-latin diagnostic present');
    assert.equal(stray.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(typeof stray.code === 'object', `code ${stray.code} is an object`);
    assert.equal(stray.code.value, 'stray-latin');
    // The code opens the rule's page read-only (a preview), not the shipped source in an editor.
    assert.equal(stray.code.target.toString(true), 'command:govreport.openRuleDoc?["stray-latin"]');
    const of = (/** @type {vscode.DiagnosticSeverity} */ s) =>
      new Set(raw.filter((d) => d.severity === s).map((d) => (typeof d.code === 'object' ? d.code.value : '')));
    assert.deepEqual([...of(vscode.DiagnosticSeverity.Hint)], ['digit-spacing'], 'digit spacing is a hint');
    assert.ok(
      ['punctuation-width', 'stray-latin', 'broken-paragraph', 'heading-level'].every((c) => of(vscode.DiagnosticSeverity.Information).has(c)),
      'clean-up is information',
    );
    // The category is in the source, so Problems can be read and filtered without rule ids.
    const sources = new Set(raw.map((d) => `${d.source} ${typeof d.code === 'object' ? d.code.value : ''}`));
    for (const s of sources)
      assert.match(
        s,
        /^govreport·(cleanup (broken-paragraph|heading-level|ordinal-sequence|numbering-format|punctuation-width|stray-latin|digit-spacing|unbalanced-pair)|numbers [a-z-]+|targets target-[a-z]+)$/,
      );
  });

  it('every finding links to its rule page (docs/rules/<code>.md, which exists)', () => {
    const codes = Object.keys(countBy(published, (d) => d.code)).sort();
    assert.ok(codes.length >= 5, `several kinds of finding (${codes.join(', ')})`);
    for (const c of codes) {
      assert.ok(fs.existsSync(path.join(EXT_ROOT, 'docs', 'rules', `${c}.md`)), `docs/rules/${c}.md exists`);
      const wrong = published.filter((d) => d.code === c && d.codeDescription?.href !== docHref(c));
      assert.deepEqual(wrong, [], `${c}: every diagnostic links to ${docHref(c)}`);
    }
  });
});

/**
 * @template T
 * @param {readonly T[]} list
 * @param {(x: T) => unknown} key
 */
function countBy(list, key) {
  /** @type {Record<string, number>} */
  const out = {};
  for (const x of list) {
    const k = String(key(x));
    out[k] = (out[k] || 0) + 1;
  }
  return out;
}
