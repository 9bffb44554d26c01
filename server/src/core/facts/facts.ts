// Facts: every quantity of a report with what it measures, in which role and for which year.
// Role and period come from where the sentence stands — a review part states outcomes of the
// reviewed year, a plan part or the 主要预期目标 passage states targets for the plan year —
// and from words in the sentence (由A增至B makes A a baseline, 这五年 a five-year figure).
// Facts are plain data: they outlive the text's analysis as a peer report's facts.
import type { GovReportConfig } from '../config';
import type { ReportMeta } from '../structure/meta';
import { metricIndex, type MetricIndex } from './synonyms';
import { identityOf, leadingAction, normaliseMetric, phraseAfter, phraseBefore, type Phrase, type PhraseRoles } from './metrics';
import { findQuoted, readQuantities, type Quantity } from '../numbers/quantities';
import { CH_CLAUSE_END, CH_SENTENCE_END, CHAR_CLASS, digitValue, HAN, isHan, isSpace } from '../text/chars';
import type { OutlineNode, ReportTree } from '../structure/outline';
import type { Passage } from '../structure/prose';
import {
  alternation,
  CONTRACTED_PAIRS,
  FIRM_MEASURES,
  SUBJECT_MEASURES,
  PRODUCTION_OF,
  RISING_OBJECT_VERBS,
  COUNTED_UNITS,
  FROM_TO_ARROWS,
  GENERIC_NAMES,
  HELD_STATES,
  LEVEL_QUALIFIER_WORDS,
  HELD_VERBS,
  LAST_YEAR_START,
  MILESTONE_WORDS,
  PEOPLE_NOUNS,
  isMultiYear,
  LIST_JOINS,
  RATE_NOUN_AFTER,
  MULTI_YEAR_AHEAD,
  ONE_YEAR,
  SHARE_OF_NOUN,
  SO_FAR,
  TARGET_MARKERS,
  THIS_OR_NEXT_YEAR,
  TO_YEAR,
} from './words';
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
  /** The synonym group's head, else `metric` (what the hover and the targets call it). */
  key: string;
  /**
   * What rules compare to say two figures are one metric: the key, or the name's characters in any
   * order (`出让矿业权` = `矿业权出让`), with the verb of doing for counts (facts/metrics.ts identityOf).
   */
  identity: string;
  /** The verb of doing next to a count (`开工`, `建成`), canonical. */
  action?: string;
  role: Role;
  change: Change;
  direction?: 'up' | 'down';
  /** The way a to-level verb says the level went (`提高到` up, `降至` down). */
  toward?: 'up' | 'down';
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
   * The clauses of the sentence before the figure's (at most TOPIC_CHARS, ending at the clause):
   * what a short name is about (`持续推进长护险提质扩面，新增参保人数1500万人` → 长护险).
   */
  topic?: string;
  /**
   * The metric is a bare noun after a count (`5 家企业`, `36 家企业`) or was inherited from
   * one: too generic to say two figures are the same thing, so rules that fire on identity skip it.
   */
  weak?: boolean;
  /** The metric could not be told apart (`增长5.3%、8.1%` with no 分别): rules skip it. */
  ambiguous?: boolean;
  /** 实际增长: a real (price-adjusted) rate. */
  real?: boolean;
  /** For 倍: `增长2倍` is a growth of 2× (level = 3 × base); `是上年的1.5倍`, `翻一番` a ratio (level = 1.5 × base). */
  multiple?: 'growth' | 'ratio';
  /** A target quoted in a review (`超过年初确定的3000亿元目标`): last year's target, as this report recalls it. */
  restated?: boolean;
  /** Which words set the year when the part did not (`在去年…的基础上`, `（去年为…）`, `2024年的…`, a five-year summary's end). */
  yearCue?: 'base' | 'last-year' | 'named-year' | 'five-year-end';
  /** `大石峡水利枢纽、…等53个重大项目`: a count of the examples listed, not every such thing. */
  subset?: boolean;
  /** `连续36年居全国首位`: a duration, not a quantity of the metric. */
  duration?: boolean;
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
  /**
   * What was read of each passage (by index), kept between analyses of one document: a slot the
   * previous analysis filled (the passage is unchanged) is used as it is; an empty one is filled.
   * A passage's readings depend on its text alone.
   */
  readings?: unknown[];
}

interface PassageContext {
  role: Role;
  year?: number;
  period: Period;
  node?: OutlineNode;
  /** In a review's five-year summary: the period's last year, whose level a level states (`森林覆盖率达到42.5%`). */
  periodEnd?: number;
  /** The report's government is the country: 全国 names its own scope. */
  national: boolean;
  /** The government's short name (`浙江` for 浙江省): a metric opening with it is the report's own (`浙江中欧班列`). */
  government?: string;
}

/** A phrase that is only a verb or preposition names nothing. */
const VERB_ONLY = new RegExp(`^[${HAN}]{1,2}$`);
const COUNTED_AFTER = new Set(COUNTED_UNITS);
/** `是上年的1.5倍`, `相当于…的2.1倍`: a multiple that is a ratio to a base, not a growth. */
const RATIO_BEFORE = /(?:是|为|相当于|达到)[^，。；]{0,16}的$/;
/** After a figure and 的, words that make it no share of what follows (`5%的目标`, `6%的增长`). */
const NOT_SHARE_AFTER = /^(?:目标|预期|水平|速度|增幅|幅度|涨幅|增长|增速|比例|比重|份额|基础|左右|以上|以内|年均)/;
/** `在去年…的基础上`, `在2022年…的基础上` (at most one clause long). */
const BASE_SPAN = /在((?:去年|上年|过去一年|(?:19|20)\d{2}年)[^。；]{0,60}?|[^。；，在]{0,30}?)的基础上/g;
/** The year word a base span opens with (`在去年…`, `在2022年…`), if any. */
const BASE_YEAR = /^(?:(去年|上年|过去一年)|((?:19|20)\d{2})年)/;
/** `比去年的1.62万亿元`, `较上年的…`, `比2024年的60310亿元`: the figure right after is a level compared with. */
const COMPARED_BEFORE = /(?:比|较)(?:去年|上年|(?:19|20)\d{2}年(?:末|底)?)的$/;
const FIRM_MEASURE_OF = new Map(Object.entries(FIRM_MEASURES));
const LEVEL_QUALIFIERS = new Set(LEVEL_QUALIFIER_WORDS);
/** `，其中企业410.1万户`: the words before a part of a whole. */
const PART_OPENING = /^[，,]?其中[，,]?/;
/** The nearest figure before in the sentence, in the same unit, with a name of its own: the whole a 其中 part is of. */
function wholeBefore(rs: readonly Reading[], sentenceStart: number, unit: string): Reading | undefined {
  for (let j = rs.length - 1; j >= 0 && rs[j].sentenceStart === sentenceStart; j--) {
    const r = rs[j];
    if (r.q.unit === unit && r.metric && !r.weak && r.change !== 'growth-rate') return r;
  }
  return undefined;
}
/** `突破5000亿元大关、增长16.9%`: the milestone word after a level is the level's, no name of the next figure. */
const MILESTONE_START = new RegExp(`^(?:${alternation(MILESTONE_WORDS)})`);
/** `巩固…5560.3万标箱的领先地位`: a held verb earlier in the clause, a held state after the figure's 的. */
const HELD_BEFORE = new RegExp(alternation(HELD_VERBS));
const HELD_AFTER = new RegExp(`^[^，。；\\d]{0,12}?的(?:${alternation(HELD_STATES)})`);
/** `近1400万农业转移人口在城镇落户`, `近15万农村劳动力转移就业`: a count of people with no measure word is in 人. */
const PEOPLE_IN = new RegExp(alternation(PEOPLE_NOUNS));
/** `全省经济总量已达6.74万亿元`: in a plan, a level already reached is last year's outcome. */
const ALREADY = /(?:已达到?|已经达到|已突破|已超过|已经突破)$/;
/** A calendar year right before a figure (`比2024年的60013亿元`, `2024年末`). */
const NAMED_YEAR_BEFORE = /((?:19|20)\d{2})年(?:末|底)?的?(?:[^\d，。；]{0,16})?$/;
/** 去年 or 上年 before a figure, not in a comparison (`比去年`, `较上年`, `同比`) or a span (`去年以来`). */
const LAST_YEAR_IN_CLAUSE = /(?<![比较同])(?:去年|上年)(?!以来|同期)/;
/** 今年 after 去年 in the clause: the figure is this year's again. */
const THIS_YEAR_AFTER = /今年|明年/;
/** In a review: the figure quotes a target (`年初确定的3000亿元目标`, `原定的`, `3500台的年度目标`). */
const RESTATED_TARGET_BEFORE = /(?:年初确定|年初提出|原定|原计划|计划任务|下达)的?[^，。；]{0,4}$/;
const RESTATED_TARGET_AFTER = /^(?:的?(?:年度|预期|全年)?目标|的?(?:年度)?任务)/;
/** Words before a quoted target that name no metric of their own. */
const RESTATEMENT_ONLY = /^(?:年初确定|年初提出|原定|原计划|确定|提出|下达|超额完成|超过|完成|高于|低于|好于|快于)*$/;

const TARGET_MARKERS_ALL = new RegExp(TARGET_MARKERS.source, 'g');

function lastMatch(re: RegExp, s: string): string | undefined {
  let last: string | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m[0];
  return last;
}

/**
 * How far before a figure its clause's words are read for a year word or a restatement
 * (`去年…`, `原定…目标`): a clause of a real report is shorter; a pasted table with no ，is not.
 */
const CLAUSE_LOOKBEHIND = 200;

/** Longest word the sentence scanners look for (`今明两年`, `将(?:达到|实现|完成|新增)`, `用3—5年左右时间`): the overlap re-read. */
const SCAN_OVERLAP = 16;

/**
 * A word looked for between a sentence's start and each figure in it, scanned incrementally: each
 * figure reads only the text since the previous one (and SCAN_OVERLAP characters before it).
 */
const GLOBAL_FORMS = new Map<RegExp, RegExp>();
/** `re` with the g flag, compiled once (a reader is made per passage). */
function globalOf(re: RegExp): RegExp {
  if (re.global) return re;
  let g = GLOBAL_FORMS.get(re);
  if (!g) GLOBAL_FORMS.set(re, (g = new RegExp(re.source, 'g')));
  return g;
}

class SentenceWords {
  private sentence = -1;
  private scanned = 0;
  private found: string | undefined;
  private readonly global: RegExp;
  constructor(re: RegExp) {
    this.global = globalOf(re);
  }
  /** The last match between sentenceStart and end. */
  last(text: string, sentenceStart: number, end: number): string | undefined {
    if (this.sentence !== sentenceStart || end < this.scanned) {
      this.sentence = sentenceStart;
      this.scanned = sentenceStart;
      this.found = undefined;
    }
    const from = Math.max(sentenceStart, this.scanned - SCAN_OVERLAP);
    const m = lastMatch(this.global, text.slice(from, end));
    if (m) this.found = m;
    this.scanned = end;
    return this.found;
  }
  test(text: string, sentenceStart: number, end: number): boolean {
    return this.last(text, sentenceStart, end) !== undefined;
  }
}

/** Words of a sum right before its figure (`合计`, `共计改造管道`, `上述四项资金共计`). */
const SUM_BEFORE = /(?:合计|共计|总计)[^，；。、\d]{0,8}$/;
/** How much of the sentence before a figure's clause a fact keeps as its topic. */
const TOPIC_CHARS = 40;
/** `连续36年居全国首位`: the figure counts years, it is not a quantity of what follows. */
const DURATION_BEFORE = /(?:连续|累计|已经|已)$/;
/** A predicate this long after its verb of doing names what a generic count counts (`备案国家级科技型中小企业`). */
const PREDICATE_NAMES = 4;
/** How much of a figure-first count's predicate joins its identity (`成功备案国家级科技型中小企业`). */
const PREDICATE_CHARS = 16;
/** Between two figures of one value list (`增长5.3%、8.1%`, `30元和5元`). */
const VALUE_LIST_JOIN = new RegExp(`^\\s*[${LIST_JOINS}]\\s*$`);
/** `城乡居民…分别增长5.3%、7%` names two metrics: 城镇居民… and 农村居民…. */
const URBAN_RURAL = /^(?:全体)?城乡/;
const ARROW = new RegExp(`^(?:${alternation(FROM_TO_ARROWS)})$`);

/** Reads every fact of a report. Never throws on text input; spans lie inside the text. */
export function extractFacts(input: FactInput): Fact[] {
  const { passages, tree, meta } = input;
  const index = metricIndex(input.config);
  const contexts = passageContexts(passages, tree, meta);
  const facts: Fact[] = [];
  const known = input.readings;
  for (const p of passages) {
    let readings = known?.[p.index] as readonly Reading[] | undefined;
    if (readings === undefined) {
      const text = p.text.text;
      readings = text.length ? readingsOf(text) : NO_READINGS;
      if (known) known[p.index] = readings;
    }
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
  const national = meta.government === '国务院';
  const government = shortName(meta.government);
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
    let periodEnd: number | undefined;
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
      const multi = isMultiYear(head);
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
        if (meta.year !== undefined) periodEnd = meta.year - 1;
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
    out[p.index] = { role, year, period, node, national, government };
    if (periodEnd !== undefined) out[p.index].periodEnd = periodEnd;
  }
  return out;
}

/** `浙江省` → 浙江, `新疆维吾尔自治区` → 新疆, `上海市` → 上海; nothing for the country or a short name. */
function shortName(government: string | undefined): string | undefined {
  if (!government || government === '国务院') return undefined;
  const s = government.replace(/(?:维吾尔|壮族|回族)?(?:自治区|特别行政区|省|市|区|县|旗)$/, '');
  return s.length >= 2 ? s : undefined;
}

/** `浙江中欧班列开行` in 浙江省's report is `中欧班列开行`: its own government's name scopes nothing. */
function withoutGovernment(metric: string, government: string | undefined): string {
  return government && metric.startsWith(government) && metric.length >= government.length + 2 ? metric.slice(government.length) : metric;
}

/** What a passage's text alone says about a figure: shared by every analysis of the same text. */
interface Reading {
  q: Quantity;
  phrase: Readonly<Phrase>;
  metricRaw: string;
  metric: string;
  change: Change;
  direction?: 'up' | 'down';
  toward?: 'up' | 'down';
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
  action?: string;
  multiple?: Fact['multiple'];
  /** The year named for this figure in its clause: `去年`/`上年` (−1) or a calendar year. */
  yearWord?: { kind: 'base' | 'last-year' | 'named-year'; year?: number };
  restated: boolean;
  duration?: boolean;
  marker?: string;
  /** `等53个重大项目`: a count of the examples listed, a subset, not the whole. */
  subset: boolean;
  /** `比去年的1.62万亿元`: the level a change after it is measured from. */
  compared?: boolean;
  /** When the name follows the figure (`培养引进10名战略科学家、…`): where its words end. */
  nameEnd?: number;
  /** For a figure-first count, the words after its noun (`14个学科入选…` → 入选…): what is said of them. */
  predicate?: string;
}

/** What a sentence's words say about role and period, whatever part it stands in. */
interface SentenceCue {
  marker?: string;
  lastYearStart: boolean;
  thisOrNextYear: boolean;
  multiYear: boolean;
  toYear?: number;
}

const NO_READINGS: readonly Reading[] = [];

/** The figures of one passage's text, read from it alone (so an unchanged passage's are reused: `FactInput.readings`). */
function readingsOf(text: string): readonly Reading[] {
  const qs = readQuantities(text, { quoted: findQuoted(text) });
  return qs.length ? readPassage(text, qs) : NO_READINGS;
}

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
    let period: Period = r.cagr || r.ahead ? 'multi-year' : cued!.period;
    let yearCue: Fact['yearCue'];
    const q = r.q;
    if (r.baselineOf !== undefined) {
      role = 'baseline';
      // `从54万亿元增加到82.7万亿元` in a five-year summary: the level five years before its end.
      if (r.yearWord?.kind === 'named-year' && r.yearWord.year !== undefined) {
        // `从2018年的60家增加到150家`: the start's own year.
        year = r.yearWord.year;
        period = 'year';
        yearCue = 'named-year';
      } else if (period === 'multi-year' && ctx.periodEnd !== undefined && !r.ahead) {
        year = ctx.periodEnd - 5;
        period = 'year';
        yearCue = 'five-year-end';
      } else year = period === 'year' && year !== undefined ? year - 1 : undefined;
    } else if (r.restated && ctx.role === 'outcome' && role === 'outcome') {
      // `超过年初确定的3000亿元目标`: the reviewed year's target, as the review recalls it.
      role = 'target';
    } else if (r.yearWord && meta.year !== undefined) {
      // `在去年…的基础上`, `（去年为1316万人）`, `比2024年的60013亿元`: that year's outcome, wherever the part stands.
      const named = r.yearWord.year ?? meta.year - 1;
      // `争取2023年科技型中小企业备案突破200家` in the 2023 plan: the plan year named is still a target.
      const planYear = r.yearWord.kind === 'named-year' && named >= meta.year;
      if (planYear) {
        if (named !== year || period !== 'year') {
          year = named;
          period = 'year';
          yearCue = 'named-year';
        }
      } else if (named !== year || role !== 'outcome' || period !== 'year') {
        role = 'outcome';
        year = named;
        period = 'year';
        yearCue = r.yearWord.kind;
      }
    } else if (ctx.periodEnd !== undefined && period === 'multi-year' && role === 'outcome' && !r.ahead && endLevel(r)) {
      // A five-year summary's level (`森林覆盖率达到42.5%`) is the level at the period's end.
      year = ctx.periodEnd;
      period = 'year';
      yearCue = 'five-year-end';
    }
    const metric = withoutGovernment(r.metric, ctx.government);
    const key = index.key(metric);
    // A name in the synonym table (`经济` = 国内生产总值) names its metric however short; a figure-first
    // count whose predicate says what was done to what (`187家企业成功备案国家级科技型中小企业`) is named by the two.
    const namedByPredicate = r.action !== undefined && (r.predicate?.length ?? 0) >= PREDICATE_NAMES;
    const weak = r.weak && !namedByPredicate && (q.countWord || !index.known(metric) || GENERIC_NAMES.has(metric));
    // Every field in one literal, in one order, the optional ones `undefined` when not said: every fact
    // has one shape, so the rules' reads of it stay monomorphic (facts added field by field took several
    // shapes, and a cold analysis of the sample 12 % longer). Flags are `true` or `undefined`, never false,
    // so a fact prints (JSON) as before.
    const fact: Fact = {
      index: facts.length,
      metric,
      metricRaw: r.metricRaw,
      key,
      // A figure-first count is named by its noun and what is said of it (`近1400万农业转移人口在城镇落户`
      // = `农业转移人口落户城镇1400万人`): the predicate's words join the name's.
      identity: identityOf(metric + (r.predicate ?? ''), key, !r.predicate && index.known(metric), r.action),
      action: r.action,
      value: q.value,
      high: q.high,
      unit: q.unit === '' && q.scale !== '' && PEOPLE_IN.test(metric) ? '人' : q.unit,
      scale: q.scale,
      precision: q.precision,
      qualifier: q.qualifier,
      countWord: q.countWord,
      doubling: q.doubling || undefined,
      role,
      change: r.change,
      direction: r.direction,
      toward: r.toward,
      versus: r.versus,
      cumulative: r.cumulative || undefined,
      year,
      period,
      marker: r.marker ?? cued!.marker,
      span: p.text.toSourceSpan(q.start, q.end),
      clause: p.text.toSourceSpan(r.clauseStart, Math.max(r.clauseStart + 1, r.clauseEnd)),
      passage: p.index,
      logical: { start: q.start, end: q.end },
      sentence: { start: r.sentenceStart, end: r.sentenceEnd },
      node: ctx.node,
      text: text.slice(q.start, q.end),
      clauseText: text.slice(r.clauseStart, r.clauseEnd),
      topic: r.clauseStart > r.sentenceStart ? text.slice(Math.max(r.sentenceStart, r.clauseStart - TOPIC_CHARS), r.clauseStart) : undefined,
      weak: weak || undefined,
      ambiguous: r.ambiguous || undefined,
      real: r.real || undefined,
      multiple: r.multiple,
      restated: r.restated || undefined,
      yearCue,
      subset: r.subset || undefined,
      duration: r.duration || undefined,
      baselineIndex: r.base !== undefined ? offset + r.base : undefined,
      levelIndex: r.of !== undefined ? offset + r.of : undefined,
    };
    facts.push(fact);
  }
}

/**
 * A figure a five-year summary states as where the period ended: a share or rate (`森林覆盖率达到42.5%`),
 * a level reached (`快递业务量突破1000亿件`, `专精特新企业达1.6万家`) or a total — not a flow of the five
 * years (`农村劳动力外出务工1610万人次`), a sum (`累计`) or an average (`年均`).
 */
function endLevel(r: Reading): boolean {
  if (r.cumulative || r.cagr || r.weak || r.ambiguous) return false;
  if (r.change === 'share') return true;
  if (r.change === 'total') return true;
  return r.change === 'level' && (r.q.unit === '%' || !!r.phrase.toLevel);
}

/** What opens the next item of a list after a name (`10名战略科学家、100名…`, `…和3个…`). */
const LIST_JOIN_START = new RegExp(`^[${LIST_JOINS}]`);

function readPassage(text: string, qs: Quantity[]): Reading[] {
  let scan = 0;
  let sentenceStart = 0;
  let clauseStart = 0;
  let prev: Reading | undefined;
  const out: Reading[] = [];
  let cueAt = -1;
  let cue: SentenceCue | undefined;
  const bases = baseSpans(text);
  // Words earlier in the sentence, read once per sentence, not again before every figure
  // (a pasted table of 4,000 figures with no 。 is one sentence).
  const ahead = new SentenceWords(MULTI_YEAR_AHEAD);
  const markers = new SentenceWords(TARGET_MARKERS_ALL);
  // The sentence and clause ends found for the figure before: a figure that ends before them has the
  // same ones (no end lies between), so a sentence of ten figures is looked ahead in once, not ten times.
  let sentenceEnd = -1;
  let clauseEnd = -1;
  for (const q of qs) {
    // Move the sentence and clause starts forward to the figure (linear over the passage).
    for (; scan < q.start; scan++) {
      const cls = CHAR_CLASS[text.charCodeAt(scan)];
      if (cls & CH_SENTENCE_END) sentenceStart = clauseStart = scan + 1;
      else if (cls & CH_CLAUSE_END) clauseStart = scan + 1;
    }
    if (!endStands(text, q.end, sentenceEnd, CH_SENTENCE_END)) sentenceEnd = findEnd(text, q.end, CH_SENTENCE_END);
    if (!endStands(text, q.end, clauseEnd, CH_CLAUSE_END)) clauseEnd = findEnd(text, q.end, CH_CLAUSE_END);
    const samePrevClause = prev !== undefined && prev.clauseStart === clauseStart && prev.q.end <= q.start;
    // The words before a figure start after the previous figure's name when that followed it
    // (`10名战略科学家、100名科技领军人才`: 100名 counts 科技领军人才, not 战略科学家科技领军人才).
    // Only across a list join, to a figure whose own noun follows it: `三大先导产业规模达到1.8万亿元` keeps
    // 规模 for 1.8万亿元, `迈上4个万亿元台阶、达14.2万亿元` keeps the sentence's subject.
    const listedAfterName =
      samePrevClause &&
      prev!.nameEnd !== undefined &&
      prev!.nameEnd <= q.start &&
      LIST_JOIN_START.test(text.slice(prev!.nameEnd, q.start)) &&
      isHan(text.charCodeAt(q.end));
    let segStart = samePrevClause ? Math.max(clauseStart, listedAfterName ? prev!.nameEnd! : prev!.q.end) : clauseStart;
    if (samePrevClause && segStart === prev!.q.end) {
      const milestone = MILESTONE_START.exec(text.slice(segStart, q.start));
      if (milestone) segStart += milestone[0].length;
    }
    let listed = false;
    if (samePrevClause && VALUE_LIST_JOIN.test(text.slice(segStart, q.start))) listed = true;
    // `新建国家现代农业产业园2个、产业集群1个`: the verb before the first item applies to the next.
    const chained = samePrevClause && !listed && text[segStart] === '、';
    if (text[segStart] === '、') segStart++;
    // Inside `在去年增长5.6%的基础上` the name is only what the span says (`增长`): the words before 在 are another figure's.
    const inBase = bases.find((b) => b.start <= q.start && q.end <= b.end);
    const outside = segStart;
    if (inBase && inBase.from > segStart) segStart = inBase.from;
    const segment = text.slice(segStart, q.start);
    let phrase = phraseBefore(segment);
    if (phrase.objectAfter && RATE_UNITS.has(q.unit) && RISING_OBJECT_VERBS.includes(phrase.raw)) phrase = RISE_ONLY;
    // …and when the span names nothing, its subject before 在 does (`农村居民人均可支配收入在去年增长7%的基础上`).
    if (inBase && inBase.start > outside && !normaliseMetric(phrase.raw).name) {
      const subject = phraseBefore(text.slice(outside, inBase.start)).raw;
      if (normaliseMetric(subject).name) phrase = { ...phrase, raw: subject };
    }
    const samePrevSentence = prev !== undefined && prev.sentenceStart === sentenceStart;
    // `…、保障性租赁住房18.11万套，合计19.68万套`: a sum names the items together, not the last of them.
    const isSum = SUM_BEFORE.test(segment);
    let named = nameOf(text, q, phrase, clauseEnd, samePrevSentence && !isSum ? prev : undefined, listed);
    // `下调城镇职工基本养老保险单位缴费比例，各地可降至16%`: a level with no name of its own, first in its
    // sentence, is of what the clause before names.
    if (!named.norm.name && !samePrevSentence && !inBase && phrase.toLevel && clauseStart > sentenceStart + 1) {
      const object = phraseBefore(text.slice(Math.max(sentenceStart, clauseStart - 1 - CLAUSE_LOOKBEHIND), clauseStart - 1));
      const n = normaliseMetric(object.raw);
      if (n.name.length >= 2) named = { metricRaw: object.raw, norm: n, weak: false, shareOf: false };
    }
    // `全省经营主体达1163.7万户、增长6.3%，其中企业410.1万户`: a part named only by a generic noun is that part of
    // the whole before it (`经营主体中的企业`), the same in last year's report — not any count of 企业.
    if (named.weak && samePrevSentence && PART_OPENING.test(segment) && GENERIC_NAMES.has(named.norm.name)) {
      const whole = wholeBefore(out, sentenceStart, q.unit);
      if (whole && !whole.metric.endsWith(named.norm.name)) {
        const raw = `${whole.metric}中的${named.norm.name}`;
        named = { metricRaw: raw, norm: normaliseMetric(raw), weak: false, shareOf: false };
      }
    }
    // `规模以上工业企业达7.6万家、增加值增长3%`: a measure of the firms just counted is theirs (规模以上工业增加值).
    const measure = FIRM_MEASURE_OF.get(named.norm.name);
    if (measure && samePrevSentence && prev!.metric.endsWith('企业') && prev!.metric.length > 2) {
      const raw = (measure === 'sector' ? prev!.metric.slice(0, -2) : prev!.metric) + named.norm.name;
      named = { metricRaw: raw, norm: normaliseMetric(raw), weak: false, shareOf: false };
    }
    // `粮食播种面积1584.6万亩、总产量132.4亿斤`: the second item measures the first one's subject (粮食总产量).
    // …and `粮食生产再获丰收，总产达到557亿斤` the one whose production the clause before speaks of (粮食总产).
    if (SUBJECT_MEASURES.includes(named.norm.name)) {
      const subject = samePrevClause
        ? subjectOfMeasure(prev!.metric)
        : !samePrevSentence && clauseStart > sentenceStart
          ? PRODUCTION_OF.exec(text.slice(sentenceStart, clauseStart))?.[1]
          : undefined;
      if (subject) {
        const raw = subject + named.norm.name;
        named = { metricRaw: raw, norm: normaliseMetric(raw), weak: false, shareOf: false };
      }
    }
    const norm = named.norm;
    const roles = mergeRoles(phrase, norm.roles, named.shareOf);
    if (sentenceStart !== cueAt) {
      cueAt = sentenceStart;
      cue = sentenceCue(text.slice(sentenceStart, sentenceEnd));
    }
    const r: Reading = {
      q,
      phrase,
      metricRaw: named.metricRaw,
      metric: norm.name,
      change: changeOf(q, roles, norm.roles.direction !== undefined && !phrase.direction),
      direction: q.positiveGrowth ? 'up' : roles.direction,
      toward: phrase.toward,
      versus: roles.versus,
      cumulative: !!roles.cumulative,
      real: !!roles.real,
      cagr: !!roles.cagr,
      ahead: ahead.test(text, sentenceStart, q.start),
      weak: named.weak,
      ambiguous: false,
      sentenceStart,
      sentenceEnd,
      clauseStart,
      clauseEnd,
      listed,
      cue: cue!,
      restated:
        RESTATED_TARGET_BEFORE.test(text.slice(Math.max(clauseStart, q.start - CLAUSE_LOOKBEHIND), q.start)) ||
        RESTATED_TARGET_AFTER.test(text.slice(q.end, q.end + 8)),
      subset: !!phrase.enumeration,
      // Set below or by the linking passes; listed here so every reading has one shape (see toFacts).
      baselineOf: undefined,
      base: undefined,
      of: undefined,
      action: undefined,
      multiple: undefined,
      yearWord: undefined,
      duration: undefined,
      marker: undefined,
      compared: undefined,
      nameEnd: named.after,
      predicate: undefined,
    };
    // The target word nearest before the figure (`确保…8%以上、力争增长9%`: 9% is the 力争 one).
    const marker = markers.last(text, sentenceStart, q.start);
    if (marker) r.marker = marker;
    if (q.unit === '年' && DURATION_BEFORE.test(text.slice(Math.max(0, q.start - 4), q.start))) r.duration = true;
    let action = roles.action ?? norm.roles.action;
    if (named.after !== undefined) {
      const said = leadingAction(predicateOf(text.slice(named.after, clauseEnd)));
      if (said.rest) r.predicate = said.rest;
      action ??= said.action;
    }
    if (action && q.unit !== '%' && q.unit !== '个百分点') r.action = action;
    // `年均增长5.3%、8.1%`: a value of a list is the same kind of figure as the first (in the same unit:
    // `增长116.2%、翻了两番多` is a rate and a multiple).
    // …but `净增98万户、突破1900万户` is an increment and the level it reached (突破 states a level).
    if (listed && prev && !ownRoles(phrase, norm.roles) && prev.q.unit === q.unit && !LEVEL_QUALIFIERS.has(q.qualifier ?? '')) {
      r.change = prev.change;
      r.direction = prev.direction;
      r.cagr = prev.cagr;
      r.cumulative = prev.cumulative;
      r.real = prev.real;
      if (prev.versus) r.versus = prev.versus;
    }
    // `比2024年的60310亿元增加2351亿元`: the level compared with is no change against last year.
    if (r.change === 'level' && r.versus) r.versus = undefined;
    // `比去年的1.62万亿元增加5600亿元`: the change after a level compared with is against that level's year.
    if (COMPARED_BEFORE.test(text.slice(Math.max(clauseStart, q.start - 8), q.start))) r.compared = true;
    else if (samePrevClause && prev!.compared && !r.versus && (r.change === 'increment' || r.change === 'growth-rate')) r.versus = 'previous-year';
    if (chained && prev && !ownRoles(phrase, norm.roles)) {
      if (prev.change === 'increment' && r.change === 'level' && q.unit !== '%') r.change = 'increment';
      if (prev.cumulative) r.cumulative = true;
      if (!r.action && prev.action && q.unit !== '%' && q.unit !== '个百分点') r.action = prev.action;
    }
    // `是计划任务12个的2.1倍`: a ratio to the figure inside 是…的, too.
    if (q.unit === '倍') r.multiple = q.doubling || RATIO_BEFORE.test(text.slice(clauseStart, q.start)) ? 'ratio' : 'growth';
    const yearWord = yearWordOf(text, q, clauseStart, bases);
    if (yearWord) r.yearWord = yearWord;
    out.push(r);
    prev = r;
  }
  nameRecalled(out, text, bases);
  pairRespectively(out, text);
  linkFromTo(out, text);
  linkLevels(out);
  inheritRestated(out);
  return out;
}

interface Named {
  metricRaw: string;
  norm: Readonly<{ name: string; roles: Readonly<PhraseRoles> }>;
  weak: boolean;
  /** `92%的行政村通了客车`: the figure is a share of the noun after it. */
  shareOf: boolean;
  /** When the name follows the figure: where its words end in the passage text. */
  after?: number;
}

/**
 * The metric a figure measures: the noun phrase before it (`城镇新增就业 2.5 万人`), or — for a count
 * or a share — the one after it (`新增38家规模以上工业企业`, `92%的行政村通了客车`); when the words
 * before are only a change (`…，增长6%`) the metric of the figure before in the sentence.
 */
function nameOf(text: string, q: Quantity, phrase: Readonly<Phrase>, clauseEnd: number, prev: Reading | undefined, listed: boolean): Named {
  let metricRaw = phrase.raw;
  let norm = normaliseMetric(metricRaw);
  // `制造业等行业现行16%的税率降至13%`: the value of a rate named by the words before and the noun after.
  const rateNoun = q.unit === '%' ? RATE_NOUN_AFTER.exec(text.slice(q.end, q.end + 8)) : null;
  if (rateNoun) {
    const raw = metricRaw + rateNoun[1];
    return { metricRaw: raw, norm: normaliseMetric(raw), weak: false, shareOf: false };
  }
  // …and the value it goes to is of the same rate (`的税率降至13%`).
  const sincePrev = prev ? text.slice(prev.q.end, q.start) : '';
  if (prev && phrase.toLevel && sincePrev.length <= 8 && RATE_NOUN_AFTER.test(sincePrev)) {
    return { metricRaw: prev.metricRaw, norm: { name: prev.metric, roles: norm.roles }, weak: prev.weak, shareOf: false };
  }
  // `85.2%的改革试点任务落地实施`: a share of what follows 的, when the words before name nothing.
  if (q.unit === '%' && text[q.end] === SHARE_OF_NOUN && !norm.name) {
    const rest = shareOfPhrase(text.slice(q.end + 1, clauseEnd));
    if (rest) {
      const n = normaliseMetric(rest);
      return { metricRaw: rest, norm: n, weak: isWeak(n.name, n.roles, phrase), shareOf: true };
    }
  }
  // `荣获53个奖项、比上次增加21个、增长47%`: the words before 21个 are only the noun 53个 counted — a change
  // of that count, named as it is (国家科学技术奖评选中荣获奖项), not of any 奖项.
  if (prev && prev.nameEnd !== undefined && !prev.weak && !prev.q.countWord && norm.name && prev.metric.length > norm.name.length) {
    const countedNoun = text.slice(prev.q.end, prev.nameEnd).trim();
    if (countedNoun === phrase.raw && prev.metric.endsWith(norm.name)) {
      return { metricRaw: prev.metricRaw, norm: { name: prev.metric, roles: norm.roles }, weak: false, shareOf: false };
    }
  }
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
    return { metricRaw, norm, weak: q.countWord || isWeak(norm.name, norm.roles, phrase), shareOf: false, after: endOfWords(text, q.end, after) };
  }
  if (!norm.name || (phrase.objectAfter && VERB_ONLY.test(norm.name))) {
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
      phrase.total ||
      q.unit === '倍' ||
      RESTATEMENT_ONLY.test(phrase.raw);
    if (prev && prev.metric && !prev.q.countWord && (changeWords || listed)) {
      return { metricRaw: prev.metricRaw, norm: { name: prev.metric, roles: norm.roles }, weak: prev.weak, shareOf: false };
    }
    if (q.countWord || !norm.name) {
      metricRaw = after;
      norm = normaliseMetric(metricRaw);
      return { metricRaw, norm, weak: true, shareOf: false };
    }
  }
  return { metricRaw, norm, weak: isWeak(norm.name, norm.roles, phrase), shareOf: false };
}

/** Where `words` (spaces dropped) end in the text from `from`. */
function endOfWords(text: string, from: number, words: string): number {
  let i = from;
  for (let n = 0; n < words.length && i < text.length; i++) if (!isSpace(text.charCodeAt(i))) n++;
  return i;
}

/** What is said of a figure-first count, its Han characters up to the clause end (`入选国家第二轮…名单`). */
function predicateOf(rest: string): string {
  let out = '';
  for (const ch of rest) {
    const c = ch.charCodeAt(0);
    // `荣获53个奖项、比上次增加21个`: after a 、 or another figure the words are another item's.
    if (c === 0x3001 /* 、 */ || digitValue(c) >= 0) break;
    if (isHan(c)) out += ch;
    if (out.length === PREDICATE_CHARS) break;
  }
  return out;
}

/** Words of a figure's own phrase that say what it is (a change, a level reached, a verb of doing). */
function ownRoles(phrase: Readonly<Phrase>, roles: Readonly<PhraseRoles>): boolean {
  return !!(
    phrase.direction ||
    phrase.toLevel ||
    phrase.increment ||
    phrase.total ||
    phrase.cumulative ||
    phrase.versus ||
    phrase.share ||
    phrase.action ||
    roles.increment ||
    roles.total ||
    roles.action
  );
}

/**
 * A name says too little to tell two facts apart when it is empty, one character, a generic head
 * alone (`企业`, `项目`, `总投资`), or two characters with nothing else (no role, no verb of doing):
 * `新增公园141座` is a fact about parks, `849座公园实现…` is not enough to say which parks.
 */
function isWeak(name: string, roles: Readonly<PhraseRoles>, phrase: Readonly<Phrase>): boolean {
  if (name.length < 2 || GENERIC_NAMES.has(name)) return true;
  if (name.length > 2) return false;
  const said = roles.increment || roles.total || roles.cumulative || phrase.increment || phrase.total || phrase.cumulative || roles.action || phrase.action;
  return !said;
}

/** The noun phrase of a share (`的改革试点任务落地实施` → 改革试点任务落地实施), without the figures and words that say nothing in it. */
function shareOfPhrase(rest: string): string {
  if (NOT_SHARE_AFTER.test(rest)) return '';
  const s = rest
    .replace(/[0-9０-９.．%％]+(?:小时|个月|[\u4e00-\u9fff])?/g, '')
    .replace(/[\s“”"'《》]/g, '')
    .slice(0, 20);
  return s.length >= 2 ? s : '';
}

/** `在去年…的基础上`, `在2022年…的基础上`: the figures inside are that year's outcomes. */
interface BaseSpan {
  start: number;
  end: number;
  /** Where the span's own words start, after `在去年`: a figure's name inside the span starts here. */
  from: number;
  year?: number;
}

function baseSpans(text: string): BaseSpan[] {
  if (!text.includes('基础上')) return [];
  const out: BaseSpan[] = [];
  BASE_SPAN.lastIndex = 0;
  for (let m = BASE_SPAN.exec(text); m; m = BASE_SPAN.exec(text)) {
    // `在全国重点实验室累计达到三十六家的基础上`: with no year word, the base is where last year ended.
    const named = BASE_YEAR.exec(m[1]);
    const from = m.index + 1 + (named ? named[0].length : 0);
    out.push({ start: m.index, end: m.index + m[0].length, from, year: named?.[2] ? Number(named[2]) : undefined });
  }
  return out;
}

/**
 * The year a figure's clause names for it: inside `在去年…的基础上`, after `去年`/`上年` (`（去年为1316万人）`,
 * but not `比去年`/`较上年`, which compare), or right after a calendar year (`比2024年的60013亿元`).
 */
/** 从/由 right before a year word: the year is the start of a from–to. */
const FROM_BEFORE_YEAR = /[从由]$/;

function yearWordOf(text: string, q: Quantity, clauseStart: number, bases: readonly BaseSpan[]): Reading['yearWord'] {
  for (const b of bases) {
    if (b.start <= q.start && q.end <= b.end) return b.year !== undefined ? { kind: 'base', year: b.year } : { kind: 'base' };
  }
  // `在去年增长8.1%的基础上增长8%左右`: the 去年 of a span that has ended says nothing of the figure after it.
  let from = clauseStart;
  for (const b of bases) if (b.end <= q.start && b.end > from) from = b.end;
  const before = text.slice(Math.max(from, q.start - CLAUSE_LOOKBEHIND), q.start);
  const named = NAMED_YEAR_BEFORE.exec(before);
  if (named) return { kind: 'named-year', year: Number(named[1]) };
  if (ALREADY.test(before)) return { kind: 'last-year' };
  // `比去年的1.62万亿元增加5600亿元`: the level compared with is last year's (a named year returned above).
  if (COMPARED_BEFORE.test(before)) return { kind: 'last-year' };
  if (HELD_BEFORE.test(before) && HELD_AFTER.test(text.slice(q.end, q.end + 20))) return { kind: 'last-year' };
  const last = LAST_YEAR_IN_CLAUSE.exec(before);
  // `赤字率从去年的2.1%提高到2.3%`: 去年 names the from-value; the value it rises to is this year's.
  const fromValue = last && FROM_BEFORE_YEAR.test(before.slice(0, last.index)) && /\d/.test(before.slice(last.index));
  if (last && !fromValue && !THIS_YEAR_AFTER.test(before.slice(last.index))) return { kind: 'last-year' };
  return undefined;
}

/**
 * A figure of last year recalled beside this year's names nothing itself: inside `在去年增长5.7%的基础上`
 * it is the metric of the figure after the span (`…，地区生产总值按增长5%安排`); in `（去年为1316万人）` the
 * metric of the figure before it in the same unit (`城镇新增就业1100万人以上，…（去年为1316万人）`), and
 * the same kind of figure.
 */
function nameRecalled(rs: Reading[], text: string, bases: readonly BaseSpan[]): void {
  for (let i = 0; i < rs.length; i++) {
    const r = rs[i];
    // The words before the bracket name what is being said, not this figure: `达到近几年的实际规模（去年为1316万人）`.
    if (RECALLED_IN_BRACKETS.test(text.slice(Math.max(0, r.q.start - 6), r.q.start))) {
      let j = i - 1;
      while (j >= 0 && !(rs[j].q.unit === r.q.unit && rs[j].metric && !rs[j].weak)) j--;
      if (j >= 0) {
        adopt(r, rs[j]);
        r.change = rs[j].change;
        if (rs[j].direction) r.direction = rs[j].direction;
      } else {
        // No figure before: the sentence's subject (`今年城镇新增就业要在…，力争达到…（去年为1316万人）`).
        const subject = SENTENCE_SUBJECT.exec(text.slice(r.sentenceStart, r.q.start));
        const n = subject ? normaliseMetric(subject[1]) : undefined;
        if (n && n.name.length >= 2) {
          r.metric = n.name;
          r.metricRaw = subject![1].replace(/^(?:今年|全年|去年)/, '');
          r.weak = false;
          if (n.roles.increment && r.q.unit !== '%') r.change = 'increment';
        }
      }
      continue;
    }
    if (r.metric && !r.weak) continue;
    const base = bases.find((b) => b.start <= r.q.start && r.q.end <= b.end);
    if (base) {
      const next = rs.slice(i + 1).find((x) => x.q.start >= base.end && x.sentenceStart === r.sentenceStart && x.metric && !x.weak);
      if (next && (next.q.unit === r.q.unit || unitDimension(next.q.unit) === unitDimension(r.q.unit))) adopt(r, next);
    }
  }
}

function adopt(r: Reading, from: Reading): void {
  r.metric = from.metric;
  r.metricRaw = from.metricRaw;
  r.weak = false;
  if (from.action && !r.action) r.action = from.action;
}

/** Money and counts compare in their own unit; a rate with a rate. */
function unitDimension(unit: string): string {
  return unit === '%' || unit === '个百分点' ? '%' : unit;
}

/** A sentence's subject: the words before its first verb of intent or clause break (`今年城镇新增就业要…`). */
const SENTENCE_SUBJECT = /^([^，；。要将在力确]{2,16}?)(?:要|将|在|力争|确保|，)/;
/** `（去年为1316万人）`, `（上年是48.81万人）`: last year's figure recalled in brackets. */
const RECALLED_IN_BRACKETS = /[（(](?:去年|上年|2\d{3}年)(?:为|是|达到|实现)?$/;

/** A target quoted in a review names nothing of its own (`超过年初确定的3000亿元目标`): it is the target of the figure before it. */
function inheritRestated(rs: Reading[]): void {
  for (let i = 1; i < rs.length; i++) {
    const r = rs[i];
    const p = rs[i - 1];
    if (!r.restated || p.sentenceStart !== r.sentenceStart || r.q.unit !== p.q.unit) continue;
    if (r.metric && !RESTATEMENT_ONLY.test(r.phrase.raw)) continue;
    r.metric = p.metric;
    r.metricRaw = p.metricRaw;
    r.weak = p.weak;
    if (p.action) r.action = p.action;
    // `增长5.5%、完成年初确定的5%左右的预期目标`: the target quoted is a growth rate like the figure it is set against.
    if (r.change === 'level' && !ownRoles(r.phrase, {})) {
      r.change = p.change;
      if (p.direction) r.direction = p.direction;
    }
  }
}

/** The subject a metric measures (`粮食播种面积` → 粮食), when its name ends with a SUBJECT_MEASURES word after two characters or more. */
function subjectOfMeasure(metric: string): string | undefined {
  // The longest measure it ends with: `播种面积` alone has no subject, not the subject 播种 of 面积.
  const m = SUBJECT_MEASURES.find((w) => metric.endsWith(w));
  return m && metric.length >= m.length + 2 ? metric.slice(0, -m.length) : undefined;
}

/** The units of a rate or its change, which no object follows (`提升1.3个百分点`). */
const RATE_UNITS = new Set(['%', '个百分点', '百分点']);
/** The phrase of `、提升1.3个百分点`: a rise, naming nothing. */
const RISE_ONLY: Readonly<Phrase> = { direction: 'up', raw: '' };

/** An end found before that is also the first one at or after `from`: a real end (or the text's) not before it. */
function endStands(text: string, from: number, end: number, cls: number): boolean {
  return from <= end && (end === text.length || (CHAR_CLASS[text.charCodeAt(end)] & cls) !== 0);
}

function findEnd(text: string, from: number, cls: number): number {
  const limit = Math.min(text.length, from + 400);
  for (let i = from; i < limit; i++) if (CHAR_CLASS[text.charCodeAt(i)] & cls) return i;
  return limit;
}

/** What the phrase before a figure and the metric's own name say of it together (a figure's change words). */
type FigureRoles = Pick<PhraseRoles, 'increment' | 'total' | 'cumulative' | 'direction' | 'share' | 'toLevel' | 'cagr' | 'versus' | 'real' | 'action'>;

/** The phrase's roles with the name's (`城镇新增就业` adds 新增); built field by field, not by spreading the phrase. */
function mergeRoles(a: Readonly<Phrase>, b: Readonly<PhraseRoles>, shareOf: boolean): FigureRoles {
  return {
    increment: a.increment || b.increment || undefined,
    total: a.total || b.total || undefined,
    cumulative: a.cumulative || b.cumulative || undefined,
    direction: a.direction ?? b.direction,
    share: shareOf || a.share || b.share || undefined,
    toLevel: a.toLevel,
    cagr: a.cagr,
    versus: a.versus,
    real: a.real,
    action: a.action,
  };
}

/** `nameIsRate`: the metric's own name said it is a change (居民消费价格涨幅控制在3%左右). */
function changeOf(q: Quantity, r: FigureRoles, nameIsRate: boolean): Change {
  if (q.positiveGrowth) return 'growth-rate';
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
    multiYear: isMultiYear(sentence),
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
  let paired: Reading[] | undefined;
  for (let i = 0; i < rs.length; i++) {
    const d = rs[i];
    if (!d.phrase.respectively) {
      // `城乡居民人均可支配收入分别达6.9万元、3.4万元，增长4.2%、5.3%`: a value list right after a 分别 list
      // of as many values, in the same sentence, pairs with its names in the same order.
      const run = paired && paired[0].sentenceStart === d.sentenceStart && paired[0].clauseStart !== d.clauseStart ? valueRun(rs, i, paired.length + 1) : [];
      if (run.length >= 2 && run.length === paired!.length) {
        const from = paired!;
        run.forEach((g, k) => {
          g.metricRaw = from[k].metricRaw;
          g.metric = from[k].metric;
        });
        i += run.length - 1;
        continue;
      }
      // A value list with no 分别 (`年均增长5.3%、8.1%`): which value is whose is unknown.
      // `净增98万户、突破1900万户` is an increment and a level: two things, not a list of values.
      if (d.listed && i > 0 && rs[i - 1].metric === d.metric && rs[i - 1].q.unit === d.q.unit && rs[i - 1].change === d.change) {
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
    } else if (names.length === 1 && group.length === 2) {
      const pair = CONTRACTED_PAIRS.find(([w]) => names[0].includes(w));
      if (pair) names = pair[1].map((w) => names[0].replace(pair[0], w));
    }
    if (names.length < 2 && !phraseBefore(listText).raw) {
      // `…，分别增长9%、12%`: pair with the distinct metrics of the figures just before, in the same sentence.
      const before: Reading[] = [];
      for (let j = i - 1; j >= 0 && rs[j].sentenceStart === d.sentenceStart && before.length < group.length; j--) {
        if (!before.some((b) => b.metric === rs[j].metric)) before.unshift(rs[j]);
      }
      names = before.length === group.length ? before.map((b) => b.metricRaw) : [];
    }
    if (names.length === group.length) {
      paired = group;
      group.forEach((g, k) => {
        // The words before 分别 apply to every value of the list (`累计分别达到1016家和591家`).
        g.change = d.change;
        if (d.direction) g.direction = d.direction;
        if (d.versus) g.versus = d.versus;
        g.cumulative = d.cumulative;
        g.real = d.real;
        g.cagr = d.cagr;
        if (d.action) g.action = d.action;
        g.metricRaw = names[k];
        g.metric = normaliseMetric(names[k]).name;
      });
    } else {
      for (const g of group) g.ambiguous = true;
    }
    i += group.length - 1;
  }
}

/** The figure at `i` and the values listed after it in its clause (`增长4.2%、5.3%`), all of one metric as read; at most `max`. */
function valueRun(rs: readonly Reading[], i: number, max: number): Reading[] {
  const run = [rs[i]];
  for (let j = i + 1; j < rs.length && run.length < max && rs[j].listed && rs[j].clauseStart === rs[i].clauseStart && rs[j].metric === rs[i].metric; j++) {
    run.push(rs[j]);
  }
  return run;
}

function splitList(s: string): string[] {
  const tail = s.split(/[，；：]/).pop() ?? '';
  const items = tail
    .split('、')
    .map((x) => phraseBefore(x).raw)
    .filter((x) => x.length > 0);
  // `城镇和农村居民人均可支配收入`, `一般公共预算收入和支出`: one phrase, two names.
  const parts = items.length === 1 ? items[0].split(/[和及与]/).filter((x) => x.length > 0) : items;
  return parts.length > 1 ? shareHeads(parts, items.length === 1) : items;
}

/**
 * Names of a list that share words: a short item takes the long item's tail or head (`城镇` +
 * `农村居民人均可支配收入` → 城镇居民人均可支配收入; `一般公共预算收入` + `支出` → 一般公共预算支出; `旅客` +
 * `货邮吞吐量` → 旅客吞吐量; the head only within one 和-phrase); an item ending in the last item's head noun takes its tail (`高新技术企业` +
 * `科技型中小企业贷款` → 高新技术企业贷款).
 */
export function shareHeads(parts: readonly string[], joined: boolean): string[] {
  const first = parts[0];
  const last = parts[parts.length - 1];
  const head = HEAD_NOUNS.find((h) => last.endsWith(h) && last.length > h.length);
  return parts.map((x, i) => {
    if (i < parts.length - 1 && x.length <= 3 && last.length > x.length + 1) return x + last.slice(x.length);
    // `上海机场航空货邮和旅客吞吐量`: the head noun the last name ends with is every name's.
    // …and in a 、-list of sectors (`六大优势产业、高技术制造业、绿色低碳优势产业增加值`): 高技术制造业增加值.
    if (head && i < parts.length - 1 && !HEAD_NOUNS.some((h) => x.endsWith(h)) && (joined || x.endsWith('业'))) return x + head;
    // Only inside one phrase: in `进出口总额、出口` the short item is a name of its own.
    if (joined && i > 0 && x.length <= 3 && first.length > x.length + 1 && parts.slice(0, i).every((y) => y.length > 3)) {
      return first.slice(0, first.length - x.length) + x;
    }
    if (i < parts.length - 1 && x.length >= 2) {
      const head = x.slice(-2);
      const at = last.indexOf(head);
      if (at >= 0 && at + 2 < last.length && at + 2 >= last.length - 4) return x + last.slice(at + 2);
    }
    return x;
  });
}

/**
 * `从A提高到B`, `由A增至B`: A is the baseline of B (one year earlier when B is a yearly figure);
 * `分别从A1、A2提高到B1、B2` pairs A1 with B1 and A2 with B2.
 */
function linkFromTo(rs: Reading[], text: string): void {
  for (let i = 0; i < rs.length; i++) {
    if (!rs[i].phrase.from) continue;
    const n = runLength(rs, i);
    const j = i + n;
    if (j >= rs.length || rs[j].clauseStart !== rs[i].clauseStart) continue;
    if (
      !ARROW.test(
        text
          .slice(rs[j - 1].q.end, rs[j].q.start)
          .replace(/\s/g, '')
          .replace(YEAR_AT_END, ''),
      )
    ) {
      continue;
    }
    if (n > 1 && runLength(rs, j) !== n) continue;
    for (let k = 0; k < n; k++) {
      const a = rs[i + k];
      const b = rs[j + k];
      if (a.q.unit !== b.q.unit && !(a.q.unit === '' || b.q.unit === '')) break;
      a.baselineOf = j + k;
      // `比重由46.9%提高到48.2%`: the start is a share as much as the end.
      if (a.change !== 'share') a.change = 'level';
      if (b.q.unit === '%' || b.change === 'increment') b.change = 'level';
      b.base = i + k;
      if (k > 0 && rs[j].toward && !b.toward) b.toward = rs[j].toward;
      if (!b.metric) {
        b.metric = a.metric;
        b.metricRaw = a.metricRaw;
      }
    }
    i = j - 1;
  }
}

/** Head nouns a 和-joined list of names shares (`货邮和旅客吞吐量`, `一般公共预算收入和支出` is handled by length). */
const HEAD_NOUNS = ['吞吐量', '可支配收入', '余额', '总额', '增加值', '产量', '面积', '投资额', '人数', '数量'];

/** `增加到2023年的16亿元`: the end's year between the arrow and the figure. */
const YEAR_AT_END = /(?:19|20)\d{2}年(?:末|底)?的?$/;

/** How many figures from `i` form one value list (`202元、270元`). */
function runLength(rs: readonly Reading[], i: number): number {
  let n = 1;
  while (i + n < rs.length && rs[i + n].listed && rs[i + n].clauseStart === rs[i].clauseStart) n++;
  return n;
}

/** A change (`增长6.9%`, `总数达到216家`) points at the level stated just before it for the same metric. */
function linkLevels(rs: Reading[]): void {
  for (let i = 1; i < rs.length; i++) {
    const f = rs[i];
    if (f.change === 'level' || f.change === 'share' || f.ambiguous) continue;
    for (let j = i - 1; j >= 0 && rs[j].sentenceStart === f.sentenceStart; j--) {
      const g = rs[j];
      // `…2.18万亿元，比去年的1.62万亿元增加5600亿元`: the change is of 2.18万亿元, measured from the level compared with.
      if (g.compared) continue;
      if (g.metric === f.metric && (g.change === 'level' || g.change === 'total') && g.baselineOf === undefined && !g.ambiguous) {
        f.of = j;
        break;
      }
    }
  }
}
