// The hover on a number: what the report's figure means once read — its value in plain units,
// what it measures, in which role and year, what its qualifier allows — and where else the same
// metric is stated, in this report and in other years' reports (with links).
import type { Analysis } from '../analyze';
import { DEFAULT_CONFIG, type GovReportConfig } from '../config';
import type { Fact } from '../facts/facts';
import { amount } from '../numbers/format';
import { changeFigure, metricName, ROLE_NAME } from '../facts/format';
import { format, type Msg } from '../l10n';
import { metricIndex } from '../facts/synonyms';
import { trimNumber } from '../numbers/format';
import type { PeerReport } from '../peers';
import { intervalOf, QUALIFIER_MEANING } from '../numbers/qualifiers';
import type { Locale } from '../types';

const MAX_MENTIONS = 8;

const MESSAGES = {
  title: { zh: '**{figure}** · {metric} · {when}', en: '**{figure}** · {metric} · {when}' },
  value: { zh: '数值：{value}', en: 'Value: {value}' },
  allows: { zh: '（按所述位数与限定词：{lo}～{hi}）', en: ' (by the stated digits and qualifier: {lo} to {hi})' },
  atLeast: { zh: '（不少于{lo}）', en: ' (at least {lo})' },
  atMost: { zh: '（不超过{hi}）', en: ' (at most {hi})' },
  qualifier: { zh: '限定词：{meaning}', en: 'Qualifier: {meaning}' },
  marker: { zh: '目标用语：“{marker}”', en: 'Target word: {marker}' },
  here: { zh: '本报告中同一指标：', en: 'The same metric in this report:' },
  peers: { zh: '其他年份报告中同一指标：', en: "The same metric in other years' reports:" },
  none: { zh: '未在其他地方出现', en: 'not stated elsewhere' },
  ambiguous: { zh: '（所指指标不明确，不参与核对）', en: ' (which metric is meant is unclear; not checked)' },
  line: { zh: '第{line}行', en: 'line {line}' },
  peerLine: { zh: '{year}报告第{line}行', en: 'line {line} of the {year} report' },
  peerYear: { zh: '{year}年', en: '{year}' },
  otherPeer: { zh: '另一份', en: 'other' },
  yearPrefix: { zh: '{year}年', en: '{year} ' },
  // Chinese punctuation in Chinese, English in English (`line 35: 53家 (new) (2022 outcome)`).
  colon: { zh: '：', en: ': ' },
  mention: { zh: '{figure}（{year}{role}）', en: '{figure} ({year}{role})' },
} satisfies Record<string, Msg>;

const PERIOD: Record<Fact['period'], Msg> = {
  year: { zh: '', en: '' },
  'multi-year': { zh: '（多年合计或期末）', en: ' (several years)' },
  partial: { zh: '（年内迄今）', en: ' (so far this year)' },
};

/** Markdown for a hover at `offset`, or undefined when no number is there. */
export function describeNumberAt(
  analysis: Pick<Analysis, 'facts' | 'lineIndex'>,
  offset: number,
  peers: readonly PeerReport[],
  locale: Locale,
  config: Pick<GovReportConfig, 'synonyms' | 'approxRatePoints' | 'approxRelative'> = DEFAULT_CONFIG,
  /** The document's own URI: when given, mentions in it link to their line too. */
  selfUri?: string,
): string | undefined {
  const fact = factAt(analysis.facts, offset);
  if (!fact) return undefined;
  const t = (m: Msg, args?: Record<string, string | number>) => format(m, locale, args);
  const out: string[] = [];
  const when = `${fact.year !== undefined ? t(MESSAGES.yearPrefix, { year: fact.year }) : ''}${t(ROLE_NAME[fact.role])}${t(PERIOD[fact.period])}`;
  // The figure first, as the report wrote it but in house style (`2.5万人`, not the converted `2.5 万人`).
  out.push(t(MESSAGES.title, { figure: fact.text.replace(/\s+/g, ''), metric: metricName(fact) || '—', when }) + (fact.ambiguous ? t(MESSAGES.ambiguous) : ''));
  out.push('');
  out.push(`- ${t(MESSAGES.value, { value: changeFigure(fact, locale) })}${bounds(fact, config, t)}`);
  if (fact.qualifier) out.push(`- ${t(MESSAGES.qualifier, { meaning: t(QUALIFIER_MEANING[fact.qualifier]) })}`);
  if (fact.marker && fact.role === 'target') out.push(`- ${t(MESSAGES.marker, { marker: fact.marker })}`);
  const index = metricIndex(config);
  const same = (f: Fact) => f.index !== fact.index && f.metric !== '' && !f.countWord && index.same(f.metric, fact.metric);
  if (fact.metric && !fact.countWord) {
    const mine = analysis.facts.filter(same).slice(0, MAX_MENTIONS);
    const theirs: string[] = [];
    for (const peer of peers) {
      for (const f of peer.facts) {
        if (theirs.length >= MAX_MENTIONS) break;
        if (!f.metric || f.countWord || !index.same(f.metric, fact.metric)) continue;
        const line = peer.rangeOf(f.span.start, f.span.end).start.line + 1;
        const year = peer.meta.year !== undefined ? t(MESSAGES.peerYear, { year: peer.meta.year }) : t(MESSAGES.otherPeer);
        theirs.push(`  - [${t(MESSAGES.peerLine, { year, line })}](${peer.uri}#L${line})${t(MESSAGES.colon)}${mention(f, locale)}`);
      }
    }
    out.push(`- ${t(MESSAGES.here)}${mine.length ? '' : ' ' + t(MESSAGES.none)}`);
    for (const f of mine) {
      const line = analysis.lineIndex.lineOf(f.span.start) + 1;
      const place = t(MESSAGES.line, { line });
      out.push(`  - ${selfUri ? `[${place}](${selfUri}#L${line})` : place}${t(MESSAGES.colon)}${mention(f, locale)}`);
    }
    if (peers.length) {
      out.push(`- ${t(MESSAGES.peers)}${theirs.length ? '' : ' ' + t(MESSAGES.none)}`);
      out.push(...theirs);
    }
  }
  return out.join('\n');
}

/** The smallest figure whose span holds the offset (a cursor right after a figure counts too). */
export function factAt(facts: readonly Fact[], offset: number): Fact | undefined {
  let best: Fact | undefined;
  for (const f of facts) {
    if (offset < f.span.start || offset > f.span.end) continue;
    if (!best || f.span.end - f.span.start < best.span.end - best.span.start) best = f;
  }
  return best;
}

function mention(f: Fact, locale: Locale): string {
  const year = f.year !== undefined ? format(MESSAGES.yearPrefix, locale, { year: f.year }) : '';
  return format(MESSAGES.mention, locale, { figure: changeFigure(f, locale), year, role: format(ROLE_NAME[f.role], locale) });
}

function bounds(
  f: Fact,
  config: Pick<GovReportConfig, 'approxRatePoints' | 'approxRelative'>,
  t: (m: Msg, a?: Record<string, string | number>) => string,
): string {
  const i = intervalOf(f, config);
  const show = (v: number) => amount(v, f.unit, f.scale);
  const plain = f.unit !== '%' && f.scale ? ` = ${trimNumber(f.value)}${f.unit}` : '';
  if (i.lo === f.value && i.hi === (f.high ?? f.value)) return plain;
  if (i.hi === Infinity) return plain + t(MESSAGES.atLeast, { lo: show(i.lo) });
  if (i.lo === -Infinity) return plain + t(MESSAGES.atMost, { hi: show(i.hi) });
  return plain + t(MESSAGES.allows, { lo: show(i.lo), hi: show(i.hi) });
}
