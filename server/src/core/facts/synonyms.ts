// Names that mean one metric: the built-in table (地区生产总值 ≈ GDP, 规上工业增加值 ≈ 工业增加值),
// extended by the settings (`govreport.synonyms`), and how alike two names are when the table
// does not say (character-bigram Dice).
import type { GovReportConfig } from '../config';
import { normaliseMetric } from './metrics';

/** Built-in groups of names that mean the same metric; `config.synonyms` adds more. */
// prettier-ignore
export const BUILTIN_SYNONYMS: readonly (readonly string[])[] = [
  ['国内生产总值', '地区生产总值', 'GDP', '生产总值', '经济', '经济总量'],
  ['单位国内生产总值能耗', '能耗强度', '能源消耗强度', '单位地区生产总值能耗', '单位GDP能耗', '单位生产总值能耗'],
  ['单位国内生产总值二氧化碳排放', '碳排放强度', '单位地区生产总值二氧化碳排放', '二氧化碳排放强度'],
  ['居民消费价格', 'CPI', '居民消费价格指数', '物价', '消费价格'],
  ['城镇就业', '就业', '城镇就业岗位'],
  ['城镇调查失业率', '调查失业率'],
  ['城镇登记失业率', '登记失业率'],
  ['规模以上工业增加值', '工业增加值'],
  ['一般公共预算收入', '地方一般公共预算收入', '公共预算收入', '一般公共预算收入总额'],
  ['进出口总额', '外贸进出口总额', '货物进出口总额', '进出口', '外贸进出口', '对外贸易进出口总额'],
  ['粮食产量', '粮食总产量', '粮食总产', '粮食'],
  ['空气质量优良天数比率', '空气优良天数比率', '优良天数比率', '空气质量优良天数比例', '空气优良天数比例', '优良天数比例'],
  ['实际使用外资', '实际利用外资', '利用外资'],
  ['农村贫困人口', '贫困人口'],
  ['棚户区住房改造', '棚户区改造', '棚改'],
  ['社会消费品零售总额', '社零总额'],
  ['固定资产投资', '全社会固定资产投资'],
  ['居民人均可支配收入', '人均可支配收入'],
  ['财政赤字', '赤字', '财政赤字规模', '赤字规模'],
  ['地方政府专项债券', '专项债券', '地方专项债券'],
  ['中央预算内投资', '中央预算内投资规模'],
];

/**
 * Names that answer each other across years but are not one figure inside a report: a plan's 减税降费
 * has parts (`新增减税降费约5000亿元` of `为企业新增减负超过2.5万亿元`), the next review names the sum as it
 * likes. The targets matcher uses these on top of BUILTIN_SYNONYMS; the number rules do not.
 */
export const MATCH_SYNONYMS: readonly (readonly string[])[] = [
  ['减税降费', '企业税收和社保缴费负担', '企业和个人负担', '企业负担', '企业减负', '企业新增减负', '经营主体减负'],
];

// The names that answer across years: the settings' synonyms, the built-in ones and MATCH_SYNONYMS —
// what the targets matcher pairs a plan's target with its review by, and what a quoted target is read by.
const MATCH_INDEX = new WeakMap<Pick<GovReportConfig, 'synonyms'>, MetricIndex>();
export function matchIndex(config: Pick<GovReportConfig, 'synonyms'>): MetricIndex {
  let index = MATCH_INDEX.get(config);
  if (!index) MATCH_INDEX.set(config, (index = metricIndex({ synonyms: [...config.synonyms, ...MATCH_SYNONYMS].map((g) => [...g]) })));
  return index;
}

export class MetricIndex {
  private readonly canonical = new Map<string, string>();

  constructor(extra: readonly (readonly string[])[] = []) {
    for (const group of [...BUILTIN_SYNONYMS, ...extra]) {
      const names = group.map((g) => normaliseMetric(g).name).filter(Boolean);
      if (names.length === 0) continue;
      // A user group that shares a name with a built-in one joins it.
      const head = names.map((n) => this.canonical.get(n)).find((x) => x !== undefined) ?? names[0];
      for (const n of names) this.canonical.set(n, head);
    }
  }

  /** The identity key of a normalised name: its synonym group's head, or the name itself. */
  key(name: string): string {
    return this.canonical.get(name) ?? name;
  }

  /** Whether a name belongs to a synonym group (built-in or configured). */
  known(name: string): boolean {
    return this.canonical.has(name);
  }

  /** Same metric: same key, or names alike enough (character bigrams) — for hover and matching, not for rules that fire. */
  same(a: string, b: string, threshold = 0.8): boolean {
    if (!a || !b) return false;
    return this.key(a) === this.key(b) || similarity(a, b) >= threshold;
  }
}

const indexCache = new Map<string, MetricIndex>();

/** One index per distinct synonym setting (built once; config objects are rebuilt on every analysis). */
export function metricIndex(config: Pick<GovReportConfig, 'synonyms'>): MetricIndex {
  const id = config.synonyms.length ? JSON.stringify(config.synonyms) : '';
  let idx = indexCache.get(id);
  if (!idx) {
    if (indexCache.size > 32) indexCache.clear();
    idx = new MetricIndex(config.synonyms);
    indexCache.set(id, idx);
  }
  return idx;
}

/** Dice coefficient over character bigrams (unigrams for one-character names): 0…1. */
export function similarity(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  if (!a || !b) return 0;
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  const counts = new Map<string, number>();
  for (const g of ga) counts.set(g, (counts.get(g) ?? 0) + 1);
  for (const g of gb) {
    const c = counts.get(g);
    if (c) {
      common++;
      counts.set(g, c - 1);
    }
  }
  return (2 * common) / (ga.length + gb.length);
}

function grams(s: string): string[] {
  if (s.length < 2) return [s];
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}
