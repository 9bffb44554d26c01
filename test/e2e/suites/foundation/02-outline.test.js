// @ts-check
// 2. The outline (Outline view, breadcrumbs, Go to Symbol) is our logical outline, exactly once.
'use strict';
const assert = require('assert/strict');
const path = require('path');
const vscode = require('vscode');
const { LANGUAGE_ID, cliOutline, docWithLanguage, documentSymbols, flatten, log, plainSymbols, workspaceDir } = require('../helpers');

const K = vscode.SymbolKind;
/** @param {vscode.DocumentSymbol} s */
const lines = (s) => [s.range.start.line, s.range.end.line];

describe('2. document symbols: the logical outline, once', () => {
  /** @type {vscode.TextDocument} */
  let doc;
  /** @type {vscode.DocumentSymbol[]} */
  let symbols;
  before(async () => {
    doc = await docWithLanguage(path.join(workspaceDir(), 'xinshi-2023.md'), LANGUAGE_ID);
    symbols = await documentSymbols(doc.uri);
  });

  it('one root, the title, and no Markdown heading symbols beside it', () => {
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind]),
      [['政府工作报告', K.File]],
    );
    const all = flatten(symbols);
    const markup = all.filter((s) => /[#*]/.test(s.name));
    assert.deepEqual(
      markup.map((s) => s.name),
      [],
      'no `#`/`**` names (those come from the Markdown provider)',
    );
    const names = all.map((s) => s.name);
    assert.equal(new Set(names).size, names.length, `every name once (${names.length} symbols)`);
    log(`${all.length} symbols`);
  });

  it('equals, symbol for symbol, `govreport outline --format json` (names, details, kinds, ranges, nesting)', () => {
    const expected = cliOutline(doc.uri.fsPath);
    assert.deepEqual(plainSymbols(symbols), expected);
  });

  it('title → the two parts, with their lines', () => {
    const [title] = symbols;
    assert.deepEqual(lines(title), [2, 186]);
    assert.deepEqual(
      title.children.map((p) => [p.name, p.kind, ...lines(p)]),
      [
        ['2022年工作回顾', K.Module, 14, 72],
        ['2023年主要工作', K.Module, 74, 186],
      ],
    );
    // The part name starts after "## " (selection) — no markup in it.
    assert.deepEqual(title.children[0].selectionRange, new vscode.Range(14, 3, 14, 12));
  });

  it('sections of 2022年工作回顾 whatever their `#` depth (##, ###, #### **…**), with their lead-ins', () => {
    const review = symbols[0].children[0];
    assert.deepEqual(
      review.children.map((s) => [s.name, s.kind, s.detail, ...lines(s)]),
      [
        ['一、经济发展取得新成效', K.Class, '', 18, 28],
        ['二、发展动力活力不断增强', K.Class, '', 30, 38],
        ['三、城区功能品质持续优化', K.Class, '', 40, 46],
        ['四、群众获得感更加充实', K.Class, '', 48, 72],
      ],
    );
    assert.deepEqual(
      review.children[0].children.map((l) => [l.name, l.kind]),
      [
        ['产业发展韧性提升', K.Field],
        ['内需拉动引擎更强', K.Field],
        ['乡村振兴持续加力', K.Field],
        ['项目建设高效推进', K.Field],
      ],
    );
  });

  it('the seven sections of 2023年主要工作; the six 着力 ones carry detail 着力', () => {
    const plan = symbols[0].children[1];
    const sections = plan.children.filter((s) => s.kind === K.Class);
    assert.deepEqual(
      sections.map((s) => [s.name, s.detail, ...lines(s)]),
      [
        ['一、深入学习宣传贯彻党的二十大精神，扎实推动党的二十大精神入脑入心、落地落实', '', 82, 86],
        ['二、着力维护社会和谐稳定，持之以恒防范化解重大风险', '着力', 88, 90],
        ['三、着力构建现代产业体系，坚定不移推动经济高质量发展', '着力', 92, 120],
        ['四、着力增强科技创新能力，不断塑造发展新动能新优势', '着力', 122, 142],
        ['五、着力加强现代化城区建设，用心打造品质城区', '着力', 144, 154],
        ['六、着力保障和改善民生，在增进民生福祉中实现各族群众对美好生活的向往', '着力', 156, 170],
        ['七、着力加强政府自身建设，提升政府履职能力和水平', '着力', 172, 186],
      ],
    );
    assert.deepEqual(
      plan.children.filter((s) => s.kind !== K.Class).map((s) => [s.name, s.kind]),
      [['2023年政府工作的总体要求是', K.Field]],
    );
  });

  it('lead-ins: bold 以更优服务提升营商环境 with its exact selection, across a page break', () => {
    const industry = symbols[0].children[1].children.find((s) => s.name.startsWith('三、着力构建'));
    assert.ok(industry, 'the section 三、着力构建…');
    assert.deepEqual(
      industry.children.map((l) => l.name),
      [
        '以更优服务提升营商环境',
        '以招商稳商释放发展潜力',
        '以项目建设带动产业发展',
        '以激发消费拉动内需循环',
        '以产业升级推动工业增效',
        '以丰富业态加快服务业提质',
        '以三农发展助力乡村振兴',
        '以深化改革赋能高质量发展',
      ],
    );
    const [first] = industry.children;
    assert.equal(first.kind, K.Field);
    assert.deepEqual(first.selectionRange, new vscode.Range(96, 2, 96, 13));
    assert.deepEqual(lines(first), [96, 100]);
  });

  it('the 2024 report (opened as govreport too) has the next year’s parts', async () => {
    const next = await docWithLanguage(path.join(workspaceDir(), 'xinshi-2024.md'), LANGUAGE_ID);
    const s = await documentSymbols(next.uri);
    assert.deepEqual(
      s.map((t) => t.name),
      ['政府工作报告'],
    );
    assert.deepEqual(
      s[0].children.map((p) => p.name),
      ['2023年工作回顾', '2024年主要工作'],
    );
  });
});
