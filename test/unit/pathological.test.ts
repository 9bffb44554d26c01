// Pathological inputs are answered within generous bounds (a safety net against superlinear
// behaviour, not a benchmark: `npm run bench` measures), and beyond the size limit the expensive
// rules are skipped with one information message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, SIZE_LIMIT } from '../../server/src/core/analyze';
import { readSample } from '../support/corpus';

const sample = readSample();

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

const cases: [string, () => string, number][] = [
  ['a 10 MB report', () => sample.repeat(Math.ceil((10 * 2 ** 20) / Buffer.byteLength(sample))), 20_000],
  ['a 1,000,000-character line', () => '# 政府工作报告\n\n## 2022年工作回顾\n\n' + '经济发展，'.repeat(200_000), 10_000],
  [
    '100,000 headings',
    () =>
      '# 政府工作报告\n\n' +
      Array.from({ length: 100_000 }, (_, i) => `## ${i % 10 === 0 ? '2022年工作回顾' : `（${'一二三四五六七八九'[i % 9]}）着力推进第${i}项工作`}\n`).join(
        '\n',
      ),
    20_000,
  ],
  [
    '10,000 numbers in one paragraph',
    () =>
      '# 政府工作报告\n\n## 2022年工作回顾\n\n' +
      Array.from({ length: 10_000 }, (_, i) => `新增高新技术企业${i}家，增长${(i % 100) / 10}%`).join('，') +
      '。\n',
    20_000,
  ],
  [
    'deeply nested lists and quotes',
    () => Array.from({ length: 2000 }, (_, i) => `${'> '.repeat(i % 200)}${'  '.repeat(i % 50)}- 第${i}项：增长${i}%，力争突破${i}家`).join('\n'),
    10_000,
  ],
  ['binary bytes', () => Array.from({ length: 1_000_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xd7ff)).join(''), 10_000],
  ['invalid UTF-8 as decoded (U+FFFD runs)', () => '# 政府工作报告\n\n' + '\ufffd'.repeat(500_000) + '\n\n增长5%\ufffd\n', 10_000],
];

for (const [name, make, boundMs] of cases) {
  test(`${name}: analysed within ${boundMs / 1000} s, every range inside the text`, () => {
    const text = make();
    const [a, ms] = timed(() => analyze(text));
    assert.ok(ms < boundMs, `${name} took ${ms.toFixed(0)} ms`);
    for (const f of a.findings) assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end, `${f.ruleId} outside the text`);
    assert.ok(!a.findings.some((f) => f.ruleId === 'internal-error'), 'no internal error');
  });
}

test('beyond maxFileSize the number and target rules are skipped, with exactly one message saying so', () => {
  const text = sample.repeat(10); // ~110,000 characters
  const a = analyze(text, { config: { maxFileSize: 100_000 } });
  const notices = a.findings.filter((f) => f.ruleId === SIZE_LIMIT);
  assert.equal(notices.length, 1);
  assert.equal(notices[0].severity, 'information');
  assert.deepEqual(notices[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.equal(notices[0].message, `本文有 ${text.length} 个字符，超过 govreport.maxFileSize（100000），已跳过数字和目标检查。`);
  assert.ok(a.skippedForSize);
  // Cheap rules still run; the expensive ones do not.
  assert.ok(a.findings.some((f) => f.ruleId === 'broken-paragraph'));
  const full = analyze(text, { config: { maxFileSize: 10_000_000 } });
  assert.ok(
    full.findings.some((f) => f.ruleId === 'target-below-baseline'),
    'the expensive rules do fire below the limit',
  );
  assert.ok(!a.findings.some((f) => f.ruleId === 'target-below-baseline'));
  assert.equal(
    analyze(text, { config: { maxFileSize: 100_000 }, locale: 'en' }).findings.find((f) => f.ruleId === SIZE_LIMIT)!.message,
    `This text has ${text.length} characters, more than govreport.maxFileSize (100000); number and target checks were skipped.`,
  );
});
