// @ts-check
// 4. Folding per part, section and lead-in (from the outline, not from `#` depth).
'use strict';
const assert = require('assert/strict');
const path = require('path');
const vscode = require('vscode');
const { LANGUAGE_ID, docWithLanguage, documentSymbols, flatten, workspaceDir } = require('../helpers');

describe('4. folding ranges', () => {
  /** @type {vscode.TextDocument} */
  let doc;
  /** @type {vscode.FoldingRange[]} */
  let ranges;
  before(async () => {
    doc = await docWithLanguage(path.join(workspaceDir(), 'xinshi-2023.md'), LANGUAGE_ID);
    ranges = /** @type {vscode.FoldingRange[] | undefined} */ (await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', doc.uri)) || [];
  });

  /** @param {number} s @param {number} e */
  const has = (s, e) => ranges.some((r) => r.start === s && r.end === e);

  it('the title, both parts and sections that span several lines fold', () => {
    assert.ok(has(2, 186), 'title');
    assert.ok(has(14, 72), 'part 2022年工作回顾');
    assert.ok(has(74, 186), 'part 2023年主要工作');
    assert.ok(has(18, 28), 'section 一、经济发展取得新成效');
    assert.ok(has(48, 72), 'section #### **四、群众获得感更加充实**');
    assert.ok(has(92, 120), 'section 三、着力构建现代产业体系…');
    assert.ok(has(96, 100), 'lead-in 以更优服务提升营商环境, split by a page break');
  });

  it('exactly one fold per multi-line outline node, nothing else (no Markdown heading folds)', async () => {
    const nodes = flatten(await documentSymbols(doc.uri)).filter((s) => s.range.end.line > s.range.start.line);
    const want = nodes.map((s) => `${s.range.start.line}-${s.range.end.line}`).sort();
    const got = ranges.map((r) => `${r.start}-${r.end}`).sort();
    assert.deepEqual(got, want);
    assert.equal(ranges.length, 24, 'title, 2 parts, 11 sections, 10 lead-ins over several lines');
    assert.ok(
      ranges.every((r) => r.kind === vscode.FoldingRangeKind.Region),
      'kind region',
    );
  });
});
