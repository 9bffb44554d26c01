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
    zh: '“{metric}”{stated}，但{cur} − {prev}（{where}）= {computed}',
    en: '"{metric}": {stated}, but {cur} − {prev} ({where}) = {computed}',
  },
  growth: {
    zh: '“{metric}”{stated}，但{cur} ÷ {prev}（{where}）− 1 = {computed}',
    en: '"{metric}": {stated}, but {cur} ÷ {prev} ({where}) − 1 = {computed}',
  },
  points: {
    zh: '“{metric}”{stated}，但{cur} − {prev}（{where}）= {computed}',
    en: '"{metric}": {stated}, but {cur} − {prev} ({where}) = {computed}',
  },
  multiple: {
    zh: '“{metric}”{stated}，即为原来的{want}，但{cur} ÷ {prev}（{where}）= {computed}倍',
    en: '"{metric}": {stated} makes it {want} the base, but {cur} ÷ {prev} ({where}) = {computed}×',
  },
  ratio: {
    zh: '“{metric}”{stated}，但{cur} ÷ {prev}（{where}）= {computed}倍',
    en: '"{metric}": {stated}, but {cur} ÷ {prev} ({where}) = {computed}×',
  },
  cagr: {
    zh: '“{metric}”年均增长{stated}，但从{prev}（{from}）到{cur}（{to}）{n}年年均增长{computed}',
    en: '"{metric}" is said to grow {stated} a year, but {prev} ({from}) to {cur} ({to}) over {n} years is {computed} a year',
  },
  direction: {
    zh: '“{metric}”从{prev}“{verb}”{cur}，但{cur}{cmp}{prev}（{where}），用词与数值的方向相反',
    en: '"{metric}" goes from {prev} "{verb}" {cur}, but {cur} is {cmp} {prev} ({where}): the word and the values point opposite ways',
  },
  twoWays: {
    zh: '“{metric}”{stated}，又称{multiple}（即增长{range}），两种说法不符',
    en: '"{metric}" {stated}, and is said to have {multiple} (a growth of {range}): the two disagree',
  },
  rangeValue: { zh: '{lo}%～{hi}%', en: '{lo}%–{hi}%' },
  rangeFrom: { zh: '{lo}%以上', en: '{lo}% or more' },
  otherWay: { zh: '同一变化的另一说法：{v}', en: 'the same change said another way: {v}' },
  lower: { zh: '低于', en: 'lower than' },
  higher: { zh: '高于', en: 'higher than' },
  times: { zh: '{v}倍{more}', en: '{v}×{more}' },
  pointsValue: { zh: '{v}个百分点', en: '{v} percentage points' },
  current: { zh: '本年数值：{v}', en: 'this year: {v}' },
  previous: { zh: '上年数值：{v}', en: 'last year: {v}' },
  start: { zh: '起点：{v}', en: 'start: {v}' },
  added: { zh: '新增：{v}', en: 'added: {v}' },
} satisfies Record<string, Msg>;

/**
 * Growth rates of these are real (at constant prices) by convention while their levels are nominal,
 * so the two never reconcile by division: 地区生产总值 230亿元 ÷ 210亿元 is not the stated 6.5%. This
 * and a rate said to be real (`实际增长`, `按可比价格计算`) are the only changes not checked.
 */
const REAL_RATES = /生产总值|GDP|增加值|经济增长|^经济$/;

/**
 * Statistics are revised between one year's report and the next (the level a report states
 * for last year is often not the one last year's report stated): a rate computed across two
 * reports' outcomes gets this much slack, in percentage points. Budgets are not revised.
 */
const REVISION_POINTS = 1;
/** How far a level may move between two reports' statements of it before 提高到/降至 can be wrong. */
const PEER_DIRECTION_RELATIVE = 0.02;
const PEER_DIRECTION_POINTS = 0.1;
/** An outcome `超过8亿人次`, `突破3000亿元` is above its figure, but not by more than this share of it. */
const ABOVE_SPAN = 0.1;

/**
 * A stated change must follow from the values it compares — `比上年增加30亿元`, `同比增长33.3%`,
 * `提高5个百分点`, `增长2倍`/`是上年的1.5倍`/`翻一番`, `年均增长8.1%` from a start year to an end year —
 * and a to-level verb must go the way its values go (`由9.8%降至7.5%`, not `提高至`). This year's level
 * comes from the same sentence or elsewhere in the report; last year's from `由A增至B`, from
 * `增加1.2万户、达到8.6万户` (start = 8.6 − 1.2), this report, or last year's report in the workspace.
 */
export const growthMismatch: Rule = {
  id: 'growth-mismatch',
  defaultSeverity: 'warning',
  category: 'numbers',
  expensive: true,
  title: { zh: '增幅与数值不符', en: 'Change does not match the figures' },
  description: {
    zh: '所述增长率、增减量、倍数或年均增速（“同比增长Z%”“比上年增加X”“提高Y个百分点”“增长2倍”“翻一番”“年均增长”）与两个数值推算不符，或“提高到”“降至”等用词与数值变化的方向相反；上年数值取自本报告或工作区中上一年的报告。',
    en: 'A stated growth rate, change, multiple or average annual rate (同比增长 Z%, 比上年增加 X, 提高 Y 个百分点, 增长2倍, 翻一番, 年均增长) does not follow from the two figures, or a to-level word (提高到, 降至) contradicts the way the values moved; last year’s figure comes from this report or last year’s report in the workspace.',
  },
  check(ctx) {
    const levels = indexLevels(ctx.facts);
    const peerLevels = ctx.peers.map((p) => ({ peer: p, levels: indexLevels(p.facts) }));
    checkDirections(ctx, levels, peerLevels);
    checkTwoWays(ctx);
    for (const c of ctx.facts) {
      if (c.change === 'cagr') {
        checkCagr(ctx, c);
        continue;
      }
      if (c.change === 'multiple' && !exempt(c)) {
        if (checkRatioTo(ctx, c) || checkEach(ctx, c)) continue;
      }
      if (!isCheckedChange(c) && !(isFromToChange(c) && (ctx.facts[c.levelIndex!].baselineIndex !== undefined || partsBeside(ctx, c)))) continue;
      const cur = c.levelIndex !== undefined ? ctx.facts[c.levelIndex] : first(levels.get(c.key), c);
      if (!cur || unitFactor(cur.unit, baseUnit(c, cur)) === undefined) continue;
      const prev = previousLevel(ctx, c, cur, levels, peerLevels);
      if (!prev) continue;
      check(ctx, c, cur, prev);
    }
  },
};

/**
 * `新启动21个改造项目，是计划任务12个的2.1倍`: a ratio to the figure inside 是…的, of the figure the sentence
 * said before it (21 ÷ 12 = 1.75). True when the multiple was read this way (checked or not).
 */
function checkRatioTo(ctx: RuleContext, c: Fact): boolean {
  if (c.multiple !== 'ratio' || c.doubling || c.levelIndex === undefined) return false;
  const base = ctx.facts[c.levelIndex];
  if (base.passage !== c.passage || base.clause.start !== c.clause.start) return false;
  let subject: Fact | undefined;
  for (let i = base.index - 1; i >= Math.max(0, base.index - LOOK_BACK) && !subject; i--) {
    const f = ctx.facts[i];
    if (f.passage !== c.passage || f.sentence.start !== c.sentence.start) break;
    if (f.clause.start !== c.clause.start && f.unit !== '%' && unitFactor(f.unit, base.unit) !== undefined) subject = f;
  }
  if (!subject) return false;
  check(ctx, c, subject, { fact: base }, subject);
  return true;
}

/** How many figures back a multiple looks for what it is of (a pasted table of figures stays linear). */
const LOOK_BACK = 8;

/** `均实现倍增`, `均增长…`: one change said of every level listed before it in the sentence. */
const EACH_BEFORE = /均(?:实现|已|已经)?$/;

/**
 * `国家高新技术企业从1.2万家增加到1.9万家、科技型中小企业达到2.9万家，均实现倍增`: the change is each
 * level's; a level with its start in the sentence is checked against it (1.9 ÷ 1.2 is no doubling).
 */
function checkEach(ctx: RuleContext, c: Fact): boolean {
  const text = ctx.passages[c.passage]?.text.text ?? '';
  if (!EACH_BEFORE.test(text.slice(c.sentence.start, c.logical.start))) return false;
  let checked = false;
  for (let i = c.index - 1; i >= Math.max(0, c.index - LOOK_BACK); i--) {
    const f = ctx.facts[i];
    if (f.passage !== c.passage || f.sentence.start !== c.sentence.start) break;
    if (f.baselineIndex === undefined || (f.change !== 'level' && f.change !== 'total') || f.unit === '%') continue;
    const base = ctx.facts[f.baselineIndex];
    if (unitFactor(base.unit, f.unit) === undefined) continue;
    check(ctx, c, f, { fact: base }, f);
    checked = true;
  }
  return checked;
}

function exempt(c: Fact): boolean {
  return c.countWord || !!c.ambiguous || c.real === true || REAL_RATES.test(c.metric);
}

function isFromToChange(c: Fact): boolean {
  if (exempt(c) || c.role === 'baseline' || c.levelIndex === undefined) return false;
  return c.change === 'growth-rate' || c.change === 'increment' || c.change === 'point-change' || c.change === 'multiple';
}

function isCheckedChange(c: Fact): boolean {
  if (exempt(c) || c.weak || c.period !== 'year' || c.year === undefined || c.role === 'baseline') return false;
  if (c.change === 'growth-rate' || c.change === 'multiple') return c.versus !== undefined || (c.levelIndex !== undefined && c.role === 'outcome');
  if (c.change === 'increment' || c.change === 'point-change') return c.versus !== undefined || changeAfterItsLevel(c);
  return false;
}

/**
 * `中央财政赤字1.12万亿元，增加1700亿元`: a change said right after this year's level, with no 比上年, is
 * still against last year (the level comes first, so this is no `新增…、累计达到…`).
 */
function changeAfterItsLevel(c: Fact): boolean {
  return c.levelIndex !== undefined && c.levelIndex < c.index && c.direction === 'up';
}

/** Levels (and totals) of one report by metric, for lookups in O(1) (role and year filtered after). */
function indexLevels(facts: readonly Fact[]): Map<string, Fact[]> {
  const out = new Map<string, Fact[]>();
  for (const f of facts) {
    // A flow stated as such (城镇新增就业2.6万人) is the quantity a 比去年多1000人 compares, like a level.
    const quantity = f.change === 'level' || f.change === 'total' || f.change === 'share' || (f.change === 'increment' && f.versus === undefined);
    if (!quantity || f.ambiguous || f.countWord || f.year === undefined || f.subset) continue;
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
  if (c.change === 'growth-rate' || c.change === 'multiple') return cur.unit;
  return c.unit;
}

type Prev = { fact: Fact; peer?: PeerReport; start?: Interval };

function previousLevel(
  ctx: RuleContext,
  c: Fact,
  cur: Fact,
  own: Map<string, Fact[]>,
  peers: { peer: PeerReport; levels: Map<string, Fact[]> }[],
): Prev | undefined {
  const ok = (f: Fact) => f.unit === cur.unit || unitFactor(f.unit, cur.unit) !== undefined;
  // 由A增至B in the same sentence: A is the start.
  if (cur.baselineIndex !== undefined && ok(ctx.facts[cur.baselineIndex])) return { fact: ctx.facts[cur.baselineIndex] };
  // `新增1.2万户、达到8.6万户，增长18%`: the start is the level less the increment.
  const inc = incrementBeside(ctx, c, cur);
  if (inc) {
    const a = exact(cur, ctx);
    const k = unitFactor(inc.unit, cur.unit)!;
    const d = scale(exact(inc, ctx), k);
    return { fact: inc, start: { lo: a.lo - d.hi, hi: a.hi - d.lo } };
  }
  if (c.change === 'multiple' && c.versus === undefined) return undefined;
  if (c.year === undefined) return undefined;
  const year = c.year - 1;
  const role = c.versus === 'previous-budget' ? 'target' : c.role;
  const mine = own.get(c.key)?.find((f) => sameSlot(f, role, year) && ok(f));
  if (mine) return { fact: mine };
  for (const { peer, levels } of peers) {
    const f = levels.get(c.key)?.find((g) => sameSlot(g, role, year) && ok(g));
    if (f) return { fact: f, peer };
  }
  return undefined;
}

/**
 * `进出川大通道新增16条、达到54条、增长29.6%` in a five-year summary: the level and the increment beside the
 * rate say where it started, whatever period the sentence is of.
 */
function partsBeside(ctx: RuleContext, c: Fact): boolean {
  return c.change === 'growth-rate' && incrementBeside(ctx, c, ctx.facts[c.levelIndex!]) !== undefined;
}

/** The increment of the same metric stated in the level's sentence (`新增5.4万台、累计达到9万台`). */
function incrementBeside(ctx: RuleContext, c: Fact, cur: Fact): Fact | undefined {
  if (c.change !== 'growth-rate' && c.change !== 'multiple') return undefined;
  // Before the level (`新增1.2万户、达到8.6万户`) or after it (`荣获53个奖项、比上次增加21个、增长47%`).
  for (let i = Math.max(0, cur.index - 3); i <= cur.index + 3 && i < ctx.facts.length; i++) {
    const f = ctx.facts[i];
    if (i === cur.index || i === c.index || f.passage !== cur.passage || f.sentence.start !== cur.sentence.start) continue;
    if (f.change === 'increment' && f.direction !== 'down' && f.metric === cur.metric && !f.ambiguous && unitFactor(f.unit, cur.unit) !== undefined) return f;
  }
  return undefined;
}

/** `named`: the fact whose metric the message names, when the change's own name is not the level's (`均实现倍增`). */
function check(ctx: RuleContext, c: Fact, cur: Fact, p: Prev, named: Fact = c): void {
  const { fact: prev, peer, start } = p;
  const kp = unitFactor(prev.unit, cur.unit) ?? 1;
  const a = exact(cur, ctx);
  const b = start ?? scale(exact(prev, ctx), kp);
  const stated = stateInterval(c, ctx);
  let computed: Interval;
  let nominal: number;
  const prevValue = start ? cur.value - prev.value * kp : prev.value * kp;
  let kind: 'increment' | 'growth' | 'points' | 'multiple';
  if (c.change === 'growth-rate' || c.change === 'multiple') {
    if (b.lo <= 0) return;
    computed = { lo: (a.lo / b.hi - 1) * 100, hi: (a.hi / b.lo - 1) * 100 };
    nominal = (cur.value / prevValue - 1) * 100;
    kind = c.change === 'multiple' ? 'multiple' : 'growth';
    // Outcomes compared across two reports: allow for revised statistics.
    if (peer && c.role === 'outcome') computed = { lo: computed.lo - REVISION_POINTS, hi: computed.hi + REVISION_POINTS };
  } else {
    const kc = c.change === 'point-change' ? 1 : (unitFactor(cur.unit, c.unit) ?? 1);
    computed = { lo: (a.lo - b.hi) * kc, hi: (a.hi - b.lo) * kc };
    nominal = (cur.value - prevValue) * kc;
    kind = c.change === 'point-change' ? 'points' : 'increment';
  }
  const want = kind === 'multiple' ? multipleAsGrowth(c) : kind === 'growth' && ofExactCounts(a, b) ? wholeToUnits(c, stated) : stated;
  if (overlaps(computed, want)) return;
  const line = lineOf(peer ? peer.rangeOf : (s, e) => ctx.lineIndex.rangeOf({ start: s, end: e }), prev);
  // `新增5.4万台、累计达到9万台`: the start is 9万台 − 5.4万台, shown as such.
  const prevText = start ? `${figure(cur)} − ${figure(prev)}` : figure(prev);
  const computedText =
    kind === 'growth'
      ? `${trimNumber(Math.round(nominal * 10) / 10)}%`
      : kind === 'multiple'
        ? trimNumber(Math.round((nominal / 100 + 1) * 100) / 100)
        : kind === 'points'
          ? pointsText(ctx.locale, nominal)
          : amount(nominal, c.unit, c.scale);
  const template = kind === 'multiple' && c.multiple !== 'growth' ? MESSAGES.ratio : MESSAGES[kind];
  const message = ctx.t(template, {
    metric: metricName(named),
    stated: statedText(ctx.locale, c),
    cur: figure(cur),
    prev: start ? `（${prevText}）` : prevText,
    where: placeName(ctx.locale, line, peer),
    computed: computedText,
    want: kind === 'multiple' ? ctx.t(MESSAGES.times, { v: trimNumber(ratioOf(c)), more: c.qualifier === '多' ? (ctx.locale === 'en' ? '+' : '多') : '' }) : '',
  });
  const related: RelatedPlace[] = [];
  if (cur.index !== c.index) related.push(here(cur, ctx.t(MESSAGES.current, { v: figure(cur) })));
  const prevNote = start ? ctx.t(MESSAGES.added, { v: figure(prev) }) : ctx.t(MESSAGES.previous, { v: prevText });
  related.push(peer ? there(peer, prev, prevNote) : here(prev, prevNote));
  ctx.report({ start: c.span.start, end: c.span.end, message, related });
}

/** What a multiple makes of the base: `增长2倍` ×3, `是上年的1.5倍` and `翻一番` ×1.5 and ×2. */
/**
 * One change said twice, as a rate and as a multiple, side by side (`地方国企资产总额增长116.2%、翻了两番多`:
 * ×2.16 is not ×4 or more; `增长1倍、翻了一番` agree).
 */
function checkTwoWays(ctx: RuleContext): void {
  const facts = ctx.facts;
  for (let i = 0; i + 1 < facts.length; i++) {
    const [a, b] = [facts[i], facts[i + 1]];
    if (a.passage !== b.passage || a.sentence.start !== b.sentence.start || !a.key || a.key !== b.key || a.year !== b.year) continue;
    const rate = a.change === 'growth-rate' && a.unit === '%' ? a : b.change === 'growth-rate' && b.unit === '%' ? b : undefined;
    const multiple = a.change === 'multiple' ? a : b.change === 'multiple' ? b : undefined;
    if (!rate || !multiple || rate.real || rate.weak || multiple.weak || rate.ambiguous) continue;
    const said = multipleAsGrowth(multiple);
    if (overlaps(stateInterval(rate, ctx), said)) continue;
    const range = Number.isFinite(said.hi)
      ? ctx.t(MESSAGES.rangeValue, { lo: trimNumber(said.lo), hi: trimNumber(said.hi) })
      : ctx.t(MESSAGES.rangeFrom, { lo: trimNumber(said.lo) });
    ctx.report({
      start: multiple.span.start,
      end: multiple.span.end,
      message: ctx.t(MESSAGES.twoWays, { metric: metricName(rate), stated: statedText(ctx.locale, rate), multiple: multiple.text, range }),
      related: [here(rate, ctx.t(MESSAGES.otherWay, { v: figure(rate) }))],
    });
  }
}

function ratioOf(c: Fact): number {
  return c.multiple === 'growth' ? c.value + 1 : c.value;
}

/** The growth (in %) a stated multiple allows, qualifiers and rounding included (`近1.5倍`, `2倍多`, `实现倍增` = at least ×2). */
function multipleAsGrowth(c: Fact): Interval {
  const shift = c.multiple === 'growth' ? 0 : -1;
  let i: Interval;
  if (c.doubling && !c.qualifier) i = { lo: c.value - 0.05, hi: Infinity };
  else if (c.qualifier === '多' || c.qualifier === '以上' || c.qualifier === '超过') i = { lo: c.value, hi: c.value + 1 };
  else if (c.qualifier === '近') i = { lo: c.value - Math.max(0.1 * c.value, c.precision), hi: c.value };
  else if (c.qualifier === '左右' || c.qualifier === '约') i = { lo: c.value - Math.max(0.1, c.precision), hi: c.value + Math.max(0.1, c.precision) };
  else i = { lo: c.value - c.precision, hi: c.value + c.precision };
  return { lo: (i.lo + shift) * 100, hi: (i.hi + shift) * 100 };
}

/**
 * `从2020年的4.1件提高到9.3件、年均增长17.8%`, or a five-year summary's `由54万亿元增加到82.7万亿元，年均增长7.1%`:
 * the compound rate over the years between the two figures.
 */
function checkCagr(ctx: RuleContext, c: Fact): void {
  if (exempt(c) || c.levelIndex === undefined || c.unit !== '%') return;
  const cur = ctx.facts[c.levelIndex];
  if (cur.baselineIndex === undefined || cur.year === undefined) return;
  const prev = ctx.facts[cur.baselineIndex];
  if (prev.year === undefined || prev.yearCue === undefined) return;
  const n = cur.year - prev.year;
  const k = unitFactor(prev.unit, cur.unit);
  if (n < 2 || n > 20 || k === undefined) return;
  const a = exact(cur, ctx);
  const b = scale(exact(prev, ctx), k);
  if (b.lo <= 0 || a.lo <= 0) return;
  const computed = { lo: (Math.pow(a.lo / b.hi, 1 / n) - 1) * 100, hi: (Math.pow(a.hi / b.lo, 1 / n) - 1) * 100 };
  if (overlaps(computed, stateInterval(c, ctx))) return;
  const nominal = (Math.pow(cur.value / (prev.value * k), 1 / n) - 1) * 100;
  ctx.report({
    start: c.span.start,
    end: c.span.end,
    message: ctx.t(MESSAGES.cagr, {
      metric: metricName(c),
      stated: figure(c),
      prev: figure(prev),
      cur: figure(cur),
      from: `${prev.year}${ctx.locale === 'en' ? '' : '年'}`,
      to: `${cur.year}${ctx.locale === 'en' ? '' : '年'}`,
      n,
      computed: `${trimNumber(Math.round(nominal * 10) / 10)}%`,
    }),
    related: [here(cur, ctx.t(MESSAGES.current, { v: figure(cur) })), here(prev, ctx.t(MESSAGES.start, { v: figure(prev) }))],
  });
}

/**
 * A to-level verb that goes the wrong way: `由9.8%提高至7.5%` (the start in the sentence), or
 * `比重提升至61.8%` when last year's level was 62.1% (this report or last year's).
 */
function checkDirections(ctx: RuleContext, ownByKey: Map<string, Fact[]>, peersByKey: { peer: PeerReport; levels: Map<string, Fact[]> }[]): void {
  // Last year's level is the same metric however it was named (`县城人口占县域人口比重` for this year's
  // `县城常住人口占县域比重`): looked up by identity, not by the name's key.
  let own: Map<string, Fact[]> | undefined;
  let peers: { peer: PeerReport; levels: Map<string, Fact[]> }[] = [];
  for (const b of ctx.facts) {
    if (!b.toward || b.change === 'growth-rate' || b.change === 'increment') continue;
    let prev: Fact | undefined;
    let peer: PeerReport | undefined;
    if (b.baselineIndex !== undefined) prev = ctx.facts[b.baselineIndex];
    else if (!b.weak && !b.ambiguous && b.year !== undefined && b.period === 'year' && b.role === 'outcome') {
      if (!own) {
        own = byIdentity(ownByKey);
        peers = peersByKey.map((p) => ({ peer: p.peer, levels: byIdentity(p.levels) }));
      }
      const slot = (f: Fact) =>
        f.role === 'outcome' && f.year === b.year! - 1 && f.change === b.change && unitFactor(f.unit, b.unit) !== undefined && f.identity === b.identity;
      prev = own.get(b.identity)?.find(slot);
      if (!prev) {
        for (const p of peers) {
          prev = p.levels.get(b.identity)?.find(slot);
          if (prev) {
            peer = p.peer;
            break;
          }
        }
      }
    }
    if (!prev) continue;
    const k = unitFactor(prev.unit, b.unit);
    if (k === undefined) continue;
    const now = intervalOf(b, ctx.config);
    const then = widen(scale(intervalOf(prev, ctx.config), k), peer ? revisionSlack(b) : 0);
    const wrong = b.toward === 'up' ? now.hi < then.lo : now.lo > then.hi;
    if (!wrong) continue;
    const line = lineOf(peer ? peer.rangeOf : (s, e) => ctx.lineIndex.rangeOf({ start: s, end: e }), prev);
    ctx.report({
      start: b.span.start,
      end: b.span.end,
      message: ctx.t(MESSAGES.direction, {
        metric: metricName(b),
        prev: figure(prev),
        cur: figure(b),
        verb: verbOf(ctx, b, prev, peer),
        cmp: ctx.t(b.toward === 'up' ? MESSAGES.lower : MESSAGES.higher),
        where: placeName(ctx.locale, line, peer),
      }),
      related: [peer ? there(peer, prev, ctx.t(MESSAGES.start, { v: figure(prev) })) : here(prev, ctx.t(MESSAGES.start, { v: figure(prev) }))],
    });
  }
}

/** Levels indexed by key, re-indexed by identity. */
function byIdentity(byKey: Map<string, Fact[]>): Map<string, Fact[]> {
  const out = new Map<string, Fact[]>();
  for (const list of byKey.values()) {
    for (const f of list) {
      const l = out.get(f.identity);
      if (l) l.push(f);
      else out.set(f.identity, [f]);
    }
  }
  // In the text's order, as the lists by key are: the first level stated is the one a slot finds.
  for (const l of out.values()) if (l.length > 1) l.sort((a, b) => a.index - b.index);
  return out;
}

/** Last year's report may state a level its revision later moved (17.1万吨/日 → 16.9万吨/日 is 1.2 %): only more is a wrong direction. */
function revisionSlack(f: Fact): number {
  return f.unit === '%' ? PEER_DIRECTION_POINTS : Math.abs(f.value) * PEER_DIRECTION_RELATIVE;
}

function widen(i: Interval, d: number): Interval {
  return { lo: i.lo - d, hi: i.hi + d };
}

/** The report's own to-level words (`提高至`), from the words right before the figure. */
function verbOf(ctx: RuleContext, b: Fact, prev: Fact, peer: PeerReport | undefined): string {
  const text = ctx.passages[b.passage]?.text.text ?? '';
  const from = !peer && prev.passage === b.passage && prev.logical.end <= b.logical.start ? prev.logical.end : Math.max(0, b.logical.start - 4);
  const words = text.slice(from, b.logical.start).replace(/[\s，、]/g, '');
  const m = /(?:提高|提升|增加|增长|上升|扩大|跃升|攀升|下降|降低|减少|缩短|压缩|缩小|压减|增|降|减)(?:到|至)$/.exec(words);
  return m ? m[0] : words.slice(-3);
}

/**
 * A level as a number to compute with. Targets and budgets are set figures, not rounded
 * measurements (45亿 − 40亿 is exactly the stated 5亿), and a bound (以上) on a target is the
 * figure itself; outcomes carry the rounding of their digits and their qualifiers (an outcome
 * `超过8亿人次` is a little above 8亿, not exactly 8亿).
 */
function exact(f: Fact, ctx: RuleContext): Interval {
  const bound =
    f.qualifier === '以上' ||
    f.qualifier === '以内' ||
    f.qualifier === '以下' ||
    f.qualifier === '突破' ||
    f.qualifier === '超过' ||
    f.qualifier === '不低于' ||
    f.qualifier === '不超过';
  if (f.role === 'target' || bound) {
    const p = f.role === 'target' ? 0 : f.precision;
    const lo = f.value - p;
    const hi = (f.high ?? f.value) + p;
    if (f.role !== 'target' && (f.qualifier === '超过' || f.qualifier === '突破' || f.qualifier === '以上')) {
      return { lo, hi: hi + Math.max(Math.abs(f.value) * ABOVE_SPAN, p) };
    }
    return { lo, hi };
  }
  return intervalOf(f, ctx.config);
}

/** Both values exact (`53个`, `53个 − 17个`): nothing of theirs is rounded. */
function ofExactCounts(a: Interval, b: Interval): boolean {
  return a.lo === a.hi && b.lo === b.hi;
}

/**
 * A rate of counts one can count is given to the whole percent (`荣获53个奖项、比上次增加17个、增长47%`: 17 ÷ 36 =
 * 47.2%), unlike the statistics' one-decimal rates (`4%` is 3.95–4.05, see precisionOf): a whole `47%` of
 * exact counts is 46.5–47.5. `47.0%` stays as precise as it is written.
 */
function wholeToUnits(c: Fact, stated: Interval): Interval {
  if (!Number.isInteger(c.value) || /[.．]/.test(c.text) || c.qualifier !== undefined) return stated;
  const centre = (stated.lo + stated.hi) / 2;
  return { lo: centre - 0.5, hi: centre + 0.5 };
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
  if (c.change === 'multiple') verb = c.doubling ? STATED.none : c.multiple === 'growth' ? STATED.grew : STATED.is;
  else if (c.change === 'growth-rate') verb = down ? STATED.fell : STATED.grew;
  else if (c.change === 'point-change') verb = c.versus ? (down ? STATED.pointsLower : STATED.pointsHigher) : down ? STATED.pointsDown : STATED.pointsUp;
  else verb = down ? STATED.lower : STATED.higher;
  const shown = c.change === 'multiple' && c.doubling ? c.text : figure(c);
  const text = format(STATED.stated, locale, { vs: format(vs, locale), verb: format(verb, locale), figure: shown });
  return locale === 'en' ? text.replace(/\s+/g, ' ').trim() : text;
}

/** The stated change in words: `比上年增加200万人`, `is higher than last year by 200万人`. */
const STATED = {
  stated: { zh: '{vs}{verb}{figure}', en: '{verb} {vs}by {figure}' },
  versusBudget: { zh: '比去年预算', en: "than last year's budget " },
  versusYear: { zh: '比上年', en: 'than last year ' },
  none: { zh: '', en: '' },
  grew: { zh: '增长', en: 'grew' },
  fell: { zh: '下降', en: 'fell' },
  is: { zh: '为', en: 'is' },
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
