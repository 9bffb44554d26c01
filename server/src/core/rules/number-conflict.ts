import type { Fact } from '../facts/facts';
import { figure } from '../numbers/format';
import { here, lineOf, placeName } from './helpers/related';
import { metricName, ROLE_NAME, yearName } from '../facts/format';
import type { Msg } from '../l10n';
import { unitFactor } from '../numbers/units';
import { intervalOf, overlaps, type Interval } from '../numbers/qualifiers';
import type { Rule, RuleContext } from './rule';

const MESSAGES = {
  conflict: {
    zh: '“{metric}”（{year}{role}）前后说法不一致：此处为 {a}，{where}为 {b}，两者不可能同时成立',
    en: '"{metric}" ({year} {role}) is stated two ways: {a} here and {b} on {where}; both cannot hold',
  },
  other: { zh: '同一指标的另一说法：{b}', en: 'the same metric stated as {b}' },
} satisfies Record<string, Msg>;

/** Earlier mentions each figure is compared with: the first few and the last few (linear, not all pairs). */
const HEAD = 4;
const TAIL = 4;

/**
 * The same metric, for the same year and in the same role, stated twice with values that
 * cannot both be true once qualifiers (以上, 左右, 近 …) and the rounding of the stated digits
 * are taken into account (`1.1万亩` allows 10,500–11,499). Restating a figure (the opening
 * summary and the detail) is fine; stating it differently is what loses a report its credibility.
 */
export const numberConflict: Rule = {
  id: 'number-conflict',
  defaultSeverity: 'warning',
  category: 'numbers',
  expensive: true,
  title: { zh: '同一数据前后不一致', en: 'Conflicting figures' },
  description: {
    zh: '同一指标、同一年份、同一口径（实际或目标）在报告中出现两个不可能同时成立的数值（已考虑“以上”“左右”“近”等限定词和数字的舍入）。',
    en: 'The same metric, year and role (outcome or target) is stated with two values that cannot both hold, after qualifiers (以上, 左右, 近 …) and the rounding of the stated digits.',
  },
  check(ctx) {
    // Group by metric first (a string the fact already has), then split by the rest only where a metric repeats.
    const byKey = new Map<string, Fact[]>();
    for (const f of ctx.facts) {
      if (!eligible(f)) continue;
      let list = byKey.get(f.key);
      if (!list) byKey.set(f.key, (list = []));
      list.push(f);
    }
    for (const same of byKey.values()) {
      if (same.length < 2) continue;
      const groups = new Map<string, Fact[]>();
      for (const f of same) {
        const k = `${f.role}|${f.year}|${f.change}|${f.direction ?? ''}|${f.versus ?? ''}|${f.cumulative ? 'c' : ''}`;
        let list = groups.get(k);
        if (!list) groups.set(k, (list = []));
        list.push(f);
      }
      for (const list of groups.values()) {
        for (let i = 1; i < list.length; i++) {
          const other = firstConflict(ctx, list[i], list, i);
          if (other) report(ctx, list[i], other);
        }
      }
    }
  },
};

function eligible(f: Fact): boolean {
  return !f.countWord && !f.ambiguous && !f.weak && f.period === 'year' && f.year !== undefined && f.role !== 'baseline' && f.metric.length >= 2;
}

function firstConflict(ctx: RuleContext, f: Fact, list: Fact[], i: number): Fact | undefined {
  const seen = new Set<number>();
  const candidates = [...list.slice(0, Math.min(HEAD, i)), ...list.slice(Math.max(0, i - TAIL), i)];
  for (const g of candidates) {
    if (seen.has(g.index)) continue;
    seen.add(g.index);
    // Figures in one clause are a list or a from–to, not two statements of one thing.
    if (g.passage === f.passage && g.clause.start === f.clause.start) continue;
    const factor = unitFactor(g.unit, f.unit);
    if (factor === undefined) continue;
    const a = intervalOf(f, ctx.config);
    const b = scale(intervalOf(g, ctx.config), factor);
    if (!overlaps(a, b)) return g;
  }
  return undefined;
}

function scale(i: Interval, k: number): Interval {
  return { lo: i.lo * k, hi: i.hi * k };
}

function report(ctx: RuleContext, f: Fact, g: Fact): void {
  const line = lineOf((s, e) => ctx.lineIndex.rangeOf({ start: s, end: e }), g);
  const where = placeName(ctx.locale, line);
  ctx.report({
    start: f.span.start,
    end: f.span.end,
    message: ctx.t(MESSAGES.conflict, {
      metric: metricName(f),
      year: yearName(ctx.locale, f.year),
      role: ctx.t(ROLE_NAME[f.role]),
      a: figure(f),
      b: figure(g),
      where,
    }),
    related: [here(g, ctx.t(MESSAGES.other, { b: figure(g) }))],
    data: { other: g.index },
  });
}
