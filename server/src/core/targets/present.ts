// Targets as the editor and the CLI show them: labels, lens titles, status names, the review
// summary, where a diagnostic goes, the figure as written.
import type { Fact } from '../facts/facts';
import { changeFigure, metricName } from '../facts/format';
import { figure } from '../numbers/format';
import { format, type Msg } from '../l10n';
import { scaleFactor } from '../numbers/units';
import type { OutlineNode, ReportTree } from '../structure/outline';
import type { Passage } from '../structure/prose';
import { CLAUSE_END_CHARS } from '../text/chars';
import type { Locale, Span } from '../types';
import { clauseMates } from './select';
import type { ReviewSummary, TargetResult, TargetStatus } from './types';
import { LIST_SEPARATORS } from './words';

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
  while (clauseStart > 0 && !CLAUSE_END_CHARS.includes(text[clauseStart - 1])) clauseStart--;
  let clauseEnd = end;
  while (clauseEnd < text.length && !CLAUSE_END_CHARS.includes(text[clauseEnd])) clauseEnd++;
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

/** `2023年目标：12 项已报告（10 项完成、2 项未完成），5 项未报告`. */
export function reviewSummaryTitle(s: ReviewSummary, locale: Locale): string {
  return format(MESSAGES.summary, locale, { year: s.year, reported: s.reported, met: s.met, missed: s.missed, unreported: s.unreported });
}

/** `城镇新增就业 2.5 万人`; the clause itself when the figure names no metric. */
export function targetLabel(t: Fact, locale: Locale = 'zh'): string {
  const name = metricName(t).replace(/^(?:19|20)\d{2}年(?:度)?/, '');
  if (!t.metric || !name) return t.clauseText.trim();
  // `居民消费价格涨幅 3%左右`, not `居民消费价格涨幅 增长 3%左右`: the name says it is a change.
  const said = t.change === 'growth-rate' && /(?:涨幅|增速|增幅|增长率|降幅)$/.test(name);
  return `${name} ${said ? figure(t) : changeFigure(t, locale)}`;
}

/** The code lens / hover line per target: `✓ 2024年报告：2.7 万人（目标 2.5 万人）`. */
export function targetLensTitle(r: TargetResult, locale: Locale): string {
  const ny = r.next?.year ?? r.year + 1;
  const target = changeFigure(r.target, locale);
  const outcome = r.outcome ? changeFigure(r.outcome.fact, locale) : undefined;
  switch (r.status) {
    case 'met':
      return format(MESSAGES.lensMet, locale, { ny, outcome: outcome ?? '', target });
    case 'missed':
      return outcome
        ? format(MESSAGES.lensMissed, locale, { ny, outcome, target })
        : format(MESSAGES.lensMissedWords, locale, { ny, words: r.words?.text ?? '', target });
    case 'unreported':
      return format(MESSAGES.lensUnreported, locale, { ny, target });
    default:
      return format(MESSAGES.lensPending, locale, { ny, target });
  }
}

const MESSAGES = {
  summary: {
    zh: '{year}年目标：{reported} 项已报告（{met} 项完成、{missed} 项未完成），{unreported} 项未报告',
    en: '{year} targets: {reported} reported ({met} met, {missed} missed), {unreported} unreported',
  },
  lensMet: { zh: '✓ {ny}年报告：{outcome}（目标 {target}）', en: '✓ {ny} report: {outcome} (target {target})' },
  lensMissed: { zh: '✗ {ny}年报告：{outcome}（目标 {target}），未达到', en: '✗ {ny} report: {outcome} (target {target}), missed' },
  lensMissedWords: { zh: '✗ {ny}年报告：“{words}”（目标 {target}）', en: '✗ {ny} report: "{words}" (target {target})' },
  lensUnreported: { zh: '? {ny}年报告未报告（目标 {target}）', en: '? not reported in the {ny} report (target {target})' },
  lensPending: { zh: '… 待{ny}年报告（目标 {target}）', en: '… awaiting the {ny} report (target {target})' },
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
