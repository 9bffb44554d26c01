// The injection grammar, tokenized with vscode-textmate + Oniguruma (what VS Code runs) on top of
// the real Markdown grammar (tm-grammars ships VS Code's markdown.tmLanguage).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const root = join(__dirname, '..', '..');
let grammar: IGrammar;

before(async () => {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  const files: Record<string, string> = {
    'text.html.markdown.govreport': join(root, 'syntaxes', 'govreport.tmLanguage.json'),
    'govreport.injection': join(root, 'syntaxes', 'govreport.injection.tmLanguage.json'),
    'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
    'text.html.derivative': require.resolve('tm-grammars/grammars/html-derivative.json'),
    'text.html.basic': require.resolve('tm-grammars/grammars/html.json'),
  };
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (files[scope] ? parseRawGrammar(readFileSync(files[scope], 'utf8'), files[scope]) : null),
    getInjections: (scope) => (scope.startsWith('text.html.markdown') ? ['govreport.injection'] : undefined),
  });
  grammar = (await registry.loadGrammar('text.html.markdown.govreport'))!;
});

/** [text, scope] pairs for the tokens of `lines` that carry a govreport scope. */
function ours(lines: string[]): [string, string][] {
  let stack = INITIAL;
  const out: [string, string][] = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) {
      const scope = t.scopes.slice(1).find((s) => s.endsWith('.govreport'));
      if (scope) out.push([line.slice(t.startIndex, t.endIndex), scope]);
    }
    stack = r.ruleStack;
  }
  return out;
}

test('numbers with units, multipliers and full-width digits', () => {
  assert.deepEqual(ours(['建成高效节水农田 1.1 万亩，签约总额达 117 亿元，增长３５％。']), [
    ['1.1', 'constant.numeric.govreport'],
    [' 万亩', 'keyword.other.unit.govreport'],
    ['117', 'constant.numeric.govreport'],
    [' 亿元', 'keyword.other.unit.govreport'],
    ['３５', 'constant.numeric.govreport'],
    ['％', 'keyword.other.unit.govreport'],
  ]);
});

test('target words and qualifiers', () => {
  assert.deepEqual(ours(['力争实现城镇新增就业 2.5 万人，总数突破260家，增长35%以上。']), [
    ['力争', 'keyword.control.target.govreport'],
    ['2.5', 'constant.numeric.govreport'],
    [' 万人', 'keyword.other.unit.govreport'],
    ['突破', 'keyword.control.target.govreport'],
    ['260', 'constant.numeric.govreport'],
    ['家', 'keyword.other.unit.govreport'],
    ['35', 'constant.numeric.govreport'],
    ['%', 'keyword.other.unit.govreport'],
    ['以上', 'keyword.control.target.govreport'],
  ]);
});

test('section ordinals in headings and run-in items, not inside words', () => {
  assert.deepEqual(ours(['## **二、着力维护社会和谐稳定**']), [['二、', 'markup.heading.ordinal.govreport']]);
  assert.deepEqual(ours(['（一）深入推进供给侧结构性改革。一是统一、规范市场。']), [
    ['（一）', 'markup.heading.ordinal.govreport'],
    ['一是', 'markup.heading.ordinal.govreport'],
  ]);
});

test('code blocks, inline code and HTML comments are left alone', () => {
  assert.deepEqual(ours(['```', '增长 35% 力争', '```', '`突破 260 家` <!-- 力争 5 个 -->']), []);
});

test('Markdown structure is still Markdown: headings keep their scope', () => {
  const r = grammar.tokenizeLine('## 2022年工作回顾', INITIAL);
  assert.ok(r.tokens.some((t) => t.scopes.includes('markup.heading.markdown')));
  assert.ok(r.tokens.some((t) => t.scopes.includes('constant.numeric.govreport')));
});
