// Chinese numerals as written in reports: 一 … 九十九, 一百零八, 两, 〇/零, 三千零五十二,
// and year-style digit strings (二〇二三). Multipliers 万/亿 are handled by the number reader.

/**
 * Digit and unit values by character code, looked up per character of every numeral read (a
 * one-character string of a Han character is a new string each time it is read).
 */
const byCode = (chars: string, values: readonly number[]) => new Map([...chars].map((c, i) => [c.charCodeAt(0), values[i]]));
const DIGITS = byCode('〇零一二两三四五六七八九', [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]);
/** 十/百/千 by code: the place words, in Chinese numerals and in mixed ones (`3千5百`). */
export const SMALL_UNITS = byCode('十百千', [10, 100, 1000]);
export const WAN = 0x4e07; // 万
export const YI = 0x4ebf; // 亿
const DIGIT_STRING = /^[〇零一二三四五六七八九]{2,}$/;

/** Parses a whole Chinese numeral; null when `s` is not one (e.g. "十十", "三四" is an approximation). */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0) return null;
  // Digit-by-digit form (二〇二三): only digits, more than one, containing 〇 or longer than 2.
  if (DIGIT_STRING.test(s) && (s.includes('〇') || s.length > 2)) {
    let v = 0;
    for (let i = 0; i < s.length; i++) v = v * 10 + DIGITS.get(s.charCodeAt(i))!;
    return v;
  }
  let total = 0; // completed 亿/万 groups
  let section = 0; // current group below 万
  let digit = -1; // pending digit, -1 when none
  let lastSmallUnit = 10000; // units must descend inside a group
  let lastBigUnit = 0;
  // By UTF-16 unit: every numeral character is one; half of a surrogate pair is none, as the pair is.
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    const d = DIGITS.get(ch);
    if (d !== undefined) {
      if (digit >= 0 && d !== 0) return null; // "三四" is an approximation, not a numeral
      digit = d === 0 ? (digit >= 0 ? digit : -1) : d;
      if (d === 0) lastSmallUnit = 10000; // 零 resets descent: 一千零五十
      continue;
    }
    const unit = SMALL_UNITS.get(ch);
    if (unit !== undefined) {
      if (unit >= lastSmallUnit && lastSmallUnit !== 10000) return null;
      section += (digit >= 0 ? digit : 1) * unit;
      digit = -1;
      lastSmallUnit = unit;
    } else if (ch === WAN || ch === YI) {
      if (digit >= 0) section += digit;
      if (section === 0 && total === 0) return null;
      // 亿 scales everything before it (一万亿 = 10^12); 万 scales only its own group (五亿三千万).
      if (ch === YI) {
        if (lastBigUnit === 1e8) return null;
        total = (total + section) * 1e8;
        lastBigUnit = 1e8;
      } else {
        if (lastBigUnit === 1e4) return null;
        total += section * 1e4;
        lastBigUnit = 1e4;
      }
      section = 0;
      digit = -1;
      lastSmallUnit = 10000;
    } else {
      return null;
    }
  }
  if (digit >= 0) section += digit;
  return total + section;
}

const SMALL_NAMES = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (used in fix-its and messages). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10000) return String(n);
  if (n < 10) return SMALL_NAMES[n];
  if (n < 20) return '十' + (n % 10 ? SMALL_NAMES[n % 10] : '');
  const parts: string[] = [];
  const units = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ] as const;
  let rest = n;
  let zero = false;
  for (const [u, name] of units) {
    const d = Math.floor(rest / u);
    rest %= u;
    if (d) {
      if (zero) parts.push('零');
      parts.push(SMALL_NAMES[d] + name);
      zero = false;
    } else if (parts.length) zero = true;
  }
  if (rest) {
    if (zero) parts.push('零');
    parts.push(SMALL_NAMES[rest]);
  }
  return parts.join('');
}
