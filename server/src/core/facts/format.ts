// How facts are printed: a figure with the word saying what of its metric it is (`新增53家`,
// `增长6.9%`), the metric's name as written, roles and years. Figures themselves print through
// numbers/format.ts.
import { format, type Msg } from '../l10n';
import { figure } from '../numbers/format';
import type { Locale } from '../types';
import type { Fact } from './facts';

/** The word that says what of its metric a figure is, for a rise (or no direction) and for a fall. */
const CHANGE_UP: Partial<Record<Fact['change'], Msg>> = {
  increment: { zh: '新增', en: 'new' },
  total: { zh: '总数', en: 'total' },
  'growth-rate': { zh: '增长', en: 'up' },
  'point-change': { zh: '提高', en: 'up' },
  cagr: { zh: '年均增长', en: 'average annual growth' },
  share: { zh: '占', en: 'share' },
};
const CHANGE_DOWN: Partial<Record<Fact['change'], Msg>> = {
  ...CHANGE_UP,
  increment: { zh: '减少', en: 'down by' },
  'growth-rate': { zh: '下降', en: 'down' },
  'point-change': { zh: '下降', en: 'down' },
};

/** `新增53家`, `总数216家`, `增长6.9%`: the figure with the word saying what of the metric it is. */
export function changeFigure(
  f: Pick<Fact, 'value' | 'high' | 'unit' | 'scale' | 'qualifier' | 'change' | 'direction'> & { metricRaw?: string },
  locale: Locale,
): string {
  const down = f.direction === 'down';
  const w = (down ? CHANGE_DOWN : CHANGE_UP)[f.change];
  // `城镇新增就业2.5万人`, not `城镇新增就业新增2.5万人`: the name already says it.
  const named = 'metricRaw' in f && typeof f.metricRaw === 'string' && w !== undefined && f.metricRaw.includes(w.zh);
  if (!w || named) return figure(f);
  // House style: `新增53家`, no space. English keeps the report's figure whole and glosses it
  // (`53家 (new)`), never splicing an English word into a Chinese phrase (`new 53 家`).
  return locale === 'en' ? `${figure(f)} (${w.en})` : `${w.zh}${figure(f)}`;
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

const YEAR: Msg = { zh: '{year}年', en: '{year}' };
const YEAR_UNKNOWN: Msg = { zh: '年份未知', en: 'year unknown' };

/** `2023年` / `2023`, or that the year is unknown. */
export function yearName(locale: Locale, year: number | undefined): string {
  return year === undefined ? format(YEAR_UNKNOWN, locale) : format(YEAR, locale, { year });
}
