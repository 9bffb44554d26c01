// What 以上/以内/超过/突破/左右/约/近/多/余 mean — written down once, for every rule, the hover
// and the year-to-year target check.
//
// The legal convention drafting offices follow (民法典第一千二百五十九条, 刑法第九十九条):
// 以上、以下、以内 include the number itself; 超过、不满 do not. GB/T 15835 only lists these
// words as 概数 examples, so the rest follows how reports use them:
// - 突破 X: we read "reached or crossed X" (≥ X), the lenient reading. Strictly, breaking through
//   a threshold means exceeding it, but reports write 突破5亿元 for 5.03亿 and a drafting
//   office counts a 突破260家 target as met at 260 — flagging exact ties would be noise.
// - 超过/逾/超 X: > X, as the law defines 超过.
// - 左右/约/上下 X: X ± tolerance — `approxRatePoints` percentage points for rates, otherwise
//   `approxRelative` of X (and never less than the rounding of the stated digits).
// - 近/将近/接近 X: slightly below X — up to 10 % under it (近14亿 = 13.9亿, 近2万亿元 ≈ 1.9万亿).
// - X多/X余: at least X and below X plus one step of its last significant digit
//   (600多万 = 600万–700万, 20余次 = 20–30 次).
// As targets: 以上/不低于/突破 are floors, 以内/以下/不超过 ceilings, ranges both, and 左右 is
// a floor for things that should grow and a ceiling for things that should stay low (prices,
// unemployment, energy use): reports count GDP 7%左右 → 6.9% as met and CPI 3%左右 → 0.9% as fine.
import type { GovReportConfig } from '../config';
import type { Msg } from '../l10n';
import { byEdgeCode } from '../text/chars';
import { NOT_QUALIFIER_BEFORE, PREFIX_WORDS, SUFFIX_WORDS, type Qualifier } from './words';

export type { Qualifier } from './words';
import { trimNumber } from './format';

/** A qualifier word ending right before `at` (spaces between allowed), with where it starts. */
export function matchPrefixQualifier(s: string, at: number): { q: Qualifier; start: number } | undefined {
  let end = at;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\u3000') && at - end < 2) end--;
  const words = PREFIX_BY_LAST.get(s.charCodeAt(end - 1));
  if (!words) return undefined;
  for (const [word, q] of words) {
    const start = end - word.length;
    if (start < 0 || !s.startsWith(word, start)) continue;
    const before = NOT_QUALIFIER_BEFORE[word];
    if (before && start > 0 && before.includes(s[start - 1])) continue;
    return { q, start };
  }
  return undefined;
}

/** A qualifier word starting at `at` (after the unit). */
export function matchSuffixQualifier(s: string, at: number): { q: Qualifier; end: number } | undefined {
  let i = at;
  if (s[i] === ' ' && /[以左上之有]/.test(s[i + 1] ?? '')) i++;
  const words = SUFFIX_BY_FIRST.get(s.charCodeAt(i));
  if (words) for (const [word, q] of words) if (s.startsWith(word, i)) return { q, end: i + word.length };
  return undefined;
}

/** The qualifier words by the character next to the figure (the last of a word before it, the first of one after), in the lists' order. */
const PREFIX_BY_LAST = byEdgeCode(PREFIX_WORDS, ([word]) => word, 'last');
const SUFFIX_BY_FIRST = byEdgeCode(SUFFIX_WORDS, ([word]) => word, 'first');

/** A stated value: what the numbers reader and facts carry. */
export interface Claim {
  value: number;
  high?: number;
  unit: string;
  precision: number;
  scale?: string;
  qualifier?: Qualifier;
  /** For changes: up (增长/提高) or down (下降/减少). */
  direction?: 'up' | 'down';
}

export interface Interval {
  lo: number;
  hi: number;
}

const EPS = 1e-9;
/** How far under X `近X` may be. */
const NEAR_BELOW = 0.1;
/** "Strictly more than X": any amount above X that is more than float noise. */
const STRICT = 1e-9;

function approxTolerance(c: Claim, config: Pick<GovReportConfig, 'approxRatePoints' | 'approxRelative'>): number {
  const rate = c.unit === '%' || c.unit === '个百分点';
  const tol = rate ? config.approxRatePoints : Math.abs(c.value) * config.approxRelative;
  return Math.max(tol, c.precision);
}

/** The true values a statement allows (as a report states a fact, not as a target). */
export function intervalOf(c: Claim, config: Pick<GovReportConfig, 'approxRatePoints' | 'approxRelative'>): Interval {
  const v = c.value;
  const p = c.precision;
  if (c.high !== undefined) return { lo: v - p, hi: c.high + p };
  switch (c.qualifier) {
    // A bound is exact: `总数突破1万家` is at least 10,000, not 9,500 as the rounding of `1万` would allow.
    case '以上':
    case '不低于':
    case '突破':
    case '超过':
      return { lo: v, hi: Infinity };
    case '以下':
    case '以内':
    case '不超过':
    case '不足':
      return { lo: -Infinity, hi: v };
    case '左右':
    case '约': {
      const t = approxTolerance(c, config);
      return { lo: v - t, hi: v + t };
    }
    case '近':
      return { lo: v - Math.max(Math.abs(v) * NEAR_BELOW, p), hi: v };
    case '多':
    case '余':
      return { lo: v, hi: v + manySpan(v) };
    default:
      return { lo: v - p, hi: v + p };
  }
}

export function overlaps(a: Interval, b: Interval): boolean {
  const slack = EPS * Math.max(1, Math.abs(a.lo), Math.abs(a.hi === Infinity ? a.lo : a.hi));
  return a.lo <= b.hi + slack && b.lo <= a.hi + slack;
}

export type Verdict = 'met' | 'missed' | 'incomparable';

export interface Judgement {
  verdict: Verdict;
  explanation: Msg;
}

export interface JudgeOptions {
  /** The metric is better when low (prices, unemployment): its 左右 target is a ceiling, not a floor. */
  lowerIsBetter?: boolean;
}

/**
 * Was `target` met by `outcome`? Both are claims about the same metric in the same unit
 * (convert first). `met` only when every value the outcome allows satisfies the target,
 * `missed` when none does, otherwise `incomparable` (e.g. outcome `近2万亿元` vs target `2万亿元左右`).
 */
export function judge(
  target: Claim,
  outcome: Claim,
  config: Pick<GovReportConfig, 'approxRatePoints' | 'approxRelative'>,
  options: JudgeOptions = {},
): Judgement {
  if (target.unit !== outcome.unit) {
    return {
      verdict: 'incomparable',
      explanation: {
        zh: `单位不同（${target.unit || '无'}、${outcome.unit || '无'}），无法比较`,
        en: `different units (${target.unit || 'none'}, ${outcome.unit || 'none'}); cannot compare`,
      },
    };
  }
  // A decline target (下降3%以上) compares the size of the fall; a rise in the outcome is a negative fall.
  let out = intervalOf(outcome, config);
  if (target.direction === 'down' && outcome.direction === 'up') out = { lo: -out.hi, hi: -out.lo };
  if (target.direction === 'up' && outcome.direction === 'down') out = { lo: -out.hi, hi: -out.lo };
  const req = requirement(target, config, options);
  const t = describeRequirement(target, req);
  const o = describeClaim(outcome);
  if (out.lo >= req.lo && out.hi <= req.hi) {
    return { verdict: 'met', explanation: { zh: `实际${o.zh}，符合目标${t.zh}`, en: `outcome ${o.en} meets the target ${t.en}` } };
  }
  if (out.hi < req.lo || out.lo > req.hi) {
    return { verdict: 'missed', explanation: { zh: `实际${o.zh}，未达到目标${t.zh}`, en: `outcome ${o.en} misses the target ${t.en}` } };
  }
  return {
    verdict: 'incomparable',
    explanation: { zh: `实际${o.zh}与目标${t.zh}无法确定是否相符`, en: `cannot tell whether outcome ${o.en} meets the target ${t.en}` },
  };
}

/**
 * The outcome values that satisfy a target. A target's number is an intention, not a rounded
 * measurement: it is taken exactly (the outcome's own rounding is allowed for in judge()).
 */
export function requirement(target: Claim, config: Pick<GovReportConfig, 'approxRatePoints' | 'approxRelative'>, options: JudgeOptions = {}): Interval {
  const v = target.value;
  const ceiling = !!options.lowerIsBetter && target.direction !== 'down';
  const above = v + STRICT * Math.max(1, Math.abs(v));
  const below = v - STRICT * Math.max(1, Math.abs(v));
  if (target.high !== undefined) return { lo: v, hi: target.high };
  switch (target.qualifier) {
    case '以上':
    case '不低于':
    case '突破':
    case '多':
    case '余':
      return { lo: v, hi: Infinity };
    case '超过':
      return { lo: above, hi: Infinity };
    case '以下':
    case '以内':
    case '不超过':
      return { lo: -Infinity, hi: v };
    case '不足':
      return { lo: -Infinity, hi: below };
    case '近':
      return { lo: v - Math.abs(v) * NEAR_BELOW, hi: Infinity };
    case '左右':
    case '约':
    default: {
      const t = target.qualifier ? approxTolerance({ ...target, precision: 0 }, config) : 0;
      return ceiling ? { lo: -Infinity, hi: v + t } : { lo: v - t, hi: Infinity };
    }
  }
}

// The explanation prints figures compactly (`突破260家`), as the report writes them.
function describeClaim(c: Claim): Msg {
  const dir = c.direction === 'down' ? { zh: '下降', en: 'down ' } : { zh: '', en: '' };
  const n = `${num(c.value)}${c.high !== undefined ? '～' + num(c.high) : ''}${c.unit}`;
  return { zh: `${dir.zh}${wrapQualifier(c.qualifier, n)}`, en: `${dir.en}${wrapQualifier(c.qualifier, n)}` };
}

function describeRequirement(c: Claim, req: Interval): Msg {
  const base = describeClaim(c);
  if (req.hi === Infinity) return { zh: `${base.zh}（不低于${num(req.lo)}${c.unit}）`, en: `${base.en} (at least ${num(req.lo)}${c.unit})` };
  if (req.lo === -Infinity) return { zh: `${base.zh}（不高于${num(req.hi)}${c.unit}）`, en: `${base.en} (at most ${num(req.hi)}${c.unit})` };
  return { zh: `${base.zh}（${num(req.lo)}～${num(req.hi)}${c.unit}）`, en: `${base.en} (${num(req.lo)}–${num(req.hi)}${c.unit})` };
}

function wrapQualifier(q: Qualifier | undefined, n: string): string {
  if (!q) return n;
  if (q === '多' || q === '余') return n.replace(/^([\d.]+)/, `$1${q}`);
  if (SUFFIX_WORDS.some(([, s]) => s === q)) return n + q;
  return q + n;
}

function num(v: number): string {
  return trimNumber(v);
}

/** What a qualifier means, for the hover. */
export const QUALIFIER_MEANING: Record<Qualifier, Msg> = {
  以上: { zh: '“以上”包括本数：不少于该数', en: '以上 includes the number: at least this much' },
  不低于: { zh: '“不低于”：不少于该数（含本数）', en: 'not less than the number (inclusive)' },
  以下: { zh: '“以下”包括本数：不多于该数', en: '以下 includes the number: at most this much' },
  以内: { zh: '“以内”包括本数：不超过该数', en: '以内 includes the number: at most this much' },
  不超过: { zh: '“不超过”：不多于该数（含本数）', en: 'not more than the number (inclusive)' },
  超过: { zh: '“超过”不包括本数：大于该数', en: '超过 excludes the number: more than it' },
  突破: { zh: '“突破”：达到或超过该数（本工具从宽理解，含本数）', en: '突破: reaching or passing the number (read leniently: the number itself counts)' },
  不足: { zh: '“不足”：少于该数', en: 'less than the number' },
  左右: {
    zh: '“左右”：约等于该数，容差见设置 approxRatePoints / approxRelative',
    en: '左右: about the number, within the tolerance set by approxRatePoints / approxRelative',
  },
  约: {
    zh: '“约”：约等于该数，容差见设置 approxRatePoints / approxRelative',
    en: '约: about the number, within the tolerance set by approxRatePoints / approxRelative',
  },
  近: { zh: '“近”：略少于该数（不超过该数，至多低 10%）', en: '近: slightly below the number (not above it, at most 10 % under)' },
  多: { zh: '“多”：不少于该数，不到末位进一', en: '多: at least the number, less than one step of its last digit more' },
  余: { zh: '“余”：不少于该数，不到末位进一', en: '余: at least the number, less than one step of its last digit more' },
};

/**
 * How far `X多` reaches: one step of X's last significant digit (600多万 → 100万,
 * 1000余万 → 1000万, 1.2万多 → 1000, 20余次 → 10).
 */
export function manySpan(value: number): number {
  const v = Math.abs(value);
  if (v === 0 || !Number.isFinite(v)) return 1;
  let place = Math.pow(10, Math.min(20, Math.floor(Math.log10(v))));
  while (place > 1e-6) {
    const r = v / place;
    if (Math.abs(r - Math.round(r)) < 1e-9 * Math.max(1, r)) return place;
    place /= 10;
  }
  return place;
}
