import type { Msg } from '../l10n';
import type { Rule, RuleContext } from './rule';
import { placeName } from './helpers/related';
import { reviewPartFor, type PeerReport } from '../peers';
import { targetLabel, targetPlace } from '../targets/present';
import { isMainTarget, reviewSectionFor, type LastYear } from '../targets/draft';
import type { TargetResult } from '../targets/types';
import { checkTargetSides } from './helpers/targets';

const MESSAGES = {
  unreported: {
    zh: '{year}年目标“{target}”：{nextYear}年报告的工作回顾没有给出该指标的数字',
    en: 'The {year} target "{target}": the review in the {nextYear} report gives no figure for it',
  },
  draft: {
    zh: '{year}年主要预期目标“{target}”（{where}）：工作回顾没有给出该指标的数字',
    en: 'The {year} main target "{target}" ({where}): the review gives no figure for it',
  },
  target: { zh: '{year}年目标：“{target}”', en: 'The {year} target: "{target}"' },
  review: { zh: '{nextYear}年报告的工作回顾', en: 'the review in the {nextYear} report' },
} satisfies Record<string, Msg>;

/**
 * A main target of year N (the 主要预期目标 passage) that year N+1's review never reports with a
 * number — a qualitative mention (`年度任务如期完成`), a five-year total or a figure outside the review
 * part does not count. Reported in the draft (year N+1), in the review section that answers the
 * target's plan section, else on the review heading; in year N's report too with
 * `targetDiagnosticsInLastYear`. Task targets unreported are target-task-unreported's.
 */
export const targetUnreported: Rule = {
  id: 'target-unreported',
  defaultSeverity: 'warning',
  category: 'targets',
  expensive: true,
  title: { zh: '主要目标未报告', en: 'Main target not reported' },
  description: {
    zh: '上一年报告的主要预期目标，在本报告（下一年）的工作回顾中没有给出实际数字；诊断显示在本报告的工作回顾中（需要工作区中有上一年的报告；定性表述、五年累计数不算）。',
    en: "A main target of last year's report that this report's review (next year's) never reports with a figure; shown in this report's review (needs last year's report in the workspace; words alone or a five-year total do not count).",
  },
  check(ctx) {
    checkTargetSides(ctx, { draft, plan });
  },
};

function draft(ctx: RuleContext, last: LastYear): void {
  for (const r of last.results) {
    if (r.status !== 'unreported' || !isMainTarget(r.target)) continue;
    const t = r.target;
    const range = last.previous.rangeOf(t.span.start, t.span.end);
    const args = { year: r.year, target: targetLabel(t, ctx.locale), where: placeName(ctx.locale, range.start.line + 1, last.previous) };
    const at = reviewSectionFor(last, t).selection;
    ctx.report({
      start: at.start,
      end: at.end,
      message: ctx.t(MESSAGES.draft, args),
      related: [{ start: 0, end: 0, uri: last.previous.uri, range, message: ctx.t(MESSAGES.target, args) }],
    });
  }
}

function plan(ctx: RuleContext, next: PeerReport, results: readonly TargetResult[]): void {
  const part = reviewPartFor(next.tree, ctx.meta.year);
  for (const r of results) {
    if (r.status !== 'unreported' || !isMainTarget(r.target)) continue;
    const args = { year: r.year, nextYear: r.next!.year, target: targetLabel(r.target, ctx.locale) };
    const at = targetPlace(r.target, ctx.facts, ctx.passages).span;
    ctx.report({
      start: at.start,
      end: at.end,
      message: ctx.t(MESSAGES.unreported, args),
      related: part
        ? [{ start: 0, end: 0, uri: next.uri, range: next.rangeOf(part.selection.start, part.selection.end), message: ctx.t(MESSAGES.review, args) }]
        : [],
    });
  }
}
