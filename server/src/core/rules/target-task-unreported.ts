import type { Msg } from '../l10n';
import type { Rule, RuleContext } from './rule';
import { placeName } from './helpers/related';
import { reviewPartFor, type PeerReport } from '../peers';
import { targetLabel, targetPlace } from '../targets/present';
import { isMainTarget, reviewSectionFor, type LastYear } from '../targets/draft';
import { checkTargetSides } from './helpers/targets';
import type { OutlineNode } from '../structure/outline';
import type { TargetResult } from '../targets/types';
import type { RelatedPlace } from '../types';

const MESSAGES = {
  section: {
    zh: '{year}年目标中有{count}项在本部分没有给出数字：{targets}',
    en: '{count} targets of {year} get no figure here: {targets}',
  },
  more: { zh: '等', en: ', …' },
  target: { zh: '{year}年目标：“{target}”（{where}）', en: 'The {year} target: "{target}" ({where})' },
  review: { zh: '{nextYear}年报告的工作回顾', en: 'the review in the {nextYear} report' },
  plan: {
    zh: '{year}年目标“{target}”：{nextYear}年报告的工作回顾没有给出该指标的数字',
    en: 'The {year} target "{target}": the review in the {nextYear} report gives no figure for it',
  },
} satisfies Record<string, Msg>;

/** How many targets a grouped message names before `等`. */
const NAMED = 3;

/**
 * Task targets of year N (outside the 主要预期目标 passage) that year N+1's review gives no figure
 * for. Real reviews report only 10–40 % of them with a number, so this is information, one finding
 * per review section of the draft naming the section's unreported targets (each linked); raise its
 * severity in the settings to see them as warnings. In year N's report, one per target with
 * `targetDiagnosticsInLastYear`.
 */
export const targetTaskUnreported: Rule = {
  id: 'target-task-unreported',
  defaultSeverity: 'information',
  category: 'targets',
  expensive: true,
  title: { zh: '任务目标未报告', en: 'Task targets not reported' },
  description: {
    zh: '上一年报告的任务目标（主要预期目标以外），在本报告（下一年）的工作回顾中没有给出数字；按回顾的部分归并为一条提示（需要工作区中有上一年的报告）。',
    en: "Task targets of last year's report (beyond the main targets) that this report's review (next year's) gives no figure for; one note per review section (needs last year's report in the workspace).",
  },
  check(ctx) {
    checkTargetSides(ctx, { draft, plan });
  },
};

function draft(ctx: RuleContext, last: LastYear): void {
  const bySection = new Map<OutlineNode, TargetResult[]>();
  for (const r of last.results) {
    if (r.status !== 'unreported' || isMainTarget(r.target)) continue;
    const s = reviewSectionFor(last, r.target);
    bySection.set(s, [...(bySection.get(s) ?? []), r]);
  }
  for (const [section, results] of bySection) {
    const year = results[0].year;
    const labels = results.map((r) => `“${targetLabel(r.target, ctx.locale)}”`);
    const targets = labels.slice(0, NAMED).join(ctx.locale === 'en' ? ', ' : '、') + (labels.length > NAMED ? ctx.t(MESSAGES.more) : '');
    const related: RelatedPlace[] = results.map((r) => {
      const range = last.previous.rangeOf(r.target.span.start, r.target.span.end);
      const where = placeName(ctx.locale, range.start.line + 1, last.previous);
      return { start: 0, end: 0, uri: last.previous.uri, range, message: ctx.t(MESSAGES.target, { year, target: targetLabel(r.target, ctx.locale), where }) };
    });
    ctx.report({
      start: section.selection.start,
      end: section.selection.end,
      message: ctx.t(MESSAGES.section, { year, count: results.length, targets }),
      related,
    });
  }
}

function plan(ctx: RuleContext, next: PeerReport, results: readonly TargetResult[]): void {
  const part = reviewPartFor(next.tree, ctx.meta.year);
  for (const r of results) {
    if (r.status !== 'unreported' || isMainTarget(r.target)) continue;
    const args = { year: r.year, nextYear: r.next!.year, target: targetLabel(r.target, ctx.locale) };
    const at = targetPlace(r.target, ctx.facts, ctx.passages).span;
    ctx.report({
      start: at.start,
      end: at.end,
      message: ctx.t(MESSAGES.plan, args),
      related: part
        ? [{ start: 0, end: 0, uri: next.uri, range: next.rangeOf(part.selection.start, part.selection.end), message: ctx.t(MESSAGES.review, args) }]
        : [],
    });
  }
}
