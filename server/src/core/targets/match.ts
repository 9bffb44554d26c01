// Year N's targets against year N+1's review: every target (select.ts) matched with the figure the next year's review gives for the same metric.
//
//   targets  role `target`, the plan year, a one-year figure in Arabic numerals that commits to
//            something (not a restatement, a derived increment, a stock already there, a scope
//            threshold, a policy's name or a duration); a list `A、B排放量下降3%` is one target each.
//   outcome  role `outcome` for year N, one-year, inside year N+1's review part (a five-year
//            figure or a figure in the plan part does not count); same metric (synonym key,
//            one name inside the other, or alike by character bigrams), compatible change kind
//            (a rate answers a rate, an increment never a total) and unit family.
//   verdict  judge() from qualifiers.ts — floors, ceilings, ranges, 左右 tolerance, falls. A miss
//            stated in words (未能实现, 低于预期 …) next to the metric makes the target missed;
//            completion stated only in words is not a figure: the target stays unreported.
//   pending  there is no year N+1 report, or it has no review part yet.
// An outcome without a target is never looked at. Pure functions, plain data; never throws.
import { DEFAULT_CONFIG } from '../config';
import type { Fact } from '../facts/facts';
import { BUILTIN_SYNONYMS, MATCH_SYNONYMS, matchIndex, similarity, type MetricIndex } from '../facts/synonyms';
import { lowerIsBetter, normaliseMetric } from '../facts/metrics';
import { both, format, type Msg } from '../l10n';
import { judge, type Claim, type Judgement } from '../numbers/qualifiers';
import { unitFactor } from '../numbers/units';
import { hasReview, reviewPartFor } from '../peers';
import { endsClause, isHan } from '../text/chars';
import { changeFigure } from '../facts/format';
import { aroundFigure, expandListed, targetsOf } from './select';
import { ALIKE_MEASURES, BUDGET_LINE_SCOPE, GENERIC_SUBJECT, RATE_WORDS, RESTATED_AFTER, RESTATED_BEFORE, STOCK_REACHED_BEFORE } from './words';
import type { ReviewSide, ReviewSummary, TargetConfig as Config, TargetOutcome, TargetResult, TargetSource } from './types';
import { targetLabel, writtenValue } from './present';

const MESSAGES = {
  noReviewYet: { zh: '{year}年报告尚无回顾部分', en: 'the {year} report has no review part yet' },
  noNextReport: { zh: '工作区中没有{year}年报告', en: 'no {year} report in the workspace' },
  unreported: { zh: '{year}年报告的回顾部分没有该指标的数字', en: 'the review in the {year} report gives no figure for it' },
  met: { zh: '实际{outcome}，达到目标“{target}”{note}', en: 'outcome {outcome} meets the target "{target}"{note}' },
  missed: { zh: '实际{outcome}，未达到目标“{target}”{note}', en: 'outcome {outcome} falls short of the target "{target}"{note}' },
  asWritten: { zh: '（按所写数字）', en: ' (reading the figure as written)' },
  none: { zh: '', en: '' },
  sameWords: { zh: '回顾与目标说法相同', en: 'the review states it as the target did' },
  says: { zh: '回顾称“{words}”', en: 'the review says "{words}"' },
  alsoSays: { zh: '{before}；回顾称“{words}”', en: '{before}; the review says "{words}"' },
} satisfies Record<string, Msg>;

/**
 * Matches every target of year N's report with year N+1's review. `pending` for all when there
 * is no year N+1 report or it has no review part yet.
 */
export function matchTargets(report: TargetSource, next: ReviewSide | undefined, config: Config = DEFAULT_CONFIG): TargetResult[] {
  const targets = targetsOf(report, config);
  const year = report.meta.year;
  if (year === undefined || targets.length === 0) return [];
  return matchList(targets, year, next, config);
}

// The two target rules (and hover, code lens) ask for the same results of one analysis: keep the
// last answer per fact list, as long as it was made against the same peer and settings.
const CACHE = new WeakMap<readonly Fact[], { next: ReviewSide | undefined; config: Config; results: TargetResult[] }>();

/** matchTargets() remembered per (facts, next, config) object identity. */
export function matchTargetsCached(report: TargetSource, next: ReviewSide | undefined, config: Config = DEFAULT_CONFIG): TargetResult[] {
  const hit = CACHE.get(report.facts);
  if (hit && hit.next === next && hit.config === config) return hit.results;
  const results = matchTargets(report, next, config);
  CACHE.set(report.facts, { next, config, results });
  return results;
}

function matchList(targets: readonly Fact[], year: number, next: ReviewSide | undefined, config: Config): TargetResult[] {
  if (!next || !hasReview(next)) {
    const why: Msg = next ? both(MESSAGES.noReviewYet, () => ({ year: next.meta.year ?? year + 1 })) : both(MESSAGES.noNextReport, () => ({ year: year + 1 }));
    return targets.map((target) => ({
      target,
      year,
      status: 'pending',
      explanation: why,
      ...(next ? { next: { uri: next.uri, year: next.meta.year ?? year + 1 } } : {}),
    }));
  }
  const index = matchIndex(config);
  const nextYear = next.meta.year ?? year + 1;
  const review = outcomesFor(next, year, index);
  const results: TargetResult[] = targets.map((target) => {
    const base = { target, year, next: { uri: next.uri, year: nextYear } };
    const found = bestOutcome(target, targets, review, next, index, config);
    if (!found) {
      return { ...base, status: 'unreported', explanation: both(MESSAGES.unreported, () => ({ year: nextYear })) };
    }
    const o = found.fact;
    const outcome: TargetOutcome = { uri: next.uri, fact: o, range: next.rangeOf(o.span.start, o.span.end), text: o.clauseText, value: writtenValue(o) };
    return { ...base, status: found.status, outcome, judgement: found.judgement, explanation: verdictText(target, o, found) };
  });
  applyMissWords(results, next, index, config.synonyms);
  return results;
}

interface ReviewFacts {
  /** Figures for year N in the review part. */
  outcomes: Fact[];
  /** Year N's targets restated in the review (`超过原定的近2万亿元规模`, `低于13%左右的预期目标`). */
  restated: Fact[];
}

// Outcome candidates depend on the peer only: kept per peer fact list.
const OUTCOMES = new WeakMap<readonly Fact[], { year: number; index: MetricIndex; review: ReviewFacts }>();

function outcomesFor(next: ReviewSide, year: number, index: MetricIndex): ReviewFacts {
  const hit = OUTCOMES.get(next.facts);
  if (hit && hit.year === year && hit.index === index) return hit.review;
  const reviews = next.tree?.parts.filter((p) => p.partKind === 'review') ?? [];
  const review: ReviewFacts = { outcomes: [], restated: [] };
  for (const f of next.facts) {
    if (f.role !== 'outcome' || f.year !== year || f.period !== 'year' || f.countWord || f.cumulative) continue;
    if (!reviews.some((r) => r.span.start <= f.span.start && f.span.end <= r.span.end)) continue;
    const { before, after } = aroundFigure(f);
    if (RESTATED_BEFORE.test(before) || RESTATED_AFTER.test(after)) {
      review.restated.push(f);
      continue;
    }
    for (const g of expandListed(f, next.facts, index)) review.outcomes.push(g);
  }
  OUTCOMES.set(next.facts, { year, index, review });
  return review;
}

/** How alike two metrics' names are, 0…1 (1: same synonym key). */
function metricAffinity(a: Pick<Fact, 'metric' | 'key'>, b: Pick<Fact, 'metric' | 'key'>, index?: MetricIndex): number {
  if (!a.metric || !b.metric) return 0;
  // Keys from the index in hand: the settings' synonyms apply even to facts read without them.
  const ka = index ? index.key(a.metric) : a.key;
  const kb = index ? index.key(b.metric) : b.key;
  if (ka === kb || a.key === b.key) return 1;
  // Two names of the synonym table with different keys are different metrics, however alike
  // (国内生产总值 inside 单位国内生产总值能耗, 城镇登记失业率 and 城镇调查失业率).
  if (index && index.known(ka) && index.known(kb)) return 0;
  let best = 0;
  for (const x of new Set([a.metric, ka])) {
    for (const y of new Set([b.metric, kb])) best = Math.max(best, nameAffinity(x, y));
  }
  return best;
}

/** Affinity of a target and a candidate outcome: their names, or the target's sentence completing a short name. */
function targetAffinity(t: Fact, o: Fact, index: MetricIndex): number {
  return Math.max(metricAffinity(t, o, index), topicAffinity(t, o, index));
}

/**
 * A target with a short name answered by a longer one whose extra words its own sentence says
 * (`持续推进长护险提质扩面，新增参保人数1500万人` ↔ `新增长护险参保人数1561万人`; `推进重大工程建设，全年完成投资
 * 2400亿元` ↔ `重大工程投资完成2510.1亿元`): the topic of the sentence completes the name.
 */
function topicAffinity(t: Fact, o: Fact, index: MetricIndex): number {
  if (!t.topic || !o.metric) return 0;
  const context = `${t.topic}${t.clauseText}`;
  // `…棚改攻坚计划，今年开工580万套`: no name but the verb; the outcome's name (or one of its synonyms) is in the sentence.
  if (!t.metric) {
    if (!t.action || t.action !== o.action) return 0;
    return namesOf(o, index, []).some((n) => context.includes(n)) ? 0.9 : 0;
  }
  if (t.metric.length > 3 || !o.metric.includes(t.metric)) return 0;
  const rest = o.metric.replace(t.metric, '');
  if (rest.length < 2) return 0;
  if (context.includes(rest)) return 0.9;
  const grams: string[] = [];
  for (let i = 0; i + 1 < rest.length; i++) grams.push(rest.slice(i, i + 2));
  const seen = grams.filter((g) => context.includes(g)).length;
  return seen / grams.length >= TOPIC_SHARE ? 0.8 : 0;
}
/** How many of the extra name's character pairs the target's sentence must say. */
const TOPIC_SHARE = 0.75;

function nameAffinity(x: string, y: string): number {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // 中央财政赤字 and 财政赤字 are different budget lines.
  if (BUDGET_LINE_SCOPE.test(long) !== BUDGET_LINE_SCOPE.test(short)) return 0;
  if (short.length >= 3 && long.includes(short)) return 0.9;
  if (isAbbreviation(short, long)) return 0.85;
  return similarity(x, y);
}

/**
 * `污水厂` of `污水处理厂`, `医共体` of `医疗卫生共同体`: the short name's characters in order in the long
 * one, with its first and last character (a name's head is its last character).
 */
function isAbbreviation(short: string, long: string): boolean {
  if (short.length < 3 || short.length >= long.length || short[0] !== long[0] || short.at(-1) !== long.at(-1)) return false;
  let at = 0;
  for (const ch of short) {
    at = long.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** Enough likeness to call two names one metric (bigram Dice or one name inside the other). */
const AFFINITY = 0.6;

function unitsCompare(t: Fact, o: Fact): number | undefined {
  const f = unitFactor(o.unit, t.unit);
  if (f !== undefined) return f;
  if (ALIKE_MEASURES.some((g) => g.includes(o.unit) && g.includes(t.unit))) return 1;
  // `1000万以上农村贫困人口` and `1240万`: a bare count of people is a count of people.
  if ((o.unit === '' && t.unit === '人') || (o.unit === '人' && t.unit === '')) return 1;
  return undefined;
}

/** A rate answers a rate; an amount done (level, increment) answers an amount; a total never an increment. */
function changesCompare(t: Fact, o: Fact): boolean {
  const rate = t.unit === '%' || t.unit === '个百分点';
  if (rate) {
    const kind = (c: Fact['change']) => (c === 'share' ? 'level' : c);
    return kind(t.change) === kind(o.change);
  }
  if (t.change === 'cagr' || o.change === 'cagr' || t.change === 'multiple' || o.change === 'multiple') return t.change === o.change;
  // A stock reached (`5G基站增至18.8万个`, `高标准农田达到4808万亩`) answers no amount to be done this year
  // (`新建5G基站2.3万个`, `建设高标准农田300万亩`).
  if ((t.change === 'increment' || t.action) && o.change === 'level' && !o.action && STOCK_REACHED_BEFORE.test(aroundFigure(o).before)) return false;
  if (t.change === 'increment') return o.change === 'increment' || o.change === 'level';
  if (t.change === 'total') return o.change === 'total' || o.change === 'level';
  return o.change === 'level' || o.change === 'increment' || o.change === 'total';
}

function verdictText(t: Fact, o: Fact, found: Found): Msg {
  const asWritten = found.judgement.verdict === 'incomparable' ? MESSAGES.asWritten : MESSAGES.none;
  return both(found.status === 'met' ? MESSAGES.met : MESSAGES.missed, (locale) => ({
    outcome: changeFigure(o, locale),
    target: targetLabel(t, locale),
    note: format(asWritten, locale),
  }));
}

interface Found {
  fact: Fact;
  judgement: Judgement;
  status: 'met' | 'missed';
}

function bestOutcome(t: Fact, targets: readonly Fact[], review: ReviewFacts, next: ReviewSide, index: MetricIndex, config: Config): Found | undefined {
  // The review quotes the target's own figure next to the outcome (`减税降费2.36万亿元，超过原定的
  // 近2万亿元规模`): the figure before the quote in that sentence is the outcome, whatever its name.
  for (const r of review.restated) {
    if (!sameFigure(t, r)) continue;
    // Several targets with this figure (M2 and 社会融资规模 both 13%左右): the names must agree.
    const shared = targets.filter((x) => sameFigure(x, r)).length > 1;
    for (let i = r.index - 1; i >= 0; i--) {
      const o = next.facts[i];
      if (o.passage !== r.passage || o.sentence.start !== r.sentence.start) break;
      if (o.role !== 'outcome' || unitsCompare(t, o) === undefined || !changesCompare(t, o)) continue;
      const affinity = metricAffinity(t, o, index);
      if (shared ? affinity >= AFFINITY : affinity > 0 || !index.known(o.key)) {
        const found = verdictOf(t, o, config, true);
        if (found) return found;
      }
    }
  }
  if (!t.metric) return undefined;
  const ranked: { fact: Fact; score: number }[] = [];
  for (const o of review.outcomes) {
    if (!o.metric) continue;
    if (unitsCompare(t, o) === undefined || !changesCompare(t, o)) continue;
    let score = targetAffinity(t, o, index);
    if (score < AFFINITY) continue;
    // A generic name (`试点`, `项目`) must be the same word, not just alike (or completed by its sentence);
    // and the same generic word is not enough when what is said of it differs (`推动5500家企业“小升规”` is
    // not answered by `11家企业入选全球人形机器人上市公司百强`).
    if ((t.weak || o.weak) && score < 0.8 && t.metric !== o.metric) continue;
    if ((t.weak || o.weak) && t.metric === o.metric && bareIdentity(t) !== bareIdentity(o)) continue;
    if (o.change === t.change) score += 0.01;
    ranked.push({ fact: o, score });
  }
  ranked.sort((a, b) => b.score - a.score || a.fact.index - b.fact.index);
  if (ranked.length === 0) return undefined;
  // The best match answers. Only the same metric (one synonym key, or the same name) can prove a
  // miss: a figure of a metric that is merely alike may confirm the target, never accuse it, and
  // a weaker match is not asked instead.
  const { fact, score } = ranked[0];
  return verdictOf(t, fact, config, score >= 1 || fact.metric === t.metric);
}

function sameFigure(t: Fact, r: Fact): boolean {
  const factor = unitsCompare(t, r);
  if (factor === undefined) return false;
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return (
    close(r.value * factor, t.value) &&
    (r.high === undefined) === (t.high === undefined) &&
    (r.high === undefined || close(r.high * factor, t.high!)) &&
    r.qualifier === t.qualifier
  );
}

/** The identity without its verb of doing (`建成|…` → `…`). */
function bareIdentity(f: Fact): string {
  const bar = f.identity.indexOf('|');
  return bar < 0 ? f.identity : f.identity.slice(bar + 1);
}

function verdictOf(t: Fact, o: Fact, config: Config, sure: boolean): Found | undefined {
  const factor = unitsCompare(t, o)!;
  // The review repeats the target's own words (`力争高新技术企业超6.1万家` → `高新技术企业超6.1万家`): met.
  if (sameFigure(t, o) && t.qualifier !== undefined) return { fact: o, judgement: { verdict: 'met', explanation: MESSAGES.sameWords }, status: 'met' };
  const outcome: Claim = { value: o.value * factor, unit: t.unit, precision: o.precision * factor, qualifier: o.qualifier, direction: o.direction };
  if (o.high !== undefined) outcome.high = o.high * factor;
  const target: Claim = { value: t.value, unit: t.unit, precision: t.precision, qualifier: t.qualifier, direction: t.direction };
  if (t.high !== undefined) target.high = t.high;
  const judgement = judge(target, outcome, config, { lowerIsBetter: lowerIsBetter(t.metric) });
  let status: Found['status'];
  if (judgement.verdict === 'met') status = 'met';
  else if (judgement.verdict === 'missed') status = 'missed';
  else {
    // The outcome's stated precision straddles the requirement (近1400万 against 1300万): read
    // the figure as written.
    const nominal = judge(target, { ...outcome, qualifier: undefined, precision: 0 }, config, { lowerIsBetter: lowerIsBetter(t.metric) });
    status = nominal.verdict === 'met' ? 'met' : 'missed';
  }
  if (status === 'missed' && !sure) return undefined;
  return { fact: o, judgement, status };
}

/** The names a target may go by in prose: as written, normalised, and its synonym group's names. */
function namesOf(t: Fact, index: MetricIndex, synonyms: readonly (readonly string[])[]): string[] {
  const names = new Set<string>();
  // Two characters (经济, 就业, 粮食) say too little in running prose: 夜间经济 is not the economy.
  const add = (n: string) => {
    const s = n.replace(/\s+/g, '');
    if (s.length >= 3) names.add(s);
  };
  add(t.metricRaw);
  add(t.metric);
  for (const group of [...BUILTIN_SYNONYMS, ...MATCH_SYNONYMS, ...synonyms]) {
    if (group.some((g) => index.key(normaliseMetric(g).name) === t.key)) group.forEach(add);
  }
  return [...names];
}

/**
 * A miss stated in words belongs to the target its clause names (`粮食种植面积未能完成年初目标`:
 * the target whose own words share most with 粮食种植面积, if one does clearly), or — when its
 * subject names nothing (`预期增长目标未能实现`, `增速低于预期`) — to the target named closest before
 * the words in the sentence; when one metric has a rate and a level target, 增速/增长 picks the rate.
 */
function applyMissWords(results: TargetResult[], next: ReviewSide, index: MetricIndex, synonyms: readonly (readonly string[])[]): void {
  const misses = next.misses ?? [];
  if (misses.length === 0) return;
  const live = results.map((_, i) => i).filter((i) => results[i].status !== 'pending');
  const names = results.map((r) => namesOf(r.target, index, synonyms));
  for (const m of misses) {
    const clauseStart = lastClauseStart(m.text, m.at);
    const subject = m.text.slice(clauseStart, m.at).replace(/[\s“”"]/g, '');
    let chosen: number[] = [];
    // What to quote: the clause with the words, and back to the clause naming the metric when the words name none.
    let quoteFrom = clauseStart;
    if (GENERIC_SUBJECT.test(subject)) {
      const window = m.text.slice(0, m.at);
      let bestAt = -1;
      for (const i of live) {
        let at = -1;
        for (const n of names[i]) at = Math.max(at, window.lastIndexOf(n));
        if (at < 0) continue;
        if (at > bestAt) {
          bestAt = at;
          chosen = [i];
        } else if (at === bestAt) chosen.push(i);
      }
      if (bestAt >= 0) quoteFrom = lastClauseStart(m.text, bestAt);
    } else {
      chosen = live.filter((i) => names[i].some((n) => subject.includes(n)));
      if (chosen.length === 0) {
        // No target's name in the subject: the target whose own words share two or more
        // character pairs with it, if exactly one does best.
        let best = 1;
        for (const i of live) {
          const shared = sharedBigrams(subject, ownWords(results[i].target));
          if (shared > best) {
            best = shared;
            chosen = [i];
          } else if (shared === best && best > 1) chosen.push(i);
        }
        if (chosen.length > 1) chosen = [];
      }
    }
    if (chosen.length === 0) continue;
    if (chosen.length > 1) {
      const rateWords = RATE_WORDS.test(m.text.slice(clauseStart));
      const rates = chosen.filter((i) => results[i].target.unit === '%' && results[i].target.change === 'growth-rate');
      const levels = chosen.filter((i) => !rates.includes(i));
      chosen = rateWords ? (rates.length ? rates : chosen) : levels.length ? levels : chosen;
    }
    for (const i of chosen) {
      const r = results[i];
      r.status = 'missed';
      r.words = { uri: next.uri, range: next.rangeOf(m.span.start, m.span.end), text: m.text.slice(quoteFrom) };
      const words = r.words.text;
      const earlier = r.outcome ? r.explanation : undefined;
      r.explanation = earlier
        ? both(MESSAGES.alsoSays, (locale) => ({ before: locale === 'en' ? earlier.en : earlier.zh, words }))
        : both(MESSAGES.says, () => ({ words }));
    }
  }
}

/** The words a target's clause spends on it: from the previous list item (、) to its figure. */
function ownWords(t: Fact): string {
  const { before } = aroundFigure(t);
  const own = before.slice(before.lastIndexOf('、') + 1);
  return `${own}${t.metricRaw}`.replace(/\s+/g, '');
}

function sharedBigrams(a: string, b: string): number {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < a.length; i++) grams.add(a.slice(i, i + 2));
  let n = 0;
  const seen = new Set<string>();
  for (let i = 0; i + 1 < b.length; i++) {
    const g = b.slice(i, i + 2);
    if (grams.has(g) && !seen.has(g) && isHan(g.charCodeAt(0)) && isHan(g.charCodeAt(1))) {
      seen.add(g);
      n++;
    }
  }
  return n;
}

function lastClauseStart(text: string, at: number): number {
  let s = at;
  while (s > 0 && !endsClause(text, s - 1)) s--;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Summaries

/**
 * For year N+1's report (pass toPeer(uri, analysis)): how its review answers year N's targets.
 * Undefined when `previous` is not year N, or the report has no review part.
 */
export function reviewSummary(report: ReviewSide, previous: TargetSource & { uri?: string }, config: Config = DEFAULT_CONFIG): ReviewSummary | undefined {
  const year = previous.meta.year;
  if (year === undefined || report.meta.year !== year + 1) return undefined;
  const heading = reviewPartFor(report.tree, year);
  if (!heading) return undefined;
  const results = matchTargets(previous, report, config);
  const met = results.filter((r) => r.status === 'met').length;
  const missed = results.filter((r) => r.status === 'missed').length;
  const unreported = results.filter((r) => r.status === 'unreported').length;
  return { year, heading, results, met, missed, unreported, reported: met + missed };
}
