// Targets across years, as the editor shows them: code lenses (per target in year N, a summary on
// year N+1's review heading), the targets view's data, the review checklist, and the hover line.
// The matching itself is core/targets.ts; this file only picks the reports and shapes results.
import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import type { Fact } from '../core/facts/facts';
import { toPeer, type PeerReport } from '../core/peers';
import { checklistMarkdown } from '../core/targets/checklist';
import { matchTargetsCached, reviewSummary } from '../core/targets/match';
import { nextYearOf, previousYearOf } from '../core/peers';
import { reviewSummaryTitle, sectionOf, statusName, targetLabel, targetLensTitle, targetPlace, writtenUnit, writtenValue } from '../core/targets/present';
import { type TargetResult, type TargetSource } from '../core/targets/types';
import type { Locale } from '../core/types';
import { Commands, type ReportTargets, type TargetItem } from '../../../shared/protocol';

/** Year N's targets of an open report, matched with year N+1's review among its peers. */
function targetResults(analysis: Analysis): TargetResult[] {
  return matchTargetsCached(analysis, nextYearOf(analysis.meta, analysis.peers), analysis.config);
}

export function targetCodeLenses(uri: string, analysis: Analysis, locale: Locale): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const r of targetResults(analysis)) {
    if (r.status === 'pending') continue;
    const place = r.outcome ?? r.words;
    lenses.push({
      // The same place as the target's diagnostic.
      range: analysis.lineIndex.rangeOf(targetPlace(r.target, analysis.facts, analysis.passages).span),
      command: place
        ? { title: targetLensTitle(r, locale), command: Commands.revealLocation, arguments: [place.uri, place.range] }
        : { title: targetLensTitle(r, locale), command: '' },
    });
  }
  // Year N+1's draft: how its review answers last year's targets, on the review heading.
  const previous = previousYearOf(analysis.meta, analysis.peers);
  if (previous) {
    const summary = reviewSummary(toPeer(uri, analysis), previous, analysis.config);
    if (summary) {
      lenses.push({
        range: analysis.lineIndex.rangeOf(summary.heading.selection),
        command: { title: reviewSummaryTitle(summary, locale), command: Commands.showTargets, arguments: [previous.uri] },
      });
    }
  }
  return lenses;
}

/** The line a hover on a target adds: `✓ 2024年报告：2.7 万人（目标 2.5 万人）`. */
export function targetHoverLine(analysis: Analysis, fact: Fact, locale: Locale): string | undefined {
  const r = targetResults(analysis).find((x) => x.target.span.start === fact.span.start && x.target.span.end === fact.span.end);
  return r && r.status !== 'pending' ? targetLensTitle(r, locale) : undefined;
}

/** Every report of `analysis`'s government, by year (newest first), with its targets and their status. */
export function targetsOverview(uri: string, analysis: Analysis, locale: Locale): ReportTargets[] {
  const self: PeerReport = toPeer(uri, analysis);
  const reports: PeerReport[] = [self, ...analysis.peers.filter((p) => p.uri !== uri)];
  const out: ReportTargets[] = [];
  for (const report of reports) {
    const next = nextYearOf(
      report.meta,
      reports.filter((p) => p !== report),
    );
    const results = matchTargetsCached(report as TargetSource, next, analysis.config);
    out.push({
      uri: report.uri,
      year: report.meta.year,
      government: report.meta.government,
      next: next?.uri,
      targets: results.map((r) => toItem(report, r, locale)),
    });
  }
  return out.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (a.uri < b.uri ? -1 : 1));
}

function toItem(report: PeerReport, r: TargetResult, locale: Locale): TargetItem {
  const t = r.target;
  const { section, leadin } = sectionOf(report.tree, t);
  return {
    label: targetLabel(t, locale),
    status: r.status,
    statusName: statusName(r.status, locale),
    detail: targetLensTitle(r, locale),
    section: [section?.name, leadin?.name].filter(Boolean).join(' · '),
    clause: t.clauseText.trim(),
    // As written (360 亿元), as a drafting office's spreadsheet wants it.
    ...written(t),
    unit: writtenUnit(t),
    qualifier: t.qualifier,
    range: report.rangeOf(t.span.start, t.span.end),
    outcome: r.outcome ? { uri: r.outcome.uri, range: r.outcome.range, text: r.outcome.text } : undefined,
  };
}

function written(t: Fact): { value: number; high?: number } {
  const v = writtenValue(t);
  return Array.isArray(v) ? { value: v[0], high: v[1] } : { value: v };
}

/** Next year's review checklist from an open year-N report. */
export function reviewChecklist(uri: string, analysis: Analysis, locale: Locale): string {
  const source = {
    facts: analysis.facts,
    tree: analysis.tree,
    meta: analysis.meta,
    passages: analysis.passages,
    lineOf: (o: number) => analysis.lineIndex.lineOf(o),
  };
  return checklistMarkdown(source, uri, targetResults(analysis), locale);
}
