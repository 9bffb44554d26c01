// Reading quantities out of report prose: `1.1 万亩`, `2.76万亿元`, `6.5%－7%`, `600多万套`,
// `突破260家`, `十件民生实事`. Everything that looks like a number but is not a measurement —
// dates, years, ordinals, plan names in quotes, model names — is left out here, once, so no rule
// has to know about it. The reader works on a passage's logical text (page breaks already
// joined), in one left-to-right pass with char-code tests (it runs on every keystroke).
import { parseChineseNumeral } from '../text/chineseNumerals';
import { CH_CN_NUMERAL, CH_DIGIT, CH_OPEN_QUOTE, CHAR_CLASS, digitValue, isAsciiLetter } from '../text/chars';
import { readMixedNumeral } from './mixedNumerals';
import { SCALE } from './units';
import type { Qualifier } from './qualifiers';
import { matchPrefixQualifier, matchSuffixQualifier } from './qualifiers';


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
  /** Written in Chinese numerals (`十件`, `三大`): a count word, never a measurement to compare. */
  chinese: boolean;
  /** Some digit, point or % sign was full-width (`１２３`, `５％`). */
  fullWidth: boolean;
  /** Set on ranges: the separator as written and what the first number left out. */
  range?: { sep: string; sepAt: number; dropped?: string; firstEnd: number };
  /** Mixed Arabic digits with 十/百/千 (`3千`), GB/T 15835 5.3. */
  mixedSmallUnit?: { at: number; char: string };
  /** The figure is negative (`-5`, `负3`). */
  negative?: boolean;
}

/** Units a number can carry, longest first where one is the start of another. */
const UNITS = [
  '个百分点', '百分点', '个工作日', '工作日', '立方米', '平方米', '平方公里', '千瓦时', '千瓦', '千米', '千克', '公里', '公顷', '公斤',
  '人次', '万人', '美元', '欧元', '个月', '小时', '标箱', '重量箱',
  '元', '亩', '家', '个', '人', '名', '户', '套', '吨', '斤', '天', '所', '件', '项', '座', '处', '张', '条', '间', '辆', '台',
  '部', '批', '次', '场', '届', '类', '种', '列', '架', '艘', '篇', '宗', '例', '米', '年', '倍', '%', '％', '周', '位', '支', '片', '栋',
];
const UNIT_SET = new Set(UNITS);
const MAX_UNIT_LEN = 4;

/** Classifiers after which a Chinese numeral counts something (`十件`, `三大`, `两所`, `八个方面`). */
const CN_CLASSIFIERS = ['个方面', '方面', '件', '个', '项', '大', '条', '所', '座', '家', '名', '类', '种', '批', '支', '位'];


const enum C {
  D0 = 0x30,
  D9 = 0x39,
  FW0 = 0xff10,
  FW9 = 0xff19,
  DOT = 0x2e,
  FWDOT = 0xff0e,
  COMMA = 0x2c,
  SPACE = 0x20,
  IDSPACE = 0x3000,
}

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
  // Cap digit runs so a 1,000,000-digit line cannot make one figure cost more than a few steps.
  while (j < n && text.length < 40) {
    const c = s.charCodeAt(j);
    const d = digitValue(c);
    if (d >= 0) {
      if (c >= C.FW0) fullWidth = true;
      text += String(d);
      j++;
    } else if (c === C.COMMA && text.length > 0 && text.length <= 3 + text.split(',').length * 4 && isGroup(s, j + 1) && decimals === 0 && !text.includes('.')) {
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
  return { end: j, text: text.replace(/,/g, ''), decimals, fullWidth };
}

function isGroup(s: string, j: number): boolean {
  return digitValue(s.charCodeAt(j)) >= 0 && digitValue(s.charCodeAt(j + 1)) >= 0 && digitValue(s.charCodeAt(j + 2)) >= 0 && digitValue(s.charCodeAt(j + 3)) < 0;
}

function skipSpaces(s: string, j: number, max = 2): number {
  let k = j;
  while (k < s.length && k - j < max) {
    const c = s.charCodeAt(k);
    if (c === C.SPACE || c === C.IDSPACE || c === 0x09 || c === 0xa0) k++;
    else break;
  }
  return k;
}

function matchUnit(s: string, j: number): string | undefined {
  for (let len = Math.min(MAX_UNIT_LEN, s.length - j); len >= 1; len--) {
    const u = s.substr(j, len);
    if (UNIT_SET.has(u)) return u;
  }
  return undefined;
}


/** Reads the multiplier (`万`, `亿`, `万亿`, and the `4万多亿` form) at j. */
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

/** Words where 万/亿 is not a multiplier of the number before it. */
const NOT_SCALE_AFTER = /^(万众|万家|万物|万事|亿万)/;

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
    const isCn = !isDigit;
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
      const runClass = isCn ? CH_CN_NUMERAL : CH_DIGIT;
      while (i < n && (CHAR_CLASS[text.charCodeAt(i)] & runClass) !== 0) i++;
    }
  }
  return out;
}

type ReadResult = Quantity | { skipTo: number } | undefined;

function readArabic(s: string, i: number): ReadResult {
  const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
  // Model names and codes: PM2.5, C919, G20, M2.
  if (isAsciiLetter(prev) || prev === 0x2d /* - after a letter: COVID-19 */ && isAsciiLetter(s.charCodeAt(i - 2))) return undefined;
  if (prev === 0x7b2c /* 第 */) return skipOrdinal(s, i);
  const num = readNumeral(s, i);
  if (!num) return undefined;
  let j = num.end;
  const after = s.charCodeAt(j);
  if (isAsciiLetter(after) || after === 0x2b /* + */ || (prev === 0x2b && digitValue(s.charCodeAt(i - 2)) >= 0)) return { skipTo: j }; // 5G, “1+3”
  const k = skipSpaces(s, j);
  // Dates and years: 2023年, 2021—2025年, 1月13日, 5月1日起.
  if (num.decimals === 0 && num.text.length <= 4) {
    const ch = s[k];
    const v = Number(num.text);
    if (ch === '年' && num.text.length === 4 && v >= 1000) return { skipTo: k + 1 };
    if (ch === '月' || ch === '日' || ch === '时' || ch === '号') return { skipTo: k + 1 };
    if ((ch === '—' || ch === '－' || ch === '-' || ch === '～' || ch === '~') && num.text.length === 4 && /^\s?\d{4}\s?年/.test(s.substr(k + 1, 7))) return { skipTo: k + 6 };
    if (s.startsWith('周年', k)) return { skipTo: k + 2 };
  }
  const first = readTail(s, i, num);
  if (!first) return { skipTo: j };
  // A range: `6.5%－7%`, `15～30%`, `9亿～16亿`.
  const sepAt = first.end;
  const sep = s[sepAt];
  if (sep && RANGE_SEPS.includes(sep) && s[sepAt + 1] !== sep && (sep !== '—' || s[sepAt - 1] !== '—') && digitValue(s.charCodeAt(sepAt + 1)) >= 0) {
    const num2 = readNumeral(s, sepAt + 1);
    const second = num2 && readTail(s, sepAt + 1, num2);
    if (second && !second.qualifierBefore) {
      const firstBare = first.unit === '' && first.scale === '';
      const sameUnit = first.unit === second.unit || firstBare || (first.unit === '' && first.scale !== '' && second.scale !== '');
      if (sameUnit && (second.unit !== '' || second.scale !== '')) {
        let dropped: string | undefined;
        if (first.unit === '' && second.unit !== '' && first.scale === '' && second.scale === '') dropped = second.unit;
        else if (first.scale === '' && second.scale !== '') dropped = second.scale + (first.unit === '' ? second.unit : '');
        else if (first.unit === '' && second.unit !== '') dropped = second.unit;
        const scale = first.scale || second.scale;
        const v1 = applyScale(num.text, scale);
        const v2 = second.value;
        if (Number.isFinite(v1) && Number.isFinite(v2)) {
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
            chinese: false,
            fullWidth: num.fullWidth || second.fullWidth || first.fullWidth,
            range: { sep, sepAt, dropped, firstEnd: first.end },
          };
        }
      }
    }
  }
  if (first.unit === '' && first.scale === '') return { skipTo: first.end };
  if (first.unit === '年' && !(num.decimals > 0 || Number(num.text) < 200)) return { skipTo: first.end };
  return first;
}

const RANGE_SEPS = '～~〜－-—–';

/** An ordinal like 第1、第20届 is a position, not a quantity: skip it and its unit. */
function skipOrdinal(s: string, i: number): ReadResult {
  const num = readNumeral(s, i);
  return { skipTo: num ? num.end + 1 : i + 1 };
}

interface Tail extends Quantity {
  qualifierBefore: boolean;
}

/** Multiplier, 多/余, unit and qualifier words around the numeral read at `i`. */
function readTail(s: string, i: number, num: Numeral): Tail | undefined {
  let many = false;
  let manyWord: Qualifier = '多';
  let k: number;
  let mixedSmallUnit: Quantity['mixedSmallUnit'];
  let scale = '';
  let base: number;
  let precision: number | undefined;
  // `3千5百`, `6千6百万`, `1万2千多户`: digits with place words are one number, read whole.
  const mixed = readMixedNumeral(s, i);
  if (mixed) {
    k = mixed.end;
    scale = mixed.scale;
    base = mixed.value;
    precision = mixed.precision;
    if (mixed.smallUnit) mixedSmallUnit = { at: mixed.smallUnit.at, char: mixed.smallUnit.char };
    if (mixed.many) {
      many = true;
      manyWord = mixed.many;
    }
  } else {
    let j = num.end;
    const jm = skipSpaces(s, j);
    if (s[jm] === '多' || s[jm] === '余') {
      // `600多万套`, `1000 余万元`, `20余次`.
      many = true;
      manyWord = s[jm] as Qualifier;
      j = jm + 1;
    }
    k = skipSpaces(s, j);
    if ((s[k] === '万' || s[k] === '亿') && !NOT_SCALE_AFTER.test(s.substr(k, 2))) {
      const r = readScale(s, k);
      scale = r.scale;
      many = many || r.many;
      k = r.end;
    }
    if (s[k] === '多' || s[k] === '余') {
      many = true;
      manyWord = s[k] as Qualifier;
      k++;
    }
    base = applyScale(num.text, '') * (SCALE[scale] ?? 1);
  }
  const ku = skipSpaces(s, k);
  let unit = matchUnit(s, ku) ?? '';
  let end = unit ? ku + unit.length : k;
  if (!unit && s.startsWith('成', ku) && /^成(?:以上|左右|多|[、，。；）]|$)/.test(s.substr(ku, 3)) && num.decimals === 0 && Number(num.text) <= 10) {
    unit = '成';
    end = ku + 1;
  }
  // `万人` reads as 万 + 人 when 万 was not taken as a multiplier (never, here) — keep the split simple.
  if (unit === '万人') {
    unit = '人';
    scale = scale ? scale + '万' : '万';
  }
  // Words where the "unit" is the first character of a longer noun that is not a unit.
  if (unit && UNIT_FALSE_START.test(s.substr(ku, 3))) {
    unit = '';
    end = k;
  }
  if (!Number.isFinite(base)) return undefined;
  let value = base;
  precision ??= precisionOf(num, scale, unit);
  // Precedence: a word before the number (突破, 近, 约), then a bound after it (以上, 左右),
  // then 多/余 — `超过600多万` is still "more than".
  const suffix = matchSuffixQualifier(s, end);
  if (suffix) end = suffix.end;
  let prefix = matchPrefixQualifier(s, i);
  // `近5年` is "the recent five years", not "almost five years".
  if (prefix && prefix.q === '近' && unit === '年') prefix = undefined;
  const qualifier: Qualifier | undefined = prefix?.q ?? (suffix && suffix.q !== '多' && suffix.q !== '余' ? suffix.q : undefined) ?? (suffix ? suffix.q : many ? manyWord : undefined);
  let start = i;
  let qualifierBefore = false;
  if (prefix) {
    start = prefix.start;
    qualifierBefore = true;
  }
  let negative: boolean | undefined;
  const p = s[i - 1];
  // 负 is a minus sign, except as the end of a word (税负, 减负, 自负): `降低企业税负5700多亿元`.
  if ((p === '-' || p === '－' || p === '−' || (p === '负' && !(i >= 2 && NOT_MINUS_BEFORE.includes(s[i - 2])))) && !prefix && !isNumberEnd(s, i - 2)) {
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
    scale,
    precision,
    qualifier,
    chinese: false,
    fullWidth: num.fullWidth || s[ku] === '％',
    mixedSmallUnit,
    negative,
    qualifierBefore,
  };
}

/** Characters that make 负 the end of a word rather than a minus sign. */
const NOT_MINUS_BEFORE = '税减担欠抱自胜正';

/** `个` followed by these is a noun's start (`个人`, `个体`), not the classifier of the number. */
const UNIT_FALSE_START = /^(人口|人民|个人|个体|个性|个税|个案|年代|年度|年来|年以来|年间|年级|年龄|年前|周边|周期|周年|位于|条件|条例|件事|项目|部门|部署|部分|次要|类型|种类|种植|场所|场景|列入|支持|支撑|支付|支出|元素|台阶|片区|名单|名称|户籍|户外|米面|天然|天气|天下|所有|所得|所属|处理|处置|处于|批准|批复)/;

function isNumberEnd(s: string, j: number): boolean {
  if (j < 0) return false;
  const c = s.charCodeAt(j);
  return digitValue(c) >= 0 || s[j] === '%' || s[j] === '％';
}

function normaliseUnit(u: string): string {
  if (u === '％') return '%';
  if (u === '百分点') return '个百分点';
  if (u === '工作日') return '个工作日';
  return u;
}

function applyScale(digits: string, scale: string): number {
  return Number(digits) * (SCALE[scale] ?? 1);
}

function precisionOf(num: Numeral, scale: string, unit: string): number {
  const mult = SCALE[scale] ?? 1;
  // A whole percentage (`增长7%`) may be rounded like any stated digit; a whole count with no
  // multiplier (216 家) is exact.
  if (num.decimals === 0 && scale === '' && unit !== '%' && unit !== '％' && unit !== '个百分点' && unit !== '百分点' && unit !== '成') return 0;
  return (0.5 * mult) / Math.pow(10, num.decimals);
}

function readChinese(s: string, i: number): ReadResult {
  const prev = s[i - 1];
  // 第六届, 星期五, 初三, 党的二十大.
  if (prev === '第' || prev === '初' || (prev === '期' && s[i - 2] === '星') || (prev === '周' && s[i - 2] !== '超')) return undefined;
  let j = i;
  while (j < s.length && j - i < 12 && (CHAR_CLASS[s.charCodeAt(j)] & CH_CN_NUMERAL) !== 0) j++;
  const run = s.slice(i, j);
  if (run === '一' || run === '〇' || run === '零') return undefined;
  const prefix = matchPrefixQualifier(s, i);
  // 千家万户, 万家灯火, 百花齐放: a bare 百/千/万 is an idiom unless a qualifier makes it a count (超百家).
  if ((run === '百' || run === '千' || run === '万' || run === '亿') && !(prefix && (prefix.q === '超过' || prefix.q === '近'))) return { skipTo: j };
  let classifier: string | undefined;
  let k = j;
  let many = false;
  if (s[k] === '多' || s[k] === '余') {
    many = true;
    k++;
  }
  for (const c of CN_CLASSIFIERS) {
    if (s.startsWith(c, k)) {
      classifier = c;
      break;
    }
  }
  let unit = classifier;
  if (!unit && s[k] === '成' && /^成(?:以上|左右|多|[、，。；）]|$)/.test(s.substr(k, 3))) {
    // 九成以上 = 90 % or more.
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
      chinese: true,
      fullWidth: false,
    };
  }
  if (!unit) {
    // `超百万人`: a Chinese numeral with a multiplier and a unit.
    const u = /[万亿]$/.test(run) ? matchUnit(s, k) : undefined;
    if (!u || UNIT_FALSE_START.test(s.substr(k, 3))) return { skipTo: j };
    unit = u;
  }
  let value = parseChineseNumeral(run);
  if (value === null || !Number.isFinite(value)) return { skipTo: j };
  if (classifier === '大' && (value > 10 || /党的?$/.test(s.slice(Math.max(0, i - 2), i)))) return { skipTo: j };
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
    scale: '',
    precision: 0,
    qualifier,
    chinese: true,
    fullWidth: false,
  };
}

const CLOSE_OF: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '「': '」', '『': '』', '〈': '〉' };
/** A quotation that never closes ends here: names in quotes are short. */
const MAX_QUOTE = 40;

/** Logical spans inside quotation marks and 书名号 (names there are not quantities). */
export function findQuoted(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if ((CHAR_CLASS[text.charCodeAt(i)] & CH_OPEN_QUOTE) === 0) continue;
    const open = text[i];
    const close = CLOSE_OF[open];
    const limit = Math.min(n, i + 1 + MAX_QUOTE);
    let j = i + 1;
    while (j < limit && text[j] !== close && text[j] !== '。') j++;
    if (j < limit && text[j] === close) {
      out.push({ start: i, end: j + 1 });
      i = j;
    }
  }
  return out;
}
