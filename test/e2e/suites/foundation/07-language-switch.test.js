// @ts-check
// 7. "Treat as Markdown" / "Treat as report": the user can switch a document back and forth;
//    then the built-in Markdown outline replaces ours, and ours comes back.
'use strict';
const assert = require('assert/strict');
const path = require('path');
const vscode = require('vscode');
const {
  LANGUAGE_ID,
  askUntil,
  cliDiagnostics,
  docWithLanguage,
  normLspDiagnostic,
  documentSymbols,
  flatten,
  ourDiagnostics,
  show,
  waitFor,
  workspaceDir,
} = require('../helpers');

describe('7. commands govreport.treatAsMarkdown / govreport.treatAsReport', () => {
  /** @type {string} */
  let file;
  before(async () => {
    file = path.join(workspaceDir(), 'xinshi-2023.md');
    await show(await docWithLanguage(file, LANGUAGE_ID));
  });

  after(async () => {
    // Leave the report as the next suites expect it, even if a test failed half-way.
    const doc = await docWithLanguage(file, LANGUAGE_ID, { timeoutMs: 1 }).catch(() => undefined);
    if (!doc) await vscode.commands.executeCommand('govreport.treatAsReport', vscode.Uri.file(file));
  });

  it('treatAsMarkdown (on the active editor) switches it to markdown; the Markdown outline replaces ours', async () => {
    await vscode.commands.executeCommand('govreport.treatAsMarkdown');
    const doc = await docWithLanguage(file, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document, doc, 'still in the active editor');
    // The built-in Markdown language server answers once it has read the document.
    const { value } = await askUntil(
      () => documentSymbols(doc.uri),
      (s) => s.length > 0,
      { what: 'Markdown heading symbols' },
    );
    const names = flatten(value).map((s) => s.name);
    assert.equal(value.length, 1);
    // The headings as written: `#` depth kept, so the outline levels are wrong (the reason for the
    // govreport language), `**` dropped.
    assert.deepEqual(names, [
      '# 政府工作报告',
      '## 2022年工作回顾',
      '### 一、经济发展取得新成效',
      '## 二、发展动力活力不断增强',
      '## 三、城区功能品质持续优化',
      '#### 四、群众获得感更加充实',
      '## 2023 年主要工作',
      '### 一、深入学习宣传贯彻党的二十大精神，扎实推动党的二十大精神入脑入心、落地落实',
      '## 二、着力维护社会和谐稳定，持之以恒防范化解重大风险',
      '## 三、着力构建现代产业体系，坚定不移推动经济高质量发展',
      '#### 四、着力增强科技创新能力，不断塑造发展新动能新优势',
      '## 五、着力加强现代化城区建设，用心打造品质城区',
      '## 六、着力保障和改善民生，在增进民生福祉中实现各族群众对美好生活的向往',
      '## 七、着力加强政府自身建设，提升政府履职能力和水平',
    ]);
    assert.ok(!names.includes('政府工作报告') && !names.includes('2022年工作回顾'), 'none of our symbols');
    assert.ok(
      flatten(value).every((s) => s.kind === vscode.SymbolKind.String),
      'all from the Markdown provider',
    );
    // Detection ran again on the language change (a close + an open) and respected the choice:
    // a switch back would have reached us before the answers above (same ordered channel).
    assert.equal(doc.languageId, 'markdown');
    // Our server was told the document closed and cleared its diagnostics.
    await waitFor(
      [vscode.languages.onDidChangeDiagnostics],
      () => {
        const d = ourDiagnostics(doc.uri);
        return d === undefined || d.length === 0;
      },
      { what: 'GovReport diagnostics to be cleared' },
    );
  });

  it('treatAsReport switches it back to govreport; our outline, once, replaces the Markdown one', async () => {
    await vscode.commands.executeCommand('govreport.treatAsReport');
    const doc = await docWithLanguage(file, LANGUAGE_ID);
    assert.equal(vscode.window.activeTextEditor?.document, doc);
    const symbols = await documentSymbols(doc.uri);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind]),
      [['政府工作报告', vscode.SymbolKind.File]],
    );
    assert.deepEqual(
      symbols[0].children.map((s) => s.name),
      ['2022年工作回顾', '2023年主要工作'],
    );
    assert.ok(flatten(symbols).every((s) => !/[#*]/.test(s.name)));
  });

  it('…and its diagnostics come back, equal to the CLI’s again', async () => {
    const doc = await docWithLanguage(file, LANGUAGE_ID);
    const want = cliDiagnostics([file, path.join(path.dirname(file), 'xinshi-2024.md')])
      .get(file)
      .map(normLspDiagnostic);
    /** @type {import('../helpers').LspDiagnostic[] | undefined} */
    let last;
    await waitFor(
      [vscode.languages.onDidChangeDiagnostics],
      () => {
        last = ourDiagnostics(doc.uri);
        return last && JSON.stringify(last) === JSON.stringify(want);
      },
      { what: 'the diagnostics to come back' },
    ).catch((e) => assert.deepEqual(last, want, e.message));
  });
});
