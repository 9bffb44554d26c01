// Metric identity: which thing a number measures. Reports name a metric with a noun phrase
// right before the number (`城镇新增就业 2.5 万人`) or, after a count, right after it
// (`15个老旧小区`). The phrase is cut at the verbs around it, then normalised: scope words
// (全区, 全国) are dropped, 新增/净增/累计/总数 become roles of the fact, and synonyms
// (地区生产总值 ≈ GDP, synonyms.ts) map to one key. The words are facts/words.ts.
import { memoize } from '../lru';
import { byEdgeCode, longestFirst } from '../text/chars';
import {
  ABBREVIATIONS,
  ACTION_SYNONYMS,
  ACTION_VERBS,
  NEUTRAL_VERBS,
  IDENTITY_QUALIFIERS,
  LIST_CLASS_MIN,
  LIST_ETC,
  NEW_VERB,
  AGAIN_VERB_START,
  SHARE_SUFFIX,
  ADVERBS,
  AFTER_MAX,
  AFTER_STOP,
  CAGR,
  CUT_VERBS,
  endsWithAny,
  FALL_AFTER_COMPARISON,
  FALL_VERBS,
  FROM_MARK,
  INCREMENT_WORDS,
  LEADING,
  LEVEL_VERBS,
  LIST_ITEM_OPENER,
  LOWER_IS_BETTER,
  MEASURE_SUFFIX,
  NAME_NOISE,
  NAME_NOTES,
  NOT_LOWER_IS_BETTER,
  OBJECT_VERBS,
  PER_HEAD,
  RATE_SUFFIX,
  REAL,
  RISE_AFTER_COMPARISON,
  RISE_VERBS,
  ROLE_ONLY,
  SCOPE,
  SHARE_END,
  SHARE_OF,
  TARGET_SUFFIX,
  TO_LEVEL_DOWN,
  TO_LEVEL_UP,
  TO_LEVEL_VERBS,
  TOTAL_SUFFIXES,
  TOTAL_WORDS,
  ZAI_WORD,
  TRAILING,
  VERSUS,
  YEAR_IN_NAME,
  alternation,
} from './words';

/** What the words around a number say besides the metric's name. */
export interface PhraseRoles {
  /** 新增, 净增, 增加 X (non-rate): an amount added. */
  increment?: boolean;
  /** 总数, 总量, 累计达到: a running total. */
  total?: boolean;
  /** 累计 (over more than the period's flow). */
  cumulative?: boolean;
  /** 增长/提高/下降 right before the number. */
  direction?: 'up' | 'down';
  /** 提高到, 增至, 降至, 达到: the number is the new level, not the change. */
  toLevel?: boolean;
  /** Which way a to-level verb goes (`提高到` up, `降至` down; none for `达到`). */
  toward?: 'up' | 'down';
  /** 年均增长. */
  cagr?: boolean;
  /** 比上年, 同比, 比去年 (预算): a change against last year. */
  versus?: 'previous-year' | 'previous-budget';
  /** 占 (全国) X%: a share of something. */
  share?: boolean;
  /** The phrase ends in 从/由: the number is the start of `从A提高到B`. */
  from?: boolean;
  /** The phrase ends in 等 (… 等 98 个重点项目): the metric follows the number. */
  enumeration?: boolean;
  /** 分别 before the numbers: values pair with a list of metrics in order. */
  respectively?: boolean;
  /** 实际增长: a real (price-adjusted) rate, not comparable with nominal levels. */
  real?: boolean;
  /** The words before the number end in a verb (`成立`, `对`): what is counted follows the number. */
  objectAfter?: boolean;
  /** The verb of doing next to the figure (`建成`, `开工`, `引进`), in its canonical form; none for 实现/完成. */
  action?: string;
}

export interface Phrase extends PhraseRoles {
  /** The metric as written (trimmed), '' when the phrase names none. */
  raw: string;
}

// The word lists as the cutting uses them, built once.
const UP_AFTER_COMPARISON = endsWithAny(RISE_AFTER_COMPARISON);
const DOWN_AFTER_COMPARISON = endsWithAny(FALL_AFTER_COMPARISON);
const RISE_END = endsWithAny(RISE_VERBS);
const FALL_END = endsWithAny(FALL_VERBS);
const TO_LEVEL = endsWithAny([...LEVEL_VERBS, ...TO_LEVEL_VERBS]);
const TO_LEVEL_UP_END = endsWithAny(TO_LEVEL_UP);
const TO_LEVEL_DOWN_END = endsWithAny(TO_LEVEL_DOWN);
const INCREMENT_END = endsWithAny(INCREMENT_WORDS);
const INCREMENT_START = new RegExp(`^(?:${alternation(INCREMENT_WORDS)})`);
const INCREMENT_IN = new RegExp(alternation(INCREMENT_WORDS));
const INCREMENT_ANY = new RegExp(alternation(INCREMENT_WORDS), 'g');
const CUMULATIVE = '累计';
const ADVERB_END = endsWithAny(ADVERBS);
const OBJECT_VERB_END = endsWithAny(OBJECT_VERBS);
const TOTAL_ANY = new RegExp(alternation(TOTAL_WORDS));
const TOTAL_END = endsWithAny(TOTAL_SUFFIXES);
const PER_HEAD_END = endsWithAny(PER_HEAD);
const TRAILING_PUNCTUATION = /[，,、：:；;。（(）)\s]+$/;
/** The words peeled off the start, by their first character, longest first: one lookup instead of a scan. */
const LEADING_BY_FIRST = byEdgeCode(longestFirst(LEADING), (w) => w, 'first');
/** The words peeled off the end, one at a time (`…同比增长` → `…同比` → `…`). */
const TRAILING_END = endsWithAny(TRAILING);

function leadingWord(s: string): string | undefined {
  const l = LEADING_BY_FIRST.get(s.charCodeAt(0));
  if (l) for (const w of l) if (s.startsWith(w)) return w;
  return undefined;
}

/** The direction a comparison's tail states (`比上年增长`, `比去年预算高`). */
function directionAfterComparison(tail: string): 'up' | 'down' | undefined {
  if (UP_AFTER_COMPARISON.test(tail)) return 'up';
  if (DOWN_AFTER_COMPARISON.test(tail)) return 'down';
  // `比上年多开386列`, `比去年少用20亿元`: 多/少 before a verb of doing.
  if (/^[多增高]/.test(tail)) return 'up';
  if (/^[少减低]/.test(tail)) return 'down';
  return undefined;
}

/**
 * Where a name's words begin (before a figure) or end (after a count), when something other than the
 * verb peeling above decides it. Unset in the product: `npm run eval -- --segmenter` sets it to a word
 * segmenter's noun-phrase boundaries to measure them against the hand-written cutting (test/eval/segmenter.ts).
 */
export const nameCutting: { before?: (name: string) => string; after?: (noun: string) => string } = {};

// Phrases recur across passages and reports (`规模以上工业增加值增长`, `一般公共预算收入`): memoise
// the pure string functions, bounded so a long session cannot grow them without limit.
const MEMO_LIMIT = 3000;

/** Strips verbs and role words around the metric in the text before a number. */
export const phraseBefore: (segment: string) => Readonly<Phrase> = memoize(phraseBeforeUncached, MEMO_LIMIT);

/** `天门等全国文明城市` → 全国文明城市: the class after the last LIST_ETC, when it is LIST_CLASS_MIN characters or more. */
function afterListEtc(s: string): string {
  let at = -1;
  LIST_ETC.lastIndex = 0;
  for (let m = LIST_ETC.exec(s); m; m = LIST_ETC.exec(s)) at = m.index;
  return at >= 0 && s.length - at - 1 >= LIST_CLASS_MIN ? s.slice(at + 1) : s;
}

/**
 * The words after a bracket still open before the figure (`消费回暖不快（全省社零增长4.4%）` → 全省社零增长): the
 * figure is said inside it, of what the bracket names. A closed one (`保障性租赁住房（间）`) is a note of the name.
 */
function afterOpenBracket(segment: string): string {
  const open = Math.max(segment.lastIndexOf('（'), segment.lastIndexOf('('));
  return open >= 0 && open > Math.max(segment.lastIndexOf('）'), segment.lastIndexOf(')')) ? segment.slice(open + 1) : segment;
}

function phraseBeforeUncached(segment: string): Phrase {
  // The phrase itself, `raw` set last (a spread into a new object cost a first reading 2 % of its time).
  const roles = {} as Phrase;
  // `增加到2023年的16亿元`, `比2024年的60310亿元`: the year right before a figure says when, not what.
  let s = afterOpenBracket(segment).replace(NAME_NOISE, '').replace(LIST_ITEM_OPENER, '');
  // `比2024年的60310亿元`: the level compared with is of the metric named before; 比 names nothing.
  if (YEAR_BEFORE_FIGURE.test(s)) s = s.replace(YEAR_BEFORE_FIGURE, '').replace(COMPARED_WITH_END, '');
  // `补助标准提高到人均260元`: 人均 belongs to the figure; the verb before it is the phrase's end.
  if (PER_HEAD_END.test(s) && !FROM_MARK.test(s)) s = PER_HEAD_END.strip(s);
  // 比上年增长 / 比去年预算高: a comparison with last year; the metric is what comes before it.
  const vs = VERSUS.exec(s);
  if (vs) {
    roles.versus = vs[2] ? 'previous-budget' : 'previous-year';
    const dir = directionAfterComparison(s.slice(vs.index + vs[0].length));
    if (dir) roles.direction = dir;
    s = s.slice(0, vs.index);
  }
  if (s.includes('分别')) {
    roles.respectively = true;
    const at = s.lastIndexOf('分别');
    const tail = s.slice(at + 2);
    if (!roles.direction) {
      const dir = directionAfterComparison(tail);
      if (dir) roles.direction = dir;
    }
    if (TO_LEVEL.test(tail)) noteLevel(roles, tail);
    // `…分别新认定60家和30家`, `分别新增`: the values are amounts added.
    if (INCREMENT_END.test(tail) || NEW_VERB.test(tail)) roles.increment = true;
    // `…标准分别从每人每月202元、270元提高到…`: the 从 after 分别 makes these the starting points.
    if (FROM_MARK.test(tail)) roles.from = true;
    s = s.slice(0, at);
  }
  if (s.endsWith('等')) roles.enumeration = true;
  // `补助标准由每人每年300元提高到330元`: the metric stops at 从/由.
  const from = FROM_MARK.exec(s);
  if (from) {
    roles.from = true;
    s = s.slice(0, from.index);
  }
  // `占全市35.2%`, `占全区60%以上`: a share of the metric named before.
  if (SHARE_OF.test(s)) {
    roles.share = true;
    s = s.slice(0, s.lastIndexOf('占'));
  }
  s = peelTrailing(s, roles);
  s = s.replace(TRAILING_PUNCTUATION, '');
  for (let guard = 0; guard < 4 && ADVERB_END.test(s); guard++) {
    if (REAL.test(s)) roles.real = true;
    s = ADVERB_END.strip(s);
  }
  // `成立` `对` `…和`: the counted thing is probably named after the number.
  const objectVerb = OBJECT_VERB_END.match(s);
  if (objectVerb !== undefined) {
    roles.objectAfter = true;
    noteAction(roles, objectVerb);
  }
  // The metric is the last clause-free run: `…，其中中央财政赤字` → 中央财政赤字.
  const lastBreak = Math.max(s.lastIndexOf('，'), s.lastIndexOf('、'), s.lastIndexOf('：'), s.lastIndexOf('；'));
  const afterList = lastBreak >= 0 && s[lastBreak] === '、';
  // `新增黄石、咸宁、天门等全国文明城市12个`: 新增 opening the list is said of the figure after it.
  if (afterList && INCREMENT_START.test(s.slice(Math.max(s.lastIndexOf('，'), s.lastIndexOf('：'), s.lastIndexOf('；')) + 1))) roles.increment = true;
  if (lastBreak >= 0) s = s.slice(lastBreak + 1);
  // `黄石、咸宁、天门等全国文明城市`: after a 、 list, what follows 等 is the class the figure counts.
  if (afterList) s = afterListEtc(s);
  s = peelLeading(s, roles);
  if (nameCutting.before && s) s = nameCutting.before(s);
  roles.raw = s;
  return roles;
}

/** Peels verbs off the end (`稳定在`, `同比增长`, `累计`), noting what they say about the number. */
function peelTrailing(text: string, roles: PhraseRoles): string {
  let s = text;
  for (let guard = 0; guard < 8 && s.length; guard++) {
    if (CAGR.test(s)) roles.cagr = true;
    if (SHARE_END.test(s)) roles.share = true;
    if (!roles.toLevel && TO_LEVEL.test(s)) noteLevel(roles, s);
    else if (!roles.direction && !roles.toLevel) {
      if (RISE_END.test(s)) roles.direction = 'up';
      else if (FALL_END.test(s)) roles.direction = 'down';
    }
    if (INCREMENT_END.test(s) || NEW_VERB.test(s)) roles.increment = true;
    if (s.endsWith(CUMULATIVE)) roles.cumulative = true;
    const cut = TRAILING_END.match(s);
    if (!cut) break;
    s = s.slice(0, s.length - cut.length);
  }
  return s;
}

function noteLevel(roles: PhraseRoles, s: string): void {
  roles.toLevel = true;
  if (TO_LEVEL_UP_END.test(s)) roles.toward = 'up';
  else if (TO_LEVEL_DOWN_END.test(s)) roles.toward = 'down';
}

/** Peels scope, time, target and doing words off the start (`全区`, `力争`, `新建`, `一是`). */
function peelLeading(text: string, roles: PhraseRoles): string {
  let s = text;
  for (let guard = 0; guard < 10 && s.length; guard++) {
    // 再 is peeled as an adverb; before a verb that adds (`再开工改造…`) it makes the figure an increment.
    if (INCREMENT_START.test(s) || AGAIN_VERB_START.test(s)) roles.increment = true;
    if (s.startsWith(CUMULATIVE)) roles.cumulative = true;
    const opener = LIST_ITEM_OPENER.exec(s);
    if (opener) {
      s = s.slice(opener[0].length);
      continue;
    }
    if (INCREMENT_START.test(s) || s.startsWith(CUMULATIVE)) {
      s = s.slice(2);
      continue;
    }
    const sc = SCOPE.exec(s);
    if (sc) {
      s = s.slice(sc[0].length);
      continue;
    }
    const w = leadingWord(s);
    // `保障性住房`, `经营性用地`: a verb before 性 makes an adjective of the name, it is no verb.
    // …and a verb is no verb when it would leave a name of one character (`招聘会`, not 招聘 + 会).
    if (!w || s[w.length] === '性' || ZAI_WORD.test(s) || s.length - w.length < 2) break;
    if (CUTTING.has(w)) roles.direction ??= 'down';
    else if (ACTION_WORDS.has(w)) noteAction(roles, w);
    s = s.slice(w.length);
  }
  return s;
}

const CUTTING = new Set(CUT_VERBS);

/** The verbs of doing among the leading words (`建成`, `新建`, `引进`); 实现/完成 say nothing. */
const ACTION_WORDS = new Set([...ACTION_VERBS, ...OBJECT_VERBS].filter((w) => w.length >= 2 && !NEUTRAL_VERBS.includes(w)));

/** Keeps the verb nearest the figure; `新X` is X plus an increment (`新建` → 建 + 新增). */
function noteAction(roles: PhraseRoles, verb: string): void {
  // `新登记` is 登记 + an increment, whether or not the list names 新登记 itself.
  if (roles.action !== undefined || !(ACTION_WORDS.has(verb) || (verb.startsWith('新') && ACTION_WORDS.has(verb.slice(1))))) return;
  let v = ACTION_SYNONYMS[verb] ?? verb;
  if (v.length > 1 && v.startsWith('新') && v !== '新增') {
    roles.increment = true;
    v = v.slice(1);
  }
  roles.action = ACTION_SYNONYMS[v] ?? v;
}

/** The noun phrase after a figure: `家企业实现…` → 企业. */
export function phraseAfter(text: string, from: number): string {
  // `1.22万个亿元以上新建续建项目`: a threshold before the noun qualifies it, it is not the noun.
  const skip = AFTER_THRESHOLD.exec(text.slice(from, from + 12));
  if (skip) from += skip[0].length;
  // `建成100个“美丽街区”`, `1596个“千项万亿”重大项目`: a quoted name is the noun, with what follows it.
  if (text[from] === '“') {
    const close = text.indexOf('”', from + 1);
    if (close > from + 1 && close - from <= AFTER_MAX + 2) {
      const quoted = text.slice(from + 1, close);
      return (quoted + phraseAfter(text, close + 1)).slice(0, AFTER_MAX + 6);
    }
  }
  const s = text.slice(from, from + AFTER_MAX + 4);
  const m = AFTER_STOP.exec(s);
  // `3202家国家级专精特新“小巨人”企业`: a quoted word inside the noun is part of it.
  if (m && m[0] === '“' && m.index > 0) {
    const close = text.indexOf('”', from + m.index + 1);
    if (close > from + m.index + 1 && close - from <= AFTER_MAX + 2) {
      const head = s.slice(0, m.index) + text.slice(from + m.index + 1, close);
      return (head + phraseAfter(text, close + 1)).replace(/\s+/g, '').slice(0, AFTER_MAX + 6);
    }
  }
  const cut = m ? s.slice(0, m.index) : s.slice(0, AFTER_MAX);
  const noun = cut.replace(/\s+/g, '').slice(0, AFTER_MAX);
  return nameCutting.after && noun ? nameCutting.after(noun) : noun;
}

const COMPARED_WITH_END = /(?:^|[，、])?(?:比|较|相比)$/;
const YEAR_BEFORE_FIGURE = /(?:19|20)\d{2}年(?:末|底|度)?的?$/;

/** 新X opening a name (`新登记经营主体`, `新认定高新技术企业`); 新增 is handled with the increment words. */
const NEW_VERB_START = new RegExp(`^${NEW_VERB.source.replace(/\$$/, '')}`);

/** `亿元以上`, `5000万元以上`, `500平方米以上` right after a count: the threshold of what is counted. */
const AFTER_THRESHOLD = /^(?:[\d.]*(?:万|亿)?(?:元|平方米|亩|吨))(?:以上|以下)/;

/** The name used for identity: no scope words, roles, quotes, brackets, or trailing 目标/人数. */
export const normaliseMetric: (raw: string) => Readonly<{ name: string; roles: Readonly<PhraseRoles> }> = memoize(normaliseMetricUncached, MEMO_LIMIT);

function normaliseMetricUncached(raw: string): { name: string; roles: PhraseRoles } {
  const roles: PhraseRoles = {};
  let s = raw.replace(NAME_NOISE, '').replace(NAME_NOTES, '');
  s = peelLeading(s, roles);
  if (ROLE_ONLY.test(s)) {
    if (TOTAL_ANY.test(s)) roles.total = true;
    return { name: '', roles };
  }
  // `新登记经营主体320万户`, `新认定…`: a verb with 新 opening the name adds to a count.
  const fresh = NEW_VERB_START.exec(s);
  if (fresh && s.length > fresh[0].length + 1) {
    roles.increment = true;
    noteAction(roles, fresh[0]);
    s = s.slice(fresh[0].length);
  }
  // 城镇新增就业 → 城镇就业 + increment; 高新技术企业总数 → 高新技术企业 + total.
  if (INCREMENT_IN.test(s)) {
    roles.increment = true;
    s = s.replace(INCREMENT_ANY, '');
  }
  if (TOTAL_END.test(s)) {
    roles.total = true;
    s = TOTAL_END.strip(s);
  }
  s = s.replace(YEAR_IN_NAME, '').replace(TARGET_SUFFIX, '').replace(MEASURE_SUFFIX, '').replace(/的/g, '');
  for (const [abbr, full] of ABBREVIATIONS) s = s.replace(abbr, full);
  if (RATE_SUFFIX.test(s) && s.length > 2) {
    roles.direction = roles.direction ?? 'up';
    s = s.replace(RATE_SUFFIX, '');
  }
  // `建成三级医院的县占比`, `服务业比重`: a share of what the rest names.
  if (SHARE_SUFFIX.test(s) && s.length > 2) {
    roles.share = true;
    s = s.replace(SHARE_SUFFIX, '');
  }
  // `国家级科技型中小企业备案178家` = `178家企业成功备案国家级科技型中小企业`: a verb of doing that ends a
  // noun-first name is the count's verb, as it is when it follows the figure.
  if (roles.action === undefined) {
    const verb = trailingAction(s);
    if (verb) noteAction(roles, verb);
  }
  return { name: s, roles };
}

/** The verb of doing a name ends with (`…中小企业备案` → 备案), when a name of two characters or more is left. */
function trailingAction(s: string): string | undefined {
  for (let n = 3; n >= 2; n--) {
    const w = s.slice(-n);
    if (s.length - n >= 2 && ACTION_WORDS.has(w) && s[s.length - n - 1] !== '性') return w;
  }
  return undefined;
}

/**
 * Two mentions are one metric when they name the same things in any order (`出让矿业权` and
 * `矿业权出让`; `86%的县建成三级医院` and `建成三级医院的县占比`): the identity is the name's characters,
 * sorted, after the words that say nothing (的, 了, 实现, 完成 …) are gone. A synonym's head stands
 * for itself. A count keeps its verb of doing (`开工` and `建成` projects are different counts).
 */
export function identityOf(name: string, key: string, known: boolean, action: string | undefined): string {
  const base = known ? key : bareIdentityOf(name);
  return action ? `${action}|${base}` : base;
}

/** A name's characters, sorted, without the words that say nothing (one regex of ~150 verbs: remembered). */
const bareIdentityOf = memoize((name: string) => sortedCharacters(name.replace(IDENTITY_NOISE, '')), MEMO_LIMIT);

/**
 * The distinct characters of `s` in code order (`矿业权出让` → `业出权矿让`): its code units sorted as
 * numbers, repeats dropped. A name with a character outside the BMP (`𬌗`) is read by code points,
 * so a surrogate pair stays one character. Numbers sort without the string conversions, and no Set
 * is made: a cold analysis names a few hundred figures.
 */
function sortedCharacters(s: string): string {
  const units = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return [...new Set(s)].sort().join('');
    units[i] = c;
  }
  units.sort();
  let out = '';
  for (let i = 0; i < units.length; i++) if (i === 0 || units[i] !== units[i - 1]) out += String.fromCharCode(units[i]);
  return out;
}
// Verbs of doing go too: a share's name (`建成三级医院的县占比`) is the same with or without them, and a
// count keeps its verb in front of the identity instead.
const IDENTITY_NOISE = new RegExp(
  `的|了|着|在|成功|${alternation([...IDENTITY_QUALIFIERS, ...NEUTRAL_VERBS.filter((v) => v.length > 1), ...[...ACTION_VERBS, ...OBJECT_VERBS].filter((v) => v.length > 1)])}`,
  'g',
);

/**
 * The verb of doing a figure-first count's predicate starts with (`53个重大项目建成投运` → 建成) and the
 * words after it (`14个学科入选国家…名单` → 入选, 国家…名单).
 */
export function leadingAction(predicate: string): { action?: string; rest: string } {
  const roles: PhraseRoles = {};
  let s = predicate.replace(/^(?:在|已|均|全部|成功|顺利)+/, '');
  const w = leadingWord(s);
  if (w && ACTION_WORDS.has(w)) {
    noteAction(roles, w);
    s = s.slice(w.length);
  }
  return roles.action ? { action: roles.action, rest: s } : { rest: s };
}

/** Whether a metric is better when low (prices, unemployment, energy use): see LOWER_IS_BETTER. */
export function lowerIsBetter(metric: string): boolean {
  return LOWER_IS_BETTER.test(metric) && !NOT_LOWER_IS_BETTER.test(metric);
}
