// Doubling tests: each input that once made the analysis or a response super-linear (time ×4 or
// more per doubling) is timed at n and at 2n, and the time at 2n must stay within 2.5× the time
// at n. Robust on a shared 2-core machine: sizes large enough that one run takes tens of
// milliseconds, runs at n and 2n interleaved, the median of several, each text unseen (the
// passage caches would otherwise time a lookup), and one retry with more runs before failing.
//
// The cases marked [facts] go through server/src/core/facts/ (readPassage, linkLevels, the
// multi-year words): a failure there is that stage's to fix, and the test fails loudly until it is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core/analyze';
import { codeActions } from '../../server/src/features/codeActions';
import { reviewChecklist } from '../../server/src/features/targets';
import { buildPassages } from '../../server/src/core/structure/prose';
import { parseBlocks } from '../../server/src/core/structure/parse';
import { LineIndex } from '../../server/src/core/text/lineIndex';

const HEAD = '# 政府工作报告\n\n## 2022年工作回顾\n\n';
const EVERY_RULE = { config: { maxFileSize: Infinity } };
const LIMIT = 2.5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median times at n and 2n of `run(size, seed)`, interleaved; `seed` makes each input new. */
function measure(run: (size: number, seed: number) => void, n: number, runs: number): { t1: number; t2: number } {
  let seed = 0;
  run(n, seed++); // warm-up: the JIT, the regexes
  run(2 * n, seed++);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    run(n, seed++);
    a.push(performance.now() - t);
    t = performance.now();
    run(2 * n, seed++);
    b.push(performance.now() - t);
  }
  return { t1: median(a), t2: median(b) };
}

function assertLinear(name: string, run: (size: number, seed: number) => void, n: number, runs = 5): void {
  let m = measure(run, n, runs);
  // A busy machine slows some runs down: measure once more, longer, before calling it super-linear.
  if (m.t2 > LIMIT * m.t1) m = measure(run, n, runs * 2);
  const ratio = m.t2 / m.t1;
  assert.ok(ratio <= LIMIT, `${name}: ${m.t1.toFixed(1)} ms at n=${n}, ${m.t2.toFixed(1)} ms at 2n: ×${ratio.toFixed(2)} (limit ×${LIMIT})`);
}

const passagesOf = (text: string) => buildPassages(text, parseBlocks(text, new LineIndex(text)));

test('many `[` on one line (the prose inline regex): linear', () => {
  assertLinear('unclosed [', (n, s) => void passagesOf(HEAD + `第${s}` + '推进[改革'.repeat(n) + '。\n'), 20_000);
});

test('many `<!--` on one line: linear', () => {
  assertLinear('unclosed <!--', (n, s) => void passagesOf(HEAD + `第${s}` + '推进<!--改革'.repeat(n) + '。\n'), 20_000);
});

test('a chain of page-break joins (one paragraph split 4,000 times): linear', () => {
  assertLinear(
    'page-break chain',
    (n, s) => void analyze(HEAD + `第${s}` + Array.from({ length: n }, () => '推进改革发展').join('\n\n') + '。\n', EVERY_RULE),
    2000,
  );
});

test('[facts] a long digit run in a sentence with a figure (`\\d+年来` tried at every digit): linear', () => {
  // The digit run is no figure itself; the sentence's cue words are read for `全年增长5%`.
  assertLinear('digit run', (n, s) => void analyze(HEAD + `我们${s}，` + '1'.repeat(n) + '，全年增长5%。\n', EVERY_RULE), 10_000, 3);
});

test('[facts] many numbers in one sentence with no 。 (a pasted statistics table): linear', () => {
  const make = (n: number, s: number) =>
    HEAD + `第${s}` + Array.from({ length: n }, (_, i) => `${2000 + (i % 20)}年 ${i}亿元 增长${i % 9}.5%`).join(' ') + '\n';
  assertLinear('numbers in one sentence', (n, s) => void analyze(make(n, s), EVERY_RULE), 1000, 3);
});

test('the quick-fix menu with many findings of one rule (fix-all of that rule offered): linear', () => {
  const run = (n: number, s: number) => {
    const text = HEAD + `第${s}` + Array.from({ length: n }, (_, i) => `新增 ${i} 家`).join('，') + '。\n';
    const a = analyze(text, { rules: [], fileName: 'x.md' });
    // Findings of one fixable rule, as digit-spacing makes them: one a figure.
    const findings = Array.from({ length: n }, (_, i) => {
      const at = HEAD.length + 2 + i * 10;
      return {
        ruleId: 'digit-spacing',
        severity: 'information' as const,
        start: at,
        end: at + 1,
        range: a.lineIndex.rangeOf({ start: at, end: at + 1 }),
        message: 'm',
        fix: { title: 'f', edits: [{ start: at, end: at + 1, newText: '' }] },
      };
    });
    const doc = TextDocument.create('file:///x.md', 'markdown', 1, text);
    const range = findings[0].range;
    codeActions(doc, Object.assign(a, { findings }), { textDocument: { uri: doc.uri }, range, context: { diagnostics: [], only: ['quickfix'] } }, 'zh');
  };
  assertLinear('quick fixes', run, 10_000);
});

test('the review checklist of a report with many targets: linear in time and in size, whether the targets stand in sentences of their own or in one', () => {
  const plans = {
    sentences: (n: number, s: number) => Array.from({ length: n }, (_, i) => `指标${s}乙${i}增长${(i % 9) + 1}%左右。`).join('\n\n'),
    'one sentence': (n: number, s: number) => Array.from({ length: n }, (_, i) => `指标${s}乙${i}增长${(i % 9) + 1}%左右`).join('，') + '。',
  };
  for (const [name, plan] of Object.entries(plans)) {
    const sizes: number[] = [];
    const run = (n: number, s: number) => {
      const a = analyze(`# 2023年政府工作报告\n\n## 2022年工作回顾\n\n全年新增企业50家。\n\n## 2023年主要工作\n\n${plan(n, s)}\n`, { fileName: 'x-2023.md' });
      sizes.push(reviewChecklist('file:///x-2023.md', a, 'zh').length);
    };
    assertLinear(`checklist, targets in ${name}`, run, 300, 3);
    // The response's size too: 4,000 targets once made 216 MB.
    run(300, 1000);
    const small = sizes[sizes.length - 1];
    run(600, 1001);
    const big = sizes[sizes.length - 1];
    assert.ok(big <= LIMIT * small, `checklist, targets in ${name}: ${small} characters for 300 targets, ${big} for 600`);
  }
});
