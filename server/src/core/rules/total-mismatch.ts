import type { Fact } from '../facts/facts';
import { lowerIsBetter } from '../facts/metrics';
import { amount, figure } from '../numbers/format';
import { here, lineOf, placeName, there } from './helpers/related';
import { metricName } from '../facts/format';
import type { Msg } from '../l10n';
import { unitFactor } from '../numbers/units';
import { ENTITY_MEASURES } from '../numbers/words';
import type { PeerReport } from '../peers';
import { GROSS_FLOW_ACTIONS } from '../facts/words';
import { intervalOf, judge, overlaps, type Interval } from '../numbers/qualifiers';
import type { Rule, RuleContext } from './rule';
import type { RelatedPlace } from '../types';
import { endsClause } from '../text/chars';

const MESSAGES = {
  parts: {
    zh: '“{metric}”{total}，但其中各项相加：{sum}，与总数不符',
    en: '"{metric}" is {total}, but its parts add up to {sum}',
  },
  part: { zh: '其中一项：{part}', en: 'one of the parts: {part}' },
  partExceeds: {
    zh: '“{metric}”{total}，但其中“{part}”一项就有{value}，超过总数',
    en: '"{metric}" is {total}, but one of its parts, "{part}", alone is {value}',
  },
  sum: {
    zh: '{total}与所列各项之和不符：{sum}',
    en: '{total} is not the sum of the items listed: {sum}',
  },
  item: { zh: '所列一项：{part}', en: 'an item: {part}' },
  fromTo: {
    zh: '“{metric}”由{from}增至{to}，增加{diff}，但同时说{inc}{x}',
    en: '"{metric}" goes from {from} to {to}, {diff} more, yet the same passage says {inc} {x}',
  },
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
 * Checks that parts and wholes agree, within the rounding of every stated figure:
 * - `其中…、…` lists: no part exceeds its whole, whatever it is called (`1.22万个项目，其中基础设施3800个、
 *   产业9200个`), and parts that split the whole (中央/地方财政赤字 of 财政赤字) add up to it
 *   (2.76万亿 = 1.83万亿 + 9300亿);
 * - sums written after their items (`合计`, `共计`, `上述四项资金共计1.18亿元`, `两类床位合计7495张`), in
 *   any mix of 万/亿 units;
 * - `新增/净增 X … 总数 Y` (or `累计达到Y`) must follow from last year's total: an outcome must equal
 *   base + X, a target must be reachable (base + X meets 突破 Y); `新增X…累计由A增加到B` needs B − A = X.
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
    checkSums(ctx);
    checkIncrements(ctx);
    checkFromTo(ctx);
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
    if (facts.length < 2) continue;
    const text = ctx.passages[pi].text.text;
    LIST_WORD.lastIndex = 0;
    for (let m = LIST_WORD.exec(text); m; m = LIST_WORD.exec(text)) {
      const k = m.index;
      // 包括 only introduces figures directly (包括13个预期性指标、8个约束性指标).
      if (m[0] === '包括' && !/^[0-9]/.test(text.slice(k + 2, k + 3))) continue;
      const end = sentenceEndAfter(text, k);
      const parts = listParts(facts, text, k, end).filter((f) => f.change === 'level' || f.change === 'increment');
      partExceeding(ctx, facts, k, text, parts);
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

/**
 * The figures of a 其中 list: up to its sentence's end, but past a ； only the parts named like those
 * before it (`其中，中央财政赤字1.12万亿元…；地方财政赤字5000亿元…` goes on; in `其中天使基金6只、创投基金10只；
 * 促进金融机构发放…贷款1110亿元` the loans are another matter).
 */
function listParts(facts: readonly Fact[], text: string, k: number, end: number): Fact[] {
  const semi = text.indexOf('；', k);
  const stop = semi < 0 || semi > end ? end : semi;
  const before = facts.filter((f) => f.logical.start > k && f.logical.start < stop);
  if (stop === end) return before;
  const heads = new Set(before.map((f) => f.metric.slice(-2)));
  const after = facts.filter((f) => f.logical.start > stop && f.logical.start < end && heads.has(f.metric.slice(-2)));
  return [...before, ...after];
}

/**
 * `新安排740万套，其中棚户区改造850万套`: a part larger than its whole, whatever its name. The whole is
 * the nearest amount before 其中 (its sentence, or the one before when 其中 opens a sentence) of the
 * same kind — a level with levels, a flow with flows, in a unit the parts convert to.
 */
function partExceeding(ctx: RuleContext, facts: Fact[], k: number, text: string, parts: Fact[]): void {
  const from = listScopeStart(text, k);
  let whole: Fact | undefined;
  for (let i = facts.length - 1; i >= 0 && !whole; i--) {
    const f = facts[i];
    if (f.logical.start >= k || f.logical.start < from || f.unit === '%' || f.role === 'baseline') continue;
    if (f.change === 'level' || f.change === 'total' || (f.change === 'increment' && f.versus === undefined)) {
      if (parts.some((p) => unitFactor(p.unit, f.unit) !== undefined)) whole = f;
    }
  }
  if (!whole) return;
  if (NOT_ADDITIVE.test(whole.metric)) return;
  const w = intervalOf(whole, ctx.config);
  const mine: Fact[] = [];
  let sum: Interval = { lo: 0, hi: 0 };
  for (const p of parts) {
    if (!sameKind(p, whole)) continue;
    // Parts that already make up the whole leave nothing for a later figure (`2157亿元，其中用于项目建设1542亿元、
    // 用于置换存量债务615亿元，争取到…国家资金450亿元`: the 450亿元 is another matter).
    if (mine.length >= 2 && overlaps(sum, w)) break;
    mine.push(p);
    const kp = partFactor(p, whole)!;
    const i = intervalOf(p, ctx.config);
    if (i.lo * kp > w.hi) {
      ctx.report({
        start: p.span.start,
        end: p.span.end,
        message: ctx.t(MESSAGES.partExceeds, { metric: metricName(whole), total: figure(whole), part: metricName(p), value: figure(p) }),
        related: [here(whole, ctx.t(MESSAGES.item, { part: `${metricName(whole)}${figure(whole)}` }))],
      });
      return;
    }
    sum = { lo: sum.lo + i.lo * kp, hi: sum.hi + i.hi * kp };
  }
  // Parts together beyond the whole (`1.22万个项目，其中基础设施3800个、产业9200个`), whatever they are called
  // (`财政赤字13500亿元，其中中央财政赤字9500亿元，由中央代地方发债0.45万亿元`) — unless two or more are named
  // as parts of it, which checkParts adds up against it.
  if (mine.length >= 2 && sum.lo > w.hi && mine.filter((p) => partOf(p, whole)).length < 2) {
    const terms = mine.map((p) => amount(p.value * partFactor(p, whole)!, whole.unit, whole.scale)).join(' + ');
    const nominal = mine.reduce((n, p) => n + p.value * partFactor(p, whole)!, 0);
    ctx.report({
      start: whole.span.start,
      end: whole.span.end,
      message: ctx.t(MESSAGES.parts, { metric: metricName(whole), total: figure(whole), sum: `${terms} = ${amount(nominal, whole.unit, whole.scale)}` }),
      related: mine.map((p) => here(p, ctx.t(MESSAGES.part, { part: `${metricName(p)}${figure(p)}` }))),
    });
  }
}

/** A part's factor to its whole's unit: a unit it converts to, or the other measure word of business entities (户/家). */
function partFactor(p: Fact, whole: Fact): number | undefined {
  return unitFactor(p.unit, whole.unit) ?? (ENTITY_MEASURES.includes(p.unit) && ENTITY_MEASURES.includes(whole.unit) ? 1 : undefined);
}

/**
 * A part of the whole's kind: the same unit dimension, role and year; a flow's parts are flows (a
 * part without its own role word after `新增…，其中` is one too), a stock's are stocks.
 */
function sameKind(p: Fact, whole: Fact): boolean {
  if (partFactor(p, whole) === undefined || p.unit === '%' || p.role !== whole.role || p.year !== whole.year || NOT_ADDITIVE.test(p.metric)) {
    return false;
  }
  if (whole.change === 'increment') return p.change === 'increment' || (p.change === 'level' && !p.cumulative && !STOCK_NAME.test(p.metric));
  return p.change === whole.change && !!p.cumulative === !!whole.cumulative;
}
/** Names of stocks, never parts of a flow (`新增贷款…，其中…贷款余额`). */
const STOCK_NAME = /余额|总量|总数|存量|保有量/;

/** Where the whole of a 其中 list may stand: its sentence, or the one before when 其中 opens a sentence. */
function listScopeStart(text: string, k: number): number {
  const sentenceStart = Math.max(text.lastIndexOf('。', k - 1), text.lastIndexOf('！', k - 1)) + 1;
  return sentenceStart === k || /^其中[，,：:]?$/.test(text.slice(sentenceStart, k + 3).trim())
    ? Math.max(text.lastIndexOf('。', sentenceStart - 2), -1) + 1
    : sentenceStart;
}

/** The whole the list belongs to: the nearest figure before 其中, in its sentence or the one before. */
function totalBefore(facts: Fact[], k: number, text: string, parts: Fact[]): Fact | undefined {
  // `…。其中，…` refers back to the previous sentence.
  const from = listScopeStart(text, k);
  for (let i = facts.length - 1; i >= 0; i--) {
    const f = facts[i];
    if (f.logical.start >= k || f.logical.start < from) continue;
    // `新增政府债务限额18.6亿元，其中…`: a flow named with 新增 is a whole as well.
    if (f.change !== 'level' && f.change !== 'total' && !(f.change === 'increment' && f.versus === undefined)) continue;
    // `财政赤字2.18万亿元，比去年的1.62万亿元增加5600亿元，其中…`: the parts are this year's, and so is their whole.
    if (parts.filter((p) => partOf(p, f) && p.role === f.role && p.year === f.year).length >= 2) return f;
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
    related: parts.map((p) => here(p, ctx.t(MESSAGES.part, { part: `${metricName(p)}${figure(p)}` }))),
  });
}

// ---- 合计, 共计, 上述N项 ------------------------------------------------------------------------

/** A sum written after its items: `合计14819个`, `共计改造管道18067公里`, `上述两项合计402.6亿元`. */
const SUM_BEFORE = /(?:合计|共计|总计)(?:达到|达|为|新增|改造|建设|完成|投入|安排|筹集)?[^，；。、\d]{0,8}$/;
/** How many items the sum counts, when it says so (`上述四项`, `以上三项`, `两类床位`). */
const SUM_COUNT = /(?:上述|以上|前述|这)?([两二三四五六七八九十])(?:项|类|个方面|部分|笔)/;
const SUM_COUNT_VALUES: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** How far back (in figures) the items of a `上述N项` sum may stand. */
const SUM_REACH = 12;

/** How far back a sum's words are read (`上述四项资金共计` is short; a pasted table is not). */
const SUM_WINDOW = 40;

/** The clause's words before a figure, at most SUM_WINDOW characters of them. */
function clauseBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && at - from < SUM_WINDOW && !endsClause(text, from - 1)) from--;
  return text.slice(from, at);
}

function checkSums(ctx: RuleContext): void {
  const facts = ctx.facts;
  for (let i = 0; i < facts.length; i++) {
    const t = facts[i];
    if (t.countWord || t.unit === '%' || t.change === 'growth-rate' || t.change === 'point-change' || t.role === 'baseline') continue;
    const text = ctx.passages[t.passage]?.text.text ?? '';
    const before = clauseBefore(text, t.logical.start);
    if (!SUM_BEFORE.test(before)) continue;
    const counted = SUM_COUNT.exec(before);
    const n = counted ? SUM_COUNT_VALUES[counted[1]] : undefined;
    const items = sumItems(facts, i, n);
    if (!items) continue;
    let sum: Interval = { lo: 0, hi: 0 };
    let nominal = 0;
    for (const p of items) {
      const k = unitFactor(p.unit, t.unit)!;
      const iv = intervalOf(p, ctx.config);
      sum = { lo: sum.lo + iv.lo * k, hi: sum.hi + iv.hi * k };
      nominal += p.value * k;
    }
    if (overlaps(sum, intervalOf(t, ctx.config))) continue;
    const terms = items.map((p) => figure(p)).join(' + ');
    ctx.report({
      start: t.span.start,
      end: t.span.end,
      message: ctx.t(MESSAGES.sum, { total: figure(t), sum: `${terms} = ${amount(nominal, t.unit, t.scale)}` }),
      related: items.map((p) => here(p, ctx.t(MESSAGES.item, { part: `${metricName(p)}${figure(p)}` }))),
    });
  }
}

/**
 * The items a sum adds. `上述四项…共计`: the four amounts before it. Otherwise the list right before it:
 * a clause of items joined by 、 (`办理市人大代表建议1155件、市政协提案1057件，合计2212件`), or clauses of one
 * item each back to the one opening with 其中 (`其中中央财政赤字1.83万亿元，地方财政赤字9300亿元，合计…`).
 * Amounts in units that convert to the sum's, not rates or changes; at least two.
 */
function sumItems(facts: readonly Fact[], i: number, n: number | undefined): Fact[] | undefined {
  const t = facts[i];
  const item = (p: Fact) =>
    !p.countWord &&
    p.unit !== '%' &&
    p.change !== 'growth-rate' &&
    p.change !== 'point-change' &&
    p.change !== 'cagr' &&
    p.role !== 'baseline' &&
    unitFactor(p.unit, t.unit) !== undefined;
  const out: Fact[] = [];
  if (n !== undefined) {
    for (let j = i - 1; j >= 0 && j >= i - SUM_REACH && out.length < n; j--) {
      const p = facts[j];
      if (p.passage !== t.passage) break;
      // `发放高龄津贴1651万元、惠及1.7万名高龄老人`: other kinds of figure stand between the items.
      if (!item(p)) continue;
      out.unshift(p);
    }
    return out.length === n && !out.some((p) => larger(p, t)) ? out : undefined;
  }
  let j = i - 1;
  // Items in the sum's own clause, then clause by clause backwards.
  let clause = t.clause.start;
  for (let guard = 0; guard < 10 && j >= 0; guard++) {
    const inClause: Fact[] = [];
    for (; j >= 0 && facts[j].passage === t.passage && facts[j].clause.start === clause; j--) if (item(facts[j])) inClause.unshift(facts[j]);
    // A figure larger than the sum is a whole the items belong to (`财政赤字2.76万亿元，中央…`), not an item.
    if (inClause.some((p) => larger(p, t))) break;
    out.unshift(...inClause);
    if (inClause.length >= 2 && clause !== t.clause.start) break;
    if (j < 0 || facts[j].passage !== t.passage || facts[j].sentence.start !== t.sentence.start) break;
    if (clause !== t.clause.start && (inClause.length === 0 || /^其中/.test(inClause[0].clauseText))) break;
    clause = facts[j].clause.start;
  }
  return out.length >= 2 ? out : undefined;
}

function larger(p: Fact, t: Fact): boolean {
  return p.value * (unitFactor(p.unit, t.unit) ?? 1) > (t.high ?? t.value) * 1.0001 + t.precision;
}

// ---- 新增 X，总数 Y ------------------------------------------------------------------------------

function checkIncrements(ctx: RuleContext): void {
  const facts = ctx.facts;
  // Increments by sentence, so each total finds its 新增 X in O(1).
  const increments = new Map<string, Map<number, Fact>>();
  let totals = 0;
  for (const f of facts) {
    if (isStock(f)) totals++;
    if (f.change !== 'increment' || f.direction === 'down' || f.ambiguous || GROSS_FLOW_ACTIONS.includes(f.action ?? '')) continue;
    let bySentence = increments.get(f.key);
    if (!bySentence) increments.set(f.key, (bySentence = new Map()));
    const at = sentenceCode(f);
    if (!bySentence.has(at)) bySentence.set(at, f);
  }
  if (totals === 0 || increments.size === 0) return;
  const bases = new Bases(ctx);
  for (const t of facts) {
    if (!isStock(t) || t.countWord || t.ambiguous || t.period !== 'year' || t.year === undefined || t.role === 'baseline' || t.baselineIndex !== undefined) {
      continue;
    }
    const x = increments.get(t.key)?.get(sentenceCode(t));
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

/** A fact's sentence as one number (its passage and where the sentence starts in it): no key string per fact. */
function sentenceCode(f: Fact): number {
  return f.passage * 1_000_000 + f.sentence.start;
}

/** Last year's totals by metric: this report's review first, then another year's report. */
class Bases {
  private own: Map<string, Map<number, Fact>> | undefined;
  private peers: { peer: PeerReport; totals: Map<string, Map<number, Fact>> }[] | undefined;

  constructor(private readonly ctx: RuleContext) {}

  find(t: Fact): { fact: Fact; peer?: PeerReport } | undefined {
    const year = t.year! - 1;
    this.own ??= totalsOf(this.ctx.facts);
    const own = this.own.get(t.key)?.get(year);
    if (own && unitFactor(own.unit, t.unit) !== undefined) return { fact: own };
    this.peers ??= this.ctx.peers.map((peer) => ({ peer, totals: totalsOf(peer.facts) }));
    for (const { peer, totals } of this.peers) {
      const f = totals.get(t.key)?.get(year);
      if (f && unitFactor(f.unit, t.unit) !== undefined) return { fact: f, peer };
    }
    return undefined;
  }
}

/**
 * Last year's totals by metric and year: a running total (`总数216家`, `累计达到973座`) first, else a
 * level reached (`有进出口实绩企业达到9570家`) — a count's level is its total.
 */
function totalsOf(facts: readonly Fact[]): Map<string, Map<number, Fact>> {
  const out = new Map<string, Map<number, Fact>>();
  for (const f of facts) {
    if (f.role !== 'outcome' || f.period !== 'year' || f.ambiguous || f.weak || f.subset || f.year === undefined || f.unit === '%') continue;
    const stock = isStock(f);
    if (!stock && f.change !== 'level') continue;
    let byYear = out.get(f.key);
    if (!byYear) out.set(f.key, (byYear = new Map()));
    const had = byYear.get(f.year);
    if (!had || (stock && !isStock(had))) byYear.set(f.year, f);
  }
  return out;
}

/** A running total: `总数216家`, `累计达到973座`. */
function isStock(f: Fact): boolean {
  return f.change === 'total' || (f.change === 'level' && f.cumulative === true);
}

// ---- 新增 X … 累计由 A 增加到 B -------------------------------------------------------------------

/** `新增公园172座，…，累计由973座增加到1100座`: the from–to's difference is the increment. */
function checkFromTo(ctx: RuleContext): void {
  const facts = ctx.facts;
  for (const b of facts) {
    if (b.baselineIndex === undefined || b.ambiguous || b.unit === '%' || b.change !== 'level') continue;
    const a = facts[b.baselineIndex];
    const stock = a.cumulative === true || b.cumulative === true;
    const x = facts.find(
      (f) =>
        f.passage === b.passage &&
        f.sentence.start === b.sentence.start &&
        (f.change === 'increment' ||
          (stock && f.change === 'level' && f.action !== undefined && !f.cumulative && f.baselineIndex === undefined && f.index < a.index)) &&
        f.direction !== 'down' &&
        f.versus === undefined &&
        !f.ambiguous &&
        f.key === b.key &&
        f.index !== a.index &&
        unitFactor(f.unit, b.unit) !== undefined,
    );
    if (!x) continue;
    const ka = unitFactor(a.unit, b.unit) ?? 1;
    const kx = unitFactor(x.unit, b.unit)!;
    const bi = intervalOf(b, ctx.config);
    const ai = intervalOf(a, ctx.config);
    const diff: Interval = { lo: bi.lo - ai.hi * ka, hi: bi.hi - ai.lo * ka };
    const xi = intervalOf(x, ctx.config);
    if (overlaps(diff, { lo: xi.lo * kx, hi: xi.hi * kx })) continue;
    ctx.report({
      start: x.span.start,
      end: x.span.end,
      message: ctx.t(MESSAGES.fromTo, {
        metric: metricName(b),
        from: figure(a),
        to: figure(b),
        diff: amount(b.value - a.value * ka, b.unit, b.scale),
        inc: ctx.t(INCREMENT_WORD),
        x: figure(x),
      }),
      related: [here(b, ctx.t(MESSAGES.item, { part: figure(b) })), here(a, ctx.t(MESSAGES.item, { part: figure(a) }))],
    });
  }
}
