// Arabic digits written with Chinese place words: `3千5百`, `6千6百万`, `1万2千3百`, `1亿2千多万`,
// `10亿零817万5288` (the last one is GB/T 15835 5.3's own example of an allowed mix). The whole run
// is read at once, the way a reader says it (三千五百), so neither a reading nor a fix that rewrites
// it ever takes one piece for the number: `3千5百人` is 3500 人, not 3000 and 500.

import { digitValue } from '../text/chars';
import { SMALL_UNITS, WAN, YI } from '../text/chineseNumerals';
import { NOT_PLACE_AFTER, NOT_SCALE_AFTER } from './words';

/** What a run of digits and place words means. */
export interface MixedNumeral {
  /** Offsets of the run in the text it was read from (a 多/余 inside or after it included). */
  start: number;
  end: number;
  value: number;
  /** The largest of 万/亿/万亿 the run uses ('' for `3千5百`): how the report would print it. */
  scale: '' | '万' | '亿' | '万亿';
  /** Half the place value of the last stated digit (`3千5百` → 50, `1万2千` → 500, `6千万` → 500万). */
  precision: number;
  /** The first 十/百/千 written after Arabic digits (what GB/T 15835 5.3 advises against). */
  smallUnit?: { at: number; char: string };
  /** 多 or 余 in or after the run (`1万2千多户`, `1亿2千多万`, `6千6百多万`). */
  many?: '多' | '余';
  /** 多/余 stood right before the run's own largest multiplier (`6千6百多万`: 6600多万). */
  manyBeforeScale?: boolean;
  /**
   * False when the run reads two ways and the value is a guess: a bare digit after a place word
   * (`3千5`: 3500 as spoken, 3005 as written), or a place skipped without 零 (`1万2百`, `1亿2千`).
   * A fix must never rewrite such a run.
   */
  exact: boolean;
}

const MAX_TOKENS = 24;

interface Term {
  value: number;
  decimal: boolean;
  digits: number;
  /** 十/百/千 after the digits, else 1. */
  place: number;
  /** 零 written right before the digits. */
  afterZero: boolean;
}

interface Group {
  terms: Term[];
  /** The 万/亿/万亿 closing the group; 1 for the last group. */
  big: number;
}

function isDigit(c: number): boolean {
  return digitValue(c) >= 0;
}

/** An Arabic number at i: `3`, `12`, `1.5` (full-width digits too). */
function readNumber(s: string, i: number): { value: number; end: number; digits: number; decimal: boolean } | undefined {
  let j = i;
  let text = '';
  while (j < s.length && isDigit(s.charCodeAt(j)) && text.length < 20) {
    text += String(digitValue(s.charCodeAt(j++)));
  }
  if (!text) return undefined;
  const digits = text.length;
  let decimal = false;
  if ((s[j] === '.' || s[j] === '．') && isDigit(s.charCodeAt(j + 1))) {
    decimal = true;
    text += '.';
    j++;
    while (j < s.length && isDigit(s.charCodeAt(j)) && text.length < 40) {
      text += String(digitValue(s.charCodeAt(j++)));
    }
  }
  return { value: Number(text), end: j, digits, decimal };
}

/** 万 / 亿 / 万亿 at i as a multiplier, with its length (`4万多亿` is 万亿 with 多 inside). */
function bigAt(s: string, i: number): { big: number; length: number; many?: '多' | '余' } | undefined {
  if (NOT_SCALE_AFTER.test(s.substr(i, 2))) return undefined;
  if (s[i] === '万') {
    if (s[i + 1] === '亿') return { big: 1e12, length: 2 };
    if ((s[i + 1] === '多' || s[i + 1] === '余') && s[i + 2] === '亿') return { big: 1e12, length: 3, many: s[i + 1] as '多' | '余' };
    return { big: 1e4, length: 1 };
  }
  if (s[i] === '亿') return { big: 1e8, length: 1 };
  return undefined;
}

/**
 * Reads the mixed numeral starting at `at` (a digit), or undefined when what starts there is a
 * plain number (`2023`, `1.1万`, read elsewhere). A run is mixed when it holds a 十/百/千 place
 * after digits, or more than one group of digits (`1万2千`, `10亿零817万5288`).
 */
export function readMixedNumeral(s: string, at: number): MixedNumeral | undefined {
  // Most figures are plain (`53家`, `2023年`, `5.3%`): a run is mixed only when a place word or
  // 万/亿 follows its first number, so one look past the digits settles the rest, with nothing made.
  let j = at;
  while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  if ((s[j] === '.' || s[j] === '．') && isDigit(s.charCodeAt(j + 1))) {
    j += 2;
    while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  }
  const next = s.charCodeAt(j);
  if (!SMALL_UNITS.has(next) && next !== WAN && next !== YI) return undefined;
  const groups: Group[] = [];
  let terms: Term[] = [];
  let i = at;
  let end = at;
  let many: '多' | '余' | undefined;
  let manyBefore = 0;
  let smallUnit: MixedNumeral['smallUnit'];
  let afterZero = false;
  for (let guard = 0; guard < MAX_TOKENS; guard++) {
    const n = readNumber(s, i);
    if (!n) break;
    const term: Term = { value: n.value, decimal: n.decimal, digits: n.digits, place: 1, afterZero };
    afterZero = false;
    i = n.end;
    const place = SMALL_UNITS.get(s.charCodeAt(i));
    if (place !== undefined && !NOT_PLACE_AFTER.test(s.substr(i, 4))) {
      term.place = place;
      smallUnit ??= { at: i, char: s[i] };
      i++;
    }
    terms.push(term);
    end = i;
    if (term.place === 1 && !bigAt(s, i)) break; // a bare number ends the run
    if (s[i] === '多' || s[i] === '余') {
      // `1万2千多户`; `1亿2千多万`: 多 may stand before the group's 万.
      many = s[i] as '多' | '余';
      i++;
      end = i;
    }
    const big = bigAt(s, i);
    if (big) {
      if (many && !manyBefore) manyBefore = big.big;
      if (big.many) many ??= big.many;
      groups.push({ terms, big: big.big });
      terms = [];
      i += big.length;
      end = i;
      if (!many && (s[i] === '多' || s[i] === '余')) {
        many = s[i] as '多' | '余';
        i++;
        end = i;
      }
    }
    if (many) break;
    if (s[i] === '零') {
      afterZero = true;
      i++;
    }
    if (!isDigit(s.charCodeAt(i))) break;
  }
  if (terms.length) groups.push({ terms, big: 1 });
  // Counted, not collected: this runs at every digit of a report.
  let count = 0;
  for (const g of groups) count += g.terms.length;
  if (count === 0) return undefined;
  // Plain numbers (`1.1万`, `2000`) are not mixed: one number and no place word.
  if (!smallUnit && count < 2) return undefined;
  const m = evaluate(at, end, groups, smallUnit, many);
  if (m && many && manyBefore === groups[0].big) m.manyBeforeScale = true;
  return m;
}

function evaluate(start: number, end: number, groups: Group[], smallUnit: MixedNumeral['smallUnit'], many: MixedNumeral['many']): MixedNumeral | undefined {
  let value = 0;
  let exact = true;
  let lastPlace = 1;
  const termCount = groups.reduce((n, g) => n + g.terms.length, 0);
  for (let g = 0; g < groups.length; g++) {
    const { terms, big } = groups[g];
    // Multipliers descend (亿 before 万); `3万2亿` is no number.
    if (g > 0 && big >= groups[g - 1].big) return undefined;
    let group = 0;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t];
      // A decimal is exact only alone: `1.5千万` yes, `1.5千3百` is no way to write a number.
      if (term.decimal && termCount > 1) exact = false;
      const top = term.place * Math.pow(10, term.digits - 1);
      if (t > 0) {
        const prev = terms[t - 1].place;
        if (term.place >= prev) return undefined;
        // Places follow each other (3千5百) unless 零 marks the gap (3千零5); `3千5` is a guess.
        if (top * 10 !== prev && !term.afterZero) exact = false;
      } else if (g > 0) {
        // A group after 万/亿 starts one place below it (1万2千, 1亿2千万, 1万2000), or after 零.
        if (top * big * 10 !== groups[g - 1].big && !term.afterZero) exact = false;
      }
      if (term.digits > 1 && term.place > 1 && t > 0) exact = false;
      group += term.value * term.place;
      lastPlace = term.place * big;
    }
    value += group * big;
  }
  if (!Number.isFinite(value)) return undefined;
  const biggest = groups[0].big;
  const scale = biggest >= 1e12 ? '万亿' : biggest >= 1e8 ? '亿' : biggest >= 1e4 ? '万' : '';
  const out: MixedNumeral = { start, end, value, scale, precision: lastPlace / 2, exact };
  if (smallUnit) out.smallUnit = smallUnit;
  if (many) out.many = many;
  return out;
}

/**
 * The GB/T 15835 spelling of a mixed numeral's value: digits, keeping the report's 万/亿
 * (`3千5百` → `3500`, `6千6百万` → `6600万`, `1万2千3百` → `1.23万`, `1亿2千多万` → `1.2亿多`).
 * When it needs more than two decimals there, plain digits below 10万 (`12345`), else groups of
 * digits joined by 万/亿 as 5.3 allows (`4100万9602`, `1亿零10`). Undefined only for values no spelling keeps exactly.
 */
export function spellMixed(m: Pick<MixedNumeral, 'value' | 'scale' | 'many' | 'manyBeforeScale'>): string | undefined {
  const factor = m.scale === '万亿' ? 1e12 : m.scale === '亿' ? 1e8 : m.scale === '万' ? 1e4 : 1;
  // At most two decimals in the report's multiplier (2.5万, 1.23万), as reports write them.
  const rounded = Math.round((m.value / factor) * 100) / 100;
  const many = m.many ?? '';
  // Exact to the unit: 1000.00000001亿 is not 1000亿.
  if (Number.isFinite(rounded) && Math.abs(rounded * factor - m.value) < 1e-6 && !/e/i.test(String(rounded))) {
    return m.manyBeforeScale ? `${rounded}${many}${m.scale}` : `${rounded}${m.scale}${many}`;
  }
  // Otherwise plain digits for a count below 10万 (`12345`), else groups joined by 万/亿.
  if (Number.isSafeInteger(m.value) && m.value < 1e5) return `${m.value}${many}`;
  const grouped = groupSpelling(m.value);
  return grouped === undefined ? undefined : grouped + many;
}

/** `100000010` → `1亿零10`, `1008175288` → `10亿零817万5288` (GB/T 15835 5.3). */
function groupSpelling(value: number): string | undefined {
  if (!Number.isSafeInteger(value) || value <= 0) return undefined;
  const parts: [number, string][] = [
    [Math.floor(value / 1e8), '亿'],
    [Math.floor((value % 1e8) / 1e4), '万'],
    [value % 1e4, ''],
  ];
  let out = '';
  let gap = false;
  for (const [n, word] of parts) {
    if (n === 0) {
      if (out) gap = true;
      continue;
    }
    // 零 where a higher group was written and this one does not fill its four places.
    if (out && (gap || n < 1000)) out += '零';
    out += `${n}${word}`;
    gap = false;
  }
  return out;
}
