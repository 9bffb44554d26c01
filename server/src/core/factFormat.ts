// How the number rules and the hover print facts: the figure the way the report wrote it
// (`突破 260 家`, `2.76 万亿元`), computed amounts in the report's own multiplier, and the
// places they point at (this report's lines, or another year's report by URI).
import type { Fact } from './facts';
import type { Msg } from './l10n';
import { trimNumber, scaleFactor, unitFactor } from './numbers';
import type { PeerReport } from './peers';
import type { RelatedPlace, Locale } from './types';

const PREFIX_QUALIFIERS = new Set(['不低于', '不超过', '超过', '突破', '不足', '约', '近']);

/** `216 家`, `突破 260 家`, `2.76 万亿元`, `6.5%～7%`, `1000 万人以上`. */
export function figure(f: Pick<Fact, 'value' | 'high' | 'unit' | 'scale' | 'qualifier'>): string {
  const body = amount(f.value, f.unit, f.scale, f.high);
  const q = f.qualifier;
  if (!q) return body;
  if (PREFIX_QUALIFIERS.has(q)) return `${q} ${body}`;
  if (q === '多' || q === '余') return body.replace(/^(-?[\d.]+) ?/, `$1${q}`);
  return `${body}${q}`;
}

/** A value in `unit`, printed with the multiplier `scale` (chosen from the magnitude when absent). */
export function amount(value: number, unit: string, scale = '', high?: number): string {
  const s = scale || autoScale(Math.max(Math.abs(value), Math.abs(high ?? 0)), unit);
  const mult = scaleFactor(s);
  const n = trimNumber(value / mult);
  const percent = unit === '%';
  const tail = percent ? '%' : ` ${s}${unit}`.replace(/ $/, '');
  if (high === undefined) return `${n}${tail}`;
  const h = trimNumber(high / mult);
  return percent ? `${n}%～${h}%` : `${n}～${h}${tail}`;
}

function autoScale(v: number, unit: string): string {
  if (unit === '%' || unit === '个百分点' || unit === '倍') return '';
  if (v >= 1e12) return '万亿';
  if (v >= 1e8) return '亿';
  if (v >= 1e5) return '万';
  return '';
}

/** `新增 53 家`, `总数 216 家`, `增长 6.9%`: the figure with the word saying what of the metric it is. */
export function changeFigure(f: Pick<Fact, 'value' | 'high' | 'unit' | 'scale' | 'qualifier' | 'change' | 'direction'> & { metricRaw?: string }, locale: Locale): string {
  const down = f.direction === 'down';
  const words: Partial<Record<Fact['change'], [string, string]>> = {
    increment: down ? ['减少', 'down by'] : ['新增', 'new'],
    total: ['总数', 'total'],
    'growth-rate': down ? ['下降', 'down'] : ['增长', 'up'],
    'point-change': down ? ['下降', 'down'] : ['提高', 'up'],
    cagr: ['年均增长', 'average annual growth'],
    share: ['占', 'share'],
  };
  const w = words[f.change];
  // `城镇新增就业 2.5 万人`, not `城镇新增就业 新增 2.5 万人`: the name already says it.
  const named = 'metricRaw' in f && typeof f.metricRaw === 'string' && w !== undefined && f.metricRaw.includes(w[0]);
  return w && !named ? `${locale === 'en' ? w[1] : w[0]} ${figure(f)}` : figure(f);
}

/** The name to show: as the report wrote it. */
export function metricName(f: Pick<Fact, 'metric' | 'metricRaw'>): string {
  return (f.metricRaw || f.metric).replace(/\s+/g, '').replace(/(预期目标|目标)$/, '') || f.metric;
}

export function lineOf(rangeOf: (s: number, e: number) => { start: { line: number } }, f: Pick<Fact, 'span'>): number {
  return rangeOf(f.span.start, f.span.end).start.line + 1;
}

/** A related place in this report. */
export function here(f: Fact, message: string): RelatedPlace {
  return { start: f.span.start, end: f.span.end, message };
}

/** A related place in another report (offsets there mean nothing here: the range carries the place). */
export function there(peer: PeerReport, f: Fact, message: string): RelatedPlace {
  return { start: 0, end: 0, uri: peer.uri, range: peer.rangeOf(f.span.start, f.span.end), message };
}

/** `第 12 行` / `line 12`, or `2022 年报告第 12 行` / `line 12 of the 2022 report` for a peer. */
export function placeName(locale: Locale, line: number, peer?: PeerReport): string {
  const year = peer?.meta.year;
  if (locale === 'en') return peer ? `line ${line} of the ${year ?? 'other'} report` : `line ${line}`;
  return peer ? `${year !== undefined ? `${year} 年` : '另一份'}报告第 ${line} 行` : `第 ${line} 行`;
}

/** Converts a fact's value (and interval ends) into `unit`, or undefined when they do not compare. */
export function inUnit(f: Pick<Fact, 'unit'>, unit: string): number | undefined {
  return unitFactor(f.unit, unit);
}

export const ROLE_NAME: Record<Fact['role'], Msg> = {
  outcome: { zh: '实际', en: 'outcome' },
  target: { zh: '目标', en: 'target' },
  baseline: { zh: '基数', en: 'baseline' },
};

export function yearName(locale: Locale, year: number | undefined): string {
  if (year === undefined) return locale === 'en' ? 'year unknown' : '年份未知';
  return locale === 'en' ? String(year) : `${year} 年`;
}
