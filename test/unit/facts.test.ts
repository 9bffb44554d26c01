// Facts: what each figure of a real report measures, in which role and year. The sample report
// (copied in the repo) and the corpus (read in place) are checked figure by figure where it
// matters for the rules and for next year's target check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import type { Fact } from '../../server/src/core/facts/facts';
import { describeNumberAt } from '../../server/src/core/features/hover';
import { toPeer } from '../../server/src/core/peers';
import { corpusTest, readCorpus, readSample } from '../support/corpus';

/** `text metric role/year/period change` for the facts whose figure text is given (first match after `from`). */
function show(a: Analysis, text: string, from = 0): string {
  const f = a.facts.find((x) => x.text === text && x.span.start >= from);
  assert.ok(f, `no fact ${text}`);
  return describe(f);
}

function describe(f: Fact): string {
  const flags = [f.direction, f.versus, f.qualifier, f.ambiguous ? 'ambiguous' : '', f.weak ? 'weak' : ''].filter(Boolean).join(',');
  return `${f.text} [${f.metric}=${f.key}] ${f.role}/${f.year ?? '?'}/${f.period} ${f.change}${flags ? ' ' + flags : ''}`;
}

test('sample report: review outcomes of 2022, plan targets of 2023, roles from 新增/净增/总数', () => {
  const text = readSample();
  const a = analyze(text, { fileName: 'xinshi-2023.md' });
  assert.equal(a.facts.length, 100);
  assert.equal(show(a, '53 家'), '53 家 [高新技术企业=高新技术企业] outcome/2022/year increment');
  assert.equal(show(a, '216 家'), '216 家 [高新技术企业=高新技术企业] outcome/2022/year total');
  assert.equal(show(a, '50家'), '50家 [高新技术企业=高新技术企业] target/2023/year increment');
  assert.equal(show(a, '突破260家'), '突破260家 [高新技术企业=高新技术企业] target/2023/year total 突破');
  assert.equal(show(a, '2.5 万人'), '2.5 万人 [城镇就业=城镇就业] target/2023/year increment');
  assert.equal(show(a, '359 亿元'), '359 亿元 [区外到位资金=区外到位资金] outcome/2022/year level');
  assert.equal(show(a, '360亿元'), '360亿元 [区外到位资金=区外到位资金] target/2023/year level');
  assert.equal(show(a, '35%以上'), '35%以上 [技术合同交易额=技术合同交易额] target/2023/year growth-rate up,previous-year,以上');
  assert.equal(show(a, '1.1 万亩'), '1.1 万亩 [高效节水农田=高效节水农田] outcome/2022/year level');
  assert.equal(show(a, '95%以上'), '95%以上 [基本医疗保险参保率=基本医疗保险参保率] outcome/2022/year level 以上');
  // Counts whose noun follows are weak identities: `5 家企业` and `36 家企业` are different things.
  assert.equal(show(a, '5 家'), '5 家 [企业=企业] outcome/2022/year level weak');
  assert.equal(show(a, '十件'), '十件 [民生实事有效推进=民生实事有效推进] outcome/2022/year level weak');
  // Where each stands in the outline, and the target word of its sentence.
  const target = a.facts.find((f) => f.text === '突破260家')!;
  assert.equal(target.node?.name, '实施园区提档升级工程');
  assert.equal(target.marker, '争取');
  assert.equal(a.facts.find((f) => f.text === '2.5 万人')!.marker, '力争');
  // `总数达到216家` points at nothing before it in its sentence (53 家 is an increment): no `of`.
  assert.equal(a.facts.find((f) => f.text === '216 家')!.levelIndex, undefined);
  // The 35% growth is of the 5 亿元 trade volume in the same sentence.
  const growth = a.facts.find((f) => f.text === '35%以上')!;
  assert.equal(a.facts[growth.levelIndex!].text, '突破 5 亿元');
});

test('sample report: spans are the figures in the source, split ones included', () => {
  const text = readSample();
  const a = analyze(text);
  for (const f of a.facts) {
    assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start < f.span.end);
    assert.equal(text.slice(f.span.start, f.span.end).replace(/\n+/g, ''), f.text);
    assert.ok(f.clause.start <= f.span.start && f.clause.end >= f.span.end, `clause of ${f.text} holds it`);
  }
  const split = a.facts.find((f) => f.text === '6600个')!;
  assert.equal(text.slice(split.span.start, split.span.end), '6600\n\n个');
  assert.equal(split.metric, '义务教育阶段学位');
});

test('national-2019: the 主要预期目标 passage holds the 2019 targets, the review the 2018 outcomes', corpusTest(), () => {
  const text = readCorpus('national-2019.md');
  const a = analyze(text, { fileName: 'national-2019.md' });
  const targets = text.indexOf('今年经济社会发展的主要预期目标是');
  assert.equal(show(a, '6%－6.5%', targets), '6%－6.5% [国内生产总值=国内生产总值] target/2019/year growth-rate up');
  assert.equal(show(a, '1100万人以上', targets), '1100万人以上 [城镇就业=城镇就业] target/2019/year increment 以上');
  assert.equal(show(a, '5.5%左右', targets), '5.5%左右 [城镇调查失业率=城镇调查失业率] target/2019/year level 左右');
  assert.equal(show(a, '4.5%以内', targets), '4.5%以内 [城镇登记失业率=城镇登记失业率] target/2019/year level 以内');
  assert.equal(show(a, '3%左右', targets), '3%左右 [居民消费价格=居民消费价格] target/2019/year growth-rate up,左右');
  assert.equal(
    show(a, '3%左右', text.indexOf('单位国内生产总值能耗下降3%左右')),
    '3%左右 [单位国内生产总值能耗=单位国内生产总值能耗] target/2019/year growth-rate down,左右',
  );
  assert.equal(show(a, '6.6%'), '6.6% [国内生产总值=国内生产总值] outcome/2018/year growth-rate up');
  assert.equal(show(a, '1361万人'), '1361万人 [城镇就业=城镇就业] outcome/2018/year increment');
  assert.equal(show(a, '2.1%'), '2.1% [居民消费价格=居民消费价格] outcome/2018/year growth-rate up');
  // The deficit, its parts, and the rate against last year's budget.
  assert.equal(show(a, '2.76万亿元'), '2.76万亿元 [财政赤字=财政赤字] target/2019/year level');
  assert.equal(show(a, '9300亿元'), '9300亿元 [地方财政赤字=地方财政赤字] target/2019/year level');
  assert.equal(show(a, '0.2个百分点'), '0.2个百分点 [赤字率=赤字率] target/2019/year point-change up,previous-budget');
});

test("national-2016: 由A提高到B makes A last year's baseline; 十三五 figures are multi-year", corpusTest(), () => {
  const a = analyze(readCorpus('national-2016.md'), { fileName: 'national-2016.md' });
  const from = a.facts.find((f) => f.text === '380元')!;
  const to = a.facts.find((f) => f.text === '420元')!;
  assert.equal(describe(from), '380元 [财政补助=财政补助] baseline/2015/year level');
  assert.equal(describe(to), '420元 [财政补助=财政补助] target/2016/year level');
  assert.equal(to.baselineIndex, from.index);
  assert.equal(show(a, '7.8%'), '7.8% [国内生产总值=国内生产总值] outcome/2015/multi-year cagr up');
  assert.equal(show(a, '5000万人以上'), '5000万人以上 [城镇就业=城镇就业] target/2016/multi-year increment 以上');
  assert.equal(show(a, '6.5%－7%'), '6.5%－7% [国内生产总值=国内生产总值] target/2016/year growth-rate up');
  // 经济增长预期目标6.5%－7% is the same metric as 国内生产总值增长6.5%－7%.
  const restated = a.facts.filter((f) => f.text === '6.5%－7%' && f.key === '国内生产总值');
  assert.equal(restated.length, 2);
  // 城乡低保人均补助标准分别提高5%和8%: 城乡 splits into 城镇 and 农村.
  assert.equal(
    show(a, '5%', a.facts.find((f) => f.text === '420元')!.span.end),
    '5% [城镇低保人均补助标准=城镇低保人均补助标准] target/2016/year growth-rate up',
  );
  assert.equal(
    show(a, '8%', a.facts.find((f) => f.text === '420元')!.span.end),
    '8% [农村低保人均补助标准=农村低保人均补助标准] target/2016/year growth-rate up',
  );
});

test(
  'national-2018: a five-year review states five-year figures (its levels those of 2017, its starting points 2012), and its 过去一年 paragraph those of 2017',
  corpusTest(),
  () => {
    const text = readCorpus('national-2018.md');
    const a = analyze(text, { fileName: 'national-2018.md' });
    const review = a.tree.parts.find((p) => p.partKind === 'review')!;
    const inReview = a.facts.filter((f) => f.span.start < review.span.end && f.span.start >= review.span.start);
    const count = (k: string) => inReview.filter((f) => `${f.role}/${f.period}/${f.year ?? '?'}` === k).length;
    assert.deepEqual(
      ['outcome/multi-year/?', 'baseline/year/2012', 'outcome/year/2017', 'outcome/multi-year/2017'].map(count),
      // A level the five-year summary reaches (`城镇化率从52.6%提高到58.5%`) is 2017's, its start 2012's;
      // flows and sums of the five years (`城镇新增就业6600万人以上`) stay five-year figures.
      // `城镇新增就业…，失业率为多年来最低` compares with past years: its figures are 2017's.
      [57, 15, 34, 0],
    );
    assert.equal(inReview.length, 107);
    assert.equal(show(a, '6.9%', text.indexOf('过去一年')), '6.9% [国内生产总值=国内生产总值] outcome/2017/year growth-rate up');
    assert.equal(show(a, '82.7万亿元'), '82.7万亿元 [国内生产总值=国内生产总值] outcome/2017/year level');
    assert.equal(show(a, '54万亿元'), '54万亿元 [国内生产总值=国内生产总值] baseline/2012/year level');
    assert.equal(a.facts.find((f) => f.text === '82.7万亿元')!.yearCue, 'five-year-end');
  },
);

test('xinjiang-2026: 这五年 paragraphs are five-year figures, 刚刚过去的2025年 one-year; 分别 pairs values', corpusTest(), () => {
  const a = analyze(readCorpus('xinjiang-2026.md'), { fileName: 'xinjiang-2026.md' });
  assert.equal(show(a, '5.9%'), '5.9% [地区生产总值=国内生产总值] outcome/2025/multi-year cagr up');
  assert.equal(show(a, '2.15万亿元'), '2.15万亿元 [地区生产总值=国内生产总值] outcome/2025/year level');
  assert.equal(show(a, '5.5%'), '5.5% [地区生产总值=国内生产总值] outcome/2025/year growth-rate up');
  // 城乡居民人均可支配收入年均增长5.3%、8.1%: no 分别, so which is whose is not said; both are average rates.
  assert.equal(show(a, '8.1%'), '8.1% [城乡居民人均可支配收入=城乡居民人均可支配收入] outcome/2025/multi-year cagr up,ambiguous');
  // …分别增长5.3%、7%: 城镇 5.3%, 农村 7%.
  const y2025 = a.facts.find((f) => f.text === '2.15万亿元')!.span.start;
  assert.equal(show(a, '5.3%', y2025), '5.3% [城镇居民人均可支配收入=城镇居民人均可支配收入] outcome/2025/year growth-rate up');
  assert.equal(show(a, '7%', y2025), '7% [农村居民人均可支配收入=农村居民人均可支配收入] outcome/2025/year growth-rate up');
  // 接待游客3.23亿人次、游客花费3700亿元，分别增长8%、8.4%.
  const visitors = a.facts.find((f) => f.text === '3700亿元')!;
  assert.equal(show(a, '8%', visitors.span.end), '8% [游客=游客] outcome/2025/year growth-rate up');
  assert.equal(show(a, '8.4%', visitors.span.end), '8.4% [游客花费=游客花费] outcome/2025/year growth-rate up');
  // The 2026 targets.
  const targets = readCorpus('xinjiang-2026.md').indexOf('今年经济社会发展主要预期目标是');
  assert.equal(show(a, '5.5%—6%', targets), '5.5%—6% [地区生产总值=国内生产总值] target/2026/year growth-rate up');
  assert.equal(show(a, '2%左右', targets), '2%左右 [居民消费价格指数=居民消费价格] target/2026/year growth-rate up,左右');
  assert.equal(show(a, '5.5%以内', targets), '5.5%以内 [城镇调查失业率=城镇调查失业率] target/2026/year level 以内');
});

test('a count named by what is said of it stops at the next item of its list (`荣获53个奖项、比上次增加21个`)', () => {
  const identity = (text: string, figure: string) => analyze(text).facts.find((f) => f.text === figure)?.identity;
  // The words after a 、 or another figure are the next item's, not this count's.
  assert.equal(identity('在国家科学技术奖评选中荣获53个奖项、比上次增加21个。', '53个'), '中国奖学家技术科荣获评选项');
  assert.equal(identity('在国家科学技术奖评选中荣获53个奖项。', '53个'), '中国奖学家技术科荣获评选项');
  // What is said of the counted noun still names it: 入选… is part of 14个学科's identity.
  assert.equal(identity('14个学科入选国家一流学科建设名单、比上年增加3个。', '14个'), '一入单名国学家流科选');
  assert.equal(identity('14个学科。', '14个'), '学科');
});

test("a change named only by the noun the count before it counted is that count's (`荣获53个奖项、比上次增加21个、增长47%`)", () => {
  const growth = (sentence: string) => {
    const a = analyze(`# 2025年政府工作报告\n\n## 一、2024年工作回顾\n\n${sentence}\n`);
    return a.findings.filter((f) => f.ruleId === 'growth-mismatch').map((f) => `${a.text.slice(f.start, f.end)} ${f.message}`);
  };
  assert.deepEqual(growth('在国家科学技术奖评选中荣获53个奖项、比上次增加21个、增长47%。'), [
    '47% “国家科学技术奖评选中荣获奖项”增长47%，但53个 ÷ （53个 − 21个）（第5行）− 1 = 65.6%',
  ]);
  // 17 ÷ 36 = 47.2%: a rate of counts is given to the whole percent; written 47.0% it claims a tenth.
  assert.deepEqual(growth('在国家科学技术奖评选中荣获53个奖项、比上次增加17个、增长47%。'), []);
  assert.equal(growth('在国家科学技术奖评选中荣获53个奖项、比上次增加17个、增长47.0%。').length, 1);
});

test("a target the review quotes is last year's target under the names the targets matcher pairs (企业减负 = 经营主体减负)", () => {
  const last = analyze(
    '# 2025年政府工作报告\n\n## 一、2024年工作回顾\n\n全年为经营主体减负2200亿元。\n\n## 二、2025年工作安排\n\n全面落实结构性减税降费政策，为经营主体减负2500亿元以上。\n',
    { fileName: 'x-2025.md' },
  );
  const conflicts = (quoted: string) => {
    const now = analyze(`# 2026年政府工作报告\n\n## 一、2025年工作回顾\n\n全年为企业减负超3300亿元、超过年初确定的${quoted}目标。\n`, {
      fileName: 'x-2026.md',
      peers: [toPeer('file:///ws/x-2025.md', last)],
    });
    return now.findings.filter((f) => f.ruleId === 'number-conflict').map((f) => `${now.text.slice(f.start, f.end)} ${f.severity} ${f.message}`);
  };
  assert.deepEqual(conflicts('3000亿元'), ['3000亿元 warning 此处引述的2025年目标“企业减负”为3000亿元，2025年报告第9行定的目标为2500亿元以上']);
  assert.deepEqual(conflicts('2500亿元'), []);
});

test('parts and changes in their other shapes: a five-year rate beside its parts, 家 and 户 in one sum, a named part among others, 再 before a verb that adds', () => {
  const show = (text: string, rule: string) => {
    const a = analyze(text);
    return a.findings.filter((f) => f.ruleId === rule).map((f) => `${a.text.slice(f.start, f.end)} ${f.severity} ${f.message}`);
  };
  const review = (s: string) => `# 2026年政府工作报告\n\n## 一、2025年工作回顾\n\n${s}\n`;
  const plan = (s: string) => `# 2026年政府工作报告\n\n## 一、2025年工作回顾\n\n全年新开工改造城镇老旧小区5.6万个。\n\n## 二、2026年工作安排\n\n${s}\n`;
  // 54 − 16 = 38 at the start of the five years, 54 ÷ 38 = +42.1% (29.6% is 16 ÷ 54).
  assert.deepEqual(show(review('过去五年，进出川大通道新增16条、达到54条、增长29.6%。'), 'growth-mismatch'), [
    '29.6% warning “进出川大通道”增长29.6%，但54条 ÷ （54条 − 16条）（第5行）− 1 = 42.1%',
  ]);
  assert.deepEqual(show(review('过去五年，进出川大通道新增16条、达到54条、增长42.1%。'), 'growth-mismatch'), []);
  assert.deepEqual(show(review('全年新登记经营主体147万户，其中企业57.3万家、个体工商户98.7万户。'), 'total-mismatch'), [
    '147万户 warning “新登记经营主体”147万户，但其中各项相加：57.3万户 + 98.7万户 = 156万户，与总数不符',
  ]);
  assert.deepEqual(show(review('全年新登记经营主体147万户，其中企业57.3万家、个体工商户89.7万户。'), 'total-mismatch'), []);
  assert.deepEqual(show(review('财政赤字13500亿元，其中中央财政赤字9500亿元，由中央代地方发债0.45万亿元。'), 'total-mismatch'), [
    '13500亿元 warning “财政赤字”13500亿元，但其中各项相加：9500亿元 + 4500亿元 = 14000亿元，与总数不符',
  ]);
  assert.deepEqual(show(review('财政赤字13500亿元，其中中央财政赤字9500亿元，由中央代地方发债0.4万亿元。'), 'total-mismatch'), []);
  // Parts that make up the whole leave nothing for the figure after them (another matter).
  assert.deepEqual(
    show(review('新发行地方政府专项债券2157亿元，其中用于项目建设1542亿元、用于置换存量债务615亿元，争取到国家资金450亿元。'), 'total-mismatch'),
    [],
  );
  assert.deepEqual(show(plan('再开工改造城镇老旧小区3.9万个。'), 'target-below-baseline'), [
    '3.9万个 information 2026年目标“城镇老旧小区新增3.9万个”低于2025年实际新增5.6万个（第5行）',
  ]);
  assert.deepEqual(show(plan('开工改造城镇老旧小区6万个。'), 'target-below-baseline'), []);
  // 新增 opening a 、 list with 等 before the class: 22 − 12 = 10 at the start, 22 ÷ 10 = +120%.
  assert.deepEqual(show(review('过去五年，新增黄石、咸宁、天门等全国文明城市12个，总数达到22个、增长54.5%。'), 'growth-mismatch'), [
    '54.5% warning “文明城市”增长54.5%，但22个 ÷ （22个 − 12个）（第5行）− 1 = 120%',
  ]);
  assert.deepEqual(show(review('过去五年，新增黄石、咸宁、天门等全国文明城市12个，总数达到22个、增长120%。'), 'growth-mismatch'), []);
});

test('a figure inside a bracket still open is named by the words after the bracket (`消费回暖不快（全省社零增长4.4%）`)', () => {
  const a = analyze('# 2025年政府工作报告\n\n## 一、2024年工作回顾\n\n社会消费品零售总额增长4%。消费回暖不快（全省社零增长4.4%），需求不足。\n');
  assert.deepEqual(
    a.facts.map((f) => `${f.text} ${f.metric}`),
    ['4% 社会消费品零售总额', '4.4% 社会消费品零售总额'],
  );
  assert.deepEqual(
    a.findings.filter((f) => f.ruleId === 'number-conflict').map((f) => f.message),
    ['“社零”（2024年实际）前后说法不一致：此处为4.4%，第5行为4%，两者不可能同时成立'],
  );
  const same = analyze('# 2025年政府工作报告\n\n## 一、2024年工作回顾\n\n社会消费品零售总额增长4%。消费回暖不快（全省社零增长4%），需求不足。\n');
  assert.deepEqual(
    same.findings.filter((f) => f.ruleId === 'number-conflict'),
    [],
  );
});

test("`、提升1.3个百分点` after a rate is its change, and 空气优良天数比率 is last year's 优良天数比率", () => {
  const last = analyze('# 2025年政府工作报告\n\n## 一、2024年工作回顾\n\nPM2.5浓度32.3微克/立方米，优良天数比率82.5%。\n', { fileName: 'x-2025.md' });
  const growth = (points: string) => {
    const now = analyze(`# 2026年政府工作报告\n\n## 一、2025年工作回顾\n\n空气优良天数比率达83.8%、提升${points}个百分点。\n`, {
      fileName: 'x-2026.md',
      peers: [toPeer('file:///ws/x-2025.md', last)],
    });
    return now.findings.filter((f) => f.ruleId === 'growth-mismatch').map((f) => `${now.text.slice(f.start, f.end)} ${f.message}`);
  };
  assert.deepEqual(growth('4.6'), ['4.6个百分点 “空气优良天数比率”提高4.6个百分点，但83.8% − 82.5%（2025年报告第5行）= 1.3个百分点']);
  assert.deepEqual(growth('1.3'), []);
});

test('a list item named only by a measure measures the subject of the item before it (`粮食播种面积…、总产量…`)', () => {
  const named = (text: string, figure: string) => {
    const f = analyze(text).facts.find((x) => x.text === figure);
    return f && `${f.metric}=${f.key}`;
  };
  assert.equal(named('粮食播种面积1584.6万亩、总产量132.4亿斤。', '132.4亿斤'), '粮食总产量=粮食产量');
  assert.equal(named('粮食播种面积1570.5万亩、总产130亿斤。', '130亿斤'), '粮食总产=粮食产量');
  assert.equal(named('生猪出栏1200万头、存栏800万头。', '800万头'), '生猪存栏=生猪存栏');
  // The clause before says whose production it is.
  assert.equal(named('粮食生产再获丰收，总产达到557亿斤。', '557亿斤'), '粮食总产=粮食产量');
  assert.equal(named('克服严重灾害影响，总产达到557亿斤。', '557亿斤'), '总产=总产');
  // No subject before the measure, or the measure in a clause of its own: the name stays as written.
  assert.equal(named('播种面积1584.6万亩、总产量132.4亿斤。', '132.4亿斤'), '总产量=总产量');
  assert.equal(named('粮食播种面积1584.6万亩，油料总产量132.4万吨。', '132.4万吨'), '油料总产量=油料总产量');
});

test("常住 neither adds to nor takes from a name: 县城常住人口占县域比重 is last year's 县城人口占县域人口比重", () => {
  const last = analyze('# 2025年政府工作报告\n\n## 一、2024年工作回顾\n\n县城人口占县域人口比重达62.1%，户籍人口城镇化率达55%。\n', { fileName: 'x-2025.md' });
  const now = analyze('# 2026年政府工作报告\n\n## 一、2025年工作回顾\n\n县城常住人口占县域比重提升至61.8%，常住人口城镇化率提高到54%。\n', {
    fileName: 'x-2026.md',
    peers: [toPeer('file:///ws/x-2025.md', last)],
  });
  const id = (a: Analysis, figure: string) => a.facts.find((f) => f.text === figure)?.identity;
  assert.equal(id(now, '61.8%'), id(last, '62.1%'));
  assert.notEqual(id(now, '54%'), id(last, '55%'));
  assert.deepEqual(
    now.findings.filter((f) => f.ruleId === 'growth-mismatch').map((f) => [now.text.slice(f.start, f.end), f.severity, f.message]),
    [['61.8%', 'warning', '“县城常住人口占县域比重”从62.1%“提升至”61.8%，但61.8%低于62.1%（2025年报告第5行），用词与数值的方向相反']],
  );
});

test('no facts from an empty or a non-report text, and none beyond maxFileSize', () => {
  assert.deepEqual(analyze('').facts, []);
  assert.deepEqual(analyze('# 标题\n\n没有数字。').facts, []);
  const big = analyze('新增企业 5 家。\n'.repeat(10), { config: { maxFileSize: 1000 } });
  assert.equal(big.facts.length, 10);
  const tooBig = analyze('新增企业 5 家。\n'.repeat(200), { config: { maxFileSize: 1000 } });
  assert.equal(tooBig.facts.length, 0);
});

test("hover: value, role, metric, qualifier meaning, other mentions here and in other years' reports", () => {
  const text = readSample();
  const a = analyze(text, { fileName: 'xinshi-2023.md' });
  const at = (s: string) => text.indexOf(s) + 1;
  assert.equal(
    describeNumberAt(a, at('突破260家'), [], 'zh'),
    [
      '**突破260家** · 高新技术企业 · 2023年目标',
      '',
      '- 数值：总数突破260家（不少于260家）',
      '- 限定词：“突破”：达到或超过该数（本工具从宽理解，含本数）',
      '- 目标用语：“争取”',
      '- 本报告中同一指标：',
      '  - 第35行：新增53家（2022年实际）',
      '  - 第35行：总数216家（2022年实际）',
      '  - 第127行：新增50家（2023年目标）',
    ].join('\n'),
  );
  assert.equal(
    describeNumberAt(a, at('1.1 万亩'), [], 'en'),
    [
      '**1.1万亩** · 高效节水农田 · 2022 outcome',
      '',
      '- Value: 1.1万亩 = 11000亩 (by the stated digits and qualifier: 1.05万亩 to 1.15万亩)',
      '- The same metric in this report: not stated elsewhere',
    ].join('\n'),
  );
  assert.equal(describeNumberAt(a, text.indexOf('各位代表'), [], 'zh'), undefined);
  // Another year's report: linked by URI and line.
  const next = analyze(
    '# 政府工作报告\n\n——2024年1月10日在新市区第十五届人民代表大会第四次会议上\n\n## 2023年工作回顾\n\n新增高新技术企业 48 家，总数达到 264 家。\n',
    { fileName: 'xinshi-2024.md' },
  );
  const hover = describeNumberAt(a, at('突破260家'), [toPeer('file:///ws/xinshi-2024.md', next)], 'zh')!;
  assert.match(
    hover,
    /- 其他年份报告中同一指标：\n {2}- \[2024年报告第7行\]\(file:\/\/\/ws\/xinshi-2024\.md#L7\)：新增48家（2023年实际）\n {2}- \[2024年报告第7行\]\(file:\/\/\/ws\/xinshi-2024\.md#L7\)：总数264家（2023年实际）$/,
  );
});
