// The quantity reader: what counts as a number in a report, its value in plain units, the
// precision of its stated digits, its qualifier, ranges, Chinese counts — and what does not
// count (dates, years, ordinals, plan names, model names). Also: never a throw, never a span
// outside the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { amount, trimNumber } from '../../server/src/core/numbers/format';
import { readQuantities, type Quantity } from '../../server/src/core/numbers/quantities';
import { unitFactor } from '../../server/src/core/numbers/units';
import { readSample } from '../support/corpus';

/** Compact view of what was read: figure text, value, high, unit, precision, qualifier. */
function read(text: string) {
  return readQuantities(text).map((q) => ({
    text: text.slice(q.start, q.end),
    value: q.value,
    ...(q.high !== undefined ? { high: q.high } : {}),
    unit: q.unit,
    precision: q.precision,
    ...(q.qualifier ? { qualifier: q.qualifier } : {}),
  }));
}

function one(text: string): Quantity {
  const qs = readQuantities(text);
  assert.equal(qs.length, 1, `expected one quantity in ${text}, got ${qs.length}`);
  return qs[0];
}

test('multipliers 万/亿/万亿 make comparable values, with the precision of the stated digits', () => {
  assert.deepEqual(read('建成高效节水农田 1.1 万亩'), [{ text: '1.1 万亩', value: 11000, unit: '亩', precision: 500 }]);
  assert.deepEqual(read('地区生产总值2.15万亿元'), [{ text: '2.15万亿元', value: 2.15e12, unit: '元', precision: 5e9 }]);
  assert.deepEqual(read('地方财政赤字9300亿元'), [{ text: '9300亿元', value: 9.3e11, unit: '元', precision: 5e7 }]);
  // 1.83万亿 + 9300亿 = 2.76万亿 in the same unit.
  const [a, b, c] = readQuantities('2.76万亿元，1.83万亿元，9300亿元');
  assert.equal(Math.round((b.value + c.value) / 1e8), Math.round(a.value / 1e8));
  // A whole count with no multiplier is exact; a whole percentage is a one-decimal rate with its .0
  // dropped (`增长7%` = 7.0%, ±0.05); a whole number of points keeps ±0.5.
  assert.equal(one('总数达到 216 家').precision, 0);
  assert.equal(one('增长7%').precision, 0.05);
  assert.equal(one('提高1个百分点').precision, 0.5);
  assert.equal(one('增长6.9%').precision, 0.05);
});

test('units: %, 个百分点, 倍, counts, people, areas, compound units', () => {
  assert.deepEqual(
    read('增长6.9%，提高0.2个百分点，增长3.2倍，接待游客589万人次，新增就业48.81万人，新建4075公里，修复路面10万平方米，30 %').map((x) => [
      x.text,
      x.value,
      x.unit,
    ]),
    [
      ['6.9%', 6.9, '%'],
      ['0.2个百分点', 0.2, '个百分点'],
      ['3.2倍', 3.2, '倍'],
      ['589万人次', 5890000, '人次'],
      ['48.81万人', 488100, '人'],
      ['4075公里', 4075, '公里'],
      ['10万平方米', 100000, '平方米'],
      ['30 %', 30, '%'],
    ],
  );
  assert.deepEqual(one('企业开办时间压缩至 2 个工作日内').unit, '个工作日');
  assert.deepEqual(one('3千瓦').unit, '千瓦');
  // A bare 万/亿 figure counts the noun after it.
  assert.deepEqual(read('力争帮助1000万以上农村人口增收'), [{ text: '1000万以上', value: 1e7, unit: '', precision: 5000, qualifier: '以上' }]);
  assert.equal(one('近14亿人口').unit, '');
});

test('qualifiers before and after the number', () => {
  const q = (s: string) => read(s).map((x) => [x.text, x.qualifier ?? '']);
  assert.deepEqual(q('城镇新增就业1000万人以上，城镇登记失业率4.5%以内，居民消费价格涨幅3%左右'), [
    ['1000万人以上', '以上'],
    ['4.5%以内', '以内'],
    ['3%左右', '左右'],
  ]);
  assert.deepEqual(q('总数突破260家，超过1300万人，约1亿人，近14亿，不少于 20 项，不超过5%，逾百万'), [
    ['突破260家', '突破'],
    ['超过1300万人', '超过'],
    ['约1亿人', '约'],
    ['近14亿', '近'],
    ['不少于 20 项', '不低于'],
    ['不超过5%', '不超过'],
  ]);
  assert.deepEqual(q('棚户区住房改造600多万套，新增4万多亿元，销售额 1000 余万元，夜间消费场所增至 6800 余家'), [
    ['600多万套', '多'],
    ['4万多亿元', '多'],
    ['1000 余万元', '余'],
    ['6800 余家', '余'],
  ]);
  assert.equal(one('4万多亿元').value, 4e12);
  // 签约 is not 约, 最近/近5年 is "recent", not "almost".
  assert.deepEqual(q('签约5个项目，最近3年，近5年'), [
    ['5个', ''],
    ['3年', ''],
    ['5年', ''],
  ]);
});

test('ranges with U+FF0D, U+2014, ～, and a first number that drops its unit', () => {
  const r = (s: string) => readQuantities(s).map((x) => [s.slice(x.start, x.end), x.value, x.high, x.unit, x.range?.sep, x.range?.dropped ?? '']);
  assert.deepEqual(r('国内生产总值增长6.5%－7%'), [['6.5%－7%', 6.5, 7, '%', '－', '']]);
  assert.deepEqual(r('地区生产总值增长5.5%—6%'), [['5.5%—6%', 5.5, 6, '%', '—', '']]);
  assert.deepEqual(r('比重15%～30%'), [['15%～30%', 15, 30, '%', '～', '']]);
  assert.deepEqual(r('比重15～30%'), [['15～30%', 15, 30, '%', '～', '%']]);
  assert.deepEqual(r('投资9亿～16亿'), [['9亿～16亿', 9e8, 1.6e9, '', '～', '']]);
  assert.deepEqual(r('投资9～16亿'), [['9～16亿', 9e8, 1.6e9, '', '～', '亿']]);
  assert.deepEqual(r('补助13～17万元'), [['13～17万元', 130000, 170000, '元', '～', '万元']]);
  // A range is as precise as its more precise end.
  assert.equal(one('增长6%－6.5%').precision, 0.05);
  // A 破折号 is no range mark.
  assert.equal(readQuantities('增长5%——这是').length, 1);
});

test('Chinese numerals count where a classifier follows, and nowhere else', () => {
  assert.deepEqual(
    readQuantities('十件民生实事，加快培育三大主导产业，两所学校，做好八个方面工作，采取三项举措，超百家，九成以上').map((q) => [
      q.value,
      q.unit,
      q.chineseNumeral,
    ]),
    [
      [10, '件', true],
      [3, '大', true],
      [2, '所', true],
      [8, '个方面', true],
      [3, '项', true],
      [100, '家', true],
      [90, '%', true],
    ],
  );
});

test('an Arabic count before 大 and a noun is a count word like 五大 (`农产品加工5大支柱产业`); a comparison or a congress is not', () => {
  const read = (s: string) => readQuantities(s).map((q) => [s.slice(q.start, q.end), q.value, q.unit, q.countWord]);
  assert.deepEqual(read('农产品加工5大支柱产业迈入万亿级规模'), [['5大', 5, '大', true]]);
  assert.deepEqual(read('10大类55项民生实事'), [
    ['10大', 10, '大', true],
    ['55项', 55, '项', false],
  ]);
  assert.deepEqual(read('3大于2'), []);
  assert.deepEqual(read('党的20大精神'), []);
  assert.deepEqual(read('打造50大产业集群'), []);
  assert.deepEqual(read('增长1.5大关'), []);
});

test('not quantities: ordinals, plan names, quoted names, dates, years, model names, idioms', () => {
  const none = [
    '深入学习宣传贯彻党的二十大精神',
    '实施“十四五”规划',
    '第六届丝绸之路博览会',
    '培育壮大“1+3”产业',
    '一是着力稳增长',
    '忠诚捍卫“两个确立”',
    '认真落实营商环境优化提升三年行动',
    '按照“五个一批”分类施策',
    '2023年1月13日在新市区第十五届人民代表大会',
    '2021—2025年',
    '细颗粒物（PM2.5）浓度下降，建成5G基站，M2增速平稳，C919飞机',
    '千家万户，把万家忧乐放在心头，万众一心，千方百计',
    '《中国制造2025》',
    '2023 年是关键一年',
    '5月1日起',
    '庆祝新中国成立70周年',
  ];
  for (const s of none) assert.deepEqual(read(s), [], s);
});

test('full-width digits, thousands separators, 3千-style mixing, negative counts', () => {
  const fw = one('１２３家');
  assert.equal(fw.value, 123);
  assert.equal(fw.fullWidth, true);
  assert.equal(one('３５％').value, 35);
  assert.equal(one('1,000,000元').value, 1e6);
  const mixed = one('3千万元');
  assert.equal(mixed.value, 3e7);
  assert.deepEqual(mixed.mixedSmallUnit, { at: 1, char: '千' });
  assert.deepEqual(
    read('由3千多户增加到1万2千多户').map((x) => [x.text, x.value, x.qualifier]),
    [
      ['3千多户', 3000, '多'],
      ['1万2千多户', 12000, '多'],
    ],
  );
  assert.equal(one('接待游客增加到1亿2千多万').value, 1.2e8);
  const neg = one('减少为-5家');
  assert.equal(neg.value, -5);
  assert.equal(neg.negative, true);
  // A range dash is not a minus.
  assert.equal(one('增长6.5%－7%').value, 6.5);
});

test('a number split by a page break reads as one (passages join the halves)', () => {
  const a = analyze(readSample());
  const texts = a.facts.map((f) => a.text.slice(f.span.start, f.span.end));
  // `6600⏎⏎个` and `2⏎⏎所` in the sample report: the figure's span covers both halves.
  assert.ok(texts.includes('6600\n\n个'), 'the split 6600 个 is one figure');
  assert.ok(texts.includes('2\n\n所'), 'the split 2 所 is one figure');
  const f = a.facts.find((x) => x.text === '6600个')!;
  assert.equal(f.value, 6600);
  assert.equal(f.unit, '个');
  const decimal = analyze('# 政府工作报告\n\n## 2022年工作回顾\n\n网办事项比例达到27.\n\n3%，群众满意。\n');
  assert.deepEqual(
    decimal.facts.map((x) => [x.text, x.value, x.unit]),
    [['27.3%', 27.3, '%']],
  );
});

test('odd input never throws and every span lies inside the text', () => {
  const inputs = [
    '',
    '99999999999999999999亿元',
    '9'.repeat(5000) + '亿元',
    'NaN元，Infinity元，1e308元，-0元，0.元，.5元，1.2.3元，0.000000001%',
    '１'.repeat(1000) + '％',
    '增长' + '6.5%－'.repeat(2000) + '7%',
    '近'.repeat(1000) + '5万人以上左右',
    '十'.repeat(5000) + '件',
    '\ud800\udfff😀5家\u0000',
    ('新增高新技术企业 53 家，总数达到 216 家，' + 'x'.repeat(97)).repeat(7000),
  ];
  for (const s of inputs) {
    const qs = readQuantities(s);
    for (const q of qs) {
      assert.ok(q.start >= 0 && q.start <= q.numStart && q.numEnd <= q.end && q.end <= s.length, `span of ${s.slice(0, 20)}`);
      assert.ok(Number.isFinite(q.value), `finite value in ${s.slice(0, 20)}`);
    }
  }
  assert.equal(one('99999999999999999999亿元').value, 1e28);
  assert.equal(readQuantities(inputs[9]).length, 2 * 7000);
});

test('the 1,000,000-character line is read in linear time', () => {
  const unit = '新增高新技术企业 53 家，总数达到 216 家，' + 'x'.repeat(97);
  const n = Math.floor(1_000_000 / unit.length);
  const line = unit.repeat(n);
  const started = performance.now();
  const qs = readQuantities(line);
  const ms = performance.now() - started;
  assert.equal(qs.length, 2 * n);
  assert.ok(ms < 2000, `took ${ms} ms`);
});

test('unit conversion and printing', () => {
  assert.equal(unitFactor('吨', '斤'), 2000);
  assert.equal(unitFactor('公里', '米'), 1000);
  assert.equal(unitFactor('元', '亩'), undefined);
  // House style: no space between a number and its unit (`2.76万亿元`, `9300亿元`).
  assert.equal(amount(2.76e12, '元', '万亿'), '2.76万亿元');
  assert.equal(amount(9.3e11, '元'), '9300亿元');
  assert.equal(trimNumber(0.1 + 0.2), '0.3');
});
