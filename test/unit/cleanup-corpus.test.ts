// The clean-up rules over every corpus report (read in place, never copied): exact counts per
// rule per report. Published reports are clean text, so what fires there is either a real
// artifact of the source (checked place by place below) or a false positive — a bug.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { applyEdits, fixAllEdits } from '../../server/src/core/findings/fixes';
import { ALL_RULES } from '../../server/src/core/rules/index';
import { CORPUS_REPORTS, corpusTest, readCorpus } from '../support/corpus';

// The clean-up rules: structure and typography.
const RULES = ALL_RULES.filter((r) => r.category === 'structure' || r.category === 'typography');

function run(name: string, text = readCorpus(name)): Analysis {
  return analyze(text, { rules: RULES, fileName: name.replace(/^.*\//, '') });
}

function counts(a: Analysis): Record<string, number> {
  const c: Record<string, number> = {};
  for (const f of a.findings) c[f.ruleId] = (c[f.ruleId] ?? 0) + 1;
  return c;
}

/** `line:column-line:column "source text"`, 1-based as an editor shows them. */
function places(a: Analysis): string[] {
  return a.findings.map((f) => {
    const r = f.range;
    return `${f.ruleId} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${JSON.stringify(a.text.slice(f.start, f.end))}`;
  });
}

const EXPECTED: Record<string, Record<string, number>> = {
  'national-2014.md': {},
  // Line 137/139 `今年也⏎⏎要再减少农村贫困人口1000万以上`: a genuine split in the scraped page.
  'national-2015.md': { 'broken-paragraph': 1 },
  'national-2016.md': {},
  'national-2017.md': {},
  'national-2018.md': {},
  'national-2019.md': {},
  'national-2020.md': {},
  'national-2021.md': {},
  // Line 119/121 `增长27.⏎⏎3%`: the sentence aligner split a decimal.
  'national-2022.md': { 'broken-paragraph': 1 },
  'xinjiang-2026.md': {},
  // The sample report itself (examples/xinshi-2023.md); its places are in cleanup-sample.test.ts.
  'xinshi-2023.md': { 'broken-paragraph': 13, 'stray-latin': 1, 'digit-spacing': 50, 'heading-level': 9, 'punctuation-width': 31 },
  'variants/national-2020-tmx.md': {},
};

test('every corpus report is listed', () => {
  assert.deepEqual(
    Object.keys(EXPECTED).filter((n) => !n.startsWith('variants/')),
    CORPUS_REPORTS,
  );
});

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`corpus ${name}: ${JSON.stringify(expected)}`, corpusTest(), () => {
    assert.deepEqual(counts(run(name)), expected);
  });
}

test('corpus: the two real splits, at their exact places', corpusTest(), () => {
  assert.deepEqual(places(run('national-2015.md')), ['broken-paragraph 137:192-139:2 "也\\n\\n要"']);
  assert.deepEqual(places(run('national-2022.md')), ['broken-paragraph 119:65-121:2 ".\\n\\n3"']);
});

test('corpus: national-2022 fix-all joins `27.⏎⏎3%` into 27.3% and changes nothing else', corpusTest(), () => {
  const text = readCorpus('national-2022.md');
  const a = run('national-2022.md', text);
  const fixed = applyEdits(text, fixAllEdits(a.findings));
  assert.deepEqual(counts(run('national-2022.md', fixed)), {});
  assert.equal(fixed.length, text.length - 2);
  assert.ok(fixed.includes('增长27.3%，'));
  const numbers = (t: string) => (t.match(/\d+(?:\.\d+)?/g) ?? []).sort();
  // The only change to the numbers: `27.` and `3` read as one number again.
  const before = numbers(text);
  const after = numbers(fixed);
  const removed = before.filter((n, i, all) => all.filter((m) => m === n).length > after.filter((m) => m === n).length && all.indexOf(n) === i);
  const added = after.filter((n, i, all) => all.filter((m) => m === n).length > before.filter((m) => m === n).length && all.indexOf(n) === i);
  assert.deepEqual({ removed, added }, { removed: ['27', '3'], added: ['27.3'] });
});
