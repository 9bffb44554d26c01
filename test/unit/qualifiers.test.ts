// Qualifier semantics, written down once in qualifiers.ts and checked here against the way
// drafting offices read targets (民法典 1259): 以上/以内 include the number, 超过 excludes it,
// 突破 is read leniently, 左右 is a floor for growth and a ceiling for prices, ranges are both.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { lowerIsBetter } from '../../server/src/core/facts/metrics';
import { intervalOf, judge, manySpan, matchPrefixQualifier, matchSuffixQualifier, requirement, type Claim } from '../../server/src/core/numbers/qualifiers';

const cfg = DEFAULT_CONFIG;
const c = (value: number, unit: string, extra: Partial<Claim> = {}): Claim => ({ value, unit, precision: 0, ...extra });
// The metric's name decides whether 左右 is a floor or a ceiling (facts/metrics.ts lowerIsBetter).
const verdict = (t: Claim, o: Claim, metric?: string) => judge(t, o, cfg, { lowerIsBetter: metric !== undefined && lowerIsBetter(metric) }).verdict;

test('以上/以下/以内 include the number; 超过 excludes it; 突破 is read as reaching it', () => {
  assert.equal(verdict(c(1100e4, '人', { qualifier: '以上' }), c(1269e4, '人')), 'met');
  assert.equal(verdict(c(1100e4, '人', { qualifier: '以上' }), c(1100e4, '人')), 'met');
  assert.equal(verdict(c(5.5, '%', { qualifier: '以内' }), c(5.5, '%')), 'met');
  assert.equal(verdict(c(5.5, '%', { qualifier: '以内' }), c(5.6, '%')), 'missed');
  assert.equal(verdict(c(260, '家', { qualifier: '超过' }), c(260, '家')), 'missed');
  assert.equal(verdict(c(260, '家', { qualifier: '超过' }), c(261, '家')), 'met');
  // The lenient reading of 突破: 260 家 counts as 突破260家.
  assert.equal(verdict(c(260, '家', { qualifier: '突破' }), c(260, '家')), 'met');
  assert.equal(verdict(c(260, '家', { qualifier: '突破' }), c(246, '家')), 'missed');
});

test('左右 with the configured tolerance: growth targets are floors, price targets ceilings', () => {
  // national-2015/2016: GDP 7.5%左右 → 7.4%, 7%左右 → 6.9% were reported as met.
  assert.equal(verdict(c(7.5, '%', { qualifier: '左右' }), c(7.4, '%', { precision: 0.05 }), '国内生产总值'), 'met');
  assert.equal(verdict(c(7, '%', { qualifier: '左右' }), c(6.9, '%', { precision: 0.05 }), '国内生产总值'), 'met');
  assert.equal(verdict(c(7, '%', { qualifier: '左右' }), c(6.6, '%', { precision: 0.05 }), '国内生产总值'), 'missed');
  // Exceeding a growth target is no miss.
  assert.equal(verdict(c(7, '%', { qualifier: '左右' }), c(7.8, '%', { precision: 0.05 }), '国内生产总值'), 'met');
  // CPI 3%左右 is a ceiling: 0.9% is fine (2021), 3.5% is not.
  assert.equal(verdict(c(3, '%', { qualifier: '左右' }), c(0.9, '%', { precision: 0.05 }), '居民消费价格'), 'met');
  assert.equal(verdict(c(3, '%', { qualifier: '左右' }), c(3.5, '%', { precision: 0.05 }), '居民消费价格'), 'missed');
  // The tolerance is a setting.
  assert.equal(
    judge(
      c(7, '%', { qualifier: '左右' }),
      c(6.6, '%', { precision: 0.05 }),
      { ...cfg, approxRatePoints: 0.5 },
      { lowerIsBetter: lowerIsBetter('国内生产总值') },
    ).verdict,
    'met',
  );
  // Amounts: ±approxRelative.
  assert.deepEqual(intervalOf(c(300, '人', { qualifier: '约' }), cfg), { lo: 285, hi: 315 });
});

test('ranges, 近, 多/余 and the rounding of the stated digits', () => {
  // national-2016: 6.5%－7% → 6.7% met.
  assert.equal(verdict(c(6.5, '%', { high: 7, precision: 0.05 }), c(6.7, '%', { precision: 0.05 })), 'met');
  assert.equal(verdict(c(6.5, '%', { high: 7, precision: 0.05 }), c(6.4, '%', { precision: 0.05 })), 'missed');
  // 近2万亿元 target, outcome 2.36万亿 ("超过原定的近2万亿元规模").
  assert.equal(verdict(c(2e12, '元', { qualifier: '近', precision: 5e11 }), c(2.36e12, '元', { precision: 5e9 })), 'met');
  // 600多万套 meets 600万套.
  assert.equal(verdict(c(600e4, '套', { precision: 5000 }), c(600e4, '套', { qualifier: '多', precision: 5000 })), 'met');
  assert.deepEqual(intervalOf(c(600e4, '套', { qualifier: '多' }), cfg), { lo: 600e4, hi: 700e4 });
  assert.deepEqual(intervalOf(c(1.4e9, '', { qualifier: '近', precision: 5e7 }), cfg), { lo: 1.26e9, hi: 1.4e9 });
  // 1.1万 allows 10,500–11,500.
  assert.deepEqual(intervalOf(c(11000, '亩', { precision: 500 }), cfg), { lo: 10500, hi: 11500 });
  assert.equal(manySpan(600e4), 100e4);
  assert.equal(manySpan(20), 10);
  assert.equal(manySpan(16000), 1000);
  assert.equal(manySpan(4e12), 1e12);
});

test('decline targets compare the size of the fall', () => {
  // 单位国内生产总值能耗下降3.4%以上 → 下降5.6%: met; a rise is a miss.
  const target = c(3.4, '%', { qualifier: '以上', direction: 'down', precision: 0.05 });
  assert.equal(verdict(target, c(5.6, '%', { direction: 'down', precision: 0.05 }), '单位国内生产总值能耗'), 'met');
  assert.equal(verdict(target, c(2.6, '%', { direction: 'down', precision: 0.05 }), '单位国内生产总值能耗'), 'missed');
  assert.equal(verdict(target, c(1, '%', { direction: 'up', precision: 0.05 }), '单位国内生产总值能耗'), 'missed');
});

test('incomparable when the outcome straddles the target, or units differ', () => {
  const j = judge(c(2e12, '元', { precision: 5e9 }), c(2e12, '元', { qualifier: '近', precision: 5e11 }), cfg);
  assert.equal(j.verdict, 'incomparable');
  assert.match(j.explanation.zh, /无法确定/);
  assert.equal(judge(c(1, '元'), c(1, '亩'), cfg).verdict, 'incomparable');
  assert.deepEqual(requirement(c(5, '%', { qualifier: '以内' }), cfg), { lo: -Infinity, hi: 5 });
});

test('the explanation names both numbers', () => {
  const j = judge(c(260, '家', { qualifier: '突破' }), c(246, '家'), cfg);
  assert.equal(j.verdict, 'missed');
  assert.equal(j.explanation.zh, '实际246家，未达到目标突破260家（不低于260家）');
  assert.equal(j.explanation.en, 'outcome 246家 misses the target 突破260家 (at least 260家)');
});

test('qualifier words as written', () => {
  assert.deepEqual(matchPrefixQualifier('总数突破260家', 4), { q: '突破', start: 2 });
  assert.deepEqual(matchPrefixQualifier('不少于 20 项', 4), { q: '不低于', start: 0 });
  assert.equal(matchPrefixQualifier('签约5个', 2), undefined);
  assert.equal(matchPrefixQualifier('最近3年', 2), undefined);
  assert.deepEqual(matchSuffixQualifier('35%以上', 3), { q: '以上', end: 5 });
  assert.deepEqual(matchSuffixQualifier('3%上下', 2), { q: '左右', end: 4 });
});
