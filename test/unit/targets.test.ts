// Year N's targets against year N+1's review (server/src/core/targets.ts), checked against the
// hand-made labels in test/fixtures/targets: the sample report's 2023 targets against a realistic
// 2024 draft (exact, every label), and the eight national pairs of the corpus (agreement per
// pair, every disagreement listed with who is right, no false miss, every labelled miss found).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../server/src/cli';
import { printTargets, targetRows, type TargetRow } from '../../server/src/cliTargets';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { similarity } from '../../server/src/core/facts/synonyms';
import { toPeer, type PeerReport } from '../../server/src/core/peers';
import { ruleById } from '../../server/src/core/rules/index';
import { checklistMarkdown } from '../../server/src/core/targets/checklist';
import { hasReview, nextYearOf, previousYearOf } from '../../server/src/core/peers';
import { matchTargets, reviewSummary } from '../../server/src/core/targets/match';
import { collapsedLensTitle, reviewSummaryTitle, targetLensTitle, targetVerdictLine, writtenValue } from '../../server/src/core/targets/present';
import { targetsOf } from '../../server/src/core/targets/select';
import { type TargetResult } from '../../server/src/core/targets/types';
import { corpusTest, HAVE_CORPUS, readCorpus, readSample, REPO_ROOT } from '../support/corpus';

const XINSHI = join(REPO_ROOT, 'test', 'fixtures', 'targets', 'xinshi');
const NATIONAL = join(REPO_ROOT, 'test', 'fixtures', 'targets', 'national');
const TARGET_RULES = [ruleById('target-missed')!, ruleById('target-unreported')!, ruleById('target-task-unreported')!];
/** Last year's report with its own diagnostics too (off by default: a published report cannot be changed). */
const IN_LAST_YEAR = { targetDiagnosticsInLastYear: true };

interface Label {
  line: number;
  match: string;
  metric: string;
  value: number;
  high: number | null;
  unit: string;
  status: 'met' | 'missed' | 'unreported' | 'ambiguous';
  outcome: { line: number; match: string; value: number | null; unit: string | null } | null;
}

const labelsOf = (file: string): Label[] => JSON.parse(readFileSync(file, 'utf8')).targets;
const report = (text: string, fileName: string): Analysis => analyze(text, { rules: [], fileName });
const peer = (text: string, name: string): PeerReport => toPeer(`file:///ws/${name}`, report(text, name));
const lineOf = (a: Analysis, r: TargetResult) => a.lineIndex.lineOf(r.target.span.start) + 1;
/** 1-based line of what answers a target: the outcome's figure, else the words of a stated miss. */
const answerLine = (r: TargetResult) => (r.outcome ? r.outcome.range.start.line + 1 : r.words ? r.words.range.start.line + 1 : null);

/** Pairs each label with the result on its line with its value (the metric's name breaks ties). */
function assign(a: Analysis, labels: Label[], results: TargetResult[]): { label: Label; result?: TargetResult }[] {
  const used = new Set<TargetResult>();
  return labels.map((label) => {
    const candidates = results.filter((r) => {
      const v = writtenValue(r.target);
      return lineOf(a, r) === label.line && Math.abs((Array.isArray(v) ? v[0] : v) - label.value) < 1e-6 && !used.has(r);
    });
    candidates.sort((x, y) => similarity(y.target.metric, label.metric) - similarity(x.target.metric, label.metric));
    const result = candidates[0];
    if (result) used.add(result);
    return { label, result };
  });
}

/** `line match: label → got` for every label the matcher does not reproduce (status and answering line). */
function disagreements(a: Analysis, labels: Label[], results: TargetResult[]): string[] {
  const out: string[] = [];
  for (const { label, result } of assign(a, labels, results)) {
    const got = result ? result.status : 'no target';
    const okStatus = got === label.status || (label.status === 'ambiguous' && (got === 'met' || got === 'unreported'));
    const okLine = !label.outcome || label.status === 'ambiguous' || !result || answerLine(result) === label.outcome.line;
    if (!okStatus || !okLine) out.push(`${label.line} ${label.match}: ${label.status} → ${got}${result && answerLine(result) ? `@${answerLine(result)}` : ''}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The sample report's 2023 targets against the 2024 draft: every label exactly.

const sample = report(readSample(), 'xinshi-2023.md');
const draft2024Text = readFileSync(join(REPO_ROOT, 'examples', 'xinshi-2024.md'), 'utf8');
const draft2024 = peer(draft2024Text, 'xinshi-2024.md');
const planOnly = peer(readFileSync(join(XINSHI, 'xinshi-2024-plan-only.md'), 'utf8'), 'xinshi-2024-plan-only.md');

test('xinshi 2023 → 2024: every one of the 30 labels, exact status and outcome line, and no other target', () => {
  const labels = labelsOf(join(XINSHI, '2023-2024.json'));
  assert.equal(labels.length, 30);
  const results = matchTargets(sample, draft2024);
  assert.equal(results.length, 30, 'the matcher finds exactly the labelled targets');
  for (const { label, result } of assign(sample, labels, results)) {
    const where = `${label.line} ${label.match}`;
    assert.ok(result, `${where}: not found as a target`);
    assert.equal(result.status, label.status, where);
    if (label.outcome) {
      assert.equal(result.outcome && result.outcome.range.start.line + 1, label.outcome.line, `${where}: outcome line`);
      assert.equal(result.outcome?.value, label.outcome.value, `${where}: outcome value`);
    } else {
      assert.equal(result.outcome, undefined, `${where}: no outcome`);
    }
  }
  const count = (s: string) => results.filter((r) => r.status === s).length;
  assert.deepEqual([count('met'), count('missed'), count('unreported')], [12, 6, 12]);
  // Two misses are also stated in words; the others are misses by the figures alone.
  assert.deepEqual(
    results.filter((r) => r.words).map((r) => [lineOf(sample, r), r.target.text, r.words!.text, r.words!.range.start.line + 1]),
    [
      [117, '7500 亩', '粮食种植面积未能完成年初目标', 23],
      [133, '35%以上', '技术合同交易额达到5.8亿元，同比增长16%，增速低于预期', 29],
    ],
  );
});

test('xinshi 2024 draft: last year’s misses on its outcomes, its unreported task targets one note per review section; nothing in 2023 by default', () => {
  const d = analyze(draft2024Text, {
    fileName: 'xinshi-2024.md',
    rules: TARGET_RULES,
    peers: [toPeer('file:///ws/xinshi-2023.md', report(readSample(), 'xinshi-2023.md'))],
  });
  const lines = d.findings.map((f) => `${f.range.start.line + 1} ${f.ruleId} ${d.text.slice(f.start, f.end)}`);
  assert.deepEqual(lines, [
    '11 target-task-unreported 2023年工作回顾',
    '15 target-task-unreported 一、产业体系加快构建',
    '23 target-missed 7200亩',
    '27 target-missed 38家',
    '27 target-missed 254家',
    '29 target-missed 16%',
    '31 target-missed 96家',
    '35 target-missed 2350户',
    '41 target-task-unreported 四、民生福祉持续增进',
  ]);
  const jobs = d.findings.find((f) => d.text.slice(f.start, f.end) === '2350户')!;
  assert.equal(jobs.message, '2023年目标“2700户棚户区改造”（2023年报告第151行）：本报告为2350户，未达到');
  assert.deepEqual(
    jobs.related?.map((r) => [r.uri, r.range?.start.line, r.message]),
    [['file:///ws/xinshi-2023.md', 150, '2023年目标：“2700户棚户区改造”']],
  );
  const school = d.findings.at(-1)!;
  assert.equal(school.severity, 'information');
  assert.equal(school.message, '2023年目标中有4项在本部分没有给出数字：“加快5所公办幼儿园建设”、“新建、续建中小学3所”、“学前教育园位1470个”等');
  assert.equal(school.related?.length, 4);
  // Last year's report keeps lenses and hover, not diagnostics, unless asked.
  assert.deepEqual(analyze(readSample(), { fileName: 'xinshi-2023.md', rules: TARGET_RULES, peers: [draft2024] }).findings, []);
});

test('xinshi 2023 → 2024 with targetDiagnosticsInLastYear: the diagnostics sit on the target clauses and name both numbers', () => {
  const a = analyze(readSample(), { fileName: 'xinshi-2023.md', rules: TARGET_RULES, peers: [draft2024], config: IN_LAST_YEAR });
  const by = (id: string) => a.findings.filter((f) => f.ruleId === id);
  assert.equal(by('target-missed').length, 6);
  // No 主要预期目标 passage in the sample: every target is a task target.
  assert.equal(by('target-unreported').length, 0);
  assert.equal(by('target-task-unreported').length, 12);
  // Two figures in one clause: each finding covers its own item of the list.
  const texts = a.findings.filter((f) => f.range.start.line === 150).map((f) => `${f.ruleId}:${a.text.slice(f.start, f.end)}`);
  assert.deepEqual(texts.slice(0, 2), ['target-task-unreported:全面开展5个自建房区域', 'target-missed:2700户棚户区改造']);
  const jobs = a.findings.find((f) => a.text.slice(f.start, f.end) === '2700户棚户区改造')!;
  assert.equal(jobs.message, '2023年目标“2700户棚户区改造”：2024年报告为2350户，未达到（2024年报告第35行）');
  assert.deepEqual(
    jobs.related?.map((r) => [r.uri, r.range?.start.line, r.message]),
    [['file:///ws/xinshi-2024.md', 34, '2024年实际：2350户']],
  );
  const grain = by('target-missed').find((f) => a.text.slice(f.start, f.end).includes('粮食作物'))!;
  assert.equal(grain.message, '2023年目标“完成种植粮食作物7500亩”：2024年报告为7200亩，未达到，并称“粮食种植面积未能完成年初目标”（2024年报告第23行）');
  assert.equal(grain.related?.length, 2);
  for (const f of a.findings) {
    // A clause, never a paragraph: no finding crosses a sentence end.
    assert.ok(!/[。；]/.test(a.text.slice(f.start, f.end)), `${f.ruleId} at line ${f.range.start.line + 1} spans a sentence end`);
    assert.ok(f.end - f.start <= 40, `${f.ruleId} at line ${f.range.start.line + 1} is longer than a clause`);
  }
  const en = analyze(readSample(), { fileName: 'xinshi-2023.md', rules: TARGET_RULES, peers: [draft2024], locale: 'en', config: IN_LAST_YEAR });
  assert.equal(
    en.findings.find((f) => f.start === jobs.start)!.message,
    'The 2023 target "棚户区改造 2700户": the 2024 report gives 2350户, short of it (line 35 of the 2024 report)',
  );
});

test('xinshi: a draft with no review part yet — every target pending, nothing fires', () => {
  assert.equal(hasReview(planOnly), false);
  const results = matchTargets(sample, planOnly);
  assert.equal(results.length, 30);
  assert.ok(results.every((r) => r.status === 'pending' && !r.outcome && !r.words));
  assert.equal(results[0].explanation.zh, '2024年报告尚无回顾部分');
  const a = analyze(readSample(), { fileName: 'xinshi-2023.md', peers: [planOnly] });
  assert.deepEqual(
    a.findings.filter((f) => f.ruleId.startsWith('target-m') || f.ruleId === 'target-unreported'),
    [],
  );
  // No next year at all: pending, and the rules stay quiet.
  assert.ok(matchTargets(sample, undefined).every((r) => r.status === 'pending'));
  assert.deepEqual(analyze(readSample(), { rules: TARGET_RULES }).findings, []);
});

test('pairing: next and previous year of the same government; a review part first', () => {
  const other = toPeer('file:///ws/other-2024.md', report(draft2024Text.replace('新市区人民政府区长', '米东区人民政府区长'), 'other-2024.md'));
  assert.equal(other.meta.government, '米东区');
  assert.equal(nextYearOf(sample.meta, [other]), undefined);
  assert.equal(nextYearOf(sample.meta, [other, planOnly, draft2024])?.uri, draft2024.uri);
  assert.equal(nextYearOf(sample.meta, [planOnly])?.uri, planOnly.uri);
  assert.equal(previousYearOf(draft2024.meta, [toPeer('file:///ws/xinshi-2023.md', sample), draft2024])?.uri, 'file:///ws/xinshi-2023.md');
  assert.equal(previousYearOf(sample.meta, [draft2024]), undefined);
});

test('year N+1: the review heading sums up year N targets; lens titles per target', () => {
  const summary = reviewSummary(draft2024, sample)!;
  assert.equal(summary.heading.name, '2023年工作回顾');
  assert.equal(summary.heading.selection.start, draft2024Text.indexOf('2023年工作回顾'));
  assert.equal(reviewSummaryTitle(summary, 'zh'), '2023年目标：18项已报告（12项完成、6项未完成），12项未报告');
  assert.equal(reviewSummaryTitle(summary, 'en'), '2023 targets: 18 reported (12 met, 6 missed), 12 unreported');
  assert.equal(reviewSummary(planOnly, sample), undefined, 'no review part, no lens');
  assert.equal(reviewSummary(draft2024, toPeer('file:///ws/xinshi-2023.md', { ...sample, meta: { ...sample.meta, year: 2022 } })), undefined);
  const jobs = summary.results.find((r) => r.target.metricRaw === '城镇新增就业')!;
  // The lens leads with the metric and stays short; the hover line (and the lens tooltip) has the year.
  assert.equal(targetLensTitle(jobs, 'zh'), '✓ 城镇新增就业：2.7万人 / 目标2.5万人');
  assert.equal(targetLensTitle(jobs, 'en'), '✓ 城镇新增就业: 2.7万人 / target 2.5万人');
  assert.equal(targetVerdictLine(jobs, 'zh'), '✓ 2024年报告：2.7万人（目标2.5万人）');
  assert.equal(targetVerdictLine(jobs, 'en'), '✓ 2024 report: 2.7万人 (target 2.5万人)');
  const shanty = summary.results.find((r) => r.target.text === '2700户')!;
  assert.equal(targetLensTitle(shanty, 'zh'), '✗ 棚户区改造：2350户 / 目标2700户');
  assert.equal(targetVerdictLine(shanty, 'zh'), '✗ 2024年报告：2350户（目标2700户），未达到');
  const kindergartens = summary.results.find((r) => r.target.text === '5 所')!;
  assert.equal(targetLensTitle(kindergartens, 'zh'), '? 公办幼儿园：未报告 / 目标5所');
  assert.equal(targetLensTitle(matchTargets(sample, planOnly)[0], 'zh'), '… 区外到位资金：待2024年报告 / 目标360亿元');
  // Several targets on one line collapse into one lens.
  const one = (s: string) => summary.results.find((r) => r.status === s)!;
  assert.equal(collapsedLensTitle([one('met'), one('missed'), one('unreported')], 'zh'), '3项目标：✓1 ✗1 ?1');
  assert.equal(collapsedLensTitle([one('missed'), one('missed'), one('unreported')], 'en'), '3 targets: ✗2 ?1');
});

test('checklist: every target grouped by section, quoted, with an outcome placeholder and the status', () => {
  const results = matchTargets(sample, draft2024);
  const md = checklistMarkdown({ ...sample, lineOf: (o) => sample.lineIndex.lineOf(o) }, 'file:///ws/xinshi-2023.md', results, 'zh');
  const lines = md.split('\n');
  assert.equal(lines[0], '# 2024年工作回顾核对清单');
  assert.equal(lines[2], '> 对照2023年政府工作报告（file:///ws/xinshi-2023.md）的30项目标：12项已完成、6项未完成、12项未报告、0项待报告。');
  assert.equal(lines.filter((l) => l.startsWith('- [')).length, 30);
  assert.equal(lines.filter((l) => l.startsWith('- [x]')).length, 12);
  assert.deepEqual(
    lines.filter((l) => l.startsWith('## ')),
    [
      '## 三、着力构建现代产业体系，坚定不移推动经济高质量发展',
      '## 四、着力增强科技创新能力，不断塑造发展新动能新优势',
      '## 五、着力加强现代化城区建设，用心打造品质城区',
      '## 六、着力保障和改善民生，在增进民生福祉中实现各族群众对美好生活的向往',
    ],
  );
  const at = lines.indexOf('- [x] **城镇新增就业2.5万人**（第161行）');
  assert.ok(at > 0, 'the employment target is listed');
  assert.deepEqual(lines.slice(at + 1, at + 3), [
    '  - 目标原文：“坚持就业优先，不断提高公共就业创业服务专业化水平，力争实现城镇新增就业 2.5 万人。”',
    '  - 完成情况：2.7万人（2024年报告第43行） — 已完成',
  ]);
  const open = lines.indexOf('- [ ] **加快5所公办幼儿园建设**（第163行）');
  assert.ok(open > 0, 'the kindergarten target is listed in the report’s own words');
  assert.deepEqual(lines.slice(open + 1, open + 3), [
    '  - 目标原文：“加快 5 所公办幼儿园建设，新建、续建中小学 3 所，新增义务教育阶段学位 6600个、学前教育园位 1470 个，不断满足群众对基础教育的新期待。”',
    '  - 完成情况：＿＿＿＿ — 未报告',
  ]);
  // Without the passages (a peer's facts only), the clause is quoted.
  const bare = checklistMarkdown({ facts: sample.facts, tree: sample.tree, meta: sample.meta }, 'file:///ws/xinshi-2023.md', results, 'zh').split('\n');
  assert.ok(bare.includes('  - 目标原文：“力争实现城镇新增就业 2.5 万人”'));
  // Before next year's report exists: the same list, all placeholders.
  const blank = checklistMarkdown(sample, 'file:///ws/xinshi-2023.md', matchTargets(sample, undefined), 'en');
  assert.equal(blank.split('\n').filter((l) => l.includes('Outcome: ＿＿＿＿ — pending')).length, 30);
});

test('CLI targets: JSON rows {file, range, text, metric, value, unit, qualifier, year, status, outcome}', () => {
  const files = [
    { path: 'examples/xinshi-2023.md', analysis: sample },
    { path: 'examples/xinshi-2024.md', analysis: report(draft2024Text, 'xinshi-2024.md') },
  ];
  const rows = JSON.parse(printTargets(files, 'json', 'zh')) as TargetRow[];
  assert.equal(rows.length, 30 + 4, "2023's 30 targets, then 2024's own 4 (pending)");
  for (const r of rows) assert.deepEqual(Object.keys(r), ['file', 'range', 'text', 'metric', 'value', 'unit', 'qualifier', 'year', 'status', 'outcome']);
  assert.deepEqual(rows[0], {
    file: 'examples/xinshi-2023.md',
    range: { start: { line: 102, character: 200 }, end: { line: 102, character: 217 } },
    text: '力争全年实现区外到位资金360亿元',
    metric: '区外到位资金',
    value: 360,
    unit: '亿元',
    qualifier: null,
    year: 2023,
    status: 'met',
    outcome: {
      file: 'examples/xinshi-2024.md',
      range: { start: { line: 18, character: 30 }, end: { line: 18, character: 43 } },
      text: '实现区外到位资金372亿元',
      value: 372,
    },
  });
  const growth = rows.find((r) => r.text === '同比增长 35%以上')!;
  assert.deepEqual([growth.value, growth.unit, growth.qualifier, growth.status, growth.outcome?.value], [35, '%', '以上', 'missed', 16]);
  assert.deepEqual(
    rows.filter((r) => r.year === 2024).map((r) => [r.status, r.outcome]),
    Array(4).fill(['pending', null]),
  );
  const text = printTargets(files, 'text', 'zh').split('\n');
  assert.equal(text[0], 'examples/xinshi-2023.md：2023年目标30项（对照 examples/xinshi-2024.md）：12项完成、6项未完成、12项未报告、0项待报告');
  assert.equal(text[1], '  103:201  ✓ 区外到位资金360亿元 → 372亿元（第19行）');
  assert.ok(text.includes('  117:49  ✗ 完成种植粮食作物7500亩 → 7200亩（第23行），“粮食种植面积未能完成年初目标”'));
  // Alone, a report's targets are pending.
  assert.ok(targetRows([files[0]])[0].results.every((r) => r.status === 'pending'));
});

test('CLI targets: `govreport targets` dispatches, checks its format, and lists the command in its usage', () => {
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => (out.push(s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (err.push(s), true)) as typeof process.stderr.write;
  let codes: number[];
  try {
    codes = [
      main(['targets', join(REPO_ROOT, 'examples', 'xinshi-2023.md'), join(REPO_ROOT, 'examples', 'xinshi-2024.md'), '--format', 'json']),
      main(['targets', join(REPO_ROOT, 'examples', 'xinshi-2023.md'), '--format', 'sarif']),
      main(['--help']),
    ];
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
  // --help is no usage error: the usage on stdout, exit 0.
  assert.deepEqual(codes, [0, 2, 0]);
  const rows = JSON.parse(out[0]) as TargetRow[];
  assert.equal(rows.filter((r) => r.status === 'missed').length, 6);
  assert.match(err.join(''), /--format 只能是 text, json/);
  assert.match(out.join(''), /govreport targets 文件\.\.\. \[--format text\|json\]/);
});

// ---------------------------------------------------------------------------------------------
// Matching rules on small texts of our own.

const head = (year: number) =>
  `# 政府工作报告\n\n——${year}年1月13日在新市区第十五届人民代表大会第三次会议上\n\n新市区人民政府区长 宋振博\n\n各位代表：\n\n现在，我代表新市区人民政府，向大会报告工作，请予审议。\n\n`;
const plan = (body: string) => report(`${head(2023)}## 2023 年主要工作\n\n${body}\n`, 'a-2023.md');
const review = (body: string, tail = '') =>
  peer(`${head(2024)}## 2023年工作回顾\n\n${body}\n\n## 2024年主要工作\n\n${tail || '力争实现城镇新增就业2.6万人。'}\n`, 'a-2024.md');
const statuses = (a: Analysis, p: PeerReport, config?: Parameters<typeof matchTargets>[2]) =>
  matchTargets(a, p, config).map((r) => `${r.target.text}:${r.status}${r.outcome ? `=${r.outcome.fact.text}` : ''}`);

test('synonyms: the built-in table, and groups added in settings', () => {
  const a = plan('今年主要预期目标是：地区生产总值增长6%左右，居民消费价格涨幅3%左右，城镇新增就业2.5万人，能耗强度下降2%。');
  const p = review('全区GDP增长6.3%，CPI上涨1.5%，新增就业2.6万人，单位地区生产总值能耗下降2.4%。');
  assert.deepEqual(statuses(a, p), ['6%左右:met=6.3%', '3%左右:met=1.5%', '2.5万人:met=2.6万人', '2%:met=2.4%']);
  const b = plan('力争全年实现区外到位资金360亿元。');
  // (`引进区外资金` would answer by itself now: 区外资金 is 区外到位资金 abbreviated.)
  const q = review('招商引资到位资金372亿元。');
  assert.deepEqual(statuses(b, q), ['360亿元:unreported']);
  assert.deepEqual(statuses(b, q, { synonyms: [['区外到位资金', '招商引资到位资金']], approxRatePoints: 0.2, approxRelative: 0.05 }), ['360亿元:met=372亿元']);
});

test('qualifiers: ceilings, ranges, 左右 tolerance, falls, 突破 read leniently', () => {
  const a = plan(
    '今年主要预期目标是：地区生产总值增长6%左右，居民消费价格涨幅控制在3%以内，城镇调查失业率5.5%左右，规模以上工业增加值增长5%～6%，单位地区生产总值能耗下降2.5%以上，科技型中小企业备案突破200家。',
  );
  assert.deepEqual(
    statuses(
      a,
      review(
        '地区生产总值增长5.8%，居民消费价格上涨3%，城镇调查失业率4.9%，规模以上工业增加值增长6%，单位地区生产总值能耗下降2.5%，科技型中小企业备案达到200家。',
      ),
    ),
    ['6%左右:met=5.8%', '3%以内:met=3%', '5.5%左右:met=4.9%', '5%～6%:met=6%', '2.5%以上:met=2.5%', '突破200家:met=200家'],
  );
  assert.deepEqual(
    statuses(
      a,
      review(
        '地区生产总值增长5.7%，居民消费价格上涨3.1%，城镇调查失业率5.8%，规模以上工业增加值增长4.9%，单位地区生产总值能耗上升0.5%，科技型中小企业备案达到199家。',
      ),
    ),
    ['6%左右:missed=5.7%', '3%以内:missed=3.1%', '5.5%左右:missed=5.8%', '5%～6%:missed=4.9%', '2.5%以上:missed=0.5%', '突破200家:missed=199家'],
  );
});

test('an outcome answers only in the review part, for that year, as one year’s figure; an outcome without a target is never looked at', () => {
  const a = plan('新建改建农村公路120公里，提升改造街头游园5个，新建2座立体停车库。');
  const p = review(
    '刚刚过去的2023年，新增市场主体1.3万户，夜间消费场所增至7200余家。\n\n五年来，全区累计新建改建农村公路480公里。',
    '去年提升改造街头游园3个，新建立体停车库1座。今年再提升改造街头游园6个。',
  );
  assert.deepEqual(statuses(a, p), ['120公里:unreported', '5个:unreported', '2座:unreported']);
  const b = analyze(`${head(2023)}## 2023 年主要工作\n\n新建改建农村公路120公里。\n`, { rules: TARGET_RULES, peers: [p], config: IN_LAST_YEAR });
  assert.deepEqual(
    b.findings.map((f) => f.ruleId),
    ['target-task-unreported'],
  );
  assert.equal(b.findings[0].message, '2023年目标“新建改建农村公路120公里”：2024年报告的工作回顾没有给出该指标的数字');
  assert.deepEqual(
    b.findings[0].related?.map((r) => [r.uri, r.range?.start.line, r.message]),
    [['file:///ws/a-2024.md', 10, '2024年报告的工作回顾']],
  );
});

test('which figures are targets: restatements, derived changes, stock, thresholds, policy names and lists', () => {
  const a = plan(
    [
      '今年主要预期目标是：地区生产总值增长6%左右，城镇新增就业2.5万人。',
      '把增长预期目标定在6%左右，经济增长预期6%左右。',
      '一般公共预算收入安排32亿元，比去年增加2亿元，同比增长8%以上。',
      '用好已设立的5亿元引导基金，将现行13%的税率降至9%，对年应纳税额不到10万元的部分减半征收，降低工商业电价5%政策延长一年。',
      '二氧化硫、氮氧化物排放量要下降3%，淘汰、停建、缓建燃煤锅炉50台以上，化学需氧量和氨氮排放量均下降2%。',
      // A forecast of graduates is background (it is never reported, so it would be flagged unreported).
      '今年高校毕业生将达1.2万人，推动10个项目开工。',
    ].join('\n\n'),
  );
  assert.deepEqual(
    targetsOf(a).map((t) => `${t.metric}:${t.text}`),
    [
      '地区生产总值:6%左右',
      '城镇就业:2.5万人',
      '一般公共预算收入:32亿元',
      '一般公共预算收入:8%以上',
      '税率:9%',
      '二氧化硫:3%',
      '氮氧化物排放量:3%',
      '缓建燃煤锅炉:50台以上',
      '化学需氧量:2%',
      '氨氮排放量:2%',
      '项目:10个',
    ],
  );
});

test('a miss stated in words: the target it names, or the one named just before generic words; never a target it does not name', () => {
  const a = plan('建成高标准节水农田3500亩，完成种植粮食作物7500亩。进出口总额增长6%左右，技术合同交易额突破5亿元，同比增长35%以上。');
  const p = review(
    '建成高标准节水农田3600亩，受低温影响，粮食种植面积未能完成年初目标。受外需萎缩影响，进出口总额出现下降，预期增长目标未能实现。技术合同交易额达到5.8亿元，同比增长36%，增速低于预期。夜间经济发展未能达到预期。',
  );
  const results = matchTargets(a, p);
  assert.deepEqual(
    results.map((r) => `${r.target.text}:${r.status}${r.words ? `「${r.words.text}」` : ''}`),
    [
      '3500亩:met',
      '7500亩:missed「粮食种植面积未能完成年初目标」',
      '6%左右:missed「进出口总额出现下降，预期增长目标未能实现」',
      '突破5亿元:met',
      '35%以上:missed「技术合同交易额达到5.8亿元，同比增长36%，增速低于预期」',
    ],
  );
  // The words win over a figure that looks met: the review says the rate fell short.
  assert.equal(results[4].outcome?.fact.text, '36%');
});

test('never throws, and is cheap without a peer', () => {
  for (const text of ['', '# 政府工作报告', `${head(2023)}## 2023 年主要工作\n\n力争${'9'.repeat(400)}亿元。`, '\u0000\uffff'.repeat(50)]) {
    const a = report(text, 'x-2023.md');
    assert.doesNotThrow(() => matchTargets(a, review('城镇新增就业2.5万人。')));
    assert.doesNotThrow(() => matchTargets(a, toPeer('file:///x', report(text, 'x-2024.md'))));
  }
  const a = analyze(readSample(), { rules: TARGET_RULES });
  assert.deepEqual(a.findings, []);
});

// ---------------------------------------------------------------------------------------------
// The eight national pairs (corpus).

/**
 * Every label the matcher does not reproduce, with the verdict on who is right. Status first,
 * then the line that answers the target. None is a false miss; every labelled miss is found.
 */
const NATIONAL_DISAGREEMENTS: Record<string, string[]> = {
  // `今年新开工700万套以上` names no metric of its own (保障性安居工程 is in an earlier clause):
  // the label is right; the matcher has no name to match and says unreported.
  '2014-2015': ['187 新开工700万套以上: met → unreported'],
  '2015-2016': [],
  '2016-2017': [
    // The label reads 营改增's 5700多亿元 as a component that alone exceeds the three measures'
    // 5000多亿元: a reader's inference the names (减轻企业和个人负担 / 降低企业税负) do not support.
    // Label right in substance; unreported is the honest answer of a name matcher.
    '99 减轻企业和个人负担5000多亿元: met → unreported',
    // 易地搬迁脱贫 and 易地扶贫搬迁 are one programme worded two ways; label right, the bigram
    // likeness (0.33) is too low to say so without also matching unlike names.
    '139 易地搬迁脱贫200万人以上: met → unreported',
  ],
  // 财政赤字率一直控制在3%以内 in the five-year summary holds for 2017 as for every year of the five;
  // the label asks for the year's own figure. Both readings are defensible; neither is a miss.
  '2017-2018': ['75 赤字率拟按3%: unreported → met@31'],
  '2018-2019': [
    // 减税降费约1.3万亿元 contains the name 企业和个人减税: the matcher takes it as the answer
    // (met). The label's rule — a combined figure of two targets answers neither — is stricter;
    // both readings are defensible and neither is a miss.
    '105 为企业和个人减税8000多亿元: unreported → met@29',
    // 进城落户 vs 农业转移人口在城镇落户, and `棚改攻坚计划，今年开工580万套` whose figure names
    // no metric: label right, no name to match.
    '153 再进城落户1300万人: met → unreported',
    '181 棚改攻坚计划，今年开工580万套: met → unreported',
  ],
  // `今年大规模扩招100万人` answers through its sentence's topic (高职院校扩招): agrees now.
  '2019-2020': [],
  // 为企业新增减负 vs 为市场主体减负: one measure under two names. Label right.
  '2020-2021': ['69 预计全年为企业新增减负超过2.5万亿元: met → unreported'],
  '2021-2022': [],
};

/** Labelled targets per pair the matcher reproduces exactly (status and answering line). */
const NATIONAL_AGREEMENT: Record<string, [number, number]> = {
  '2014-2015': [36, 37],
  '2015-2016': [37, 37],
  '2016-2017': [39, 41],
  '2017-2018': [43, 44],
  '2018-2019': [34, 37],
  '2019-2020': [40, 40],
  '2020-2021': [17, 18],
  '2021-2022': [22, 22],
};

/** target-missed / target-unreported diagnostics on national-N when national-(N+1) is given. */
const NATIONAL_DIAGNOSTICS: Record<string, [number, number]> = {
  'national-2014.md': [0, 26],
  'national-2015.md': [1, 29],
  'national-2016.md': [1, 30],
  'national-2017.md': [0, 43],
  'national-2018.md': [0, 28],
  'national-2019.md': [0, 34],
  'national-2020.md': [0, 14],
  'national-2021.md': [0, 14],
};

const PAIRS = Object.keys(NATIONAL_AGREEMENT);
const corpusPeer = (name: string) => toPeer(`file:///corpus/${name}`, report(readCorpus(name), name));

for (const pair of PAIRS) {
  test(`national ${pair}: agreement with the labels`, corpusTest(), () => {
    if (!HAVE_CORPUS) return;
    const [n, r] = pair.split('-');
    const labels = labelsOf(join(NATIONAL, `${pair}.json`));
    const a = report(readCorpus(`national-${n}.md`), `national-${n}.md`);
    const results = matchTargets(a, corpusPeer(`national-${r}.md`));
    const off = disagreements(a, labels, results);
    assert.deepEqual(off, NATIONAL_DISAGREEMENTS[pair]);
    assert.deepEqual([labels.length - off.length, labels.length], NATIONAL_AGREEMENT[pair]);
    // ZERO false misses, labelled or not: every miss is a labelled miss.
    const labelledMisses = assign(a, labels, results)
      .filter((x) => x.label.status === 'missed')
      .map((x) => x.result);
    for (const m of results.filter((x) => x.status === 'missed')) {
      assert.ok(labelledMisses.includes(m), `false miss at line ${lineOf(a, m)}: ${m.target.clauseText}`);
    }
  });
}

test('national: overall agreement ≥ 95 %, every labelled miss found with its line, no false miss', corpusTest(), () => {
  if (!HAVE_CORPUS) return;
  let agree = 0;
  let total = 0;
  const misses: string[] = [];
  for (const pair of PAIRS) {
    const [n, r] = pair.split('-');
    const labels = labelsOf(join(NATIONAL, `${pair}.json`));
    const a = report(readCorpus(`national-${n}.md`), `national-${n}.md`);
    const results = matchTargets(a, corpusPeer(`national-${r}.md`));
    total += labels.length;
    agree += labels.length - disagreements(a, labels, results).length;
    for (const { label, result } of assign(a, labels, results)) {
      if (label.status === 'missed') misses.push(`${pair} ${label.match}: ${result?.status}@${result && answerLine(result)}`);
    }
  }
  assert.equal(total, 276);
  assert.equal(agree, 268);
  assert.ok(agree / total >= 0.95, `${agree}/${total}`);
  assert.deepEqual(misses, ['2015-2016 进出口增长6%左右: missed@51', '2016-2017 广义货币M2预期增长13%左右: missed@33']);
});

test('national 2017 → 2018, a five-year review: only the figures for 2017 answer 2017 targets', corpusTest(), () => {
  if (!HAVE_CORPUS) return;
  const a = report(readCorpus('national-2017.md'), 'national-2017.md');
  const results = matchTargets(a, corpusPeer('national-2018.md'));
  const answered = results
    .filter((r) => r.status !== 'unreported')
    .map((r) => `${r.target.metric} ${r.target.text}: ${r.status} ${r.outcome?.fact.text}@${answerLine(r)}`);
  // GDP 6.9% and 城镇新增就业1351万人 from the 刚刚过去的2017年 paragraph; the five-year figures
  // (居民消费价格年均上涨1.9%, 棚户区住房改造2600多万套, 贫困人口减少6800多万) answer nothing.
  // 财政赤字率一直控制在3%以内 (the five-year summary) holds for every year of the five, 2017's too.
  assert.deepEqual(answered, ['国内生产总值 6.5%左右: met 6.9%@23', '城镇就业 1100万人以上: met 1351万人@23', '赤字率 3%: met 3%以内@31']);
  for (const metric of ['居民消费价格', '棚户区住房改造', '农村贫困人口', '易地扶贫搬迁']) {
    assert.equal(results.find((r) => r.target.metric === metric)?.status, 'unreported', metric);
  }
});

test('national: target diagnostics per report when next year is given (and none without it)', corpusTest(), () => {
  if (!HAVE_CORPUS) return;
  const all = Object.keys(NATIONAL_DIAGNOSTICS).concat('national-2022.md');
  const peers = new Map(all.map((name) => [name, corpusPeer(name)]));
  for (const [name, [missed, unreported]] of Object.entries(NATIONAL_DIAGNOSTICS)) {
    const year = Number(name.slice(9, 13));
    // Every other national report in the workspace: the rules pick next year's.
    const others = all.filter((x) => x !== name).map((x) => peers.get(x)!);
    const a = analyze(readCorpus(name), { fileName: name, rules: TARGET_RULES, peers: others, config: IN_LAST_YEAR });
    // The plan side: findings on this report's own targets (the draft side, on its review of last year, is below).
    const own = a.findings.filter((f) => !f.message.includes(`${year - 1}年`));
    const count = (id: string) => own.filter((f) => f.ruleId === id).length;
    assert.deepEqual([count('target-missed'), count('target-unreported') + count('target-task-unreported')], [missed, unreported], name);
    // By default this report shows only the draft side: findings about last year's targets.
    const byDefault = analyze(readCorpus(name), { fileName: name, rules: TARGET_RULES, peers: others }).findings;
    assert.ok(
      byDefault.every((f) => f.message.startsWith(`${year - 1}年`)),
      name,
    );
    // Last year's report alone says nothing about this year's targets.
    const prev = all.find((x) => x === `national-${year - 1}.md`);
    if (prev) {
      const alone = analyze(readCorpus(name), { fileName: name, rules: TARGET_RULES, peers: [peers.get(prev)!], config: IN_LAST_YEAR }).findings;
      assert.deepEqual(
        alone.filter((f) => !f.message.startsWith(`${year - 1}年`)),
        [],
        name,
      );
    }
  }
  for (const name of ['national-2022.md', 'xinjiang-2026.md', 'xinshi-2023.md']) {
    const others = all.filter((x) => x !== name).map((x) => peers.get(x)!);
    const found = analyze(readCorpus(name), { fileName: name, rules: TARGET_RULES, peers: others, config: IN_LAST_YEAR }).findings;
    // Only the draft side (national-2022 reviewing 2021's targets): nothing of its own year's.
    assert.deepEqual(
      found.filter((f) => !/^2021年/.test(f.message)),
      [],
      `${name}: no next year in the corpus`,
    );
  }
});

test('a stock reached answers no amount to be done this year; the amount done does', () => {
  const a = plan('新建5G基站2.3万个以上，建设高标准农田300万亩。');
  // `增至`, `达到`: the year-end stock (hubei 2026: 5G基站增至18.8万个).
  assert.deepEqual(statuses(a, review('5G基站增至18.8万个，高标准农田达到4808万亩。')), ['2.3万个以上:unreported', '300万亩:unreported']);
  assert.deepEqual(statuses(a, review('新建5G基站2.6万个，建成高标准农田310万亩。')), ['2.3万个以上:met=2.6万个', '300万亩:met=310万亩']);
});

// ---- The families of matching and choosing (issue: targets that hold on unseen reports) ----------

test('family 1, measure words and units alike: 台/部, 个/处/座, 所/个, 公里/千米, 亩/公顷, 万人次/人次', () => {
  const a = plan('更新改造公交车辆300台，新建社区长者食堂30个，新建中小学校5所，新改建农村公路120公里，建设高标准农田2000公顷，接待游客500万人次。');
  const p = review('更新改造公交车辆320部，新建社区长者食堂32处，新建中小学校6个，新改建农村公路125千米，建设高标准农田3.2万亩，接待游客520万人次。');
  assert.deepEqual(statuses(a, p), [
    '300台:met=320部',
    '30个:met=32处',
    '5所:met=6个',
    '120公里:met=125千米',
    '2000公顷:met=3.2万亩',
    '500万人次:met=520万人次',
  ]);
  // 3.2万亩 is 2133公顷; 2.9万亩 (1933公顷) falls short.
  assert.deepEqual(statuses(plan('建设高标准农田2000公顷。'), review('建设高标准农田2.9万亩。')), ['2000公顷:missed=2.9万亩']);
});

test('family 2, abbreviations of one name: 规上 = 规模以上, 污水厂 = 污水处理厂, a short form the report defines', () => {
  const a = plan('新增规上工业企业50家，新建污水处理厂3座。');
  assert.deepEqual(statuses(a, review('新增规模以上工业企业56家，新建污水厂3座。')), ['50家:met=56家', '3座:met=3座']);
});

test('family 3, different verbs for one achievement: 新建/改造 answered by 建成/完成; the head noun of a long name decides', () => {
  const a = plan('新建串联主要景区的旅游公路80公里，改造老旧小区40个。');
  assert.deepEqual(statuses(a, review('建成旅游公路86公里，完成老旧小区改造42个。')), ['80公里:met=86公里', '40个:met=42个']);
});

test('family 4, evidence shares the content words, not only the unit: another count of that unit is no outcome', () => {
  const a = plan('新开工重点项目30个，改造供热管网200公里。');
  assert.deepEqual(statuses(a, review('3个项目获评省级示范，改造供水管网260公里。')), ['30个:unreported', '200公里:unreported']);
});

test('family 5, the five-year summary: a year-end level answers; a five-year sum or average does not', () => {
  const a = plan('森林覆盖率达到25%，专精特新企业达到300家，地区生产总值增长6%左右。');
  const p = peer(
    `${head(2024)}## 一、2023年和“十四五”时期工作回顾\n\n过去五年，森林覆盖率达到25.6%，专精特新企业累计新增1200家，地区生产总值年均增长6.3%。\n\n## 二、2024年主要工作\n\n力争实现城镇新增就业2.6万人。\n`,
    'a-2024.md',
  );
  assert.deepEqual(statuses(a, p), ['25%:met=25.6%', '300家:unreported', '6%左右:unreported']);
});

test('family 6, not targets: thresholds and scopes, background counts, tax rates kept, durations, figures of other years, names that open with a function word', () => {
  const a = plan(
    [
      '支持营收1亿元以上企业扩大投资，落实好增值税小规模纳税人起征点政策。',
      '我区有常住人口52万人，保持6%一档的税率不变，实行24小时在线监测。',
      '去年新增就业2.3万人，到2027年森林覆盖率达到28%。',
      '新增城镇就业2.5万人。',
    ].join('\n\n'),
  );
  assert.deepEqual(
    targetsOf(a).map((t) => `${t.metric}:${t.text}`),
    ['城镇就业:2.5万人'],
  );
});

test('family 7, targets read: 实现正增长 (above 0 %), 力争A突破X、B突破Y (two), trips and sessions, 达到 after the metric', () => {
  const a = plan(
    '一般公共预算收入实现正增长，力争外贸进出口突破100亿元、实际使用外资突破5亿元，开行旅游专列20班次，举办招聘会50场次，技术合同成交额达到8亿元。',
  );
  assert.deepEqual(
    targetsOf(a).map((t) => `${t.metric}:${t.text}`),
    ['一般公共预算收入:正增长', '外贸进出口:突破100亿元', '实际使用外资:突破5亿元', '旅游专列:20班次', '招聘会:50场次', '技术合同成交额:8亿元'],
  );
  // 正增长 is met by any growth, missed by a fall, and 0 % is no growth.
  const b = plan('一般公共预算收入实现正增长。');
  assert.deepEqual(statuses(b, review('一般公共预算收入增长3.2%。')), ['正增长:met=3.2%']);
  assert.deepEqual(statuses(b, review('一般公共预算收入下降1.5%。')), ['正增长:missed=1.5%']);
});
