// Targets as the editor and the CLI show them: labels, lens titles, status names, the review
// summary, where a diagnostic goes, the figure as written.
import type { Fact } from '../facts/facts';
import { changeFigure, metricName } from '../facts/format';
import { figure } from '../numbers/format';
import { format, type Msg } from '../l10n';
import { scaleFactor } from '../numbers/units';
import type { OutlineNode, ReportTree } from '../structure/outline';
import type { Passage } from '../structure/prose';
import { endsClause, isDigit } from '../text/chars';
import type { Locale, Span } from '../types';
import { clauseMates } from './select';
import type { ReviewSummary, TargetResult, TargetStatus } from './types';
import { LABEL_OPENERS, LIST_SEPARATORS, SHARED_MARKER } from './words';

/**
 * Where a diagnostic on a target goes: its clause, or — when the clause lists several figures
 * (`城镇新增就业47万人以上、城镇调查失业率控制在5.5%以内`) — its own item of the list, from the
 * 、 before it to its figure (the last item to the clause's end). Source span and the text as read.
 */
export function targetPlace(t: Fact, facts: readonly Fact[], passages?: readonly Passage[]): { span: Span; text: string } {
  const whole = { span: t.clause, text: t.clauseText };
  const p = passages?.[t.passage];
  if (!p) return whole;
  const text = p.text.text;
  const { start, end } = t.logical;
  if (end > text.length) return whole;
  // Items of a list, not the `从A` of `从A提高到B`.
  const mates = clauseMates(facts[t.index] ?? t, facts).filter((m) => m.passage === t.passage && m.role !== 'baseline');
  if (mates.length <= 1) return whole;
  let clauseStart = start;
  while (clauseStart > 0 && !endsClause(text, clauseStart - 1)) clauseStart--;
  let clauseEnd = end;
  while (clauseEnd < text.length && !endsClause(text, clauseEnd)) clauseEnd++;
  // Items end at the last 、/和/及 between two figures (`5个自建房区域和2700户棚户区改造`), else at the figure.
  const boundary = (a: number, b: number) => {
    for (let i = b - 1; i >= a; i--) if (LIST_SEPARATORS.includes(text[i])) return i;
    return a;
  };
  let prevEnd = -1;
  let nextStart = -1;
  for (const m of mates) {
    if (m.logical.end <= start) prevEnd = Math.max(prevEnd, m.logical.end);
    else if (m.logical.start >= end && (nextStart < 0 || m.logical.start < nextStart)) nextStart = m.logical.start;
  }
  let from = clauseStart;
  if (prevEnd >= 0) {
    const b = boundary(prevEnd, start);
    from = LIST_SEPARATORS.includes(text[b]) ? b + 1 : prevEnd;
  }
  const to = nextStart < 0 ? clauseEnd : boundary(end, nextStart);
  return { span: p.text.toSourceSpan(from, Math.max(to, end)), text: text.slice(from, Math.max(to, end)) };
}

/** The sentence a target stands in (logical text), or its clause when the passages are not at hand. */
export function targetSentence(t: Fact, passages?: readonly Passage[]): string {
  const p = passages?.[t.passage];
  if (!p || t.sentence.end > p.text.text.length) return t.clauseText;
  return p.text.text.slice(t.sentence.start, t.sentence.end + 1).trim();
}

/** A figure as written: `372` for 372亿元, `[6.5, 7]` for 6.5%－7%. */
export function writtenValue(f: Pick<Fact, 'value' | 'high' | 'scale'>): number | [number, number] {
  const m = scaleFactor(f.scale);
  const round = (v: number) => Math.round((v / m) * 1e6) / 1e6;
  return f.high !== undefined ? [round(f.value), round(f.high)] : round(f.value);
}

/** The unit as written: `亿元`, `万人`, `%`. */
export function writtenUnit(f: Pick<Fact, 'unit' | 'scale'>): string {
  return `${f.scale}${f.unit}`;
}

/** `2023年目标：12项已报告（10项完成、2项未完成），5项未报告`. */
export function reviewSummaryTitle(s: ReviewSummary, locale: Locale): string {
  return format(MESSAGES.summary, locale, { year: s.year, reported: s.reported, met: s.met, missed: s.missed, unreported: s.unreported });
}

/**
 * A target as the report wrote it (`城镇新增就业2.5万人`, `新建2座立体停车库`, `高新技术企业总数突破260家`);
 * in English, or when its words are not one run of the clause (`二氧化硫、氮氧化物排放量要下降3%`), its
 * name and figure; the clause itself when the figure names no metric.
 */
export function targetLabel(t: Fact, locale: Locale = 'zh'): string {
  const own = locale === 'en' ? '' : ownWords(t);
  if (own) return own;
  const name = targetMetric(t);
  if (!name) return t.clauseText.trim();
  // `居民消费价格涨幅3%左右`, not `居民消费价格涨幅增长3%左右`: the name says it is a change.
  const said = t.change === 'growth-rate' && /(?:涨幅|增速|增幅|增长率|降幅)$/.test(name);
  const fig = said ? figure(t) : changeFigure(t, locale);
  // House style joins a Chinese name and its figure (`城镇新增就业2.5万人`); English keeps a space.
  return locale === 'en' ? `${name} ${fig}` : `${name}${fig}`;
}

/** A label longer than this is not quoted whole: its name and figure are said instead. */
const OWN_MAX = 28;
const SEPARATOR = new RegExp(`[${LIST_SEPARATORS}]`);

/**
 * The target's own item of its clause, as the report wrote it (`力争实现城镇新增就业 2.5 万人` →
 * 城镇新增就业2.5万人, `新建2座立体停车库、增设500座…` → 新建2座立体停车库, `加快 5 所公办幼儿园建设`): an
 * item ends at the 、/和/及 between its figure and the next one; spaces and opening words
 * (LABEL_OPENERS) go. Empty when the item is long or its figure is not found.
 */
function ownWords(t: Fact): string {
  const clause = t.clauseText;
  const at = clause.indexOf(t.text);
  if (at < 0 || !t.metric) return '';
  const end = at + t.text.length;
  const digitBefore = lastDigit(clause, at);
  const digitAfter = clause.slice(end).search(/\d/);
  let from = 0;
  if (digitBefore >= 0) {
    const cut = lastIndexOfAny(clause, digitBefore + 1, at);
    if (cut < 0) return '';
    from = cut + 1;
  }
  let to = clause.length;
  if (digitAfter >= 0) {
    const next = end + digitAfter;
    const cut = lastIndexOfAny(clause, end, next);
    to = cut < 0 ? end : cut;
  }
  const run = clause
    .slice(from, to)
    .replace(/\s+/g, '')
    .replace(LABEL_OPENERS, '')
    .replace(/^(?:19|20)\d{2}年(?:度)?/, '');
  // The run must name the metric itself (`总数突破260家` names 高新技术企业 only in the clause before),
  // and one value of a `分别` list is no run of its own (`服务贸易、数字贸易分别增长6%、8%`).
  const name = t.metricRaw
    .replace(/[\s“”]/g, '')
    .replace(LABEL_OPENERS, '')
    .replace(/^(?:19|20)\d{2}年(?:度)?/, '')
    .slice(0, 4);
  if (!name || !run.replace(/[“”]/g, '').includes(name)) return '';
  if (digitAfter >= 0 && SHARED_MARKER.test(run)) return '';
  return run.length <= OWN_MAX && run.includes(t.text.replace(/\s+/g, '')) ? run : '';
}

function lastDigit(text: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (isDigit(text.charCodeAt(i))) return i;
  return -1;
}

/** The last list separator in text[a, b), or -1. */
function lastIndexOfAny(text: string, a: number, b: number): number {
  for (let i = b - 1; i >= a; i--) if (SEPARATOR.test(text[i])) return i;
  return -1;
}

/** The metric's name as the report wrote it, without a leading year; empty when the figure names none. */
function targetMetric(t: Fact): string {
  return t.metric ? metricName(t).replace(/^(?:19|20)\d{2}年(?:度)?/, '') : '';
}

/**
 * The code lens per target, leading with what it is about and short enough that several fit on
 * one line: `✗ 棚户区改造：2350户 / 目标2700户`, `? 公办幼儿园：未报告 / 目标5所`.
 */
export function targetLensTitle(r: TargetResult, locale: Locale): string {
  const ny = r.next?.year ?? r.year + 1;
  const metric = targetMetric(r.target) || shortClause(r.target.clauseText);
  const target = changeFigure(r.target, locale);
  const outcome = r.outcome ? changeFigure(r.outcome.fact, locale) : undefined;
  const args = { metric, target, ny, outcome: outcome ?? '', words: shortClause(r.words?.text ?? '') };
  switch (r.status) {
    case 'met':
      return format(MESSAGES.lensMet, locale, args);
    case 'missed':
      return format(outcome ? MESSAGES.lensMissed : MESSAGES.lensMissedWords, locale, args);
    case 'unreported':
      return format(MESSAGES.lensUnreported, locale, args);
    default:
      return format(MESSAGES.lensPending, locale, args);
  }
}

/**
 * The hover line and the lens tooltip: the sentence with the year, `✓ 2024年报告：2.7万人（目标2.5万人）`.
 */
export function targetVerdictLine(r: TargetResult, locale: Locale): string {
  const ny = r.next?.year ?? r.year + 1;
  const target = changeFigure(r.target, locale);
  const outcome = r.outcome ? changeFigure(r.outcome.fact, locale) : undefined;
  switch (r.status) {
    case 'met':
      return format(MESSAGES.lineMet, locale, { ny, outcome: outcome ?? '', target });
    case 'missed':
      return outcome
        ? format(MESSAGES.lineMissed, locale, { ny, outcome, target })
        : format(MESSAGES.lineMissedWords, locale, { ny, words: r.words?.text ?? '', target });
    case 'unreported':
      return format(MESSAGES.lineUnreported, locale, { ny, target });
    default:
      return format(MESSAGES.linePending, locale, { ny, target });
  }
}

/** Several targets on one line collapse into one lens: `3项目标：✓1 ✗1 ?1`. */
export function collapsedLensTitle(results: readonly TargetResult[], locale: Locale): string {
  const n = (s: TargetStatus) => results.filter((r) => r.status === s).length;
  const marks = (
    [
      ['met', '✓'],
      ['missed', '✗'],
      ['unreported', '?'],
      ['pending', '…'],
    ] as const
  )
    .filter(([s]) => n(s) > 0)
    .map(([s, mark]) => `${mark}${n(s)}`)
    .join(' ');
  return format(MESSAGES.collapsed, locale, { n: results.length, marks });
}

/** A clause cut to a lens's width at a clause boundary, never inside a word: `粮食种植面积未能完成…`. */
function shortClause(text: string, max = 16): string {
  const s = text.trim().replace(/^[，、；：。\s]+/, '');
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const at = Math.max(cut.lastIndexOf('，'), cut.lastIndexOf('、'), cut.lastIndexOf('；'));
  return `${at >= 4 ? cut.slice(0, at) : cut}…`;
}

const MESSAGES = {
  summary: {
    zh: '{year}年目标：{reported}项已报告（{met}项完成、{missed}项未完成），{unreported}项未报告',
    en: '{year} targets: {reported} reported ({met} met, {missed} missed), {unreported} unreported',
  },
  lensMet: { zh: '✓ {metric}：{outcome} / 目标{target}', en: '✓ {metric}: {outcome} / target {target}' },
  lensMissed: { zh: '✗ {metric}：{outcome} / 目标{target}', en: '✗ {metric}: {outcome} / target {target}' },
  lensMissedWords: { zh: '✗ {metric}：“{words}” / 目标{target}', en: '✗ {metric}: “{words}” / target {target}' },
  lensUnreported: { zh: '? {metric}：未报告 / 目标{target}', en: '? {metric}: not reported / target {target}' },
  lensPending: { zh: '… {metric}：待{ny}年报告 / 目标{target}', en: '… {metric}: awaiting the {ny} report / target {target}' },
  collapsed: { zh: '{n}项目标：{marks}', en: '{n} targets: {marks}' },
  lineMet: { zh: '✓ {ny}年报告：{outcome}（目标{target}）', en: '✓ {ny} report: {outcome} (target {target})' },
  lineMissed: { zh: '✗ {ny}年报告：{outcome}（目标{target}），未达到', en: '✗ {ny} report: {outcome} (target {target}), missed' },
  lineMissedWords: { zh: '✗ {ny}年报告：“{words}”（目标{target}）', en: '✗ {ny} report: "{words}" (target {target})' },
  lineUnreported: { zh: '? {ny}年报告未报告（目标{target}）', en: '? not reported in the {ny} report (target {target})' },
  linePending: { zh: '… 待{ny}年报告（目标{target}）', en: '… awaiting the {ny} report (target {target})' },
} satisfies Record<string, Msg>;

const STATUS_NAME: Record<TargetStatus, Msg> = {
  met: { zh: '已完成', en: 'met' },
  missed: { zh: '未完成', en: 'missed' },
  unreported: { zh: '未报告', en: 'unreported' },
  pending: { zh: '待报告', en: 'pending' },
};

export function statusName(s: TargetStatus, locale: Locale): string {
  return format(STATUS_NAME[s], locale);
}

/** The outline section (and lead-in) a target sits in, for grouping. */
export function sectionOf(tree: ReportTree | undefined, f: Pick<Fact, 'span'>): { section?: OutlineNode; leadin?: OutlineNode } {
  let section: OutlineNode | undefined;
  let leadin: OutlineNode | undefined;
  for (const n of tree?.nodes ?? []) {
    if (n.span.start > f.span.start) break;
    if (f.span.start >= n.span.end) continue;
    if (n.kind === 'part' || n.kind === 'section' || n.kind === 'targets') {
      section = n;
      leadin = undefined;
    } else if (n.kind === 'leadin') leadin = n;
  }
  return { section, leadin };
}
