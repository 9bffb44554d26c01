// The number rules on the 11 real reports of the corpus (read in place, never copied): the exact
// findings per report and per rule, with the other national reports as peers (as the workspace
// index would give them). A checker that cries wolf gets switched off: on real, published
// reports no number rule raises an error or a warning. Then edited variants, derived at test
// time, show that each rule does fire where a figure is made wrong.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { toPeer, type PeerReport } from '../../server/src/core/peers';
import { intervalOf, overlaps } from '../../server/src/core/numbers/qualifiers';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { CORPUS_DIR, CORPUS_REPORTS, corpusTest, HAVE_CORPUS, readCorpus } from '../support/corpus';

const NUMBER_RULES = ['rate-range', 'number-conflict', 'total-mismatch', 'growth-mismatch', 'count-mismatch', 'target-below-baseline', 'number-format'];

const base = new Map<string, Analysis>();
function baseOf(name: string): Analysis {
  let a = base.get(name);
  if (!a) base.set(name, (a = analyze(readCorpus(name), { fileName: name })));
  return a;
}

/** The other national reports, as the workspace index would pair them (same government). */
function peersOf(name: string): PeerReport[] {
  if (!name.startsWith('national-')) return [];
  return CORPUS_REPORTS.filter((n) => n !== name && n.startsWith('national-')).map((n) => toPeer(`file://${CORPUS_DIR}/${n}`, baseOf(n)));
}

function numberFindings(name: string, text = readCorpus(name)) {
  const a = analyze(text, { fileName: name, peers: peersOf(name) });
  return a.findings.filter((f) => NUMBER_RULES.includes(f.ruleId)).map((f) => ({ ...f, line: f.range.start.line + 1, text: a.text.slice(f.start, f.end) }));
}

function counts(name: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of numberFindings(name)) out[f.ruleId] = (out[f.ruleId] ?? 0) + 1;
  return out;
}

// Information findings are advice: target-below-baseline names targets set under last year's
// outcome (national 城镇新增就业 targets are set low every year on purpose: 1100万人以上 after
// 1361万人), number-format the －/千 forms GB/T 15835 advises against. No error or warning.
const EXPECTED: Record<string, Record<string, number>> = {
  'national-2014.md': { 'target-below-baseline': 1 },
  'national-2015.md': { 'target-below-baseline': 3 },
  'national-2016.md': { 'number-format': 3, 'target-below-baseline': 1 },
  // 2017: 再减少企业税负3500亿元左右 is under 2016's 降低企业税负5700多亿元 (税负, not a minus sign), and
  // 再开工15项重大水利工程 (another 15 started) under 2016's 新开工重大水利工程21项.
  'national-2017.md': { 'target-below-baseline': 5 },
  'national-2018.md': { 'number-format': 4, 'target-below-baseline': 1 },
  'national-2019.md': { 'number-format': 1, 'target-below-baseline': 3 },
  'national-2020.md': { 'target-below-baseline': 1 },
  'national-2021.md': { 'target-below-baseline': 1 },
  'national-2022.md': { 'target-below-baseline': 2 },
  'xinjiang-2026.md': { 'target-below-baseline': 4 },
  'xinshi-2023.md': { 'target-below-baseline': 1 },
};

for (const name of CORPUS_REPORTS) {
  test(`corpus ${name}: number findings per rule`, corpusTest(), () => {
    if (!HAVE_CORPUS) return;
    assert.deepEqual(counts(name), EXPECTED[name]);
    const loud = numberFindings(name).filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(loud, [], `no error or warning of a number rule on ${name}`);
  });
}

test('corpus: the information findings, place by place', corpusTest(), () => {
  if (!HAVE_CORPUS) return;
  const show = (name: string) => numberFindings(name).map((f) => `${f.line} ${f.ruleId} ${f.text}`);
  assert.deepEqual(show('national-2016.md'), [
    '87 number-format 6.5%－7%',
    '87 target-below-baseline 1000万人以上',
    '89 number-format 6.5%－7%',
    '89 number-format 6.5%－7%',
  ]);
  // 2018's 1100万人以上 is under 2017's 1351万人 (its 刚刚过去的2017年 paragraph: 失业率为多年来最低 is no five-year figure).
  assert.deepEqual(show('national-2018.md'), [
    '15 number-format 5千多',
    '15 number-format 1万6千多',
    '19 number-format 1亿3千多万',
    '37 number-format 2万5千',
    '79 target-below-baseline 1100万人以上',
  ]);
  assert.deepEqual(show('xinshi-2023.md'), ['127 target-below-baseline 50家']);
  const [tbb] = numberFindings('xinshi-2023.md');
  // 净增50家 (2023 target) is below 新增53家 (2022 outcome).
  assert.equal(tbb.message, '2023年目标“高新技术企业新增50家”低于2022年实际新增53家（第35行）');
  assert.equal(tbb.severity, 'information');
});

test('corpus README: the 2019 grain output of the delivered and the published 2020 texts is compatible', corpusTest(), () => {
  if (!HAVE_CORPUS) return;
  // Published: 粮食产量1.33万亿斤; delivered: 粮食产量保持在1.3万亿斤以上. The wording differs, the
  // numbers do not contradict: 1.33万亿 lies in "1.3万亿 or more". Neither text conflicts with itself.
  const published = baseOf('national-2020.md').facts.find((f) => f.text === '1.33万亿斤')!;
  const delivered = analyze(readCorpus('variants/national-2020-tmx.md'), { fileName: 'national-2020.md' }).facts.find((f) => f.text === '1.3万亿斤以上')!;
  assert.equal(published.key, delivered.key);
  assert.deepEqual([published.role, published.year, delivered.role, delivered.year], ['outcome', 2019, 'outcome', 2019]);
  assert.ok(overlaps(intervalOf(published, DEFAULT_CONFIG), intervalOf(delivered, DEFAULT_CONFIG)));
  assert.deepEqual(
    numberFindings('national-2020.md', readCorpus('variants/national-2020-tmx.md')).filter((f) => f.ruleId === 'number-conflict'),
    [],
  );
});

/** Edits a corpus report at test time and returns the findings the edit adds. */
function afterEdit(name: string, edits: [string, string][]) {
  let text = readCorpus(name);
  for (const [from, to] of edits) {
    assert.ok(text.includes(from), `${name} contains ${from}`);
    text = text.replace(from, to);
  }
  const before = new Set(numberFindings(name).map((f) => `${f.ruleId}@${f.line}:${f.text}`));
  return numberFindings(name, text).filter((f) => !before.has(`${f.ruleId}@${f.line}:${f.text}`));
}

test('edited national-2019: the deficit parts no longer add up (total-mismatch)', corpusTest(), () => {
  if (!HAVE_CORPUS) return;
  // 1.83万亿 + 9300亿 = 2.76万亿 holds; with 9800亿 the parts make 2.81万亿.
  const found = afterEdit('national-2019.md', [['地方财政赤字9300亿元', '地方财政赤字9800亿元']]);
  assert.deepEqual(
    found.map((f) => [f.ruleId, f.severity, f.line, f.text]),
    [['total-mismatch', 'warning', 65, '2.76万亿元']],
  );
  assert.equal(found[0].message, '“财政赤字”2.76万亿元，但其中各项相加：1.83万亿元 + 0.98万亿元 = 2.81万亿元，与总数不符');
  assert.equal(found[0].related!.length, 2);
});

test('edited national-2016: parts short of a complete split (中央 + 地方) are a mismatch too', corpusTest(), () => {
  if (!HAVE_CORPUS) return;
  // 1.4万亿 + 6800亿 = 2.08万亿 ≠ 2.18万亿, and 中央/地方 split the deficit completely.
  const found = afterEdit('national-2016.md', [['地方财政赤字7800亿元', '地方财政赤字6800亿元']]);
  assert.deepEqual(
    found.map((f) => [f.ruleId, f.line, f.text]),
    [['total-mismatch', 97, '2.18万亿元']],
  );
});

test("edited national-2019: a change against last year's report does not follow (growth-mismatch)", corpusTest(), () => {
  if (!HAVE_CORPUS) return;
  // 2.15万亿 − 1.35万亿 (national-2018, 专项债券) = 8000亿, not 9000亿.
  let found = afterEdit('national-2019.md', [['比去年增加8000亿元', '比去年增加9000亿元']]);
  assert.deepEqual(
    found.map((f) => [f.ruleId, f.line, f.text]),
    [['growth-mismatch', 91, '9000亿元']],
  );
  assert.match(found[0].message, /2\.15万亿元 − 1\.35万亿元（2018年报告第\d+行）= 8000亿元/);
  assert.ok(
    found[0].related!.some((r) => r.uri?.endsWith('national-2018.md')),
    "last year's figure is linked",
  );
  // 2.8% − 2.6% (2018 budget) = 0.2 个百分点, not 0.4.
  found = afterEdit('national-2019.md', [['比去年预算高0.2个百分点', '比去年预算高0.4个百分点']]);
  assert.deepEqual(
    found.map((f) => [f.ruleId, f.line, f.text]),
    [['growth-mismatch', 65, '0.4个百分点']],
  );
  assert.match(found[0].message, /2\.8% − 2\.6%（2018年报告第\d+行）= 0\.2个百分点/);
});

test("edited national-2016 and 2017: 比去年增加/多 against last year's budget and target", corpusTest(), () => {
  if (!HAVE_CORPUS) return;
  // 2.18万亿 − 1.62万亿 (national-2015) = 5600亿.
  let found = afterEdit('national-2016.md', [['比去年增加5600亿元', '比去年增加5000亿元']]);
  assert.deepEqual(
    found.map((f) => [f.ruleId, f.line, f.text]),
    [['growth-mismatch', 97, '5000亿元']],
  );
  // 城镇新增就业 1100万 (2017 target) − 1000万 (2016 target) = 100万.
  found = afterEdit('national-2017.md', [['比去年多100万人', '比去年多200万人']]);
  assert.deepEqual(
    found.map((f) => [f.ruleId, f.text]),
    [['growth-mismatch', '200万人']],
  );
  assert.match(found[0].message, /^“城镇新增就业”比上年增加200万人，但1100万人以上 − 1000万人以上（2016年报告第87行）= 100万人$/);
});

test('edited national-2016: count words against their lists (count-mismatch)', corpusTest(), () => {
  if (!HAVE_CORPUS) return;
  // 三项举措。一是…二是…三是… : with 四项 there are still three.
  let found = afterEdit('national-2016.md', [['今年将采取三项举措', '今年将采取四项举措']]);
  assert.deepEqual(
    found.map((f) => [f.ruleId, f.text]),
    [['count-mismatch', '四项']],
  );
  assert.match(found[0].message, /^“四项”与所列项数不符：列出了3项/);
  // 八个方面工作 followed by sections （一）…（八）.
  found = afterEdit('national-2016.md', [['重点做好八个方面工作', '重点做好七个方面工作']]);
  assert.deepEqual(
    found.map((f) => [f.ruleId, f.line, f.text]),
    [['count-mismatch', 93, '七个方面']],
  );
});

test('edited reports: an impossible share, a restated target changed, a total out of reach', corpusTest(), () => {
  if (!HAVE_CORPUS) return;
  let found = afterEdit('xinjiang-2026.md', [['占全国92.8%', '占全国192.8%']]);
  assert.deepEqual(
    found.map((f) => [f.ruleId, f.severity, f.text]),
    [['rate-range', 'error', '192.8%']],
  );
  // 经济增长预期目标 restates 国内生产总值增长6.5%－7%; 7.5%－8% cannot be the same target.
  found = afterEdit('national-2016.md', [['经济增长预期目标6.5%－7%', '经济增长预期目标7.5%－8%']]);
  assert.deepEqual(
    found.map((f) => [f.ruleId, f.line, f.text]),
    [
      ['number-conflict', 89, '7.5%－8%'],
      ['number-format', 89, '7.5%－8%'],
    ],
  );
  assert.match(found[0].message, /^“经济增长”（2016年目标）前后说法不一致：此处为7\.5%～8%，第87行为6\.5%～7%/);
  // The sample report: 216 + 净增30 = 246 cannot reach 突破260 (216 + 50 = 266 can).
  found = afterEdit('xinshi-2023.md', [['净增50家', '净增30家']]);
  assert.deepEqual(
    found.map((f) => [f.ruleId, f.line, f.text]),
    [
      ['target-below-baseline', 127, '30家'],
      ['total-mismatch', 127, '突破260家'],
    ],
  );
  assert.equal(found[1].message, '“高新技术企业”总数：216家 + 新增30家 = 246家，达不到“突破260家”（上年总数见第35行）');
});
