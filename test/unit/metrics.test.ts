// Metric identity: the phrase before (or after) a number, normalised so that roles and scope
// words do not split one metric into many, synonyms mapped to one key, and a similarity for
// names that are merely alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MetricIndex, metricIndex, similarity } from '../../server/src/core/facts/synonyms';
import { normaliseMetric, phraseAfter, phraseBefore } from '../../server/src/core/facts/metrics';

test('the phrase before a number loses its verbs and keeps what they say', () => {
  const p = (s: string) => {
    const r = phraseBefore(s);
    return [r.raw, r.direction ?? '', r.toLevel ? 'to' : '', r.versus ?? '', r.increment ? 'inc' : '', r.cagr ? 'cagr' : ''].join('|');
  };
  assert.equal(p('国内生产总值达到'), '国内生产总值||to|||');
  assert.equal(p('全国居民人均可支配收入实际增长'), '居民人均可支配收入|up||||');
  assert.equal(p('力争实现城镇新增就业'), '城镇新增就业|||||');
  assert.equal(p('今年拟安排财政赤字'), '财政赤字|||||');
  assert.equal(p('比去年增加'), '|up||previous-year||');
  assert.equal(p('赤字率拟按'), '赤字率|||||');
  assert.equal(p('比去年预算高'), '|up||previous-budget||');
  assert.equal(p('单位国内生产总值能耗下降'), '单位国内生产总值能耗|down||||');
  assert.equal(p('地区生产总值年均增长'), '地区生产总值|up||||cagr');
  assert.equal(p('高新技术企业净增'), '高新技术企业||||inc|');
  assert.equal(p('其中中央财政赤字'), '中央财政赤字|||||');
  assert.equal(phraseBefore('实际增长').real, true);
  assert.equal(phraseBefore('财政补助由每人每年').from, true);
  assert.equal(phraseBefore('财政补助由每人每年').raw, '财政补助');
  assert.equal(phraseBefore('…等').enumeration, true);
  assert.equal(phraseBefore('成立').objectAfter, true);
  assert.equal(phraseBefore('棉花产量520万吨、占全国').share, true);
  assert.equal(phraseBefore('城乡居民人均可支配收入分别增长').respectively, true);
});

test('after a 、 list the figure counts the class after 等, and a 新增 opening the list is said of it', () => {
  const read = (s: string) => {
    const p = phraseBefore(s);
    return `${p.raw}${p.increment ? ' +' : ''}`;
  };
  assert.equal(read('新增黄石、咸宁、天门等全国文明城市'), '文明城市 +');
  // A generic class (行业, 产业) keeps its list: `交通运输业、建筑业等行业` is not any 行业.
  assert.equal(read('把交通运输业、建筑业等行业现行'), '建筑业等行业');
  assert.equal(read('推动新能源、新材料等产业'), '新材料等产业');
  // The 等 of a word stays.
  assert.equal(read('国道、省道等高等级公路'), '高等级公路');
});

test('the phrase after a count is the counted noun', () => {
  assert.equal(phraseAfter('5 家企业实现“小升规”', 3), '企业');
  assert.equal(phraseAfter('15个老旧小区基础设施改造圆满完成', 3), '老旧小区基础设施改造');
  assert.equal(phraseAfter('98 个重点项目早开工', 4), '重点项目');
  assert.equal(phraseAfter('三大主导产业，晶科', 2), '主导产业');
});

test('normalisation: scope words dropped, 新增/净增/总数 become roles, names of changes lose the change word', () => {
  const n = (s: string) => {
    const r = normaliseMetric(s);
    return [r.name, r.roles.increment ? 'inc' : '', r.roles.total ? 'total' : '', r.roles.direction ?? ''].join('|');
  };
  assert.equal(n('城镇新增就业'), '城镇就业|inc||');
  assert.equal(n('全区城镇新增就业'), '城镇就业|inc||');
  assert.equal(n('新增就业'), '就业|inc||');
  assert.equal(n('高新技术企业总数'), '高新技术企业||total|');
  assert.equal(n('总数'), '||total|');
  assert.equal(n('居民消费价格涨幅'), '居民消费价格|||up');
  assert.equal(n('经济增长预期目标'), '经济|||up');
  assert.equal(n('规上工业增加值'), '规模以上工业增加值|||');
  assert.equal(n('细颗粒物（PM2.5）浓度'), '细颗粒物浓度|||');
  assert.equal(n('2023年科技型中小企业备案'), '科技型中小企业备案|||');
  assert.equal(n('城镇新增就业人数'), '城镇就业|inc||');
});

test('built-in synonyms: one key per metric', () => {
  const idx = new MetricIndex();
  const key = (s: string) => idx.key(normaliseMetric(s).name);
  assert.equal(key('能耗强度'), key('单位国内生产总值能耗'));
  assert.equal(key('单位地区生产总值能耗'), key('单位国内生产总值能耗'));
  assert.equal(key('国内生产总值'), key('地区生产总值'));
  assert.equal(key('GDP'), key('国内生产总值'));
  assert.equal(key('居民消费价格涨幅'), key('居民消费价格上涨'));
  assert.equal(key('CPI'), key('居民消费价格涨幅'));
  assert.equal(key('居民消费价格指数涨幅'), key('居民消费价格涨幅'));
  assert.equal(key('城镇新增就业'), key('新增就业'));
  assert.equal(key('实际利用外资'), key('实际使用外资'));
  assert.notEqual(key('城镇调查失业率'), key('城镇登记失业率'));
  assert.notEqual(key('中央财政赤字'), key('财政赤字'));
  assert.notEqual(key('农村居民人均可支配收入'), key('城镇居民人均可支配收入'));
});

test('config.synonyms extends the table (and may join a built-in group)', () => {
  const synonyms = [
    ['区外到位资金', '招商引资到位资金'],
    ['新增城镇就业人员', '城镇新增就业'],
  ];
  const idx = metricIndex({ synonyms });
  const key = (s: string) => idx.key(normaliseMetric(s).name);
  assert.equal(key('招商引资到位资金'), key('区外到位资金'));
  assert.notEqual(new MetricIndex().key('招商引资到位资金'), new MetricIndex().key('区外到位资金'));
  // A user group sharing a name with a built-in group joins it: 新增城镇就业人员 ≈ 新增就业.
  assert.equal(key('新增城镇就业人员'), key('新增就业'));
  // The same setting gives the same index; no synonyms, the default one.
  assert.equal(metricIndex({ synonyms: synonyms.map((g) => [...g]) }), idx);
  assert.notEqual(metricIndex({ synonyms: [] }), idx);
});

test('similarity without word segmentation: character bigrams and longest common substring', () => {
  assert.equal(similarity('高新技术企业', '高新技术企业'), 1);
  assert.equal(similarity('', '高新'), 0);
  assert.equal(Math.round(similarity('科技型中小企业', '科技型中小企业备案') * 1000) / 1000, 0.857);
  assert.ok(similarity('粮食作物', '粮油作物') < 0.5);
  const idx = new MetricIndex();
  assert.ok(idx.same('科技型中小企业', '科技型中小企业备案'));
  assert.ok(!idx.same('粮食作物', '粮油作物'));
});
