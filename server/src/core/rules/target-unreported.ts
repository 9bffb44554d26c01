import type { Msg } from '../l10n';
import type { Rule } from './rule';
import { matchTargetsCached } from '../targets/match';
import { nextYearOf, reviewPartFor } from '../peers';
import { targetLabel, targetPlace } from '../targets/present';

const MESSAGES = {
  unreported: {
    zh: '{year}年目标“{target}”：{nextYear}年报告的工作回顾没有给出该指标的数字',
    en: 'The {year} target "{target}": the review in the {nextYear} report gives no figure for it',
  },
  review: { zh: '{nextYear}年报告的工作回顾', en: 'the review in the {nextYear} report' },
} satisfies Record<string, Msg>;

/**
 * A target of this report's year that next year's review never reports with a number — a
 * qualitative mention (`年度任务如期完成`), a five-year total or a figure outside the review part
 * does not count as the year's outcome. Needs next year's report in the workspace; nothing fires
 * while that report has no review part. Matching lives in targets.ts.
 */
export const targetUnreported: Rule = {
  id: 'target-unreported',
  defaultSeverity: 'warning',
  category: 'targets',
  expensive: true,
  title: { zh: '目标未报告', en: 'Target not reported' },
  description: {
    zh: '本报告为当年设定的目标，在下一年报告的工作回顾中没有给出实际数字（需要工作区中有下一年的报告；定性表述、五年累计数不算）。',
    en: "A target this report sets for its year that next year's review never reports with a figure (needs next year's report in the workspace; words alone or a five-year total do not count).",
  },
  check(ctx) {
    if (ctx.peers.length === 0) return;
    const next = nextYearOf(ctx.meta, ctx.peers);
    if (!next) return;
    const results = matchTargetsCached(ctx, next, ctx.config);
    const part = reviewPartFor(next.tree, ctx.meta.year);
    for (const r of results) {
      if (r.status !== 'unreported') continue;
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
  },
};
