// Year N's targets against year N+1's review: every quantified target a report sets for its own
// year, matched with the figure the next year's review gives for the same metric.
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
import type { GovReportConfig } from './config';
import { DEFAULT_CONFIG } from './config';
import { changeFigure, figure, metricName } from './factFormat';
import type { Fact } from './facts';
import type { Locale, Range, Span } from './types';
import { format, type Msg } from './l10n';
import type { ReportMeta } from './meta';
import { BUILTIN_SYNONYMS, metricIndex, normaliseMetric, phraseBefore, similarity, type MetricIndex } from './metrics';
import { scaleFactor, unitFactor } from './numbers';
import type { OutlineNode, ReportTree } from './outline';
import type { PeerReport } from './peers';
import type { Passage } from './prose';
import { judge, type Claim, type Judgement } from './qualifiers';

export type TargetStatus = 'met' | 'missed' | 'unreported' | 'pending';

/** What a target is compared with: year N+1's figure. */
export interface TargetOutcome {
  uri: string;
  fact: Fact;
  /** The figure's range in year N+1's report. */
  range: Range;
  /** The figure's clause as written. */
  text: string;
  /** The figure as written (`372` for 372亿元); `[low, high]` for a range. */
  value: number | [number, number];
}

/** A miss stated in words in year N+1's review (`粮食种植面积未能完成年初目标`). */
export interface TargetWords {
  uri: string;
  range: Range;
  text: string;
}

export interface TargetResult {
  /** The target (for one metric of a listed clause, a copy naming that metric). */
  target: Fact;
  /** The plan year N. */
  year: number;
  status: TargetStatus;
  outcome?: TargetOutcome;
  words?: TargetWords;
  /** judge()'s verdict on the figures, when there are figures to compare. */
  judgement?: Judgement;
  /** Why the status, in both languages (for hover and the CLI). */
  explanation: Msg;
  /** Year N+1's report, when there is one. */
  next?: { uri: string; year: number };
}

/** What target selection needs of year N's report (an analysis, a rule context or a peer). */
export interface TargetSource {
  facts: readonly Fact[];
  tree?: ReportTree;
  meta: ReportMeta;
}

/** A miss stated in words in a review part, kept on peers (PeerReport.misses). */
export interface MissStatement {
  /** The sentence from its start to the end of the clause with the miss words. */
  text: string;
  /** Where the miss words start in `text`. */
  at: number;
  /** Source span of the clause with the miss words. */
  span: Span;
}

/** What matching needs of year N+1's report: a PeerReport (toPeer(uri, analysis) for an open one). */
export type ReviewSide = Pick<PeerReport, 'uri' | 'meta' | 'tree' | 'facts' | 'rangeOf' | 'misses'>;

type Config = Pick<GovReportConfig, 'synonyms' | 'approxRatePoints' | 'approxRelative'>;

// ---------------------------------------------------------------------------------------------
// Pairing reports

/** The report of the same government for the year after `meta`'s (one with a review part first). */
export function nextYearOf<P extends Pick<PeerReport, 'uri' | 'meta' | 'tree'>>(meta: ReportMeta, peers: readonly P[]): P | undefined {
  return pick(meta, peers, 1);
}

/** The report of the same government for the year before `meta`'s. */
export function previousYearOf<P extends Pick<PeerReport, 'uri' | 'meta' | 'tree'>>(meta: ReportMeta, peers: readonly P[]): P | undefined {
  return pick(meta, peers, -1);
}

function pick<P extends Pick<PeerReport, 'uri' | 'meta' | 'tree'>>(meta: ReportMeta, peers: readonly P[], step: number): P | undefined {
  if (meta.year === undefined) return undefined;
  const want = meta.year + step;
  const same = peers.filter((p) => p.meta.year === want && (!meta.government || !p.meta.government || p.meta.government === meta.government));
  same.sort((a, b) => Number(hasReview(b)) - Number(hasReview(a)) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  return same[0];
}

/** Whether a report has a review part yet (a draft may have only its plan). */
export function hasReview(report: { tree?: ReportTree }): boolean {
  return !!report.tree?.parts.some((p) => p.partKind === 'review');
}

/** The review part reporting on `year` (a five-year review covers it too), else the first review part. */
export function reviewPartFor(tree: ReportTree | undefined, year: number | undefined): OutlineNode | undefined {
  const reviews = tree?.parts.filter((p) => p.partKind === 'review') ?? [];
  return reviews.find((p) => p.year === year) ?? reviews.find((p) => p.fiveYear) ?? reviews[0];
}

// ---------------------------------------------------------------------------------------------
// Which facts are targets

/** `已开工的57个项目`, `现行16%的税率`, `上述2万亿元`, `年产20万吨…项目`: not this year's commitments. */
const NOT_COMMITMENT_BEFORE = /已[^，、；。]{0,4}$|(?:现行|上述|年产)\s*$/;
/** `30万千瓦以下煤电机组`, `不到100万元的部分`: a threshold that scopes a measure. */
const SCOPE_QUALIFIERS = new Set(['以下', '不足']);
/** `降低工商业电价5%政策`: a figure inside a policy's name. */
const POLICY_AFTER = /^\s*的?政策/;
const SHARED_MARKER = /分别|均|都/;

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
  const candidates = facts.filter((f) => f.role === 'target' && f.year === year && f.period === 'year' && !f.chinese);
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
  if (/目标/.test(f.metric)) return false;
  if (f.qualifier !== undefined && SCOPE_QUALIFIERS.has(f.qualifier) && /^[的\u3400-\u9fff]/.test(after)) return false;
  if (POLICY_AFTER.test(after)) return false;
  // A duration (`5年过渡期`, `再延长30年`) is a policy's term, not a quantity to achieve.
  if (f.unit === '年') return false;
  // A change derived from a level stated with it (`财政赤字1.62万亿元，比去年增加2700亿元`,
  // `160亿元，增长9.6%`) or from another target (`城镇新增就业预期目标比去年多100万人`); a
  // change with a qualifier of its own (`同比增长35%以上`) is a commitment of its own.
  if (f.change !== 'level' && f.qualifier === undefined) {
    const base = f.of !== undefined ? facts[f.of] : undefined;
    if (base && base.role === 'target') return false;
    if (f.versus !== undefined && f.key && (keys.get(f.key) ?? 0) > 1) return false;
  }
  return true;
}

/** The clause's words before and after the figure. */
function aroundFigure(f: Pick<Fact, 'clauseText' | 'text'>): { before: string; after: string } {
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

function clauseMates(f: Fact, facts: readonly Fact[]): Fact[] {
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

/**
 * Where a diagnostic on a target goes: its clause, or — when the clause lists several figures
 * (`城镇新增就业47万人以上、城镇调查失业率控制在5.5%以内`) — its own item of the list, from the
 * 、 before it to its figure (the last item to the clause's end). Source span and the text as read.
 */
export function targetPlace(t: Fact, facts: readonly Fact[], passages?: readonly Passage[]): { span: Span; text: string } {
  const whole = { span: t.clause, text: t.clauseText };
  const p = passages?.[t.passage];
  if (!p) return whole;
  const text = p.text.text;
  const { start, end } = t.logical;
  if (end > text.length) return whole;
  // Items of a list, not the `从A` of `从A提高到B`.
  const mates = clauseMates(facts[t.index] ?? t, facts).filter((m) => m.passage === t.passage && m.role !== 'baseline');
  if (mates.length <= 1) return whole;
  let clauseStart = start;
  while (clauseStart > 0 && !CLAUSE_END_CHARS.includes(text[clauseStart - 1])) clauseStart--;
  let clauseEnd = end;
  while (clauseEnd < text.length && !CLAUSE_END_CHARS.includes(text[clauseEnd])) clauseEnd++;
  // Items end at the last 、/和/及 between two figures (`5个自建房区域和2700户棚户区改造`), else at the figure.
  const boundary = (a: number, b: number) => {
    for (let i = b - 1; i >= a; i--) if (LIST_SEPARATORS.includes(text[i])) return i;
    return a;
  };
  let prevEnd = -1;
  let nextStart = -1;
  for (const m of mates) {
    if (m.logical.end <= start) prevEnd = Math.max(prevEnd, m.logical.end);
    else if (m.logical.start >= end && (nextStart < 0 || m.logical.start < nextStart)) nextStart = m.logical.start;
  }
  let from = clauseStart;
  if (prevEnd >= 0) {
    const b = boundary(prevEnd, start);
    from = LIST_SEPARATORS.includes(text[b]) ? b + 1 : prevEnd;
  }
  const to = nextStart < 0 ? clauseEnd : boundary(end, nextStart);
  return { span: p.text.toSourceSpan(from, Math.max(to, end)), text: text.slice(from, Math.max(to, end)) };
}

/** The sentence a target stands in (logical text), or its clause when the passages are not at hand. */
export function targetSentence(t: Fact, passages?: readonly Passage[]): string {
  const p = passages?.[t.passage];
  if (!p || t.sentence.end > p.text.text.length) return t.clauseText;
  return p.text.text.slice(t.sentence.start, t.sentence.end + 1).trim();
}

// ---------------------------------------------------------------------------------------------
// Verbal misses in a review

/** Words that say a target was missed; `低于13%左右的预期目标` too. */
// NORMS.md's vocabulary and its close variants; softer words (不及预期, 仍需加力) are not counted.
const MISS_WORDS = /未能实现|未能完成|未完成|没有完成|没能完成|未能达到|未达到预期|未达预期|低于预期|低于[^，。；]{0,12}预期目标/g;
const SENTENCE_END_CHARS = '。！？!?；;';
const CLAUSE_END_CHARS = '。！？!?；;，,：:';
const LIST_SEPARATORS = '、和及';

/** Every miss stated in words inside a review part (for PeerReport.misses). Cheap: one regex a passage. */
export function missStatements(passages: readonly Passage[], tree: ReportTree): MissStatement[] {
  const reviews = tree.parts.filter((p) => p.partKind === 'review');
  if (reviews.length === 0) return [];
  const out: MissStatement[] = [];
  for (const p of passages) {
    if (!reviews.some((r) => r.span.start <= p.span.start && p.span.start < r.span.end)) continue;
    const text = p.text.text;
    MISS_WORDS.lastIndex = 0;
    for (let m = MISS_WORDS.exec(text); m; m = MISS_WORDS.exec(text)) {
      let s = m.index;
      while (s > 0 && !SENTENCE_END_CHARS.includes(text[s - 1])) s--;
      let c = m.index;
      while (c > s && !CLAUSE_END_CHARS.includes(text[c - 1])) c--;
      let e = m.index + m[0].length;
      while (e < text.length && !CLAUSE_END_CHARS.includes(text[e])) e++;
      out.push({ text: text.slice(s, e), at: m.index - s, span: p.text.toSourceSpan(c, e) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Matching

const RATE_WORDS = /增速|增长|涨幅|增幅|上涨|下降|降低/;

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
    const why: Msg = next
      ? { zh: `${next.meta.year ?? year + 1}年报告尚无回顾部分`, en: `the ${next.meta.year ?? year + 1} report has no review part yet` }
      : { zh: `工作区中没有${year + 1}年报告`, en: `no ${year + 1} report in the workspace` };
    return targets.map((target) => ({ target, year, status: 'pending', explanation: why, ...(next ? { next: { uri: next.uri, year: next.meta.year ?? year + 1 } } : {}) }));
  }
  const index = metricIndex(config);
  const nextYear = next.meta.year ?? year + 1;
  const review = outcomesFor(next, year, index);
  const results: TargetResult[] = targets.map((target) => {
    const base = { target, year, next: { uri: next.uri, year: nextYear } };
    const found = bestOutcome(target, targets, review, next, index, config);
    if (!found) {
      return { ...base, status: 'unreported', explanation: { zh: `${nextYear}年报告的回顾部分没有该指标的数字`, en: `the review in the ${nextYear} report gives no figure for it` } };
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

/** `超过原定的近2万亿元规模`, `低于13%左右的预期目标`: the review quoting the target, not an outcome. */
const RESTATED_BEFORE = /原定|原计划|预期目标|目标/;
const RESTATED_AFTER = /^的?(?:预期)?目标|^的?预期/;

// Outcome candidates depend on the peer only: kept per peer fact list.
const OUTCOMES = new WeakMap<readonly Fact[], { year: number; index: MetricIndex; review: ReviewFacts }>();

function outcomesFor(next: ReviewSide, year: number, index: MetricIndex): ReviewFacts {
  const hit = OUTCOMES.get(next.facts);
  if (hit && hit.year === year && hit.index === index) return hit.review;
  const reviews = next.tree?.parts.filter((p) => p.partKind === 'review') ?? [];
  const review: ReviewFacts = { outcomes: [], restated: [] };
  for (const f of next.facts) {
    if (f.role !== 'outcome' || f.year !== year || f.period !== 'year' || f.chinese || f.cumulative) continue;
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
export function metricAffinity(a: Pick<Fact, 'metric' | 'key'>, b: Pick<Fact, 'metric' | 'key'>, index?: MetricIndex): number {
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

function nameAffinity(x: string, y: string): number {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // 中央财政赤字 and 财政赤字 are different budget lines.
  if (SCOPE_PREFIX.test(long) !== SCOPE_PREFIX.test(short)) return 0;
  if (short.length >= 3 && long.includes(short)) return 0.9;
  return similarity(x, y);
}
const SCOPE_PREFIX = /^(?:中央|地方)/;

/** Enough likeness to call two names one metric (bigram Dice or one name inside the other). */
const AFFINITY = 0.6;

function unitsCompare(t: Fact, o: Fact): number | undefined {
  const f = unitFactor(o.unit, t.unit);
  if (f !== undefined) return f;
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
  if (t.change === 'increment') return o.change === 'increment' || o.change === 'level';
  if (t.change === 'total') return o.change === 'total' || o.change === 'level';
  return o.change === 'level' || o.change === 'increment' || o.change === 'total';
}

function verdictText(t: Fact, o: Fact, found: Found): Msg {
  const nominal = found.judgement.verdict === 'incomparable' ? { zh: '（按所写数字）', en: ' (reading the figure as written)' } : { zh: '', en: '' };
  const args = { outcome: changeFigure(o, 'zh'), target: targetLabel(t, 'zh') };
  const en = { outcome: changeFigure(o, 'en'), target: targetLabel(t, 'en') };
  return found.status === 'met'
    ? { zh: `实际 ${args.outcome}，达到目标“${args.target}”${nominal.zh}`, en: `outcome ${en.outcome} meets the target "${en.target}"${nominal.en}` }
    : { zh: `实际 ${args.outcome}，未达到目标“${args.target}”${nominal.zh}`, en: `outcome ${en.outcome} falls short of the target "${en.target}"${nominal.en}` };
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
    let score = metricAffinity(t, o, index);
    if (score < AFFINITY) continue;
    // A generic name (`试点`, `项目`) must be the same word, not just alike.
    if ((t.weak || o.weak) && score < 0.9 && t.metric !== o.metric) continue;
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
  return close(r.value * factor, t.value) && (r.high === undefined) === (t.high === undefined) && (r.high === undefined || close(r.high * factor, t.high!)) && r.qualifier === t.qualifier;
}

function verdictOf(t: Fact, o: Fact, config: Config, sure: boolean): Found | undefined {
  const factor = unitsCompare(t, o)!;
  const outcome: Claim = { value: o.value * factor, unit: t.unit, precision: o.precision * factor, qualifier: o.qualifier, direction: o.direction };
  if (o.high !== undefined) outcome.high = o.high * factor;
  const target: Claim = { value: t.value, unit: t.unit, precision: t.precision, qualifier: t.qualifier, direction: t.direction };
  if (t.high !== undefined) target.high = t.high;
  const judgement = judge(target, outcome, config, { metric: t.metric });
  let status: Found['status'];
  if (judgement.verdict === 'met') status = 'met';
  else if (judgement.verdict === 'missed') status = 'missed';
  else {
    // The outcome's stated precision straddles the requirement (近1400万 against 1300万): read
    // the figure as written.
    const nominal = judge(target, { ...outcome, qualifier: undefined, precision: 0 }, config, { metric: t.metric });
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
  for (const group of [...BUILTIN_SYNONYMS, ...synonyms]) {
    if (group.some((g) => index.key(normaliseMetric(g).name) === t.key)) group.forEach(add);
  }
  return [...names];
}

/** A subject that names no metric of its own: the words point back at the figure before them. */
const GENERIC_SUBJECT = /^(?:预期|增长|增速|增幅|涨幅|目标|任务|年初|全年|年度|计划|指标|的|了|均|都|仍|但|而|却|该项|这一|此项)*$/;

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
      r.explanation = r.outcome
        ? { zh: `${r.explanation.zh}；回顾称“${r.words.text}”`, en: `${r.explanation.en}; the review says "${r.words.text}"` }
        : { zh: `回顾称“${r.words.text}”`, en: `the review says "${r.words.text}"` };
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
    if (grams.has(g) && !seen.has(g) && /^[\u3400-\u9fff]{2}$/.test(g)) {
      seen.add(g);
      n++;
    }
  }
  return n;
}

function lastClauseStart(text: string, at: number): number {
  let s = at;
  while (s > 0 && !CLAUSE_END_CHARS.includes(text[s - 1])) s--;
  return s;
}

/** A figure as written: `372` for 372亿元, `[6.5, 7]` for 6.5%－7%. */
export function writtenValue(f: Pick<Fact, 'value' | 'high' | 'scale'>): number | [number, number] {
  const m = scaleFactor(f.scale);
  const round = (v: number) => Math.round((v / m) * 1e6) / 1e6;
  return f.high !== undefined ? [round(f.value), round(f.high)] : round(f.value);
}

/** The unit as written: `亿元`, `万人`, `%`. */
export function writtenUnit(f: Pick<Fact, 'unit' | 'scale'>): string {
  return `${f.scale}${f.unit}`;
}

// ---------------------------------------------------------------------------------------------
// Summaries and text for the editor

export interface ReviewSummary {
  /** Year N, whose targets year N+1's review reports on. */
  year: number;
  /** The review part's heading node in year N+1's report. */
  heading: OutlineNode;
  results: TargetResult[];
  met: number;
  missed: number;
  unreported: number;
  /** met + missed: targets the review gives a figure (or a stated miss) for. */
  reported: number;
}

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

/** `2023年目标：12 项已报告（10 项完成、2 项未完成），5 项未报告`. */
export function reviewSummaryTitle(s: ReviewSummary, locale: Locale): string {
  return format(
    {
      zh: '{year}年目标：{reported} 项已报告（{met} 项完成、{missed} 项未完成），{unreported} 项未报告',
      en: '{year} targets: {reported} reported ({met} met, {missed} missed), {unreported} unreported',
    },
    locale,
    { year: s.year, reported: s.reported, met: s.met, missed: s.missed, unreported: s.unreported },
  );
}

/** `城镇新增就业 2.5 万人`; the clause itself when the figure names no metric. */
export function targetLabel(t: Fact, locale: Locale = 'zh'): string {
  const name = metricName(t).replace(/^(?:19|20)\d{2}年(?:度)?/, '');
  if (!t.metric || !name) return t.clauseText.trim();
  // `居民消费价格涨幅 3%左右`, not `居民消费价格涨幅 增长 3%左右`: the name says it is a change.
  const said = t.change === 'growth-rate' && /(?:涨幅|增速|增幅|增长率|降幅)$/.test(name);
  return `${name} ${said ? figure(t) : changeFigure(t, locale)}`;
}

/** The code lens / hover line per target: `✓ 2024年报告：2.7 万人（目标 2.5 万人）`. */
export function targetLensTitle(r: TargetResult, locale: Locale): string {
  const ny = r.next?.year ?? r.year + 1;
  const target = changeFigure(r.target, locale);
  const outcome = r.outcome ? changeFigure(r.outcome.fact, locale) : undefined;
  switch (r.status) {
    case 'met':
      return format({ zh: '✓ {ny}年报告：{outcome}（目标 {target}）', en: '✓ {ny} report: {outcome} (target {target})' }, locale, { ny, outcome: outcome ?? '', target });
    case 'missed':
      return outcome
        ? format({ zh: '✗ {ny}年报告：{outcome}（目标 {target}），未达到', en: '✗ {ny} report: {outcome} (target {target}), missed' }, locale, { ny, outcome, target })
        : format({ zh: '✗ {ny}年报告：“{words}”（目标 {target}）', en: '✗ {ny} report: "{words}" (target {target})' }, locale, { ny, words: r.words?.text ?? '', target });
    case 'unreported':
      return format({ zh: '? {ny}年报告未报告（目标 {target}）', en: '? not reported in the {ny} report (target {target})' }, locale, { ny, target });
    default:
      return format({ zh: '… 待{ny}年报告（目标 {target}）', en: '… awaiting the {ny} report (target {target})' }, locale, { ny, target });
  }
}

const STATUS_NAME: Record<TargetStatus, Msg> = {
  met: { zh: '已完成', en: 'met' },
  missed: { zh: '未完成', en: 'missed' },
  unreported: { zh: '未报告', en: 'unreported' },
  pending: { zh: '待报告', en: 'pending' },
};

export function statusName(s: TargetStatus, locale: Locale): string {
  return format(STATUS_NAME[s], locale);
}

/** The outline section (and lead-in) a target sits in, for grouping. */
export function sectionOf(tree: ReportTree | undefined, f: Pick<Fact, 'span'>): { section?: OutlineNode; leadin?: OutlineNode } {
  let section: OutlineNode | undefined;
  let leadin: OutlineNode | undefined;
  for (const n of tree?.nodes ?? []) {
    if (n.span.start > f.span.start) break;
    if (f.span.start >= n.span.end) continue;
    if (n.kind === 'part' || n.kind === 'section' || n.kind === 'targets') {
      section = n;
      leadin = undefined;
    } else if (n.kind === 'leadin') leadin = n;
  }
  return { section, leadin };
}

/**
 * Next year's review checklist from year N's report: every target grouped by section, the target
 * sentence quoted, a placeholder for the outcome, the status filled in where next year's report exists.
 */
export function checklistMarkdown(
  report: TargetSource & { lineOf?: (offset: number) => number; passages?: readonly Passage[] },
  uri: string,
  results: readonly TargetResult[],
  locale: Locale,
): string {
  const year = report.meta.year;
  const ny = year !== undefined ? year + 1 : undefined;
  const zh = locale === 'zh';
  const lines: string[] = [];
  const count = (s: TargetStatus) => results.filter((r) => r.status === s).length;
  lines.push(zh ? `# ${ny ?? ''}年工作回顾核对清单` : `# Review checklist for ${ny ?? 'next year'}`);
  lines.push('');
  lines.push(
    zh
      ? `> 对照 ${year ?? ''}年政府工作报告（${uri}）的 ${results.length} 项目标：${count('met')} 项已完成、${count('missed')} 项未完成、${count('unreported')} 项未报告、${count('pending')} 项待报告。`
      : `> Against the ${results.length} targets of the ${year ?? ''} report (${uri}): ${count('met')} met, ${count('missed')} missed, ${count('unreported')} unreported, ${count('pending')} pending.`,
  );
  let lastSection: OutlineNode | undefined | null = null;
  let lastLeadin: OutlineNode | undefined | null = null;
  for (const r of results) {
    const t = r.target;
    const { section, leadin } = sectionOf(report.tree, t);
    if (section !== lastSection) {
      lines.push('', `## ${section ? section.name : zh ? '其他' : 'Other'}`);
      lastSection = section;
      lastLeadin = null;
    }
    if (leadin && leadin !== lastLeadin) {
      lines.push('', `### ${leadin.name}`);
      lastLeadin = leadin;
    }
    const line = report.lineOf ? report.lineOf(t.span.start) + 1 : undefined;
    const done = r.status === 'met';
    const where = line !== undefined ? (zh ? `（第 ${line} 行）` : ` (line ${line})`) : '';
    lines.push('', `- [${done ? 'x' : ' '}] **${escapeMd(targetLabel(t, locale))}**${where}`);
    const colon = zh ? '：' : ': ';
    lines.push(`  - ${zh ? '目标原文' : 'Target as written'}${colon}“${escapeMd(targetSentence(t, report.passages))}”`);
    const outcome = r.outcome ? changeFigure(r.outcome.fact, locale) : '＿＿＿＿';
    const status = statusName(r.status, locale);
    const from = r.outcome ? (zh ? `（${r.next?.year}年报告第 ${r.outcome.range.start.line + 1} 行）` : ` (line ${r.outcome.range.start.line + 1} of the ${r.next?.year} report)`) : '';
    lines.push(`  - ${zh ? '完成情况' : 'Outcome'}${colon}${escapeMd(outcome)}${from} — ${status}`);
    if (r.words) lines.push(`  - ${zh ? '回顾原文' : 'Review says'}${colon}“${escapeMd(r.words.text)}”`);
  }
  return lines.join('\n') + '\n';
}

function escapeMd(s: string): string {
  return s.replace(/([*_`[\]<>])/g, '\\$1');
}
