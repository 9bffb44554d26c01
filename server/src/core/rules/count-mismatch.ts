import type { Fact } from '../facts/facts';
import type { Msg } from '../l10n';
import { leadingOrdinal } from '../structure/ordinals';
import type { Passage } from '../structure/prose';
import type { Rule, RuleContext } from './rule';
import { toChineseNumeral } from '../text/chineseNumerals';
import { phraseBefore } from '../facts/metrics';

const MESSAGES = {
  mismatch: {
    zh: '“{count}”与所列项数不符：列出了{n}项（{items}）',
    en: '"{count}" does not match the list: {n} items are listed ({items})',
  },
  list: { zh: '所列各项', en: 'the listed items' },
} satisfies Record<string, Msg>;

/** Count words whose items a report lists: 三大, 五条, 十件, 八个方面, 2个. */
const COUNT_UNITS = new Set(['大', '个', '项', '条', '件', '所', '座', '家', '类', '种', '个方面', '批', '支', '位', '名']);
const RUN_IN = /([一二三四五六七八九十]+)(?:是|要|方面)/y;
const MAX_ITEM = 16;

/**
 * A count word must agree with the items listed with it — where the list is unambiguous:
 * - `从九个方面明确了…目标，即：A；B；…` (items after 即 or a colon, split by ； or 、),
 * - `今年将采取三项举措。一是…二是…三是…` (run-in items right after the count's sentence),
 * - `今年要重点做好八个方面工作。` followed by sections （一）…（八）,
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
    zh: '“三大”“五条”“十件”“八个方面”等数量词与随之列出的项数不符（仅在列举明确时检查：“即：”之后、紧随的“一是…二是…”、随后的（一）（二）…分节、紧挨数量词之前的顿号列举）。',
    en: 'A count word (三大, 五条, 十件, 八个方面) disagrees with the items listed with it — checked only where the list is unambiguous: after 即/a colon, run-in 一是…二是…, the sections （一）（二）… that follow, or a 、-list right before the count.',
  },
  check(ctx) {
    for (const f of ctx.facts) {
      if (!COUNT_UNITS.has(f.unit) || f.value < 2 || f.value > 50 || f.qualifier || f.high !== undefined) continue;
      const p = ctx.passages[f.passage];
      const found = listAfter(p, f) ?? runInAfter(p, f) ?? sectionsAfter(ctx, p, f) ?? listBefore(p, f);
      if (!found || found.items.length === f.value) continue;
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
  },
};

interface Found {
  items: string[];
  /** The first item starts with the clause's verb (a list before the count). */
  verbFirst?: boolean;
  span?: { start: number; end: number };
}

/** `N个方面…，即：A；B；C。` or `N项：A、B、C。` */
function listAfter(p: Passage, f: Fact): Found | undefined {
  const text = p.text.text;
  const rest = text.slice(f.logical.end, f.logical.end + 40);
  if (!/[即：:]/.test(rest)) return undefined;
  const intro = /^[^。；！？0-9０-９]{0,30}?(?:[，,]?即[：:]?|[：:])/.exec(rest);
  if (!intro) return undefined;
  const start = f.logical.end + intro[0].length;
  let end = text.indexOf('。', start);
  if (end < 0) end = text.length;
  const list = text.slice(start, end);
  // Run-in items after a colon (`：一是…`) are counted by runIn.
  if (/^[一二三四五六七八九十]+[是要]/.test(list)) return undefined;
  const sep = list.includes('；') ? '；' : '、';
  const items = list
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length < 2) return undefined;
  // A 、 list of sentences is no list of names.
  if (sep === '、' && items.some((s) => s.length > MAX_ITEM * 2 || /[，,]/.test(s))) return undefined;
  return { items, span: p.text.toSourceSpan(start, end) };
}

/** `…三项举措。一是…。二是…。三是…。` — the count's sentence, then run-in items. */
function runInAfter(p: Passage, f: Fact): Found | undefined {
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

/** `星火村、天山村2个自治区重点示范村`: a 、 list right before the count, nothing between. */
function listBefore(p: Passage, f: Fact): Found | undefined {
  const text = p.text.text;
  // Items are short: a 、 must sit within reach before the count.
  if (text.lastIndexOf('、', f.logical.start) < f.logical.start - MAX_ITEM - 1) return undefined;
  let s = f.logical.start;
  while (s > 0 && !/[，,。；;：:！？（）()]/.test(text[s - 1])) s--;
  const segment = text.slice(s, f.logical.start);
  if (!segment.includes('、') || /[0-9０-９]|等[\s“”]*$/.test(segment)) return undefined;
  const items = splitOutsideQuotes(segment);
  // The first item carries the clause's verb; names are short.
  if (items.length < 2 || items.some((x) => x.length === 0 || x.length > MAX_ITEM)) return undefined;
  // `A、B和C`: the last item holds two.
  const last = items[items.length - 1];
  const joined = /^[^和及与“”]+[和及与][^和及与“”]+$/.test(last);
  const all = joined ? [...items.slice(0, -1), ...last.split(/[和及与]/)] : items;
  // Only a list of the counted kind: every item ends like the counted noun (`星火村、天山村` →
  // `示范村`). `新建、续建中小学 3 所` lists verbs, `光伏产业园、准东3个煤化工项目` other things.
  const noun = f.metricRaw.replace(/[\s“”]/g, '');
  const head = noun[noun.length - 1];
  if (!head || all.some((x) => x.replace(/[\s“”]/g, '').slice(-1) !== head)) return undefined;
  return { items: all, span: p.text.toSourceSpan(s, f.logical.start), verbFirst: true };
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
