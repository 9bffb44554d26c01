import type { Fact } from '../facts/facts';
import { lowerIsBetter } from '../facts/metrics';
import { amount, figure } from '../numbers/format';
import { here, lineOf, placeName, there } from './helpers/related';
import { metricName } from '../facts/format';
import type { Msg } from '../l10n';
import { unitFactor } from '../numbers/units';
import type { PeerReport } from '../peers';
import { intervalOf, judge, overlaps, type Interval } from '../numbers/qualifiers';
import type { Rule, RuleContext } from './rule';
import type { RelatedPlace } from '../types';

const MESSAGES = {
  parts: {
    zh: '“{metric}”{total}，但其中各项相加：{sum}，与总数不符',
    en: '"{metric}" is {total}, but its parts add up to {sum}',
  },
  part: { zh: '其中一项：{part}', en: 'one of the parts: {part}' },
  targetShort: {
    zh: '“{metric}”总数：{base} + {inc}{x} = {result}，达不到“{total}”（上年总数见{where}）',
    en: '"{metric}" total: {base} + {inc} {x} = {result}, short of "{total}" (last year\'s total on {where})',
  },
  outcomeOff: {
    zh: '“{metric}”总数：{base} + {inc}{x} = {result}，与所述总数{total}不符（上年总数见{where}）',
    en: '"{metric}" total: {base} + {inc} {x} = {result}, not the stated total {total} (last year\'s total on {where})',
  },
  base: { zh: '上年总数：{base}', en: "last year's total: {base}" },
  increment: { zh: '新增：{x}', en: 'the increment: {x}' },
} satisfies Record<string, Msg>;

const INCREMENT_WORD: Msg = { zh: '新增', en: 'new' };

/**
 * Two checks that parts and wholes agree:
 * - `其中…、…` lists whose items are kinds of the total (中央财政赤字 and 地方财政赤字 of 财政赤字)
 *   must add up to it, within the rounding of every stated figure (2.76万亿 = 1.83万亿 + 9300亿);
 * - `新增/净增 X … 总数 Y` must follow from last year's total: an outcome must equal base + X,
 *   a target must be reachable (base + X meets 突破 Y).
 */
export const totalMismatch: Rule = {
  id: 'total-mismatch',
  defaultSeverity: 'warning',
  category: 'numbers',
  expensive: true,
  title: { zh: '分项与总数不符', en: 'Parts and total disagree' },
  description: {
    zh: '“其中”所列分项之和与总数不符（已统一万/亿单位、考虑舍入），或“新增/净增 X，总数 Y”与上年总数推算不符（实际：上年 + X ≠ Y；目标：上年 + X 达不到 Y）。',
    en: 'The parts listed after 其中 do not add up to their total (万/亿 units unified, rounding allowed), or "新增/净增 X, 总数 Y" does not follow from last year\'s total (outcome: base + X ≠ Y; target: base + X cannot reach Y).',
  },
  check(ctx) {
    checkParts(ctx);
    checkIncrements(ctx);
  },
};

// ---- 其中 lists ----------------------------------------------------------------------------

const LIST_WORD = /其中|包括/g;

function checkParts(ctx: RuleContext): void {
  const byPassage = new Map<number, Fact[]>();
  for (const f of ctx.facts) {
    if (f.countWord || f.ambiguous) continue;
    let l = byPassage.get(f.passage);
    if (!l) byPassage.set(f.passage, (l = []));
    l.push(f);
  }
  for (const [pi, facts] of byPassage) {
    if (facts.length < 3) continue;
    const text = ctx.passages[pi].text.text;
    LIST_WORD.lastIndex = 0;
    for (let m = LIST_WORD.exec(text); m; m = LIST_WORD.exec(text)) {
      const k = m.index;
      // 包括 only introduces figures directly (包括13个预期性指标、8个约束性指标).
      if (m[0] === '包括' && !/^[0-9]/.test(text.slice(k + 2, k + 3))) continue;
      const end = sentenceEndAfter(text, k);
      const parts = facts.filter((f) => f.logical.start > k && f.logical.start < end && (f.change === 'level' || f.change === 'increment'));
      const total = totalBefore(facts, k, text, parts);
      if (!total) continue;
      for (const change of ['level', 'increment'] as const) {
        const whole =
          change === 'level'
            ? total
            : facts.find(
                (f) =>
                  f.key === total.key && f.change === 'increment' && f.versus !== undefined && f.sentence.start === total.sentence.start && f.logical.start < k,
              );
        if (!whole) continue;
        const mine = parts.filter((p) => p.change === change && partOf(p, total));
        if (mine.length < 2) continue;
        compareSum(ctx, whole, mine, total);
      }
    }
  }
}

function sentenceEndAfter(text: string, k: number): number {
  const i = text.indexOf('。', k);
  return i < 0 ? text.length : i;
}

/** The whole the list belongs to: the nearest figure before 其中, in its sentence or the one before. */
function totalBefore(facts: Fact[], k: number, text: string, parts: Fact[]): Fact | undefined {
  const sentenceStart = Math.max(text.lastIndexOf('。', k - 1), text.lastIndexOf('！', k - 1)) + 1;
  // `…。其中，…` refers back to the previous sentence.
  const from =
    sentenceStart === k || /^其中[，,：:]?$/.test(text.slice(sentenceStart, k + 3).trim())
      ? Math.max(text.lastIndexOf('。', sentenceStart - 2), -1) + 1
      : sentenceStart;
  for (let i = facts.length - 1; i >= 0; i--) {
    const f = facts[i];
    if (f.logical.start >= k || f.logical.start < from) continue;
    // `新增政府债务限额18.6亿元，其中…`: a flow named with 新增 is a whole as well.
    if (f.change !== 'level' && f.change !== 'total' && !(f.change === 'increment' && f.versus === undefined)) continue;
    if (parts.filter((p) => partOf(p, f)).length >= 2) return f;
  }
  return undefined;
}

/** A part names a kind of the total: 中央财政赤字 of 财政赤字, 约束性指标 of 主要指标 (a shared head noun). */
function partOf(p: Fact, total: Fact): boolean {
  if (!p.metric || !total.metric || p.key === total.key) return false;
  if (unitFactor(p.unit, total.unit) === undefined) return false;
  if (p.metric.endsWith(total.metric)) return true;
  let n = 0;
  while (n < p.metric.length && n < total.metric.length && p.metric[p.metric.length - 1 - n] === total.metric[total.metric.length - 1 - n]) n++;
  return n >= 2;
}

/**
 * Pairs of words that split a whole completely: only such parts must add up to the total.
 * Other 其中 lists name some of the parts (其中教育支出…、卫生健康支出…) and may sum to less.
 */
const PARTITIONS: readonly (readonly string[])[] = [
  ['中央', '地方'],
  ['中央本级', '地方'],
  ['城镇', '农村'],
  ['城市', '农村'],
  ['预期性', '约束性'],
  ['一般', '专项'],
  ['境内', '境外'],
  ['国内', '国外'],
  ['出口', '进口'],
  ['男', '女'],
];

/** Averages, rates and prices do not add up (城镇居民人均收入 + 农村居民人均收入 is no total). */
const NOT_ADDITIVE = /人均|平均|率|比重|比例|单价|价格|指数|每|均价|密度|强度/;

function isPartition(parts: Fact[], total: Fact): boolean {
  const prefixes = parts.map((p) => prefixOf(p.metric, total.metric)).filter((x) => x.length > 0);
  if (prefixes.length !== parts.length) return false;
  return PARTITIONS.some((set) => set.length === prefixes.length && set.every((w) => prefixes.some((p) => p === w || p.endsWith(w))));
}

/** What a part's name adds before the head it shares with the total: 中央财政赤字 → 中央. */
function prefixOf(part: string, total: string): string {
  let n = 0;
  while (n < part.length && n < total.length && part[part.length - 1 - n] === total[total.length - 1 - n]) n++;
  return part.slice(0, part.length - n).replace(/(债务|财政|性)$/, (m) => (m === '性' ? m : ''));
}

function compareSum(ctx: RuleContext, whole: Fact, parts: Fact[], total: Fact): void {
  if (NOT_ADDITIVE.test(total.metric) || parts.some((p) => NOT_ADDITIVE.test(p.metric)) || whole.unit === '%') return;
  let sum: Interval = { lo: 0, hi: 0 };
  let nominal = 0;
  for (const p of parts) {
    const k = unitFactor(p.unit, whole.unit) ?? 1;
    const i = intervalOf(p, ctx.config);
    sum = { lo: sum.lo + i.lo * k, hi: sum.hi + i.hi * k };
    nominal += p.value * k;
  }
  const w = intervalOf(whole, ctx.config);
  if (overlaps(sum, w)) return;
  // Parts beyond the whole always contradict it; parts short of it only when they split it completely.
  if (sum.hi < w.lo && !isPartition(parts, total)) return;
  const terms = parts.map((p) => amount(p.value * (unitFactor(p.unit, whole.unit) ?? 1), whole.unit, whole.scale)).join(' + ');
  const sumText = `${terms} = ${amount(nominal, whole.unit, whole.scale)}`;
  ctx.report({
    start: whole.span.start,
    end: whole.span.end,
    message: ctx.t(MESSAGES.parts, { metric: metricName(total), total: figure(whole), sum: sumText }),
    related: parts.map((p) => here(p, ctx.t(MESSAGES.part, { part: `${metricName(p)} ${figure(p)}` }))),
  });
}

// ---- 新增 X，总数 Y ------------------------------------------------------------------------------

function checkIncrements(ctx: RuleContext): void {
  const facts = ctx.facts;
  // Increments by sentence, so each total finds its 新增 X in O(1).
  const increments = new Map<string, Fact[]>();
  let totals = 0;
  for (const f of facts) {
    if (f.change === 'total') totals++;
    if (f.change !== 'increment' || f.direction === 'down' || f.ambiguous) continue;
    const k = `${f.passage}|${f.sentence.start}|${f.key}`;
    let l = increments.get(k);
    if (!l) increments.set(k, (l = []));
    l.push(f);
  }
  if (totals === 0 || increments.size === 0) return;
  const bases = new Bases(ctx);
  for (const t of facts) {
    if (t.change !== 'total' || t.countWord || t.ambiguous || t.period !== 'year' || t.year === undefined || t.role === 'baseline') continue;
    const x = increments.get(`${t.passage}|${t.sentence.start}|${t.key}`)?.[0];
    if (!x || unitFactor(x.unit, t.unit) === undefined) continue;
    const base = bases.find(t);
    if (!base) continue;
    const kb = unitFactor(base.fact.unit, t.unit) ?? 1;
    const kx = unitFactor(x.unit, t.unit) ?? 1;
    const bi = intervalOf(base.fact, ctx.config);
    const xi = intervalOf(x, ctx.config);
    const lo = bi.lo * kb + xi.lo * kx;
    const hi = bi.hi * kb + xi.hi * kx;
    const result = base.fact.value * kb + x.value * kx;
    let message: string | undefined;
    const args = () => {
      const baseLine = lineOf(base.peer ? base.peer.rangeOf : (s, e) => ctx.lineIndex.rangeOf({ start: s, end: e }), base.fact);
      return {
        metric: metricName(t),
        base: figure(base.fact),
        inc: ctx.t(INCREMENT_WORD),
        x: figure(x),
        result: amount(result, t.unit, t.scale),
        total: figure(t),
        where: placeName(ctx.locale, baseLine, base.peer),
      };
    };
    if (t.role === 'target') {
      const verdict = judge(
        t,
        { value: lo, high: hi === Infinity ? undefined : hi, unit: t.unit, precision: 0, qualifier: hi === Infinity ? '以上' : undefined },
        ctx.config,
        { lowerIsBetter: lowerIsBetter(t.metric) },
      );
      if (verdict.verdict === 'missed') message = ctx.t(MESSAGES.targetShort, args());
    } else if (!overlaps({ lo, hi }, intervalOf(t, ctx.config))) {
      message = ctx.t(MESSAGES.outcomeOff, args());
    }
    if (!message) continue;
    const related: RelatedPlace[] = [
      base.peer
        ? there(base.peer, base.fact, ctx.t(MESSAGES.base, { base: figure(base.fact) }))
        : here(base.fact, ctx.t(MESSAGES.base, { base: figure(base.fact) })),
      here(x, ctx.t(MESSAGES.increment, { x: figure(x) })),
    ];
    ctx.report({ start: t.span.start, end: t.span.end, message, related });
  }
}

/** Last year's totals by metric: this report's review first, then another year's report. */
class Bases {
  private own: Map<string, Fact> | undefined;
  private peers: { peer: PeerReport; totals: Map<string, Fact> }[] | undefined;

  constructor(private readonly ctx: RuleContext) {}

  find(t: Fact): { fact: Fact; peer?: PeerReport } | undefined {
    const k = `${t.key}|${t.year! - 1}`;
    this.own ??= totalsOf(this.ctx.facts);
    const own = this.own.get(k);
    if (own && unitFactor(own.unit, t.unit) !== undefined) return { fact: own };
    this.peers ??= this.ctx.peers.map((peer) => ({ peer, totals: totalsOf(peer.facts) }));
    for (const { peer, totals } of this.peers) {
      const f = totals.get(k);
      if (f && unitFactor(f.unit, t.unit) !== undefined) return { fact: f, peer };
    }
    return undefined;
  }
}

function totalsOf(facts: readonly Fact[]): Map<string, Fact> {
  const out = new Map<string, Fact>();
  for (const f of facts) {
    if (f.role !== 'outcome' || f.period !== 'year' || f.change !== 'total' || f.ambiguous || f.year === undefined) continue;
    const k = `${f.key}|${f.year}`;
    if (!out.has(k)) out.set(k, f);
  }
  return out;
}
