import type { Fact } from '../facts/facts';
import type { Msg } from '../l10n';
import { leadingOrdinal } from '../structure/ordinals';
import type { Passage } from '../structure/prose';
import type { Rule, RuleContext } from './rule';
import { toChineseNumeral } from '../text/chineseNumerals';
import { phraseBefore } from '../facts/metrics';
import { ACTION_VERBS } from '../facts/words';
import { endsClause } from '../text/chars';

const MESSAGES = {
  mismatch: {
    zh: '“{count}”与所列项数不符：列出了{n}项（{items}）',
    en: '"{count}" does not match the list: {n} items are listed ({items})',
  },
  list: { zh: '所列各项', en: 'the listed items' },
} satisfies Record<string, Msg>;

/** Count words whose items a report lists: 三大, 五条, 十件, 八个方面, 2个. */
const COUNT_UNITS = new Set(['大', '个', '项', '条', '件', '所', '座', '家', '类', '种', '个方面', '批', '支', '位', '名', '措']);
/** What follows a count that announces the sections after it. */
const SECTIONS_ANNOUNCED = /^(?:个)?(?:方面|领域)?(?:的)?(?:重点)?(?:工作|任务)?(?:[:：。]|$)/;
const RUN_IN = /([一二三四五六七八九十]+)(?:是|要|方面)/y;
const MAX_ITEM = 16;
const VERBS = new Set(ACTION_VERBS);
/** Characters that open the two-character verbs of a verb list (`新开`, `复航`, `加密`, `改造`). */
/** An item ending in a verb of stating: the count after it is said of something else (`…水路通道达到28条`). */
const COUNT_AFTER_VERB = /(?:达到|达|实现|突破|超过|为|共|累计|新增|增加|提出|出台|印发|发布|制定|入选|入围|获评)$/;
/** A quoted 、 list right before the count: `“投什么、谁来投、怎么投、如何管”`. */
const QUOTED_LIST_BEFORE = /“([^“”]*、[^“”]*)”$/;
const VERB_START = /^[新复加改扩续开建提推优完修制废升降培引]/;
/** A verb with words after it inside an item (`遗址先后入选全国年度`); a verb ending a name (`环境提升`, `大湾区建设`) is part of it. */
const VERB_INSIDE = new RegExp(`.(?:${ACTION_VERBS.filter((v) => v.length >= 2).join('|')}|入选|入围|获评|达到|实现)(?=.{2,})`);

/**
 * A count word must agree with the items listed with it — where the list is unambiguous:
 * - `从九个方面明确了…目标，即：A；B；…` (items after 即 or a colon, split by ； or 、),
 * - `今年将采取三项举措。一是…二是…三是…` (run-in items right after the count's sentence),
 * - `今年要重点做好八个方面工作。` followed by sections （一）…（八）,
 * - `着重对两个目标加以说明。` followed by paragraphs `关于经济增长。…`, `关于价格水平。…`,
 * - `星火村、天山村2个自治区重点示范村` (items right before the count, no 等).
 * Lists that end in 等, or items that are sentences rather than names, are left alone.
 */
export const countMismatch: Rule = {
  id: 'count-mismatch',
  defaultSeverity: 'warning',
  category: 'numbers',
  expensive: true,
  title: { zh: '数量词与所列项数不符', en: 'Count does not match its list' },
  description: {
    zh: '“三大”“五条”“十件”“八个方面”等数量词与随之列出的项数不符（仅在列举明确时检查：“即：”之后、紧随的“一是…二是…”、随后的（一）（二）…分节或“关于…。”说明段、紧挨数量词之前的顿号列举）。',
    en: 'A count word (三大, 五条, 十件, 八个方面) disagrees with the items listed with it — checked only where the list is unambiguous: after 即/a colon, run-in 一是…二是…, the sections （一）（二）… or 关于…。 paragraphs that follow, or a 、-list right before the count.',
  },
  check(ctx) {
    for (const f of ctx.facts) {
      if (!COUNT_UNITS.has(f.unit) || f.value < 2 || f.value > 50 || f.qualifier || f.high !== undefined) continue;
      const p = ctx.passages[f.passage];
      check(ctx, f, listAfter(p, f) ?? runInAfter(p, f) ?? sectionsAfter(ctx, p, f) ?? explainedAfter(ctx, p, f) ?? listBefore(p, f));
    }
    // Counts inside quotation marks name a set (`“九个坚持”`, `“五个更加注重”：`): the number reader
    // leaves quoted text alone, so they are found here.
    for (const p of ctx.passages) {
      if (!p.text.text.includes('“')) continue;
      for (const c of quotedCounts(p)) check(ctx, c, listAfter(p, c) ?? dashItemsAfter(ctx, p, c) ?? runInAfter(p, c));
    }
  },
};

/** A count word and where it stands: a fact, or a count inside quotation marks. */
type Count = Pick<Fact, 'value' | 'text' | 'logical' | 'span' | 'metricRaw' | 'countWord'>;

function check(ctx: RuleContext, f: Count, found: Found | undefined): void {
  if (!found || found.items.length === f.value) return;
  // The first item of a list before the count carries the clause's verb (`着力打造星火村`).
  const items = found.verbFirst ? [phraseBefore(found.items[0]).raw || found.items[0], ...found.items.slice(1)] : found.items;
  const shown =
    items
      .slice(0, 12)
      .map((s) => s.slice(0, MAX_ITEM))
      .join('、') + (found.items.length > 12 ? '…' : '');
  ctx.report({
    start: f.span.start,
    end: f.span.end,
    message: ctx.t(MESSAGES.mismatch, { count: f.text, n: found.items.length, items: shown }),
    related: found.span ? [{ ...found.span, message: ctx.t(MESSAGES.list) }] : undefined,
  });
}

/** `“九个坚持”`, `“五个更加注重”`, `“十项重大工程”`: a Chinese count opening a quoted name. */
const QUOTED_COUNT = /“([一二三四五六七八九十]{1,2})(个|大|项|条|种|类|件|张|方面)([^”]{1,10})”/g;

function quotedCounts(p: Passage): Count[] {
  const text = p.text.text;
  const out: Count[] = [];
  QUOTED_COUNT.lastIndex = 0;
  for (let m = QUOTED_COUNT.exec(text); m; m = QUOTED_COUNT.exec(text)) {
    const value = chineseNumeralValue(m[1]);
    if (value === undefined || value < 2) continue;
    const start = m.index + 1;
    const end = m.index + m[0].length;
    out.push({ value, text: m[0].slice(1, -1), logical: { start, end }, span: p.text.toSourceSpan(start, end - 1), metricRaw: m[3], countWord: true });
  }
  return out;
}

function chineseNumeralValue(s: string): number | undefined {
  const d = '一二三四五六七八九';
  if (s.length === 1) return s === '十' ? 10 : d.indexOf(s) + 1 || undefined;
  if (s[0] === '十') return 10 + d.indexOf(s[1]) + 1;
  if (s[1] === '十') return (d.indexOf(s[0]) + 1) * 10;
  return undefined;
}

/**
 * `做到“五个更加注重”：` closing its passage, then paragraphs opening with `——` (`——更加注重强化战略引领…`):
 * the dashes are the items.
 */
function dashItemsAfter(ctx: RuleContext, p: Passage, f: Count): Found | undefined {
  const text = p.text.text;
  if (!/^”?[^。]{0,6}[：:]\s*$/.test(text.slice(f.logical.end))) return undefined;
  const items: string[] = [];
  let end = p.span.end;
  for (let i = p.index + 1; i < ctx.passages.length && i < p.index + 60; i++) {
    const t = ctx.passages[i].text.text;
    if (!t.startsWith('——')) break;
    items.push(t.slice(2, 2 + MAX_ITEM).replace(/[。，；].*$/, ''));
    end = ctx.passages[i].span.end;
  }
  if (items.length < 2) return undefined;
  return { items, span: { start: ctx.passages[p.index + 1].span.start, end } };
}

interface Found {
  items: string[];
  /** The first item starts with the clause's verb (a list before the count). */
  verbFirst?: boolean;
  span?: { start: number; end: number };
}

/** `N个方面…，即：A；B；C。` or `N项：A、B、C。` */
function listAfter(p: Passage, f: Count): Found | undefined {
  const text = p.text.text;
  const rest = text.slice(f.logical.end, f.logical.end + 40);
  if (!/[即：:]/.test(rest)) return undefined;
  // `…，即：`, `即：`, or a colon — not a 即 inside a word (`“拿地即开工”`), nor one after another quoted name.
  const intro = /^[^。；！？0-9０-９“]{0,30}?(?:[，,]即[：:]?|即[：:]|[：:])/.exec(rest);
  if (!intro) return undefined;
  const start = f.logical.end + intro[0].length;
  let end = text.indexOf('。', start);
  if (end < 0) end = text.length;
  const list = text.slice(start, end);
  // Run-in items after a colon (`：一是…`) are counted by runIn.
  if (/^[一二三四五六七八九十]+[是要]/.test(list)) return undefined;
  const sep = list.includes('；') ? '；' : '、';
  let items = list
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);
  // `…、“加大宣传推广力度”和“培育队伍服务能力”`: the last two names joined by 和.
  const last = items[items.length - 1];
  const pair = last && /^(“[^”]+”)[和及与](“[^”]+”)$/.exec(last);
  if (pair) items = [...items.slice(0, -1), pair[1], pair[2]];
  if (items.length < 2) return undefined;
  // A 、 list of sentences is no list of names.
  if (sep === '、' && items.some((s) => s.length > MAX_ITEM * 2 || /[，,]/.test(s))) return undefined;
  return { items, span: p.text.toSourceSpan(start, end) };
}

/** `…三项举措。一是…。二是…。三是…。` — the count's sentence, then run-in items. */
function runInAfter(p: Passage, f: Count): Found | undefined {
  const text = p.text.text;
  const near = /[。：:]/.exec(text.slice(f.logical.end, f.logical.end + 21));
  if (!near) return undefined;
  const at = f.logical.end + near.index + 1;
  RUN_IN.lastIndex = at;
  const first = RUN_IN.exec(text);
  if (!first || first[1] !== '一') return undefined;
  const kind = first[0].slice(first[1].length);
  const items: string[] = [];
  let expected = 1;
  const startAll = at;
  // Walk the passage for 一是, 二是, … in order; anything else in between is the item's text.
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (!'一二三四五六七八九十'.includes(ch)) continue;
    if (i > at && !/[。；！？\s]/.test(text[i - 1])) continue;
    RUN_IN.lastIndex = i;
    const r = RUN_IN.exec(text);
    if (!r || r[0].slice(r[1].length) !== kind) continue;
    if (r[1] !== toChineseNumeral(expected)) break;
    items.push(text.slice(i + r[0].length, i + r[0].length + MAX_ITEM).replace(/[。，；].*$/, ''));
    expected++;
    i += r[0].length - 1;
  }
  if (items.length < 2) return undefined;
  return { items, span: p.text.toSourceSpan(startAll, text.length) };
}

/** `今年要重点做好八个方面工作。` closing its passage, then sections （一）…（八） (or 一、…). */
function sectionsAfter(ctx: RuleContext, p: Passage, f: Fact): Found | undefined {
  const text = p.text.text;
  if (text.length - f.logical.end > 12 || !/^[^。]{0,8}。?\s*$/.test(text.slice(f.logical.end))) return undefined;
  // Only a count of the work that follows announces sections (`重点做好八个方面工作。`, `认真抓好11方面重点工作：`);
  // `十方面民生实事圆满完成。` closes a paragraph and counts something else.
  if (!SECTIONS_ANNOUNCED.test(text.slice(f.logical.end))) return undefined;
  const passages = ctx.passages;
  const next = passages[p.index + 1];
  if (!next) return undefined;
  const o = leadingOrdinal(next.text.text);
  if (!o || o.value !== 1 || o.style === 'cn-shi') return undefined;
  const items: string[] = [];
  let expected = 1;
  let end = next.span.end;
  for (let i = p.index + 1; i < passages.length && i < p.index + 400; i++) {
    const t = passages[i].text.text;
    const oi = leadingOrdinal(t);
    if (!oi || oi.style !== o.style) {
      // A heading of a higher level (a part) ends the sections.
      if (passages[i].kind === 'heading' && !oi) break;
      continue;
    }
    if (oi.value !== expected) break;
    items.push(t.slice(oi.end, oi.end + MAX_ITEM).replace(/[。，；].*$/, ''));
    expected++;
    end = passages[i].span.end;
  }
  if (items.length < 2) return undefined;
  return { items, span: { start: next.span.start, end } };
}

/** `着重对两个目标加以说明。` closing its passage: the explanations follow, each a paragraph opening `关于…。`. */
const EXPLAINED = /^个?(?:目标|问题|方面|事项|指标)(?:加以|作|做|进行)?(?:简要|重点)?(?:说明|解释)(?:如下)?[:：。]?\s*$/;
const ABOUT_LEAD = /^关于([^。，；]{1,16})。/;
/** How many paragraphs an explanation may run on before the next `关于…。` (its own continuation). */
const ABOUT_GAP = 3;

/**
 * `这里，着重对两个目标加以说明。` then `关于经济增长。…` and `关于价格水平。…` (national-2014): the count and
 * the explained items. The items end at a heading or after ABOUT_GAP paragraphs without one.
 */
function explainedAfter(ctx: RuleContext, p: Passage, f: Fact): Found | undefined {
  const text = p.text.text;
  if (!EXPLAINED.test(text.slice(f.logical.end))) return undefined;
  const passages = ctx.passages;
  const items: string[] = [];
  let end = p.span.end;
  let gap = 0;
  for (let i = p.index + 1; i < passages.length && gap <= ABOUT_GAP; i++) {
    if (passages[i].kind === 'heading') break;
    const m = ABOUT_LEAD.exec(passages[i].text.text);
    if (!m) {
      if (!items.length) return undefined;
      gap++;
      continue;
    }
    items.push(m[1]);
    end = passages[i].span.end;
    gap = 0;
  }
  if (items.length < 2) return undefined;
  return { items, span: { start: passages[p.index + 1].span.start, end } };
}

/**
 * `集成电路、生物医药、人工智能三大先导产业`, `仙桃、潜江、宜都、大冶4个千亿县`: a 、 list right before the
 * count (no 等). The first item carries the clause's verb (`深入实施“一带一路”建设`) and the last may carry
 * the head the items share (`大气、水、土壤污染防治`), so the evidence that the words are one list of
 * the counted things is in the rest: items of like length, or items ending like the counted noun.
 * `光伏产业园、准东3个煤化工项目` (two things, the count only of the last) has neither.
 */
/** Brackets end the words a list before a count is read from, as a clause end does. */
const BRACKETS = new Set(['（', '）', '(', ')'].map((c) => c.charCodeAt(0)));

function listBefore(p: Passage, f: Fact): Found | undefined {
  const text = p.text.text;
  let s = f.logical.start;
  while (s > 0 && f.logical.start - s < LIST_REACH && !endsClause(text, s - 1) && !BRACKETS.has(text.charCodeAt(s - 1))) s--;
  const segment = text.slice(s, f.logical.start);
  // `聚焦解决“投什么、谁来投、怎么投、如何管”四个问题`: the list is the quotation right before the count.
  const quoted = QUOTED_LIST_BEFORE.exec(segment);
  if (quoted && f.countWord && !text.startsWith('字', f.logical.end)) {
    // `“激发创新活力、促进创新协同和维护公平竞争”三大`: the last two joined by 和.
    const items = splitLastPair(quoted[1].split('、').map((x) => x.trim()));
    if (items.length >= 2 && items.every((x) => x.length > 0 && x.length <= MAX_ITEM)) {
      const at = f.logical.start - quoted[0].length;
      return { items, span: p.text.toSourceSpan(at, f.logical.start) };
    }
  }
  // `黄石、咸宁、天门等全国文明城市12个`: an open list; `“投入高、产出低”三大`: a quotation cut in two.
  if (!segment.includes('、') || outsideQuotes(segment).includes('等') || !balancedQuotes(segment)) return undefined;
  const items = splitOutsideQuotes(segment);
  if (items.length < 2 || items.some((x) => x.length === 0) || items.slice(1).some((x) => x.length > MAX_ITEM)) return undefined;
  // The count follows the last item directly: `…、水路通道达到28条` counts after a verb, `…五大类23个` after another count.
  const last0 = items[items.length - 1];
  if (COUNT_AFTER_VERB.test(last0) || /[一二三四五六七八九十两]+(?:大|个|项|类|条)/.test(last0)) return undefined;
  // `A、B和C`: the last item holds two.
  const all = splitLastPair(items);
  // Figures (`7万亿、8万亿、9万亿三个`) are a list only when every item is one.
  const digits = all.map((x) => /[0-9０-９]/.test(x));
  if (digits.some(Boolean) && !digits.every(Boolean)) return undefined;
  if (!parallel(all, f)) return undefined;
  return { items: all, span: p.text.toSourceSpan(s, f.logical.start), verbFirst: true };
}

/** How far before a count its 、 list may begin. */
const LIST_REACH = 80;

function parallel(items: readonly string[], f: Fact): boolean {
  const clean = items.map((x) => x.replace(/[\s“”《》]/g, ''));
  // Every item ends like the counted noun (`星火村、天山村2个…示范村`).
  const noun = f.metricRaw.replace(/[\s“”]/g, '');
  const head = noun[noun.length - 1];
  if (head && clean.every((x) => x.slice(-1) === head)) return true;
  // Verbs are no items (`新建、续建中小学3所`, `新开、复航、加密44条国际及地区客货运航线`).
  if (clean.slice(1).every((x) => VERBS.has(x) || (x.length <= 2 && VERB_START.test(x)))) return false;
  // A verb inside the last item: the count is said of something else (`…遗址先后入选全国年度十大考古新发现`).
  if (VERB_INSIDE.test(clean[clean.length - 1])) return false;
  // An Arabic count (`国能哈密煤制油、准东3个煤化工项目`) says its list only where the items end like its
  // noun, or where three or more short names stand before it (`仙桃、潜江、宜都、大冶4个千亿县`).
  if (!f.countWord) return clean.length >= 3 && clean.every((x, i) => (i === 0 ? x.slice(-3) : x).length <= 3) && middleLike(clean, false);
  return middleLike(clean, !!f.countWord);
}

/** Items of like length: the middle ones, and the last one's start (it may carry a shared head). */
function middleLike(clean: readonly string[], countWord = false): boolean {
  const middle = clean.slice(1, -1);
  // Two items: the first (with its verb) and the last, both short and alike — a Chinese count may name
  // longer ones (`深入实施“一带一路”建设、长江经济带发展三大战略`); `办好…混合团体世界杯、铁人三项世界杯` is a name.
  if (middle.length === 0) {
    const first = Math.max(1, clean[0].length - 4);
    const last = clean[clean.length - 1].length;
    return clean[0].length <= 14 && last <= (countWord ? 10 : 4) && Math.max(first, last) <= 3 * Math.min(first, last);
  }
  const lengths = middle.map((x) => x.length);
  const lo = Math.min(...lengths);
  const hi = Math.max(...lengths);
  return hi <= 2 * lo + 1 && clean[clean.length - 1].length >= lo;
}

/** `A、B和C`: the last item holds two names when both sides of 和/及/与 are short. */
function splitLastPair(items: readonly string[]): string[] {
  const last = items[items.length - 1];
  if (!/^[^和及与“”]{1,8}[和及与][^和及与“”]{1,8}$/.test(last)) return [...items];
  return [...items.slice(0, -1), ...last.split(/[和及与]/)];
}

/** The text outside quotation marks. */
function outsideQuotes(s: string): string {
  return s.replace(/“[^”]*”|《[^》]*》/g, '');
}

function balancedQuotes(s: string): boolean {
  return (s.match(/“/g)?.length ?? 0) === (s.match(/”/g)?.length ?? 0);
}

/** Splits at 、 outside quotation marks: `“巩固、增强、提升、畅通”` is one name. */
function splitOutsideQuotes(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '“' || ch === '《' || ch === '「') depth++;
    else if ((ch === '”' || ch === '》' || ch === '」') && depth > 0) depth--;
    if (ch === '、' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}
