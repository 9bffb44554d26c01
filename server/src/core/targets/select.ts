// Which figures of year N's report are its targets: one-year figures for the report's plan year
// in Arabic numerals that commit to something — not a restatement, a derived increment, a stock
// already there, a scope threshold, a policy's name or a duration. A list `A、B排放量下降3%` is
// one target each.
import { DEFAULT_CONFIG, type GovReportConfig } from '../config';
import type { Fact } from '../facts/facts';
import { metricIndex, type MetricIndex } from '../facts/synonyms';
import { normaliseMetric, phraseBefore } from '../facts/metrics';
import { alternation, SCOPE, TIME_WORDS } from '../facts/words';
import { HAN } from '../text/chars';
import type { TargetSource } from './types';
import {
  BACKGROUND_NAMES,
  BACKGROUND_PEOPLE,
  BACKGROUND_HAVE,
  BACKGROUND_VERB,
  CONDITION_AFTER,
  DURATION_UNITS,
  EXISTING_SET_ALWAYS,
  EXISTING_SET_BEFORE,
  EXISTING_SET_NAME,
  GRADE_AFTER,
  NORM_BEFORE,
  NOT_COMMITMENT_BEFORE,
  NOT_TARGET_UNITS,
  PARAMETER_NAMES,
  PER_UNIT_BEFORE,
  POLICY_AFTER,
  REGION_STOCK_BEFORE,
  RELATIVE_NORM_BEFORE,
  RESTATED_GOAL_BEFORE,
  SCOPE_QUALIFIER_WORDS,
  SHARED_MARKER,
  THRESHOLD_UNITS,
} from './words';

const SCOPE_QUALIFIERS = new Set<string>(SCOPE_QUALIFIER_WORDS);
/** A time or place word opening the words before a name (`今年`, `我区`): nothing said of the figure. */
const TIME_OR_SCOPE = new RegExp(`^(?:${alternation(TIME_WORDS)})|${SCOPE.source}`);

/** A threshold followed by the noun it scopes (`30万千瓦以下煤电机组`, `不到100万元的部分`). */
const HAN_OR_DE_START = new RegExp(`^[的${HAN}]`);

/**
 * Year N's targets: one-year figures for the report's plan year that commit to something.
 * Deterministic and in document order; a listed clause (`二氧化硫、氮氧化物排放量要下降3%`)
 * gives one target per metric, each a copy of the fact naming its metric.
 */
export function targetsOf(report: TargetSource, config: Pick<GovReportConfig, 'synonyms'> = DEFAULT_CONFIG): Fact[] {
  const year = report.meta.year;
  if (year === undefined) return [];
  const index = metricIndex(config);
  const facts = report.facts;
  const candidates = facts.filter((f) => f.role === 'target' && f.year === year && f.period === 'year' && !f.countWord);
  const keys = new Map<string, number>();
  for (const f of candidates) if (f.key) keys.set(f.key, (keys.get(f.key) ?? 0) + 1);
  const out: Fact[] = [];
  const seen = new Set<string>();
  for (const f of candidates) {
    if (!commits(f, facts, keys)) continue;
    for (const t of expandListed(f, facts, index)) {
      // A restatement (`把增长预期目标定在7%左右`, `经济增长预期7%左右`) is labelled once.
      const id = `${t.key}|${t.value}|${t.high ?? ''}|${t.unit}|${t.change}|${t.qualifier ?? ''}`;
      if (t.key && seen.has(id)) continue;
      seen.add(id);
      out.push(t);
    }
  }
  return out;
}

function commits(f: Fact, facts: readonly Fact[], keys: Map<string, number>): boolean {
  const { before, after } = aroundFigure(f);
  if (NOT_COMMITMENT_BEFORE.test(before)) return false;
  // `把增长预期目标定在7.5%左右`: the explanation restating a main target.
  if (/目标/.test(f.metric) || RESTATED_GOAL_BEFORE.test(before)) return false;
  if (f.qualifier !== undefined && SCOPE_QUALIFIERS.has(f.qualifier) && HAN_OR_DE_START.test(after)) return false;
  // `营收1亿元以上企业`, `500平方米以上商铺`: an amount of money, area or weight with 以上 before a noun
  // scopes it; a count does not (`新增100个以上项目`, `1000万以上农村贫困人口脱贫`).
  if (f.qualifier === '以上' && THRESHOLD_UNITS.includes(f.unit) && HAN_OR_DE_START.test(after)) return false;
  if (POLICY_AFTER.test(after)) return false;
  // A duration (`5年过渡期`, `再延长30年`, `24小时在线监控`) is a policy's term, not a quantity to achieve.
  if (f.unit === '年' || DURATION_UNITS.has(f.unit) || NOT_TARGET_UNITS.has(f.unit)) return false;
  // Background, parameters, grades, norms and conditions (see words.ts): no commitment.
  const name = `${f.metricRaw}${f.metric}`;
  const verb = verbBefore(before);
  // The words before the figure other than its name (`今年高校毕业生749万人` → 今年).
  const lead = f.metricRaw && verb.endsWith(f.metricRaw) ? verb.slice(0, -f.metricRaw.length) : verb;
  if (BACKGROUND_NAMES.test(f.metric) || BACKGROUND_NAMES.test(f.metricRaw)) return false;
  // People and labour by 有/将达, with no verb at all (`今年高校毕业生749万人`), or counted in 亿 (`9亿劳动力资源`).
  const had = BACKGROUND_VERB.test(verb) || BACKGROUND_VERB.test(lead) || BACKGROUND_HAVE.test(f.metricRaw);
  if (BACKGROUND_PEOPLE.test(name) && (had || !lead.replace(TIME_OR_SCOPE, '') || f.scale === '亿')) return false;
  // A parameter is a target only when it is changed (`现行16%的税率降至13%`), not kept (`保持6%一档的税率不变`).
  if (PARAMETER_NAMES.test(name) && !f.toward) return false;
  if (GRADE_AFTER.test(after) || NORM_BEFORE.test(verb) || CONDITION_AFTER.test(after) || RELATIVE_NORM_BEFORE.test(before)) return false;
  if (REGION_STOCK_BEFORE.test(verb)) return false;
  if (f.value <= 2 && PER_UNIT_BEFORE.test(verb.replace(/(?:至少)?(?:办好|建好|建成|配备|设立)?$/, ''))) return false;
  // People counted in 亿 (`促进约1亿农业转移人口落户城镇`) are a multi-year programme's scale.
  if (f.unit === '人' && f.scale === '亿') return false;
  if (EXISTING_SET_BEFORE.test(verb) && (EXISTING_SET_NAME.test(name) || EXISTING_SET_ALWAYS.test(verb))) return false;
  // A change derived from a level stated with it (`财政赤字1.62万亿元，比去年增加2700亿元`,
  // `160亿元，增长9.6%`) or from another target (`城镇新增就业预期目标比去年多100万人`); a
  // change with a qualifier of its own (`同比增长35%以上`) is a commitment of its own.
  if (f.change !== 'level' && f.qualifier === undefined) {
    const base = f.levelIndex !== undefined ? facts[f.levelIndex] : undefined;
    if (base && base.role === 'target') return false;
    if (f.versus !== undefined && f.key && (keys.get(f.key) ?? 0) > 1) return false;
  }
  return true;
}

/** The verb right before the figure, adverbs kept (`加快壮大`, `持续实施`). */
function verbBefore(before: string): string {
  return before.replace(/[\s“”]+$/, '');
}

/** The clause's words before and after the figure. */
export function aroundFigure(f: Pick<Fact, 'clauseText' | 'text'>): { before: string; after: string } {
  const at = f.clauseText.indexOf(f.text);
  if (at < 0) return { before: '', after: '' };
  return { before: f.clauseText.slice(0, at), after: f.clauseText.slice(at + f.text.length) };
}

/**
 * `二氧化硫、氮氧化物排放量要下降3%` (a rate applies to each listed metric), `广义货币M2和社会融资规模余额
 * 预期增长均为12%左右`, `化学需氧量、氨氮排放量要分别下降2%` (分别/均/都 with one value): one fact
 * per metric. `A和B分别增加30元和5元` that the facts left ambiguous pairs in order. A listed
 * amount without 分别/均/都 (`淘汰、停建、缓建煤电产能5000万千瓦`) is one joint figure.
 */
export function expandListed(f: Fact, facts: readonly Fact[], index: MetricIndex): Fact[] {
  const sameClause = clauseMates(f, facts);
  const list = listNames(f);
  if (list && list.names.length >= 2) {
    const rate = f.unit === '%' || f.unit === '个百分点';
    if (sameClause.length === 1 && (rate || list.shared || f.ambiguous)) return list.names.map((n) => renamed(f, n, index));
    if (f.ambiguous && sameClause.every((g) => g.ambiguous && g.unit === f.unit) && sameClause.length === list.names.length) {
      return [renamed(f, list.names[sameClause.indexOf(f)], index)];
    }
  }
  return f.ambiguous ? [] : [f];
}

export function clauseMates(f: Fact, facts: readonly Fact[]): Fact[] {
  const out: Fact[] = [];
  // Facts of one clause are adjacent in the list.
  let i = f.index;
  while (i > 0 && facts[i - 1].passage === f.passage && facts[i - 1].clause.start === f.clause.start) i--;
  for (; i < facts.length && facts[i].passage === f.passage && facts[i].clause.start === f.clause.start; i++) out.push(facts[i]);
  return out.length ? out : [f];
}

function listNames(f: Fact): { names: string[]; shared: boolean } | undefined {
  const raw = f.metricRaw;
  if (!raw) return undefined;
  const { before } = aroundFigure(f);
  const at = before.lastIndexOf(raw);
  if (at < 0) return undefined;
  const shared = SHARED_MARKER.test(before.slice(at + raw.length)) || /[都均]$/.test(raw);
  const names = [raw];
  let head = before.slice(0, at);
  for (let guard = 0; guard < 8 && /[、和]$/.test(head); guard++) {
    head = head.slice(0, -1);
    const seg = head.split(/[、，,；;：:和]/).pop() ?? '';
    if (!seg) break;
    const name = phraseBefore(seg).raw;
    if (name) names.unshift(name);
    head = head.slice(0, head.length - seg.length);
  }
  let out = names;
  if (out.length === 1 && shared && raw.includes('和')) out = raw.split('和');
  out = out.map((n) => n.replace(/[都均]+$/, '')).filter((n) => n.length > 0);
  return { names: out, shared };
}

function renamed(f: Fact, raw: string, index: MetricIndex): Fact {
  const metric = normaliseMetric(raw).name || raw;
  const copy: Fact = { ...f, metricRaw: raw, metric, key: index.key(metric) };
  delete copy.ambiguous;
  return copy;
}
