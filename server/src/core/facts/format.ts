// How facts are printed: a figure with the word saying what of its metric it is (`新增 53 家`,
// `增长 6.9%`), the metric's name as written, roles and years. Figures themselves print through
// numbers/format.ts.
import type { Msg } from '../l10n';
import { figure } from '../numbers/format';
import type { Locale } from '../types';
import type { Fact } from './facts';

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

export const ROLE_NAME: Record<Fact['role'], Msg> = {
  outcome: { zh: '实际', en: 'outcome' },
  target: { zh: '目标', en: 'target' },
  baseline: { zh: '基数', en: 'baseline' },
};

export function yearName(locale: Locale, year: number | undefined): string {
  if (year === undefined) return locale === 'en' ? 'year unknown' : '年份未知';
  return locale === 'en' ? String(year) : `${year} 年`;
}
