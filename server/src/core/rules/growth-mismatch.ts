import type { Fact } from '../facts/facts';
import { amount, figure } from '../numbers/format';
import { here, lineOf, placeName, there } from './helpers/related';
import { metricName } from '../facts/format';
import { format, type Msg } from '../l10n';
import { trimNumber } from '../numbers/format';
import { unitFactor } from '../numbers/units';
import type { PeerReport } from '../peers';
import { intervalOf, overlaps, type Interval } from '../numbers/qualifiers';
import type { Rule, RuleContext } from './rule';
import type { Locale, RelatedPlace } from '../types';

const MESSAGES = {
  increment: {
    zh: '“{metric}”{stated}，但 {cur} − {prev}（{where}）= {computed}',
    en: '"{metric}": {stated}, but {cur} − {prev} ({where}) = {computed}',
  },
  growth: {
    zh: '“{metric}”{stated}，但 {cur} ÷ {prev}（{where}）− 1 = {computed}',
    en: '"{metric}": {stated}, but {cur} ÷ {prev} ({where}) − 1 = {computed}',
  },
  points: {
    zh: '“{metric}”{stated}，但 {cur} − {prev}（{where}）= {computed}',
    en: '"{metric}": {stated}, but {cur} − {prev} ({where}) = {computed}',
  },
  pointsValue: { zh: '{v} 个百分点', en: '{v} percentage points' },
  current: { zh: '本年数值：{v}', en: 'this year: {v}' },
  previous: { zh: '上年数值：{v}', en: 'last year: {v}' },
} satisfies Record<string, Msg>;

/**
 * Growth rates of these are real (at constant prices) while their levels are nominal, so the
 * two never reconcile by division: 地区生产总值 230亿元 ÷ 210亿元 is not the stated 6.5%.
 */
const REAL_RATES = /生产总值|GDP|增加值|经济|可支配收入|人均收入|居民收入|消费价格|CPI/;

/**
 * Statistics are revised between one year's report and the next (the level a report states
 * for last year is often not the one last year's report stated): a rate computed across two
 * reports' outcomes gets this much slack, in percentage points. Budgets are not revised.
 */
const REVISION_POINTS = 1;

/**
 * A stated change — `比上年增加30亿元`, `比去年预算高0.2个百分点`, `技术合同交易额5.6亿元，同比增长33.3%`
 * — must follow from the two levels it compares: this year's (the same sentence or elsewhere in
 * the report) and last year's (this report's baseline `由A增至B`, or last year's report in the
 * workspace, same role: a budget against last year's budget, an outcome against last year's).
 */
export const growthMismatch: Rule = {
  id: 'growth-mismatch',
  defaultSeverity: 'warning',
  category: 'numbers',
  expensive: true,
  title: { zh: '增幅与数值不符', en: 'Change does not match the figures' },
  description: {
    zh: '所述增长率或增减量（“同比增长 Z%”“比上年增加 X”“比去年低 0.4 个百分点”）与本年、上年两个数值推算不符；上年数值取自本报告或工作区中上一年的报告。',
    en: "A stated growth rate or change (同比增长 Z%, 比上年增加 X, 比去年低 0.4 个百分点) does not follow from this year's and last year's figures, taken from this report or last year's report in the workspace.",
  },
  check(ctx) {
    // `从A提高到B，提高X`: a change right after a from–to is checked against it, whatever it compares with.
    const changes = ctx.facts.filter((c) => isCheckedChange(c) || (isFromToChange(c) && ctx.facts[c.levelIndex!].baselineIndex !== undefined));
    if (changes.length === 0) return;
    const levels = indexLevels(ctx.facts);
    const peerLevels = ctx.peers.map((p) => ({ peer: p, levels: indexLevels(p.facts) }));
    for (const c of changes) {
      const cur = c.levelIndex !== undefined ? ctx.facts[c.levelIndex] : first(levels.get(c.key), c);
      if (!cur || unitFactor(cur.unit, baseUnit(c, cur)) === undefined) continue;
      const prev = previousLevel(ctx, c, cur, levels, peerLevels);
      if (!prev) continue;
      check(ctx, c, cur, prev.fact, prev.peer);
    }
  },
};

function isFromToChange(c: Fact): boolean {
  if (c.countWord || c.ambiguous || c.role === 'baseline' || c.real || c.levelIndex === undefined || REAL_RATES.test(c.metric)) return false;
  return c.change === 'growth-rate' || c.change === 'increment' || c.change === 'point-change';
}

function isCheckedChange(c: Fact): boolean {
  if (c.countWord || c.ambiguous || c.weak || c.period !== 'year' || c.year === undefined || c.role === 'baseline' || c.real) return false;
  if (REAL_RATES.test(c.metric)) return false;
  if (c.change === 'growth-rate') return c.versus !== undefined || (c.levelIndex !== undefined && c.role === 'outcome');
  if (c.change === 'increment' || c.change === 'point-change') return c.versus !== undefined;
  return false;
}

/** Levels (and totals) of one report by metric, for lookups in O(1) (role and year filtered after). */
function indexLevels(facts: readonly Fact[]): Map<string, Fact[]> {
  const out = new Map<string, Fact[]>();
  for (const f of facts) {
    // A flow stated as such (城镇新增就业2.6万人) is the quantity a 比去年多1000人 compares, like a level.
    const quantity = f.change === 'level' || f.change === 'total' || (f.change === 'increment' && f.versus === undefined);
    if (!quantity || f.ambiguous || f.countWord || f.year === undefined) continue;
    if (f.period !== 'year') continue;
    let l = out.get(f.key);
    if (!l) out.set(f.key, (l = []));
    l.push(f);
  }
  return out;
}

function first(list: Fact[] | undefined, c: Fact): Fact | undefined {
  return list?.find((f) => f.index !== c.index && sameSlot(f, c.role, c.year!) && (f.unit === '%') === (c.change === 'point-change'));
}

/** A level for `role` and `year` (a baseline `由A…` counts as last year's outcome). */
function sameSlot(f: Fact, role: string, year: number): boolean {
  return (f.role === 'baseline' ? 'outcome' : f.role) === role && f.year === year;
}

/** The unit the levels are in: a rate's points for 个百分点, the change's own unit for amounts. */
function baseUnit(c: Fact, cur: Fact): string {
  if (c.change === 'point-change') return '%';
  if (c.change === 'growth-rate') return cur.unit;
  return c.unit;
}

function previousLevel(
  ctx: RuleContext,
  c: Fact,
  cur: Fact,
  own: Map<string, Fact[]>,
  peers: { peer: PeerReport; levels: Map<string, Fact[]> }[],
): { fact: Fact; peer?: PeerReport } | undefined {
  const year = c.year! - 1;
  const ok = (f: Fact) => f.unit === cur.unit || unitFactor(f.unit, cur.unit) !== undefined;
  // 由A增至B in the same sentence: A is last year's level.
  if (cur.baselineIndex !== undefined && ok(ctx.facts[cur.baselineIndex])) return { fact: ctx.facts[cur.baselineIndex] };
  const role = c.versus === 'previous-budget' ? 'target' : c.role;
  const mine = own.get(c.key)?.find((f) => sameSlot(f, role, year) && ok(f));
  if (mine) return { fact: mine };
  for (const { peer, levels } of peers) {
    const f = levels.get(c.key)?.find((g) => sameSlot(g, role, year) && ok(g));
    if (f) return { fact: f, peer };
  }
  return undefined;
}

function check(ctx: RuleContext, c: Fact, cur: Fact, prev: Fact, peer: PeerReport | undefined): void {
  const kp = unitFactor(prev.unit, cur.unit) ?? 1;
  const a = exact(cur, ctx);
  const b = scale(exact(prev, ctx), kp);
  const stated = stateInterval(c, ctx);
  let computed: Interval;
  let nominal: number;
  let kind: 'increment' | 'growth' | 'points';
  if (c.change === 'growth-rate') {
    if (b.lo <= 0) return;
    computed = { lo: (a.lo / b.hi - 1) * 100, hi: (a.hi / b.lo - 1) * 100 };
    nominal = (cur.value / (prev.value * kp) - 1) * 100;
    kind = 'growth';
    // Outcomes compared across two reports: allow for revised statistics.
    if (peer && c.role === 'outcome') computed = { lo: computed.lo - REVISION_POINTS, hi: computed.hi + REVISION_POINTS };
  } else {
    const kc = c.change === 'point-change' ? 1 : (unitFactor(cur.unit, c.unit) ?? 1);
    computed = { lo: (a.lo - b.hi) * kc, hi: (a.hi - b.lo) * kc };
    nominal = (cur.value - prev.value * kp) * kc;
    kind = c.change === 'point-change' ? 'points' : 'increment';
  }
  if (overlaps(computed, stated)) return;
  const line = lineOf(peer ? peer.rangeOf : (s, e) => ctx.lineIndex.rangeOf({ start: s, end: e }), prev);
  const computedText =
    kind === 'growth'
      ? `${trimNumber(Math.round(nominal * 10) / 10)}%`
      : kind === 'points'
        ? pointsText(ctx.locale, nominal)
        : amount(nominal, c.unit, c.scale);
  const message = ctx.t(MESSAGES[kind], {
    metric: metricName(c),
    stated: statedText(ctx.locale, c),
    cur: figure(cur),
    prev: figure(prev),
    where: placeName(ctx.locale, line, peer),
    computed: computedText,
  });
  const related: RelatedPlace[] = [];
  if (cur.index !== c.index) related.push(here(cur, ctx.t(MESSAGES.current, { v: figure(cur) })));
  related.push(peer ? there(peer, prev, ctx.t(MESSAGES.previous, { v: figure(prev) })) : here(prev, ctx.t(MESSAGES.previous, { v: figure(prev) })));
  ctx.report({ start: c.span.start, end: c.span.end, message, related });
}

/**
 * A level as a number to compute with. Targets and budgets are set figures, not rounded
 * measurements (45亿 − 40亿 is exactly the stated 5亿), and a bound (以上) is the
 * figure itself; outcomes carry the rounding of their digits and their qualifiers.
 */
function exact(f: Fact, ctx: RuleContext): Interval {
  if (
    f.role === 'target' ||
    f.qualifier === '以上' ||
    f.qualifier === '以内' ||
    f.qualifier === '以下' ||
    f.qualifier === '突破' ||
    f.qualifier === '超过' ||
    f.qualifier === '不低于' ||
    f.qualifier === '不超过'
  ) {
    const p = f.role === 'target' ? 0 : f.precision;
    return { lo: f.value - p, hi: (f.high ?? f.value) + p };
  }
  return intervalOf(f, ctx.config);
}

function stateInterval(c: Fact, ctx: RuleContext): Interval {
  const i = intervalOf(c, ctx.config);
  const sign = c.direction === 'down' ? -1 : 1;
  return sign > 0 ? i : { lo: -i.hi, hi: -i.lo };
}

function scale(i: Interval, k: number): Interval {
  return { lo: i.lo * k, hi: i.hi * k };
}

function statedText(locale: Locale, c: Fact): string {
  const down = c.direction === 'down';
  const vs = c.versus === 'previous-budget' ? STATED.versusBudget : c.versus ? STATED.versusYear : STATED.none;
  let verb: Msg;
  if (c.change === 'growth-rate') verb = down ? STATED.fell : STATED.grew;
  else if (c.change === 'point-change') verb = c.versus ? (down ? STATED.pointsLower : STATED.pointsHigher) : down ? STATED.pointsDown : STATED.pointsUp;
  else verb = down ? STATED.lower : STATED.higher;
  const text = format(STATED.stated, locale, { vs: format(vs, locale), verb: format(verb, locale), figure: figure(c) });
  return locale === 'en' ? text.replace(/\s+/g, ' ') : text;
}

/** The stated change in words: `比上年增加 200 万人`, `is higher than last year by 200 万人`. */
const STATED = {
  stated: { zh: '{vs}{verb} {figure}', en: '{verb} {vs}by {figure}' },
  versusBudget: { zh: '比去年预算', en: "than last year's budget " },
  versusYear: { zh: '比上年', en: 'than last year ' },
  none: { zh: '', en: '' },
  grew: { zh: '增长', en: 'grew' },
  fell: { zh: '下降', en: 'fell' },
  higher: { zh: '增加', en: 'is higher' },
  lower: { zh: '减少', en: 'is lower' },
  pointsHigher: { zh: '高', en: 'is higher' },
  pointsLower: { zh: '低', en: 'is lower' },
  pointsUp: { zh: '提高', en: 'is higher' },
  pointsDown: { zh: '下降', en: 'is lower' },
} satisfies Record<string, Msg>;

function pointsText(locale: Locale, v: number): string {
  return format(MESSAGES.pointsValue, locale, { v: trimNumber(v) });
}
