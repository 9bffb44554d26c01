// `govreport targets FILE... [--format text|json]`: every target of each report with its status
// and outcome, year N's report matched with year N+1's among the files given.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analysis } from './core/analyze';
import { DEFAULT_CONFIG, mergeConfig, type GovReportConfig } from './core/config';
import { changeFigure } from './core/facts/format';
import { sameGovernment, toPeer, type PeerReport } from './core/peers';
import type { Qualifier } from './core/numbers/qualifiers';
import { matchTargets } from './core/targets/match';
import { nextYearOf } from './core/peers';
import { statusName, targetLabel, targetPlace, writtenUnit, writtenValue } from './core/targets/present';
import { type TargetResult, type TargetStatus } from './core/targets/types';
import { format as fmt, type Msg, type MsgArgs } from './core/l10n';
import type { Locale, Range } from './core/types';

export interface TargetsFile {
  /** The path as given on the command line (printed back as is). */
  path: string;
  analysis: Analysis;
  /** The file's settings (.govreport.json): synonyms and 左右 tolerances matter here. */
  config?: Partial<GovReportConfig>;
}

/** One line of `--format json`. */
export interface TargetRow {
  file: string;
  range: Range;
  text: string;
  metric: string;
  value: number | [number, number];
  unit: string;
  qualifier: Qualifier | null;
  year: number;
  status: TargetStatus;
  outcome: { file: string; range: Range; text: string; value: number | [number, number] | null } | null;
}

/** The targets of every file, each matched with the next year's report among `files`. */
export function targetRows(files: readonly TargetsFile[]): { file: TargetsFile; next?: TargetsFile; results: TargetResult[] }[] {
  const uris = files.map((f) => pathToFileURL(resolve(f.path)).href);
  const peers: PeerReport[] = files.map((f, i) => toPeer(uris[i], f.analysis));
  return files.map((file, i) => {
    const others = peers.filter((p, j) => j !== i && sameGovernment({ uri: uris[i], meta: file.analysis.meta }, p));
    const next = nextYearOf(file.analysis.meta, others);
    const config = mergeConfig(DEFAULT_CONFIG, file.config);
    const results = matchTargets(file.analysis, next, config);
    const nextFile = next ? files[peers.indexOf(next)] : undefined;
    return { file, next: nextFile, results };
  });
}

/** One JSON row (also what a targets view exports as CSV). */
export function targetRow(file: TargetsFile, next: TargetsFile | undefined, r: TargetResult): TargetRow {
  const t = r.target;
  const a = file.analysis;
  let outcome: TargetRow['outcome'] = null;
  if (r.outcome && next) {
    outcome = { file: next.path, range: next.analysis.lineIndex.rangeOf(r.outcome.fact.clause), text: r.outcome.text, value: r.outcome.value };
  } else if (r.words && next) outcome = { file: next.path, range: r.words.range, text: r.words.text, value: null };
  const at = targetPlace(t, a.facts, a.passages);
  return {
    file: file.path,
    range: a.lineIndex.rangeOf(at.span),
    text: at.text,
    metric: (t.metricRaw || t.metric).replace(/\s+/g, ''),
    value: writtenValue(t),
    unit: writtenUnit(t),
    qualifier: t.qualifier ?? null,
    year: r.year,
    status: r.status,
    outcome,
  };
}

const MESSAGES = {
  head: {
    zh: '{path}：{year}年目标{count}项{against}：{met}项完成、{missed}项未完成、{unreported}项未报告、{pending}项待报告',
    en: '{path}: {count} targets for {year}{against}: {met} met, {missed} missed, {unreported} unreported, {pending} pending',
  },
  against: { zh: '（对照 {path}）', en: ' (against {path})' },
  noNext: { zh: '（没有{next}年报告）', en: ' (no {next} report given)' },
  nextWord: { zh: '下一', en: 'next' },
  unknownYear: { zh: '？', en: '?' },
  line: { zh: '（第{line}行）', en: ' (line {line})' },
  comma: { zh: '，', en: ', ' },
} satisfies Record<string, Msg>;

const MARK: Record<TargetStatus, string> = { met: '✓', missed: '✗', unreported: '?', pending: '…' };

/** The command's output: JSON rows, or per file a summary line and one line per target. */
export function printTargets(files: readonly TargetsFile[], format: 'text' | 'json', locale: Locale): string {
  const matched = targetRows(files);
  if (format === 'json') {
    const rows = matched.flatMap(({ file, next, results }) => results.map((r) => targetRow(file, next, r)));
    return JSON.stringify(rows, null, 2);
  }
  const out: string[] = [];
  const t = (m: Msg, args?: MsgArgs) => fmt(m, locale, args);
  for (const { file, next, results } of matched) {
    const year = file.analysis.meta.year;
    const n = (s: TargetStatus) => results.filter((r) => r.status === s).length;
    const against = next ? t(MESSAGES.against, { path: next.path }) : t(MESSAGES.noNext, { next: year !== undefined ? year + 1 : t(MESSAGES.nextWord) });
    out.push(
      t(MESSAGES.head, {
        path: file.path,
        year: year ?? t(MESSAGES.unknownYear),
        count: results.length,
        against,
        met: n('met'),
        missed: n('missed'),
        unreported: n('unreported'),
        pending: n('pending'),
      }),
    );
    for (const r of results) {
      const pos = file.analysis.lineIndex.rangeOf(targetPlace(r.target, file.analysis.facts, file.analysis.passages).span).start;
      let tail = statusName(r.status, locale);
      if (r.outcome) tail = `${changeFigure(r.outcome.fact, locale)}${t(MESSAGES.line, { line: r.outcome.range.start.line + 1 })}`;
      if (r.words) {
        tail = `${r.outcome ? `${tail}${t(MESSAGES.comma)}` : ''}“${r.words.text}”${r.outcome ? '' : t(MESSAGES.line, { line: r.words.range.start.line + 1 })}`;
      }
      out.push(`  ${pos.line + 1}:${pos.character + 1}  ${MARK[r.status]} ${targetLabel(r.target, locale)} → ${tail}`);
    }
  }
  return out.join('\n');
}
