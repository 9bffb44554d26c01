// Facts: every quantity of a report with what it measures, in which role and for which year.
// Role and period come from where the sentence stands — a review part states outcomes of the
// reviewed year, a plan part or the 主要预期目标 passage states targets for the plan year —
// and from words in the sentence (由A增至B makes A a baseline, 这五年 a five-year figure).
// Facts are plain data: they outlive the text's analysis as a peer report's facts.
import type { GovReportConfig } from '../config';
import type { ReportMeta } from '../structure/meta';
import { metricIndex, type MetricIndex } from './synonyms';
import { normaliseMetric, phraseAfter, phraseBefore, type Phrase } from './metrics';
import { findQuoted, readQuantities, type Quantity } from '../numbers/quantities';
import { CH_CLAUSE_END, CH_SENTENCE_END, CHAR_CLASS, HAN, isHan } from '../text/chars';
import type { OutlineNode, ReportTree } from '../structure/outline';
import type { Passage } from '../structure/prose';
import {
  alternation,
  COUNTED_UNITS,
  FROM_TO_ARROWS,
  LAST_YEAR_START,
  MULTI_YEAR,
  MULTI_YEAR_AHEAD,
  ONE_YEAR,
  SO_FAR,
  TARGET_MARKERS,
  THIS_OR_NEXT_YEAR,
  TO_YEAR,
} from './words';
import { memoize } from '../lru';
import type { Span } from '../types';

export type Role = 'outcome' | 'target' | 'baseline';

/** What the number is of its metric: the level itself or a change of it. */
export type Change = 'level' | 'increment' | 'total' | 'growth-rate' | 'point-change' | 'multiple' | 'cagr' | 'share';

/** One calendar year, several (五年来, 到2020年, “十三五”时期), or part of one (今年以来). */
export type Period = 'year' | 'multi-year' | 'partial';

/** The figure as the number reader read it: value, range top, unit, multiplier, precision, qualifier. */
export interface Fact extends Pick<Quantity, 'value' | 'high' | 'unit' | 'scale' | 'precision' | 'qualifier' | 'countWord' | 'doubling'> {
  /** Position in the report's fact list. */
  index: number;
  /** Normalised name (scope words and roles removed): `城镇就业` for `城镇新增就业`. */
  metric: string;
  /** The phrase as written before normalisation. */
  metricRaw: string;
  /** Identity key: the synonym group's head, else `metric`. Rules compare keys. */
  key: string;
  role: Role;
  change: Change;
  direction?: 'up' | 'down';
  /** A change stated against last year (比上年, 同比) or last year's budget (比去年预算). */
  versus?: 'previous-year' | 'previous-budget';
  cumulative?: boolean;
  /** Calendar year the fact is about; undefined when the text does not tell. */
  year?: number;
  period: Period;
  /** The target word of the sentence (力争, 确保 …). */
  marker?: string;
  /** Source offsets of the figure (qualifier words included). */
  span: Span;
  /** Source offsets of the clause the figure sits in (between ，；。). */
  clause: Span;
  /** Index of the passage in the analysis. */
  passage: number;
  /** Logical offsets of the figure and of its sentence inside the passage's text. */
  logical: Span;
  sentence: Span;
  /** The outline node the passage sits in (section, lead-in, 主要预期目标 …). */
  node?: OutlineNode;
  /** The figure and its clause as written (messages quote them, also for peers). */
  text: string;
  clauseText: string;
  /**
   * The metric is a bare noun after a count (`5 家企业`, `36 家企业`) or was inherited from
   * one: too generic to say two figures are the same thing, so rules that fire on identity skip it.
   */
  weak?: boolean;
  /** The metric could not be told apart (`增长5.3%、8.1%` with no 分别): rules skip it. */
  ambiguous?: boolean;
  /** 实际增长: a real (price-adjusted) rate. */
  real?: boolean;
  /** For `从A提高到B`: the index of A's fact, on B's fact. */
  baselineIndex?: number;
  /** For a change (`增长6.9%`, `总数216家`): the level fact of the same metric earlier in the sentence. */
  levelIndex?: number;
}

export interface FactInput {
  passages: readonly Passage[];
  tree: ReportTree;
  meta: ReportMeta;
  config: Pick<GovReportConfig, 'synonyms'>;
}

interface PassageContext {
  role: Role;
  year?: number;
  period: Period;
  node?: OutlineNode;
}

/** A phrase that is only a verb or preposition names nothing. */
const VERB_ONLY = new RegExp(`^[${HAN}]{1,2}$`);
const COUNTED_AFTER = new Set(COUNTED_UNITS);
/** Between two figures of one value list (`增长5.3%、8.1%`, `30元和5元`). */
const VALUE_LIST_JOIN = /^\s*[、和及与]\s*$/;
/** `城乡居民…分别增长5.3%、7%` names two metrics: 城镇居民… and 农村居民…. */
const URBAN_RURAL = /^(?:全体)?城乡/;
const ARROW = new RegExp(`^(?:${alternation(FROM_TO_ARROWS)})$`);

/** Reads every fact of a report. Never throws on text input; spans lie inside the text. */
export function extractFacts(input: FactInput): Fact[] {
  const { passages, tree, meta } = input;
  const index = metricIndex(input.config);
  const contexts = passageContexts(passages, tree, meta);
  const facts: Fact[] = [];
  for (const p of passages) {
    const text = p.text.text;
    if (text.length === 0) continue;
    const readings = readingsOf(text);
    if (readings.length) toFacts(p, readings, contexts[p.index], meta, index, facts);
  }
  return facts;
}

function passageContexts(passages: readonly Passage[], tree: ReportTree, meta: ReportMeta): PassageContext[] {
  const out: PassageContext[] = new Array(passages.length);
  const nodes = tree.nodes;
  const stack: OutlineNode[] = [];
  let ni = 0;
  let statePart: OutlineNode | undefined;
  let stateMulti = false;
  for (const p of passages) {
    const at = p.span.start;
    while (ni < nodes.length && nodes[ni].span.start <= at) {
      const n = nodes[ni++];
      while (stack.length && stack[stack.length - 1].span.end <= n.span.start) stack.pop();
      stack.push(n);
    }
    while (stack.length && stack[stack.length - 1].span.end <= at) stack.pop();
    const node = stack[stack.length - 1];
    let part: OutlineNode | undefined;
    let inTargets = false;
    for (const n of stack) {
      if (n.kind === 'part') part = n;
      if (n.kind === 'targets') inTargets = true;
    }
    const text = p.text.text;
    let role: Role = 'outcome';
    let year: number | undefined;
    let period: Period = 'year';
    if (inTargets) {
      role = 'target';
      year = part?.partKind !== 'review' ? (part?.year ?? meta.year) : meta.year;
    } else if (part?.partKind === 'review') {
      role = 'outcome';
      year = part.year;
      // A five-year review (or a five-year paragraph of a one-year review) states five-year
      // figures; once a paragraph turns to the last year (刚刚过去的2025年…), the paragraphs
      // after it are about that year until one turns back (过去五年…).
      const head = text.slice(0, 60);
      const multi = MULTI_YEAR.test(head);
      const one = ONE_YEAR.test(text.slice(0, 40)) || (part.year !== undefined && text.slice(0, 40).includes(`${part.year}年`));
      if (part !== statePart) {
        statePart = part;
        stateMulti = !!part.fiveYear;
      }
      if (multi) stateMulti = true;
      else if (one) stateMulti = false;
      const isMulti = part.fiveYear ? stateMulti : multi;
      if (isMulti) {
        period = 'multi-year';
        if (part.fiveYear && part.year === undefined) year = undefined;
      } else if (part.fiveYear && part.year === undefined && meta.year !== undefined) {
        // `过去一年…` inside a five-year review (national-2018): the year before the report.
        year = meta.year - 1;
      }
      if (SO_FAR.test(text.slice(0, 40)) && meta.year !== undefined) {
        year = meta.year;
        period = 'partial';
      }
    } else if (part && (part.partKind === 'plan' || part.partKind === 'requirements')) {
      role = 'target';
      year = part.year ?? meta.year;
      if (part.fiveYear) period = 'multi-year';
    } else {
      year = undefined;
    }
    out[p.index] = { role, year, period, node };
  }
  return out;
}

/** What a passage's text alone says about a figure: shared by every analysis of the same text. */
interface Reading {
  q: Quantity;
  phrase: Readonly<Phrase>;
  metricRaw: string;
  metric: string;
  change: Change;
  direction?: 'up' | 'down';
  versus?: Fact['versus'];
  cumulative: boolean;
  real: boolean;
  cagr: boolean;
  /** A multi-year phrase stands before the figure in its sentence (MULTI_YEAR_AHEAD). */
  ahead: boolean;
  weak: boolean;
  ambiguous: boolean;
  sentenceStart: number;
  sentenceEnd: number;
  clauseStart: number;
  clauseEnd: number;
  /** The figure follows the previous one after a 、 (a value list). */
  listed: boolean;
  cue: SentenceCue;
  /** Index (in the passage) of the figure this one is the baseline of (`从A提高到B`). */
  baselineOf?: number;
  base?: number;
  of?: number;
}

/** What a sentence's words say about role and period, whatever part it stands in. */
interface SentenceCue {
  marker?: string;
  lastYearStart: boolean;
  thisOrNextYear: boolean;
  multiYear: boolean;
  toYear?: number;
}

// Reading a passage depends on its text only; every keystroke re-analyses a document whose
// passages are all unchanged but one, so readings are kept per passage text (least recently
// used forgotten first: a few open reports of a few hundred passages each stay cached).
const readingsOf = memoize((text: string): readonly Reading[] => {
  const qs = readQuantities(text, { quoted: findQuoted(text) });
  return qs.length ? readPassage(text, qs) : [];
}, 1500);

function toFacts(p: Passage, readings: readonly Reading[], ctx: PassageContext, meta: ReportMeta, index: MetricIndex, facts: Fact[]): void {
  const offset = facts.length;
  let cueFor: SentenceCue | undefined;
  let cued: ReturnType<typeof applyCue> | undefined;
  const text = p.text.text;
  for (const r of readings) {
    if (r.cue !== cueFor) {
      cueFor = r.cue;
      cued = applyCue(ctx, r.cue, meta);
    }
    let { role, year } = cued!;
    const period: Period = r.cagr || r.ahead ? 'multi-year' : cued!.period;
    const q = r.q;
    if (r.baselineOf !== undefined) {
      role = 'baseline';
      year = period === 'year' && year !== undefined ? year - 1 : undefined;
    }
    const key = index.key(r.metric);
    const fact: Fact = {
      index: facts.length,
      metric: r.metric,
      metricRaw: r.metricRaw,
      key,
      value: q.value,
      unit: q.unit,
      scale: q.scale,
      precision: q.precision,
      role,
      change: r.change,
      period,
      span: p.text.toSourceSpan(q.start, q.end),
      clause: p.text.toSourceSpan(r.clauseStart, Math.max(r.clauseStart + 1, r.clauseEnd)),
      passage: p.index,
      logical: { start: q.start, end: q.end },
      sentence: { start: r.sentenceStart, end: r.sentenceEnd },
      text: text.slice(q.start, q.end),
      clauseText: text.slice(r.clauseStart, r.clauseEnd),
      countWord: q.countWord,
    };
    // Optional fields only when set, so facts print and compare cleanly.
    if (q.high !== undefined) fact.high = q.high;
    if (q.qualifier !== undefined) fact.qualifier = q.qualifier;
    if (r.direction !== undefined) fact.direction = r.direction;
    if (r.versus !== undefined) fact.versus = r.versus;
    if (r.cumulative) fact.cumulative = true;
    if (year !== undefined) fact.year = year;
    if (cued!.marker !== undefined) fact.marker = cued!.marker;
    if (ctx.node !== undefined) fact.node = ctx.node;
    if (r.real) fact.real = true;
    if (r.ambiguous) fact.ambiguous = true;
    if (r.base !== undefined) fact.baselineIndex = offset + r.base;
    if (r.of !== undefined) fact.levelIndex = offset + r.of;
    // Two-character names outside the synonym table (企业, 项目, 资金) say too little.
    if (r.weak || (r.metric.length < 3 && key === r.metric)) fact.weak = true;
    facts.push(fact);
  }
}

function readPassage(text: string, qs: Quantity[]): Reading[] {
  let scan = 0;
  let sentenceStart = 0;
  let clauseStart = 0;
  let prev: Reading | undefined;
  const out: Reading[] = [];
  let cueAt = -1;
  let cue: SentenceCue | undefined;
  for (const q of qs) {
    // Move the sentence and clause starts forward to the figure (linear over the passage).
    for (; scan < q.start; scan++) {
      const cls = CHAR_CLASS[text.charCodeAt(scan)];
      if (cls & CH_SENTENCE_END) sentenceStart = clauseStart = scan + 1;
      else if (cls & CH_CLAUSE_END) clauseStart = scan + 1;
    }
    const sentenceEnd = findEnd(text, q.end, CH_SENTENCE_END);
    const clauseEnd = findEnd(text, q.end, CH_CLAUSE_END);
    const samePrevClause = prev !== undefined && prev.clauseStart === clauseStart && prev.q.end <= q.start;
    let segStart = samePrevClause ? Math.max(clauseStart, prev!.q.end) : clauseStart;
    let listed = false;
    if (samePrevClause && VALUE_LIST_JOIN.test(text.slice(segStart, q.start))) listed = true;
    if (text[segStart] === '、') segStart++;
    const segment = text.slice(segStart, q.start);
    const phrase = phraseBefore(segment);
    const samePrevSentence = prev !== undefined && prev.sentenceStart === sentenceStart;
    let metricRaw = phrase.raw;
    let norm = normaliseMetric(metricRaw);
    let weak = false;
    const counted = COUNTED_AFTER.has(q.unit) || q.countWord;
    const nounFollows = isHan(text.charCodeAt(q.end));
    const after = counted || phrase.enumeration || phrase.objectAfter || nounFollows ? phraseAfter(text, q.end) : '';
    // An amount followed by a noun (`用好20亿元引导基金`) names it there when the words before are only a verb.
    const amountOf = !counted && nounFollows && norm.name.length <= 2;
    if (after && (q.countWord || phrase.enumeration || phrase.objectAfter || !norm.name || (counted && nounFollows) || amountOf)) {
      // A count followed by its noun counts that noun (`98 个重点项目`, `87 条措施`): the words
      // before it, if any, qualify it (`优化营商环境87条措施` → 优化营商环境措施).
      const bare = phrase.objectAfter || q.countWord || phrase.enumeration || !norm.name || amountOf;
      metricRaw = bare ? after : phrase.raw + after;
      norm = normaliseMetric(metricRaw);
      weak = !!bare;
    } else if (!norm.name || (phrase.objectAfter && VERB_ONLY.test(norm.name))) {
      const changeWords =
        phrase.direction ||
        phrase.toLevel ||
        phrase.versus ||
        phrase.share ||
        phrase.cagr ||
        phrase.respectively ||
        norm.roles.total ||
        norm.roles.increment ||
        phrase.increment ||
        phrase.total;
      if (samePrevSentence && prev!.metric && !prev!.q.countWord && (changeWords || listed)) {
        metricRaw = prev!.metricRaw;
        norm = { name: prev!.metric, roles: norm.roles };
        weak = prev!.weak;
      } else if (q.countWord || !norm.name) {
        metricRaw = after;
        norm = normaliseMetric(metricRaw);
        weak = true;
      }
    }
    const roles: Phrase = { ...phrase, ...mergeRoles(phrase, norm.roles) };
    if (sentenceStart !== cueAt) {
      cueAt = sentenceStart;
      cue = sentenceCue(text.slice(sentenceStart, sentenceEnd));
    }
    const r: Reading = {
      q,
      phrase,
      metricRaw,
      metric: norm.name,
      change: changeOf(q, roles, norm.roles.direction !== undefined && !phrase.direction),
      direction: roles.direction,
      versus: roles.versus,
      cumulative: !!roles.cumulative,
      real: !!roles.real,
      cagr: !!roles.cagr,
      ahead: MULTI_YEAR_AHEAD.test(text.slice(sentenceStart, q.start)),
      weak,
      ambiguous: false,
      sentenceStart,
      sentenceEnd,
      clauseStart,
      clauseEnd,
      listed,
      cue: cue!,
    };
    out.push(r);
    prev = r;
  }
  pairRespectively(out, text);
  linkFromTo(out, text);
  linkLevels(out);
  return out;
}

function findEnd(text: string, from: number, cls: number): number {
  const limit = Math.min(text.length, from + 400);
  for (let i = from; i < limit; i++) if (CHAR_CLASS[text.charCodeAt(i)] & cls) return i;
  return limit;
}

function mergeRoles(a: Phrase, b: Partial<Phrase>): Partial<Phrase> {
  return {
    increment: a.increment || b.increment || undefined,
    total: a.total || b.total || undefined,
    cumulative: a.cumulative || b.cumulative || undefined,
    direction: a.direction ?? b.direction,
  };
}

/** `nameIsRate`: the metric's own name said it is a change (居民消费价格涨幅控制在3%左右). */
function changeOf(q: Quantity, r: Phrase, nameIsRate: boolean): Change {
  if (q.unit === '个百分点') return 'point-change';
  if (q.unit === '倍') return 'multiple';
  if (q.unit === '%') {
    if (r.share) return 'share';
    if (r.cagr) return 'cagr';
    if (r.direction && (!r.toLevel || nameIsRate)) return 'growth-rate';
    return 'level';
  }
  if (r.cagr) return 'cagr';
  if (r.total) return 'total';
  if (r.increment) return 'increment';
  if (r.direction && !r.toLevel) return 'increment';
  return 'level';
}

function sentenceCue(sentence: string): SentenceCue {
  const m = TARGET_MARKERS.exec(sentence);
  const to = TO_YEAR.exec(sentence);
  const cue: SentenceCue = {
    lastYearStart: LAST_YEAR_START.test(sentence),
    thisOrNextYear: THIS_OR_NEXT_YEAR.test(sentence),
    multiYear: MULTI_YEAR.test(sentence),
  };
  if (m) cue.marker = m[0];
  if (to) cue.toYear = Number(to[1]);
  return cue;
}

/** Sentence words that move a fact out of its passage's role or year. */
function applyCue(ctx: PassageContext, cue: SentenceCue, meta: ReportMeta): { role: Role; year?: number; period: Period; marker?: string } {
  let { role, year, period } = ctx;
  if (role === 'target' && cue.lastYearStart && year !== undefined) {
    role = 'outcome';
    year -= 1;
  } else if (role === 'outcome' && cue.marker && cue.thisOrNextYear && meta.year !== undefined && period !== 'multi-year') {
    role = 'target';
    year = meta.year;
  }
  if (period === 'year' && cue.multiYear) {
    period = 'multi-year';
    if (cue.toYear !== undefined) year = cue.toYear;
  }
  return { role, year, period, marker: cue.marker };
}

/**
 * `A、B分别增长X%、Y%`: values pair with the listed metrics in order. `城乡居民…` with two
 * values means 城镇居民… and 农村居民…. Without a list, the values pair with the metrics of
 * the figures just before (`接待游客…、旅游收入…，分别增长9%、12%`). Anything else is ambiguous.
 */
function pairRespectively(rs: Reading[], text: string): void {
  for (let i = 0; i < rs.length; i++) {
    const d = rs[i];
    if (!d.phrase.respectively) {
      // A value list with no 分别 (`年均增长5.3%、8.1%`): which value is whose is unknown.
      if (d.listed && i > 0 && rs[i - 1].metric === d.metric && rs[i - 1].q.unit === d.q.unit) {
        d.ambiguous = true;
        rs[i - 1].ambiguous = true;
      }
      continue;
    }
    const group = [d];
    for (let j = i + 1; j < rs.length && rs[j].listed && rs[j].clauseStart === d.clauseStart; j++) group.push(rs[j]);
    const seg = text.slice(d.clauseStart, d.q.start);
    const at = seg.lastIndexOf('分别');
    const listText = at >= 0 ? seg.slice(0, at) : '';
    let names = splitList(listText);
    if (names.length === 1 && group.length === 2 && URBAN_RURAL.test(names[0])) {
      const rest = names[0].replace(URBAN_RURAL, '');
      names = ['城镇' + rest, '农村' + rest];
    }
    if (names.length < 2) {
      // Pair with the distinct metrics of the figures just before, in the same sentence.
      const before: Reading[] = [];
      for (let j = i - 1; j >= 0 && rs[j].sentenceStart === d.sentenceStart && before.length < group.length; j--) {
        if (!before.some((b) => b.metric === rs[j].metric)) before.unshift(rs[j]);
      }
      names = before.length === group.length ? before.map((b) => b.metricRaw) : [];
    }
    if (names.length === group.length) {
      group.forEach((g, k) => {
        // The verb before 分别 applies to every value of the list.
        g.change = d.change;
        if (d.direction) g.direction = d.direction;
        g.metricRaw = names[k];
        g.metric = normaliseMetric(names[k]).name;
      });
    } else {
      for (const g of group) g.ambiguous = true;
    }
    i += group.length - 1;
  }
}

function splitList(s: string): string[] {
  const tail = s.split(/[，；：]/).pop() ?? '';
  return tail
    .split('、')
    .map((x) => phraseBefore(x).raw)
    .filter((x) => x.length > 0);
}

/** `从A提高到B`, `由A增至B`: A is the baseline of B (one year earlier when B is a yearly figure). */
function linkFromTo(rs: Reading[], text: string): void {
  for (let i = 0; i + 1 < rs.length; i++) {
    const a = rs[i];
    const b = rs[i + 1];
    if (!a.phrase.from || b.clauseStart !== a.clauseStart) continue;
    const between = text.slice(a.q.end, b.q.start).replace(/\s/g, '');
    if (!ARROW.test(between)) continue;
    if (a.q.unit !== b.q.unit && !(a.q.unit === '' || b.q.unit === '')) continue;
    a.baselineOf = i + 1;
    a.change = 'level';
    if (b.q.unit === '%' || b.change === 'increment') b.change = 'level';
    b.base = i;
    if (!b.metric) {
      b.metric = a.metric;
      b.metricRaw = a.metricRaw;
    }
  }
}

/** A change (`增长6.9%`, `总数达到216家`) points at the level stated just before it for the same metric. */
function linkLevels(rs: Reading[]): void {
  for (let i = 1; i < rs.length; i++) {
    const f = rs[i];
    if (f.change === 'level' || f.change === 'share' || f.ambiguous) continue;
    for (let j = i - 1; j >= 0 && rs[j].sentenceStart === f.sentenceStart; j--) {
      const g = rs[j];
      if (g.metric === f.metric && (g.change === 'level' || g.change === 'total') && g.baselineOf === undefined && !g.ambiguous) {
        f.of = j;
        break;
      }
    }
  }
}
