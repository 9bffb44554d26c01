// @ts-check
// 3. Hovering a number: what it reads as (value, metric, year and role) and where else the same
//    metric appears, in this report and in the other year's.
'use strict';
const assert = require('assert/strict');
const { execFileSync } = require('child_process');
const path = require('path');
const vscode = require('vscode');
const { LANGUAGE_ID, ROOT, cliLocale, docWithLanguage, hoverTexts: texts, hovers, show, workspaceDir } = require('../helpers');

// `texts`: our hover's markdown (the Markdown extension has no hover for a govreport document; we check that too).

/**
 * The hover the core gives at `pos` of `file`, with `peers` as the other years' reports (oracles/hover.ts).
 * @param {string} file
 * @param {vscode.Position} pos
 * @param {string[]} peers
 * @returns {{ value: string, range: import('vscode-languageserver').Range } | null}
 */
function oracle(file, pos, peers) {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, '..', '..', 'oracles', 'hover.ts'), 'hover', file, String(pos.line), String(pos.character), cliLocale(), ...peers],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out);
}

describe('3. hover on a number', () => {
  /** @type {vscode.TextDocument} */
  let doc;
  /** @type {string} */
  let file;
  before(async () => {
    file = path.join(workspaceDir(), 'xinshi-2023.md');
    doc = await docWithLanguage(file, LANGUAGE_ID);
    await show(doc);
  });

  it('on `53` of `53 家` in line 35: the figure, metric and year, then the same metric here and in 2024', async () => {
    const pos = new vscode.Position(34, 92); // between 5 and 3
    assert.equal(doc.getText(new vscode.Range(34, 91, 34, 95)), '53 家');
    const list = await hovers(doc.uri, pos);
    assert.equal(list.length, 1, `one hover (ours), got ${JSON.stringify(texts(list))}`);
    const [h] = list;
    const hr = h.range;
    assert.ok(hr && hr.isEqual(new vscode.Range(34, 91, 34, 95)), `hover range is the figure 53 家: ${JSON.stringify(hr)}`);
    const [text] = texts(list);
    const lines = text.split('\n');
    // The first line: figure, metric, year and role (English here: VS Code runs in English).
    // The hover opens with the figure (house style: the converted `53 家` without its stray space), not
    // with the digit-spacing hint, whose range starts at `业` beside it.
    assert.equal(lines[0], cliLocale() === 'en' ? '**53家** · 高新技术企业 · 2022 outcome' : '**53家** · 高新技术企业 · 2022年实际');
    const markers = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.range.contains(pos) && d.severity !== vscode.DiagnosticSeverity.Hint);
    assert.deepEqual(markers, [], 'no problem but the hint covers the figure');
    assert.ok(
      lines.some((l) => l.includes('line 127') || l.includes('第127行')),
      'the 2023 target in line 127 is listed',
    );
    const link = vscode.Uri.file(path.join(path.dirname(file), 'xinshi-2024.md')).toString();
    assert.ok(text.includes(`](${link}#L35)`), `links to line 35 of the 2024 report: ${text}`);
    // Exactly the text the core gives for this place, with the 2024 report as the other year.
    const want = oracle(file, pos, [path.join(path.dirname(file), 'xinshi-2024.md')]);
    assert.deepEqual(
      { value: text, range: { start: { line: hr.start.line, character: hr.start.character }, end: { line: hr.end.line, character: hr.end.character } } },
      want,
    );
  });

  it('no hover on prose that is not a number (line 35, the word before it)', async () => {
    assert.deepEqual(texts(await hovers(doc.uri, new vscode.Position(34, 88))), []);
  });
});
