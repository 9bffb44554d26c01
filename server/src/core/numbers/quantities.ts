// Reading quantities out of report prose: `1.1 万亩`, `2.76万亿元`, `6.5%－7%`, `600多万套`,
// `突破260家`, `十件民生实事`. Everything that looks like a number but is not a measurement —
// dates, years, ordinals, plan names in quotes, model names — is left out here, once, so no rule
// has to know about it. The reader works on a passage's logical text (page breaks already
// joined), in one left-to-right pass with char-code tests (it runs on every keystroke).
import { parseChineseNumeral } from '../text/chineseNumerals';
import {
  byEdgeCode,
  CH_CN_NUMERAL,
  CH_DIGIT,
  CHAR_CLASS,
  codeSet,
  digitValue,
  isAsciiLetter,
  isDigit,
  isHan,
  isSpace,
  longestFirst,
  OPEN_QUOTES,
} from '../text/chars';
import { readMixedNumeral } from './mixedNumerals';
import { matchPrefixQualifier, matchSuffixQualifier, type Qualifier } from './qualifiers';
import { SCALE } from './units';
import {
  CHENG_AS_UNIT,
  CN_CLASSIFIERS,
  CN_NOT_COUNT_UNITS,
  VAGUE,
  COUNT_WORD_MAX,
  DOUBLING,
  TIMES_TWO,
  POSITIVE_GROWTH,
  DATE_UNITS,
  LONE_PLACE_WORDS,
  NOT_MINUS_BEFORE,
  NOT_SCALE_AFTER,
  ORDINAL_BEFORE,
  PARTY_CONGRESS_BEFORE,
  RANGE_SEPS,
  UNIT_FALSE_START,
  UNIT_SPELLING,
  UNITS,
} from './words';

export interface Quantity {
  /** Logical offsets of the whole figure, qualifier words included (`突破260家`, `35%以上`). */
  start: number;
  end: number;
  /** Offsets of the first numeral (without qualifier words) — where the digits are. */
  numStart: number;
  numEnd: number;
  /** The value in `unit` (multipliers applied: `1.1万亩` → 11000, unit `亩`). */
  value: number;
  /** Upper end of a range (`6.5%－7%` → value 6.5, high 7). */
  high?: number;
  /** Stated unit without multiplier: `元`, `亩`, `%`, `个百分点`, `倍`, `家`; '' for a bare `1000万`. */
  unit: string;
  /** The multiplier as written: '', `万`, `亿`, `万亿` (used to print numbers the way the report does). */
  scale: string;
  /** Half of the last stated digit's place value, in `unit` (`1.1万` → 500; exact integers → 0). */
  precision: number;
  qualifier?: Qualifier;
  /** Written in Chinese numerals (`十件`, `三十五家`, `翻一番`). */
  chineseNumeral: boolean;
  /**
   * A count word (`三大攻坚战`, `十件民生实事`, `八个方面`): a small Chinese count of a list, which
   * count-mismatch checks; never a measurement to compare with other figures.
   */
  countWord: boolean;
  /** `翻一番`, `翻两番`, `倍增`: the new level is `value` times the old (unit 倍). */
  doubling?: boolean;
  /** `实现正增长`: a growth rate above 0 % (value 0, qualifier 超过), said without a figure. */
  positiveGrowth?: boolean;
  /** Some digit, point or % sign was full-width (`１２３`, `５％`). */
  fullWidth: boolean;
  /** Set on ranges: the separator as written and what the first number left out. */
  range?: { sep: string; sepAt: number; dropped?: string; firstEnd: number };
  /** Mixed Arabic digits with 十/百/千 (`3千`), GB/T 15835 5.3. */
  mixedSmallUnit?: { at: number; char: string };
  /** The figure is negative (`-5`, `负3`). */
  negative?: boolean;
}

const UNIT_SET = new Set(UNITS);
/** Every unit by its first character's code, longest first. */
const UNITS_BY_FIRST = byEdgeCode(longestFirst(UNITS), (u) => u, 'first');

const enum C {
  FW0 = 0xff10,
  DOT = 0x2e,
  FWDOT = 0xff0e,
  COMMA = 0x2c,
  PLUS = 0x2b,
  HYPHEN = 0x2d,
  DI = 0x7b2c, // 第
}

export interface ReadOptions {
  /** Logical spans inside quotation marks or 书名号, where numbers are names (`“十四五”`, `《中国制造2025》`). */
  quoted?: readonly { start: number; end: number }[];
}

/** Every quantity in `text`, in order. Never throws; spans always lie inside the text. */
export function readQuantities(text: string, options: ReadOptions = {}): Quantity[] {
  const out: Quantity[] = [];
  const quoted = options.quoted ?? findQuoted(text);
  let qi = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cls = CHAR_CLASS[text.charCodeAt(i)];
    if ((cls & (CH_DIGIT | CH_CN_NUMERAL)) === 0) {
      i++;
      continue;
    }
    const isDigit = (cls & CH_DIGIT) !== 0;
    while (qi < quoted.length && quoted[qi].end <= i) qi++;
    if (qi < quoted.length && quoted[qi].start <= i) {
      i = quoted[qi].end;
      continue;
    }
    const q = isDigit ? readArabic(text, i) : readChinese(text, i);
    if (q && 'skipTo' in q) {
      i = Math.max(i + 1, q.skipTo);
      continue;
    }
    if (q) {
      out.push(q);
      i = Math.max(i + 1, q.end);
    } else {
      i++;
      // Skip the rest of a digit or numeral run: its tail is not a number of its own.
      const runClass = isDigit ? CH_DIGIT : CH_CN_NUMERAL;
      while (i < n && (CHAR_CLASS[text.charCodeAt(i)] & runClass) !== 0) i++;
    }
  }
  return withDoublings(text, out, quoted);
}

/** `翻一番` (×2), `翻了两番多` (×4 or more), `倍增` (×2): a multiple with no Arabic figure, merged in order. */
function withDoublings(text: string, out: Quantity[], quoted: readonly { start: number; end: number }[]): Quantity[] {
  if (!text.includes('番') && !text.includes('倍增') && !text.includes('正增长')) return out;
  const found: Quantity[] = [];
  const inQuote = (at: number) => quoted.some((q) => q.start <= at && at < q.end);
  const push = (start: number, end: number, numStart: number, numEnd: number, value: number, many: boolean) => {
    if (inQuote(start)) return;
    const q: Quantity = {
      start,
      end,
      numStart,
      numEnd,
      value,
      unit: '倍',
      scale: '',
      precision: 0,
      chineseNumeral: true,
      countWord: false,
      fullWidth: false,
      doubling: true,
    };
    if (many) q.qualifier = '多';
    found.push(q);
  };
  for (const m of text.matchAll(DOUBLING)) {
    const n = m[1] === '两' ? 2 : (parseChineseNumeral(m[1]) ?? 1);
    const at = m.index + m[0].indexOf(m[1]);
    push(m.index, m.index + m[0].length, at, at + 1, Math.pow(2, n), !!m[2]);
  }
  for (const m of text.matchAll(TIMES_TWO)) push(m.index, m.index + 2, m.index, m.index + 2, 2, false);
  for (const m of text.matchAll(POSITIVE_GROWTH)) {
    if (inQuote(m.index)) continue;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      numStart: m.index,
      numEnd: m.index + 1,
      value: 0,
      unit: '%',
      scale: '',
      precision: 0,
      qualifier: '超过',
      chineseNumeral: true,
      countWord: false,
      fullWidth: false,
      positiveGrowth: true,
    });
  }
  if (!found.length) return out;
  return [...out, ...found].sort((a, b) => a.start - b.start);
}

type ReadResult = Quantity | { skipTo: number } | undefined;

// ---- Figures in Arabic digits ----------------------------------------------------------------

/** `53家`, `2.76万亿元`, `6.5%－7%`, `3千5百人` — or nothing when the digits are a date, a code or a name. */
/** Words that number a part of the document (`附件2`, `附表1`, `专栏3`). */
const LABEL_BEFORE = /(?:附件|附表|专栏)$/;

function readArabic(s: string, i: number): ReadResult {
  const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
  // Model names and codes: PM2.5, C919, G20, M2, COVID-19.
  if (isAsciiLetter(prev) || (prev === C.HYPHEN && isAsciiLetter(s.charCodeAt(i - 2)))) return undefined;
  if (prev === C.DI) return skipOrdinal(s, i);
  const num = readNumeral(s, i);
  if (!num) return undefined;
  // `附件2 名词解释`, `附表1`: a label's number, not a count of what follows.
  if (LABEL_BEFORE.test(s.slice(Math.max(0, i - 2), i))) return { skipTo: num.end };
  const after = s.charCodeAt(num.end);
  // 5G, “1+3”.
  if (isAsciiLetter(after) || after === C.PLUS || (prev === C.PLUS && digitValue(s.charCodeAt(i - 2)) >= 0)) return { skipTo: num.end };
  const date = dateEnd(s, num);
  if (date !== undefined) return { skipTo: date };
  const first = readFigure(s, i, num);
  if (!first) return { skipTo: num.end };
  const range = readRange(s, i, num, first);
  if (range) return range;
  // A bare number (`1000`), or a year count that is no duration (`2019年` read as a year elsewhere).
  if (first.unit === '' && first.scale === '') return arabicCountWord(s, i, num) ?? { skipTo: first.end };
  if (first.unit === '年' && !(num.decimals > 0 || Number(num.text) < 200)) return { skipTo: first.end };
  return first;
}

/** The largest Arabic count before 大 (`5大支柱产业`, `12大重点产业链`): beyond it 大 is no count word. */
const ARABIC_COUNT_WORD_MAX = 30;

/**
 * `光电子信息、…、农产品加工5大支柱产业`: an Arabic count before 大 and a noun is a count word like 五大, not
 * a measurement (`3大于2` is a comparison, `党的20大` a congress).
 */
function arabicCountWord(s: string, i: number, num: Numeral): Quantity | undefined {
  const at = num.end;
  if (s[at] !== '大' || num.decimals > 0 || !isHan(s.charCodeAt(at + 1)) || s[at + 1] === '于') return undefined;
  const value = Number(num.text);
  if (!(value >= 2 && value <= ARABIC_COUNT_WORD_MAX) || PARTY_CONGRESS_BEFORE.test(s.slice(Math.max(0, i - 2), i))) return undefined;
  return {
    start: i,
    end: at + 1,
    numStart: i,
    numEnd: at,
    value,
    unit: '大',
    scale: '',
    precision: 0,
    chineseNumeral: false,
    countWord: true,
    fullWidth: num.fullWidth,
  };
}

/** An ordinal like 第1、第20届 is a position, not a quantity: skip it and its unit. */
function skipOrdinal(s: string, i: number): ReadResult {
  const num = readNumeral(s, i);
  return { skipTo: num ? num.end + 1 : i + 1 };
}

/** Where a date or year that starts with `num` ends (`2023年`, `2021—2025年`, `1月13日`, `75周年`), else undefined. */
function dateEnd(s: string, num: Numeral): number | undefined {
  if (num.decimals > 0 || num.text.length > 4) return undefined;
  const k = skipSpaces(s, num.end);
  const ch = s[k];
  if (ch === '年' && num.text.length === 4 && Number(num.text) >= 1000) return k + 1;
  if (DATE_UNIT_CODES.has(s.charCodeAt(k))) return k + 1;
  if ((ch === '—' || ch === '－' || ch === '-' || ch === '～' || ch === '~') && num.text.length === 4 && /^\s?\d{4}\s?年/.test(s.substr(k + 1, 7))) {
    return k + 6;
  }
  if (s.startsWith('周年', k)) return k + 2;
  return undefined;
}

interface Figure extends Quantity {
  /** The qualifier stood before the number (`突破260家`): a range cannot end with such a figure. */
  qualifierBefore: boolean;
}

/** The figure whose numeral is `num`: its amount, its unit, and the qualifier words around it. */
function readFigure(s: string, i: number, num: Numeral): Figure | undefined {
  const amount = readAmount(s, i, num);
  if (!Number.isFinite(amount.value)) return undefined;
  const unit = readUnit(s, amount.end, num);
  return withQualifiers(s, i, num, amount, unit);
}

/** A number and its multiplier: `2.76万亿`, `600多万`, `4万多亿`, and whole mixed numerals (`3千5百`, `1万2千多`). */
interface Amount {
  value: number;
  scale: string;
  end: number;
  many?: '多' | '余';
  /** Set when the reading fixes it (mixed numerals: half the last stated place). */
  precision?: number;
  mixedSmallUnit?: Quantity['mixedSmallUnit'];
}

function readAmount(s: string, i: number, num: Numeral): Amount {
  // `3千5百`, `6千6百万`, `1万2千多户`: digits with place words are one number, read whole.
  const mixed = readMixedNumeral(s, i);
  if (mixed) {
    const amount: Amount = { value: mixed.value, scale: mixed.scale, end: mixed.end, precision: mixed.precision };
    if (mixed.smallUnit) amount.mixedSmallUnit = { at: mixed.smallUnit.at, char: mixed.smallUnit.char };
    if (mixed.many) amount.many = mixed.many;
    return amount;
  }
  let many: '多' | '余' | undefined;
  let k = num.end;
  const m = skipSpaces(s, k);
  // `600多万套`, `1000 余万元`, `20余次`.
  if (s[m] === '多' || s[m] === '余') {
    many = s[m] as '多' | '余';
    k = m + 1;
  }
  k = skipSpaces(s, k);
  let scale = '';
  if ((s[k] === '万' || s[k] === '亿') && !NOT_SCALE_AFTER.test(s.substr(k, 2))) {
    const r = readScale(s, k);
    scale = r.scale;
    if (r.many) many ??= '多';
    k = r.end;
  }
  if (s[k] === '多' || s[k] === '余') {
    many = s[k] as '多' | '余';
    k++;
  }
  const amount: Amount = { value: Number(num.text) * (SCALE[scale] ?? 1), scale, end: k };
  if (many) amount.many = many;
  return amount;
}

/** The multiplier (`万`, `亿`, `万亿`, and the `4万多亿` form) at j. */
function readScale(s: string, j: number): { scale: string; end: number; many: boolean } {
  const a = s[j];
  if (a === '万') {
    if (s[j + 1] === '亿') return { scale: '万亿', end: j + 2, many: false };
    if ((s[j + 1] === '多' || s[j + 1] === '余') && s[j + 2] === '亿') return { scale: '万亿', end: j + 3, many: true };
    return { scale: '万', end: j + 1, many: false };
  }
  if (a === '亿') return { scale: '亿', end: j + 1, many: false };
  return { scale: '', end: j, many: false };
}

/** The unit after an amount (`家`, `个百分点`, 成 for tenths), or '' — never the start of a longer noun (`个人`). */
/** A measure word in brackets right after the unit (`套（间）`, `个（家）`). */
const ALT_UNIT = /^[（(]([\u4e00-\u9fff]{1,2})[）)]/;

function readUnit(s: string, at: number, num: Numeral): { unit: string; end: number } {
  const k = skipSpaces(s, at);
  const unit = matchUnit(s, k);
  if (unit) {
    if (UNIT_FALSE_START.test(s.substr(k, 3))) return { unit: '', end: at };
    // `7.4万套（间）`: the second measure word in brackets belongs to the unit.
    const alt = ALT_UNIT.exec(s.slice(k + unit.length, k + unit.length + 4));
    return { unit, end: k + unit.length + (alt && UNIT_SET.has(alt[1]) ? alt[0].length : 0) };
  }
  // `7成`, `九成以上`: tenths, for whole numbers up to ten.
  if (s.startsWith('成', k) && CHENG_AS_UNIT.test(s.substr(k, 3)) && num.decimals === 0 && Number(num.text) <= 10) return { unit: '成', end: k + 1 };
  return { unit: '', end: at };
}

/** The longest unit starting at `j` (`万千瓦时` before `万千瓦`): looked up by its first character, no substring made. */
function matchUnit(s: string, j: number): string | undefined {
  const candidates = UNITS_BY_FIRST.get(s.charCodeAt(j));
  if (candidates) for (const u of candidates) if (s.startsWith(u, j)) return u;
  return undefined;
}

/**
 * The qualifier and sign around a figure. Precedence: a word before the number (突破, 近, 约), then
 * a bound after it (以上, 左右), then 多/余 — `超过600多万` is still "more than". 成 becomes %.
 */
function withQualifiers(s: string, i: number, num: Numeral, amount: Amount, read: { unit: string; end: number }): Figure {
  let unit = read.unit;
  let end = read.end;
  let value = amount.value;
  let precision = amount.precision ?? precisionOf(num, amount.scale, unit);
  let suffix = matchSuffixQualifier(s, end);
  if (suffix) end = suffix.end;
  // `增长2倍多`: 多 right after 倍 (and nothing else) says "more than".
  else if (unit === '倍' && s[end] === '多') suffix = { q: '多', end: ++end };
  let prefix = matchPrefixQualifier(s, i);
  // `近5年` is "the recent five years", not "almost five years".
  if (prefix && prefix.q === '近' && unit === '年') prefix = undefined;
  const bound = suffix && suffix.q !== '多' && suffix.q !== '余' ? suffix.q : undefined;
  const qualifier: Qualifier | undefined = prefix?.q ?? bound ?? suffix?.q ?? amount.many;
  let start = prefix ? prefix.start : i;
  let negative: boolean | undefined;
  if (minusBefore(s, i) && !prefix) {
    negative = true;
    value = -value;
    start = i - 1;
  }
  if (unit === '成') {
    value *= 10;
    precision *= 10;
    unit = '%';
  }
  return {
    start,
    end,
    numStart: i,
    numEnd: num.end,
    value,
    unit: normaliseUnit(unit),
    scale: amount.scale,
    precision,
    qualifier,
    chineseNumeral: false,
    countWord: false,
    fullWidth: num.fullWidth || s[skipSpaces(s, amount.end)] === '％',
    mixedSmallUnit: amount.mixedSmallUnit,
    negative,
    qualifierBefore: !!prefix,
  };
}

/** A minus sign right before the number (`-5`, `负3`), not the end of a word (`税负5700多亿元`) or of another number. */
function minusBefore(s: string, i: number): boolean {
  const p = s[i - 1];
  const sign = p === '-' || p === '－' || p === '−' || (p === '负' && !(i >= 2 && NOT_MINUS_BEFORE.includes(s[i - 2])));
  return sign && !isNumberEnd(s, i - 2);
}

/** A range: `6.5%－7%`, `15～30%`, `9亿～16亿`, from the first figure and the number after the separator. */
function readRange(s: string, i: number, num: Numeral, first: Figure): Quantity | undefined {
  const sepAt = first.end;
  const sep = s[sepAt];
  // `——` is a dash, not a range; the second number must follow the separator at once.
  if (!sep || !RANGE_SEPS.includes(sep) || s[sepAt + 1] === sep || (sep === '—' && s[sepAt - 1] === '—') || digitValue(s.charCodeAt(sepAt + 1)) < 0) {
    return undefined;
  }
  const num2 = readNumeral(s, sepAt + 1);
  const second = num2 && readFigure(s, sepAt + 1, num2);
  if (!second || second.qualifierBefore) return undefined;
  const firstBare = first.unit === '' && first.scale === '';
  const sameUnit = first.unit === second.unit || firstBare || (first.unit === '' && first.scale !== '' && second.scale !== '');
  if (!sameUnit || (second.unit === '' && second.scale === '')) return undefined;
  // What the first number left out (`15～30%` drops %, `9～16亿` drops 亿): number-format asks for it.
  let dropped: string | undefined;
  if (first.unit === '' && second.unit !== '' && first.scale === '' && second.scale === '') dropped = second.unit;
  else if (first.scale === '' && second.scale !== '') dropped = second.scale + (first.unit === '' ? second.unit : '');
  else if (first.unit === '' && second.unit !== '') dropped = second.unit;
  const scale = first.scale || second.scale;
  const v1 = Number(num.text) * (SCALE[scale] ?? 1);
  const v2 = second.value;
  if (!Number.isFinite(v1) || !Number.isFinite(v2)) return undefined;
  return {
    start: first.start,
    end: second.end,
    numStart: i,
    numEnd: num.end,
    value: Math.min(v1, v2),
    high: Math.max(v1, v2),
    unit: normaliseUnit(second.unit),
    scale,
    // A range is as precise as its more precise end: `6%－6.5%` reads 6.0 to 6.5.
    precision: Math.min(precisionOf(num, scale, second.unit), second.precision),
    qualifier: first.qualifier ?? second.qualifier,
    chineseNumeral: false,
    countWord: false,
    fullWidth: num.fullWidth || second.fullWidth || first.fullWidth,
    range: { sep, sepAt, dropped, firstEnd: first.end },
  };
}

function isNumberEnd(s: string, j: number): boolean {
  if (j < 0) return false;
  const c = s.charCodeAt(j);
  return digitValue(c) >= 0 || s[j] === '%' || s[j] === '％';
}

function normaliseUnit(u: string): string {
  return UNIT_SPELLING[u] ?? u;
}

/**
 * Half the place value of the last stated digit; a whole count with no multiplier (216 家) is exact.
 * A whole percentage (`增长4%`) is a rate stated to one decimal with its `.0` dropped: reports give
 * rates to one decimal (256 such rates in the corpus) and never write `4.0%` (0 in the corpus, where a
 * tenth of 256 would be expected), so `4%` is 3.95–4.05, not 3.5–4.5 — `社零增长4.4%` is not `增长4%`.
 */
function precisionOf(num: Numeral, scale: string, unit: string): number {
  const mult = SCALE[scale] ?? 1;
  if (num.decimals === 0 && scale === '' && (unit === '%' || unit === '％')) return WHOLE_RATE_PRECISION;
  if (num.decimals === 0 && scale === '' && unit !== '个百分点' && unit !== '百分点' && unit !== '成') return 0;
  return (0.5 * mult) / Math.pow(10, num.decimals);
}
/** `增长4%` = 4.0% ± 0.05 (see precisionOf). */
const WHOLE_RATE_PRECISION = 0.05;

// ---- Counts in Chinese numerals --------------------------------------------------------------

/** `十件民生实事`, `三大攻坚战`, `八个方面`, `九成以上`, `超百万人` — or nothing for a position, a name or an idiom. */
function readChinese(s: string, i: number): ReadResult {
  if (positionOrName(s, i)) return undefined;
  let j = i;
  while (j < s.length && j - i < 12 && (CHAR_CLASS[s.charCodeAt(j)] & CH_CN_NUMERAL) !== 0) j++;
  const run = s.slice(i, j);
  if (run === '一' || run === '〇' || run === '零') return undefined;
  if (s[i - 1] === VAGUE || s[j] === VAGUE) return { skipTo: j + 1 };
  const prefix = matchPrefixQualifier(s, i);
  if (LONE_PLACE_WORDS.includes(run) && !(prefix && (prefix.q === '超过' || prefix.q === '近'))) return { skipTo: j };
  let k = j;
  let many = false;
  if (s[k] === '多' || s[k] === '余') {
    many = true;
    k++;
  }
  let classifier: string | undefined;
  for (const c of CN_CLASSIFIERS) {
    if (s.startsWith(c, k)) {
      classifier = c;
      break;
    }
  }
  if (!classifier && s[k] === '成' && CHENG_AS_UNIT.test(s.substr(k, 3))) return readTenths(s, i, j, k, run, many);
  let unit = classifier;
  let value = parseChineseNumeral(run);
  if (value === null || !Number.isFinite(value)) return { skipTo: j };
  if (!unit) {
    // `超百万人`, `一千三百四十一万人`, `三千五百万元`: a Chinese numeral measuring something takes any unit.
    const u = /[万亿]$/.test(run) || value > COUNT_WORD_MAX ? matchUnit(s, k) : undefined;
    if (!u || UNIT_FALSE_START.test(s.substr(k, 3)) || CN_NOT_COUNT_UNITS.includes(u)) return { skipTo: j };
    unit = u;
  }
  if (classifier === '大' && (value > 10 || PARTY_CONGRESS_BEFORE.test(s.slice(Math.max(0, i - 2), i)))) return { skipTo: j };
  // 五个一批, 三个一: a name, not a count.
  if (classifier === '个' && s[k + 1] === '一') return { skipTo: j };
  if (classifier && UNIT_FALSE_START.test(s.substr(k, 3))) return { skipTo: j };
  const end = k + (unit === '个方面' ? 3 : unit.length);
  let qualifier: Qualifier | undefined = many ? '多' : undefined;
  const suffix = matchSuffixQualifier(s, end);
  if (suffix && suffix.q !== '多') qualifier = suffix.q;
  if (prefix) qualifier = prefix.q;
  if (classifier === '大' || classifier === '个方面' || classifier === '方面') unit = classifier === '大' ? '大' : '个方面';
  if (value < 0) value = 0;
  return {
    start: prefix ? prefix.start : i,
    end: suffix && suffix.q !== '多' ? suffix.end : end,
    numStart: i,
    numEnd: j,
    value,
    unit: normaliseUnit(unit),
    scale: /万亿$/.test(run) ? '万亿' : /亿$/.test(run) ? '亿' : /万$/.test(run) ? '万' : '',
    precision: 0,
    qualifier,
    chineseNumeral: true,
    countWord: value <= COUNT_WORD_MAX,
    fullWidth: false,
  };
}

const ORDINAL_CODES = codeSet(ORDINAL_BEFORE);
const DATE_UNIT_CODES = codeSet(DATE_UNITS);

/** 第六届, 初三, 星期五, 周五: a position or a name, not a count. */
function positionOrName(s: string, i: number): boolean {
  const prev = s[i - 1];
  return ORDINAL_CODES.has(s.charCodeAt(i - 1)) || (prev === '期' && s[i - 2] === '星') || (prev === '周' && s[i - 2] !== '超');
}

/** `九成以上` = 90 % or more (tenths up to ten). */
function readTenths(s: string, i: number, j: number, k: number, run: string, many: boolean): ReadResult {
  const v = parseChineseNumeral(run);
  if (v === null || v > 10) return { skipTo: j };
  const sfx = matchSuffixQualifier(s, k + 1);
  const pre = matchPrefixQualifier(s, i);
  return {
    start: pre ? pre.start : i,
    end: sfx ? sfx.end : k + 1,
    numStart: i,
    numEnd: j,
    value: v * 10,
    unit: '%',
    scale: '',
    precision: 5,
    qualifier: pre?.q ?? sfx?.q ?? (many ? '多' : undefined),
    chineseNumeral: true,
    countWord: false,
    fullWidth: false,
  };
}

// ---- Names in quotation marks ----------------------------------------------------------------

interface Numeral {
  end: number;
  /** Digits as an ASCII string ("1.1"). */
  text: string;
  decimals: number;
  fullWidth: boolean;
}

/** Reads `123`, `1,000,000`, `1.1`, `１２３．５` at `i`. */
function readNumeral(s: string, i: number): Numeral | undefined {
  let j = i;
  let text = '';
  let fullWidth = false;
  let decimals = 0;
  const n = s.length;
  // The usual figure, half-width digits with no thousands comma (`2023`, `53`): its text is its slice.
  while (j < n && j - i < 40 && isDigit(s.charCodeAt(j))) j++;
  const stop = s.charCodeAt(j);
  if (j > i && j - i < 40 && stop !== C.COMMA && digitValue(stop) < 0) text = s.slice(i, j);
  else j = i;
  // Cap digit runs so a 1,000,000-digit line cannot make one figure cost more than a few steps.
  const slow = text === '';
  while (slow && j < n && text.length < 40) {
    const c = s.charCodeAt(j);
    const d = digitValue(c);
    if (d >= 0) {
      if (c >= C.FW0) fullWidth = true;
      text += String(d);
      j++;
    } else if (
      c === C.COMMA &&
      text.length > 0 &&
      text.length <= 3 + text.split(',').length * 4 &&
      isGroup(s, j + 1) &&
      decimals === 0 &&
      !text.includes('.')
    ) {
      // Thousands separators (GB/T 15835 5.1.1): a comma followed by exactly three digits.
      j++;
      text += ',';
    } else break;
  }
  if (text.length === 0) return undefined;
  // Skip whole digit runs beyond the cap: they read as nothing.
  while (j < n && digitValue(s.charCodeAt(j)) >= 0) j++;
  const c = s.charCodeAt(j);
  if ((c === C.DOT || c === C.FWDOT) && digitValue(s.charCodeAt(j + 1)) >= 0) {
    if (c === C.FWDOT) fullWidth = true;
    j++;
    text += '.';
    while (j < n && digitValue(s.charCodeAt(j)) >= 0 && decimals < 20) {
      if (s.charCodeAt(j) >= C.FW0) fullWidth = true;
      text += String(digitValue(s.charCodeAt(j)));
      j++;
      decimals++;
    }
    while (j < n && digitValue(s.charCodeAt(j)) >= 0) j++;
  }
  return { end: j, text: text.includes(',') ? text.replace(/,/g, '') : text, decimals, fullWidth };
}

function isGroup(s: string, j: number): boolean {
  return (
    digitValue(s.charCodeAt(j)) >= 0 && digitValue(s.charCodeAt(j + 1)) >= 0 && digitValue(s.charCodeAt(j + 2)) >= 0 && digitValue(s.charCodeAt(j + 3)) < 0
  );
}

/** Past at most `max` spaces (PDF conversions put them between a number and its unit: `53 家`). */
function skipSpaces(s: string, j: number, max = 2): number {
  let k = j;
  while (k < s.length && k - j < max && isSpace(s.charCodeAt(k))) k++;
  return k;
}

/** The closing mark of each opening one, by character code. */
const CLOSE_OF = new Map([...'“”‘’《》「」『』〈〉'.matchAll(/(.)(.)/g)].map((m) => [m[1].charCodeAt(0), m[2].charCodeAt(0)]));
const FULL_STOP = 0x3002; // 。
/** A quotation that never closes ends here: names in quotes are short. */
const MAX_QUOTE = 40;
/** Global, its lastIndex set before each use (findQuoted calls nothing that uses it meanwhile). */
const OPENER = new RegExp(`[${OPEN_QUOTES}]`, 'g');

/** Logical spans inside quotation marks and 书名号 (names there are not quantities). */
export function findQuoted(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const n = text.length;
  // A pattern finds the next opening mark: half the time of a loop over every character.
  const opener = OPENER;
  opener.lastIndex = 0;
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    const i = m.index;
    const close = CLOSE_OF.get(text.charCodeAt(i))!;
    const limit = Math.min(n, i + 1 + MAX_QUOTE);
    let j = i + 1;
    let c = 0;
    while (j < limit && (c = text.charCodeAt(j)) !== close && c !== FULL_STOP) j++;
    if (j < limit && c === close) {
      out.push({ start: i, end: j + 1 });
      opener.lastIndex = j + 1;
    }
  }
  return out;
}
