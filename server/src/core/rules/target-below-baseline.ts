import type { Fact } from '../facts/facts';
import { changeFigure, metricName } from '../facts/format';
import { figure } from '../numbers/format';
import { here, lineOf, placeName, there } from './helpers/related';
import type { Msg } from '../l10n';
import { unitFactor } from '../numbers/units';
import type { PeerReport } from '../peers';
import { lowerIsBetter } from '../facts/metrics';
import { intervalOf } from '../numbers/qualifiers';
import type { Rule } from './rule';

const MESSAGES = {
  below: {
    zh: '{year}年目标“{metric}{target}”低于{prevYear}年实际{actual}（{where}）',
    en: 'The {year} target "{metric} {target}" is below the {prevYear} outcome {actual} ({where})',
  },
  actual: { zh: '上年实际：{actual}', en: "last year's outcome: {actual}" },
} satisfies Record<string, Msg>;

/**
 * A target set below what was already achieved the year before — sometimes deliberate
 * (预期目标留有余地), often a figure copied from last year's plan. Information only: the
 * drafter decides. Compares levels, shares, totals and increments that should grow, for the
 * plan year (against the year before) and for a five-year target (`到2027年…`, against the latest
 * outcome); ceilings (以内), falls (下降, 降至) and rates of change are not levels and are left alone.
 */
export const targetBelowBaseline: Rule = {
  id: 'target-below-baseline',
  defaultSeverity: 'information',
  category: 'numbers',
  expensive: true,
  title: { zh: '目标低于上年实际', en: "Target below last year's outcome" },
  description: {
    zh: '今年某指标的目标低于该指标上一年的实际值（取自本报告的回顾部分或工作区中的上年报告）。',
    en: "This year's target for a metric is lower than the metric's outcome the year before (from this report's review or last year's report in the workspace).",
  },
  check(ctx) {
    const targets = ctx.facts.filter(isLevelTarget);
    if (targets.length === 0) return;
    const outcomes = indexOutcomes(ctx.facts);
    const peerOutcomes = ctx.peers.map((peer) => ({ peer, outcomes: indexOutcomes(peer.facts) }));
    for (const t of targets) {
      // A five-year target (`到2027年…达到1000家`, also read as that year's level) is compared with the latest
      // outcome, a yearly one with the year before.
      const ahead = t.period === 'multi-year' || (ctx.meta.year !== undefined && t.year! > ctx.meta.year);
      const latest = ahead && ctx.meta.year !== undefined ? ctx.meta.year - 1 : t.year! - 1;
      const match = (o: Fact) => sameKind(o, t) && o.year === latest && unitFactor(o.unit, t.unit) !== undefined;
      let base: { fact: Fact; peer?: PeerReport } | undefined;
      const own = outcomes.get(t.key)?.find(match);
      if (own) base = { fact: own };
      else {
        for (const po of peerOutcomes) {
          const f = po.outcomes.get(t.key)?.find(match);
          if (f) {
            base = { fact: f, peer: po.peer };
            break;
          }
        }
      }
      if (!base) continue;
      const factor = unitFactor(base.fact.unit, t.unit)!;
      // The least the outcome as stated allows: less its rounding (`3.38%左右` is no less than 3.375% — an
      // outcome's 左右 is its best estimate), `超过3.3%` no less than 3.3%, `近600万` a tenth less.
      const approx = base.fact.qualifier === '左右' || base.fact.qualifier === '约';
      const actualLow = (approx ? base.fact.value - base.fact.precision : intervalOf(base.fact, ctx.config).lo) * factor;
      // What the target asks for at most: a range's upper end, otherwise its number.
      const asked = t.high ?? t.value;
      if (!(asked < actualLow)) continue;
      const line = lineOf(base.peer ? base.peer.rangeOf : (s, e) => ctx.lineIndex.rangeOf({ start: s, end: e }), base.fact);
      ctx.report({
        start: t.span.start,
        end: t.span.end,
        message: ctx.t(MESSAGES.below, {
          year: t.year!,
          prevYear: latest,
          metric: metricName(t),
          target: changeFigure(t, ctx.locale),
          actual: changeFigure(base.fact, ctx.locale),
          where: placeName(ctx.locale, line, base.peer),
        }),
        related: [
          base.peer
            ? there(base.peer, base.fact, ctx.t(MESSAGES.actual, { actual: figure(base.fact) }))
            : here(base.fact, ctx.t(MESSAGES.actual, { actual: figure(base.fact) })),
        ],
      });
    }
  },
};

/** A stock is a stock however it is said (`总数达到960座` / `累计达到973座`); an increment compares with an increment. */
function sameKind(o: Fact, t: Fact): boolean {
  const stock = (f: Fact) => f.change === 'level' || f.change === 'total' || f.change === 'share';
  if (stock(t)) return stock(o) && o.direction === t.direction;
  return o.change === t.change && o.direction === t.direction && !o.cumulative;
}

function isLevelTarget(t: Fact): boolean {
  if (t.role !== 'target' || t.year === undefined || t.countWord || t.ambiguous || t.weak || t.restated) return false;
  if (t.period !== 'year' && !(t.period === 'multi-year' && t.change !== 'increment' && !t.cumulative)) return false;
  if (t.change !== 'level' && t.change !== 'increment' && t.change !== 'total' && t.change !== 'share') return false;
  if (t.qualifier === '以内' || t.qualifier === '以下' || t.qualifier === '不超过' || t.qualifier === '不足' || t.qualifier === '近') return false;
  if (t.toward === 'down') return false;
  return !lowerIsBetter(t.metric);
}

function indexOutcomes(facts: readonly Fact[]): Map<string, Fact[]> {
  const out = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.role !== 'outcome' || f.period !== 'year' || f.year === undefined || f.countWord || f.ambiguous || f.weak || f.subset) continue;
    let l = out.get(f.key);
    if (!l) out.set(f.key, (l = []));
    l.push(f);
  }
  return out;
}
