import type { Fact } from '../facts/facts';
import { figure } from '../numbers/format';
import { here, lineOf, placeName, there } from './helpers/related';
import { metricName, ROLE_NAME, yearName } from '../facts/format';
import type { Msg } from '../l10n';
import { sameCountFactor, unitFactor } from '../numbers/units';
import { lowerIsBetter } from '../facts/metrics';
import { DISTINGUISHING_QUALIFIERS, NEUTRAL_QUALIFIERS } from '../facts/words';
import { intervalOf, overlaps, type Interval } from '../numbers/qualifiers';
import type { PeerReport } from '../peers';
import { matchIndex } from '../facts/synonyms';
import type { Rule, RuleContext } from './rule';

const MESSAGES = {
  conflict: {
    zh: '“{metric}”（{year}{role}）前后说法不一致：此处为{a}，{where}为{b}，两者不可能同时成立',
    en: '"{metric}" ({year} {role}) is stated two ways: {a} here and {b} on {where}; both cannot hold',
  },
  twoTargets: {
    zh: '“{metric}”（{year}目标）提了两个不同的目标：此处为{a}，{where}为{b}',
    en: '"{metric}" has two different {year} targets: {a} here and {b} on {where}',
  },
  peerTarget: {
    zh: '此处引述的{year}目标“{metric}”为{a}，{where}定的目标为{b}',
    en: 'the {year} target "{metric}" is quoted as {a} here, but {where} set it at {b}',
  },
  other: { zh: '同一指标的另一说法：{b}', en: 'the same metric stated as {b}' },
} satisfies Record<string, Msg>;

/** Earlier mentions each figure is compared with: the first few and the last few (linear, not all pairs). */
const HEAD = 4;
const TAIL = 4;
/**
 * How far another year's report may differ on the same year's outcome before it is a slip, not a
 * statistical revision (a preliminary 60013亿元 becomes 60310亿元 only by mistake, 60020 by revision).
 */
const PEER_RELATIVE_SLACK = 0.003;
const PEER_POINT_SLACK = 0.2;
/** The sentence's first figure counts its subjects (`734个制造业重大项目…投资完成率119.7%`): what follows is of them. */
const COUNTED_SUBJECT = /^[^\d]*?(\d[\d.]*\s*(?:个|家|项|所|座|条|批)[^，；。\d]*)/;
/** A place opening a sentence: a region, zone or city cluster (`成渝地区双城经济圈`, `成都平原经济区`, `中西部地区`). */
const PLACE_OPENING =
  /^([^，；。]{0,14}?(?:经济圈|经济区|经济带|城市群|都市圈|示范区|新区|自贸试验区|自贸区|片区|中西部地区|东部地区|西部地区|东北地区|民族地区|革命老区))(?!生产总值)/;
/** Qualifiers of a quoted target that allow it to be a rounding of the one set. */
const LOOSE_QUOTE = new Set(['多', '约', '近', '余']);
/** Target words that make two targets one ambition at two heights (`确保…、力争…`). */
const STRETCH = /力争|争取|努力/;

/**
 * The same metric (one identity: the same name in any word order, the same verb of doing), for the
 * same year and in the same role, stated twice with values that cannot both be true once qualifiers
 * (以上, 左右, 近 …) and the rounding of the stated digits are taken into account (`1.1万亩` allows
 * 10,500–11,499). Two targets for one metric are two goals unless they say the same (or the one is a
 * 确保 and the other a 力争, or a 左右 point inside a range). A target the review quotes
 * (`超过年初确定的3000亿元目标`) must be the one last year's report set.
 */
export const numberConflict: Rule = {
  id: 'number-conflict',
  defaultSeverity: 'warning',
  category: 'numbers',
  expensive: true,
  title: { zh: '同一数据前后不一致', en: 'Conflicting figures' },
  description: {
    zh: '同一指标、同一年份、同一口径（实际或目标）在报告中出现两个不可能同时成立的数值（已考虑“以上”“左右”“近”等限定词和数字的舍入）；同一年度目标提了两个不同的值；回顾中引述的去年目标与去年报告不符。',
    en: 'The same metric, year and role (outcome or target) is stated with two values that cannot both hold, after qualifiers (以上, 左右, 近 …) and the rounding of the stated digits; one year’s target is set at two values; a target the review quotes differs from last year’s report.',
  },
  check(ctx) {
    const groups = new Groups();
    for (const f of ctx.facts) if (eligible(f)) groups.add(f);
    for (const list of groups.lists) {
      for (let i = 1; i < list.length; i++) {
        const other = firstConflict(ctx, list[i], list, i);
        if (other) report(ctx, list[i], other);
      }
    }
    checkCompleted(ctx, groups);
    checkPeers(ctx, groups);
  },
};

/**
 * One metric named short and long (`旅客吞吐量` in `上海机场航空货邮和旅客吞吐量分别达到…`, `机场旅客吞吐量` in the
 * plan; `本外币贷款余额` and `银行机构本外币贷款余额`): the long name is the short one with a qualifier in front
 * that the short mention's own sentence has already said, or that names no other metric (银行机构). Only
 * when the short name has that one longer form in the report, and never across a qualifier that makes
 * another metric (城镇, 规模以上).
 */
function checkCompleted(ctx: RuleContext, groups: Groups): void {
  const buckets = new Map<number, Fact[][]>();
  for (const list of groups.lists) {
    const k = restCode(list[0]);
    let b = buckets.get(k);
    if (!b) buckets.set(k, (b = []));
    b.push(list);
  }
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    // A longer form ends with the short name, so with its last two characters (`…吞吐量`): names are
    // compared only within their head, which is rarely shared (linear in the bucket, not quadratic).
    const byHead = new Map<string, Fact[][]>();
    for (const l of bucket) {
      const m = l[0].metric;
      if (m.length < MIN_COMPLETED) continue;
      const h = m.slice(-2);
      const list = byHead.get(h);
      if (list) list.push(l);
      else byHead.set(h, [l]);
    }
    for (const short of bucket) {
      const s = short[0].metric;
      if (s.length < MIN_COMPLETED) continue;
      const same = byHead.get(s.slice(-2))!;
      if (same.length < 2) continue;
      const longer = longerForms(same, s);
      if (longer.length !== 1) continue;
      const long = longer[0];
      const qualifier = long[0].metric.slice(0, long[0].metric.length - s.length);
      if (DISTINGUISHING_QUALIFIERS.some((w) => qualifier.includes(w))) continue;
      if (short[0].action && long[0].action && short[0].action !== long[0].action) continue;
      const neutral = NEUTRAL_QUALIFIERS.includes(qualifier);
      for (const f of short) {
        if (!neutral && !saidBefore(ctx, f, qualifier)) continue;
        const g = long.find((x) => conflicting(ctx, f, x));
        if (!g) continue;
        if (f.span.start > g.span.start) report(ctx, f, g);
        else report(ctx, g, f);
        break;
      }
    }
  }
}

/** The groups whose name is longer and ends with `s` (at most two: one is all a completion may have). */
function longerForms(groups: readonly Fact[][], s: string): Fact[][] {
  const out: Fact[][] = [];
  for (const l of groups) {
    const m = l[0].metric;
    if (m.length > s.length && m.endsWith(s) && out.push(l) === 2) break;
  }
  return out;
}

/** A completed name is at least this long (`吞吐量` alone is too little to say which). */
const MIN_COMPLETED = 4;

/** Every two-character word of the qualifier is in the sentence before the figure (`轨道交通线，全市运营线路总长`). */
function saidBefore(ctx: RuleContext, f: Fact, qualifier: string): boolean {
  const before = sentenceBefore(ctx, f);
  for (let i = 0; i < qualifier.length; i += 2) {
    // An odd last character is read with the one before it (`轨道交通运营` → 轨道 交通 运营; `港` alone).
    const word = i + 2 <= qualifier.length ? qualifier.slice(i, i + 2) : qualifier.slice(-2);
    if (!before.includes(word)) return false;
  }
  return true;
}

/** Two statements of one metric that cannot both hold (figures in one clause are a list or a from–to, not two statements). */
function conflicting(ctx: RuleContext, f: Fact, g: Fact): boolean {
  if (g.passage === f.passage && g.clause.start === f.clause.start) return false;
  // The same claim restated (most restatements are): no interval to build.
  if (f.value === g.value && f.unit === g.unit && f.high === g.high && f.qualifier === g.qualifier) return false;
  // One metric counted with two measure words of one kind (`3295台` / `3925部`) is in one unit.
  const factor = unitFactor(g.unit, f.unit) ?? sameCountFactor(g.unit, f.unit);
  if (factor === undefined) return false;
  const differ = f.role === 'target' && !f.restated && !g.restated ? twoGoals(ctx, f, g, factor) : disjoint(ctx, f, g, factor);
  // The values first (most restatements agree), then what the sentences say of whose they are.
  return differ && sameSubject(ctx, f, g) && placeOf(ctx, f) === placeOf(ctx, g);
}

function eligible(f: Fact): boolean {
  return (
    !f.countWord &&
    !f.ambiguous &&
    !f.weak &&
    !f.subset &&
    !f.duration &&
    f.period === 'year' &&
    f.year !== undefined &&
    f.role !== 'baseline' &&
    f.metric.length >= 2
  );
}

/**
 * Facts by metric identity, then by everything else a statement is of (role, year, kind of figure …):
 * two Map lookups on strings a fact already holds and a number, not a key string built per fact
 * (building and hashing one cost this rule half its time).
 */
class Groups {
  readonly lists: Fact[][] = [];
  private readonly byIdentity = new Map<string, Map<number, Fact[]>>();

  add(f: Fact): void {
    let inner = this.byIdentity.get(f.identity);
    if (!inner) this.byIdentity.set(f.identity, (inner = new Map()));
    const code = restCode(f);
    const list = inner.get(code);
    if (list) list.push(f);
    else {
      const fresh = [f];
      inner.set(code, fresh);
      this.lists.push(fresh);
    }
  }

  get(f: Fact): Fact[] | undefined {
    return this.byIdentity.get(f.identity)?.get(restCode(f));
  }
}

const ROLES = ['outcome', 'target'];
const CHANGES = ['level', 'increment', 'growth-rate', 'point-change', 'share', 'multiple', 'cagr'];
const DIRECTIONS = [undefined, 'up', 'down'];
const VERSUS = [undefined, 'previous-year', 'previous-budget'];
const MULTIPLES = [undefined, 'ratio', 'growth'];

/** Everything of a group's key but the metric's identity, as one number (year, role, kind, direction …). */
function restCode(f: Fact): number {
  // `总量达到60013亿元` and `60013亿元` are one level.
  const change = CHANGES.indexOf(f.change === 'total' ? 'level' : f.change);
  let c = f.year ?? 0;
  c = c * 2 + ROLES.indexOf(f.role);
  c = c * 8 + change + 1;
  c = c * 3 + DIRECTIONS.indexOf(f.direction);
  c = c * 3 + VERSUS.indexOf(f.versus);
  c = c * 3 + MULTIPLES.indexOf(f.multiple);
  return (c * 2 + (f.cumulative ? 1 : 0)) * 2 + (f.real ? 1 : 0);
}

function firstConflict(ctx: RuleContext, f: Fact, list: Fact[], i: number): Fact | undefined {
  const seen = new Set<number>();
  const candidates = [...list.slice(0, Math.min(HEAD, i)), ...list.slice(Math.max(0, i - TAIL), i)];
  for (const g of candidates) {
    if (seen.has(g.index)) continue;
    seen.add(g.index);
    if (conflicting(ctx, f, g)) return g;
  }
  return undefined;
}

/**
 * Figures of differently counted subjects (`1299个重大项目…投资完成率129.6%` / `734个制造业重大项目…119.7%`;
 * `…等5500个重大项目建设，年度投资7200亿元以上` / `…等3100个重大项目建设，年度投资5400亿元以上`) are two facts.
 */
function sameSubject(ctx: RuleContext, f: Fact, g: Fact): boolean {
  const a = COUNTED_SUBJECT.exec(sentenceBefore(ctx, f));
  const b = COUNTED_SUBJECT.exec(sentenceBefore(ctx, g));
  return !a || !b || a[1] === b[1];
}

/**
 * A place the sentence opens with, before the figure's clause (`成渝地区双城经济圈建设走深走实，经济总量超9万亿元`):
 * the figure is that place's, not the report's government's (`地区生产总值67665亿元`).
 */
function placeOf(ctx: RuleContext, f: Fact): string {
  const before = sentenceBefore(ctx, f);
  const clauseAt = before.length - Math.max(0, f.clauseText.indexOf(f.text));
  if (clauseAt <= 0) return '';
  const m = PLACE_OPENING.exec(before.slice(0, clauseAt));
  return m ? m[1] : '';
}

function sentenceBefore(ctx: RuleContext, f: Fact): string {
  const text = ctx.passages[f.passage]?.text.text ?? '';
  return text.slice(f.sentence.start, f.logical.start);
}

function disjoint(ctx: RuleContext, f: Fact, g: Fact, factor: number): boolean {
  return !overlaps(intervalOf(f, ctx.config), scale(intervalOf(g, ctx.config), factor));
}

/**
 * Two targets for one metric in one plan say different things: a different value or bound
 * (`增长8%以上` / `增长9%以上`), or ranges that only touch (`5%–5.5%` / `5.5%–6%`). Quiet: the same claim
 * restated, `确保…` beside `力争…`, a `左右` point inside the other's range.
 */
function twoGoals(ctx: RuleContext, f: Fact, g: Fact, factor: number): boolean {
  if (disjoint(ctx, f, g, factor)) return true;
  // The same value restated, whatever its bound (`涨幅3%左右` / `控制在3%以内`).
  if (close(f.value, g.value * factor) && close(f.high ?? f.value, (g.high ?? g.value) * factor)) return false;
  // `确保…增长8%以上、力争增长9%`, `力争实现城镇新增就业2.6万人`: a stretch beside the floor is one ambition at two
  // heights — when the stretch asks for more (`增长6.5%以上` in the targets, `力争…增长6%以上` in the tasks: two goals).
  if (f.marker !== g.marker && (STRETCH.test(f.marker ?? '') || STRETCH.test(g.marker ?? ''))) {
    const [stretch, floor, k] = STRETCH.test(f.marker ?? '') ? [f, g, factor] : [g, f, 1 / factor];
    if (STRETCH.test(floor.marker ?? '') || asksAtLeast(stretch, floor, k)) return false;
  }
  if (pointInRange(f, g, factor) || pointInRange(g, f, 1 / factor)) return false;
  return true;
}

/** Whether the stretch target asks at least what the floor does (less, for a metric better low: `控制在3%以内`). */
function asksAtLeast(stretch: Fact, floor: Fact, factor: number): boolean {
  const lower = lowerIsBetter(stretch.metric) && stretch.direction !== 'down';
  const a = stretch.value;
  const b = floor.value * factor;
  return lower ? a <= b + 1e-9 : a >= b - 1e-9;
}

/** `增长5%左右` beside `增长4.5%–5.5%`: the point is the range's middle ground. */
function pointInRange(point: Fact, range: Fact, factor: number): boolean {
  if (point.high !== undefined || range.high === undefined) return false;
  const v = point.value;
  return v >= range.value * factor && v <= range.high * factor;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function scale(i: Interval, k: number): Interval {
  return { lo: i.lo * k, hi: i.hi * k };
}

/**
 * Across years: a target this review quotes (`年初确定的3000亿元目标`) against the target last year's
 * report set, and an outcome of a year against that year's outcome in the other report — the latter
 * only beyond what a statistical revision changes.
 */
function checkPeers(ctx: RuleContext, groups: Groups): void {
  if (!ctx.peers.length) return;
  for (const peer of ctx.peers) {
    const theirs = new Groups();
    for (const g of peer.facts) if (eligible(g) && !(g.role === 'target' && g.restated)) theirs.add(g);
    for (const mine of groups.lists) {
      const list = theirs.get(mine[0]) ?? quotedTargetsOf(ctx, mine[0], peer);
      if (!list) continue;
      for (const f of mine) {
        if (f.role === 'target' && !f.restated) continue;
        const g: Fact | undefined = list.find((x) => peerConflict(ctx, f, x));
        if (g && list.every((x) => x === g || peerConflict(ctx, f, x))) {
          reportPeer(ctx, f, g, peer);
          break;
        }
      }
    }
  }
}

/**
 * A target the review quotes, named as the plan's cross-year synonyms allow (`超过年初确定的3000亿元目标` of
 * 企业减负 for last year's `为经营主体减负2500亿元以上`): last year's targets of its group, for that year. The
 * same names the targets matcher pairs a plan's target with its review by.
 */
function quotedTargetsOf(ctx: RuleContext, f: Fact, peer: PeerReport): Fact[] | undefined {
  if (f.role !== 'target' || !f.restated) return undefined;
  const index = matchIndex(ctx.config);
  const key = index.key(f.metric);
  if (!index.known(f.metric)) return undefined;
  const list = peer.facts.filter(
    (g) => eligible(g) && g.role === 'target' && !g.restated && g.year === f.year && g.change === f.change && index.key(g.metric) === key,
  );
  return list.length ? list : undefined;
}

function peerConflict(ctx: RuleContext, f: Fact, g: Fact): boolean {
  const factor = unitFactor(g.unit, f.unit);
  if (factor === undefined) return false;
  // A target the review quotes must be the figure last year's report set (`110万人以上` quoted as `110万人` is fine).
  // Exactly: `完成年初确定的5%左右的预期目标` quotes the 5.5%左右 set, or it does not; only a quote said
  // loosely (`3000多亿元`, `约`, `近`) where the target was not may be its rounding.
  if (f.role === 'target') {
    const loose = LOOSE_QUOTE.has(f.qualifier ?? '') && !LOOSE_QUOTE.has(g.qualifier ?? '');
    return Math.abs(f.value - g.value * factor) > (loose ? Math.max(f.precision, g.precision * factor) : 1e-9 * Math.max(1, Math.abs(f.value)));
  }
  if (!disjoint(ctx, f, g, factor)) return false;
  const a = f.value;
  const b = g.value * factor;
  const rate = f.unit === '%' || f.unit === '个百分点';
  return rate ? Math.abs(a - b) > PEER_POINT_SLACK : Math.abs(a - b) > PEER_RELATIVE_SLACK * Math.max(Math.abs(a), Math.abs(b));
}

function report(ctx: RuleContext, f: Fact, g: Fact): void {
  const line = lineOf((s, e) => ctx.lineIndex.rangeOf({ start: s, end: e }), g);
  const where = placeName(ctx.locale, line);
  const twoTargets = f.role === 'target' && !f.restated && !disjoint(ctx, f, g, unitFactor(g.unit, f.unit) ?? 1);
  ctx.report({
    start: f.span.start,
    end: f.span.end,
    message: ctx.t(twoTargets ? MESSAGES.twoTargets : MESSAGES.conflict, {
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

function reportPeer(ctx: RuleContext, f: Fact, g: Fact, peer: PeerReport): void {
  const where = placeName(ctx.locale, lineOf(peer.rangeOf, g), peer);
  const args = { metric: metricName(f), year: yearName(ctx.locale, f.year), role: ctx.t(ROLE_NAME[f.role]), a: figure(f), b: figure(g), where };
  ctx.report({
    start: f.span.start,
    end: f.span.end,
    message: ctx.t(f.role === 'target' ? MESSAGES.peerTarget : MESSAGES.conflict, args),
    related: [there(peer, g, ctx.t(MESSAGES.other, { b: figure(g) }))],
  });
}
