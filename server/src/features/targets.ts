// Targets across years, as the editor shows them: code lenses (per target in year N, a summary on
// year N+1's review heading), the targets view's data, the review checklist, and the hover line.
// The matching itself is core/targets.ts; this file only picks the reports and shapes results.
import type { CodeLens, Command } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import type { Fact } from '../core/facts/facts';
import { changeFigure } from '../core/facts/format';
import { toPeer, type PeerReport } from '../core/peers';
import { checklistMarkdown } from '../core/targets/checklist';
import { matchTargetsCached, reviewSummary } from '../core/targets/match';
import { nextYearOf, previousYearOf, reviewPartFor } from '../core/peers';
import {
  collapsedLensTitle,
  reviewSummaryTitle,
  sectionOf,
  statusName,
  targetLabel,
  targetLensTitle,
  targetPlace,
  targetVerdictLine,
  writtenUnit,
  writtenValue,
} from '../core/targets/present';
import { type TargetResult, type TargetSource } from '../core/targets/types';
import { reviewSectionFor } from '../core/targets/draft';
import type { Locale } from '../core/types';
import { Commands, type ReportTargets, type TargetCounts, type TargetItem } from '../../../shared/protocol';
import { GENERATED_MARKER } from '../../../shared/reportDetection';

/** Year N's targets of an open report, matched with year N+1's review among its peers. */
function targetResults(analysis: Analysis): TargetResult[] {
  return matchTargetsCached(analysis, nextYearOf(analysis.meta, analysis.peers), analysis.config);
}

/** A line with this many target lenses or more shows one lens with the counts instead. */
const COLLAPSE_AT = 3;

export function targetCodeLenses(uri: string, analysis: Analysis, locale: Locale): CodeLens[] {
  const lenses: CodeLens[] = [];
  const results = targetResults(analysis).filter((r) => r.status !== 'pending');
  // Year N+1's review part, where an unreported target's lens leads (the drafter reports it there).
  const nextPeer = nextYearOf(analysis.meta, analysis.peers);
  const reviewHeading = nextPeer ? reviewPartFor(nextPeer.tree, analysis.meta.year) : undefined;
  const reviewRange = nextPeer && reviewHeading ? nextPeer.rangeOf(reviewHeading.selection.start, reviewHeading.selection.end) : undefined;
  // An unreported target's lens opens the draft's review section where it belongs (as its diagnostic there).
  const last = reviewHeading ? { previous: { tree: analysis.tree }, review: reviewHeading } : undefined;
  const unreportedPlace = (r: TargetResult) => {
    const at = last ? reviewSectionFor(last, r.target).selection : reviewHeading!.selection;
    return { uri: nextPeer!.uri, range: nextPeer!.rangeOf(at.start, at.end) };
  };
  const byLine = new Map<number, { results: TargetResult[]; ranges: CodeLens['range'][] }>();
  for (const r of results) {
    // The same place as the target's diagnostic.
    const range = analysis.lineIndex.rangeOf(targetPlace(r.target, analysis.facts, analysis.passages).span);
    const line = byLine.get(range.start.line);
    if (line) {
      line.results.push(r);
      line.ranges.push(range);
    } else byLine.set(range.start.line, { results: [r], ranges: [range] });
  }
  for (const { results: here, ranges } of byLine.values()) {
    if (here.length >= COLLAPSE_AT) {
      // One lens, where the line's first target's would be.
      const range = ranges[0];
      lenses.push({
        range,
        command: {
          title: collapsedLensTitle(here, locale),
          command: Commands.showTargets,
          arguments: [uri, range.start.line],
          tooltip: here.map((r) => `${targetLabel(r.target, locale)}：${targetVerdictLine(r, locale)}`).join('\n'),
        } as Command,
      });
      continue;
    }
    for (const [i, r] of here.entries()) {
      const range = ranges[i];
      const place = r.outcome ?? r.words ?? (r.status === 'unreported' && nextPeer && reviewRange ? unreportedPlace(r) : undefined);
      const title = targetLensTitle(r, locale);
      const tooltip = targetVerdictLine(r, locale);
      lenses.push({
        range,
        command: place
          ? ({ title, command: Commands.revealLocation, arguments: [place.uri, place.range], tooltip } as Command)
          : ({ title, command: Commands.revealLocation, arguments: [uri, analysis.lineIndex.rangeOf(r.target.span)], tooltip } as Command),
      });
    }
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

/** The line a hover on a target adds: `✓ 2024年报告：2.7万人（目标2.5万人）`. */
export function targetHoverLine(analysis: Analysis, fact: Fact, locale: Locale): string | undefined {
  const r = targetResults(analysis).find((x) => x.target.span.start === fact.span.start && x.target.span.end === fact.span.end);
  return r && r.status !== 'pending' ? targetVerdictLine(r, locale) : undefined;
}

/**
 * What the status bar says of a report's targets: its own targets against next year's review, or —
 * in next year's draft, which has none of its own checked yet — how its review answers last year's.
 */
export function targetCounts(uri: string, analysis: Analysis): TargetCounts {
  // Asked on every status refresh; one analysis is one (uri, version).
  const hit = COUNTS.get(analysis);
  if (hit) return hit;
  const counts = countTargets(uri, analysis);
  COUNTS.set(analysis, counts);
  return counts;
}

const COUNTS = new WeakMap<Analysis, TargetCounts>();

function countTargets(uri: string, analysis: Analysis): TargetCounts {
  const own = targetResults(analysis);
  const count = (rs: readonly TargetResult[], s: TargetResult['status']) => rs.filter((r) => r.status === s).length;
  const checked = own.some((r) => r.status !== 'pending');
  const previous = previousYearOf(analysis.meta, analysis.peers);
  const summary = !checked && previous ? reviewSummary(toPeer(uri, analysis), previous, analysis.config) : undefined;
  if (summary) {
    return { year: summary.year, total: summary.results.length, met: summary.met, missed: summary.missed, unreported: summary.unreported, pending: 0 };
  }
  return {
    year: analysis.meta.year,
    total: own.length,
    met: count(own, 'met'),
    missed: count(own, 'missed'),
    unreported: count(own, 'unreported'),
    pending: count(own, 'pending'),
  };
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
    detail: targetVerdictLine(r, locale),
    outcomeText: outcomeText(r, locale),
    section: [section?.name, leadin?.name].filter(Boolean).join(' · '),
    sectionName: section?.name ?? '',
    leadin: leadin?.name,
    clause: t.clauseText.trim(),
    // As written (360亿元), as a drafting office's spreadsheet wants it.
    ...written(t),
    unit: writtenUnit(t),
    qualifier: t.qualifier,
    range: report.rangeOf(t.span.start, t.span.end),
    outcome: r.outcome ? { uri: r.outcome.uri, range: r.outcome.range, text: r.outcome.text } : undefined,
  };
}

/** The view's short description: the outcome only, the label already names the target (`✗ 7200亩`). */
function outcomeText(r: TargetResult, locale: Locale): string {
  const mark = { met: '✓', missed: '✗', unreported: '?', pending: '…' }[r.status];
  if (r.outcome) return `${mark} ${changeFigure(r.outcome.fact, locale)}`;
  if (r.words) return `${mark} “${r.words.text.trim()}”`;
  return `${mark} ${statusName(r.status, locale)}`;
}

function written(t: Fact): { value: number; high?: number } {
  const v = writtenValue(t);
  return Array.isArray(v) ? { value: v[0], high: v[1] } : { value: v };
}

/**
 * Next year's review checklist from an open year-N report. It starts with GENERATED_MARKER, so no
 * editor or index takes it for a report, and links the report relatively (`[xinshi-2023.md](xinshi-2023.md)`):
 * the client opens it as an untitled file beside the report, and a drafter saves it there.
 */
export function reviewChecklist(uri: string, analysis: Analysis, locale: Locale): string {
  const source = {
    facts: analysis.facts,
    tree: analysis.tree,
    meta: analysis.meta,
    passages: analysis.passages,
    lineOf: (o: number) => analysis.lineIndex.lineOf(o),
  };
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const link = `[${name}](${encodeURI(name)})`;
  return `${GENERATED_MARKER}\n${checklistMarkdown(source, link, targetResults(analysis), locale)}`;
}
