import { changeFigure } from '../facts/format';
import { placeName } from './helpers/related';
import type { Msg } from '../l10n';
import type { Rule } from './rule';
import { matchTargetsCached } from '../targets/match';
import { nextYearOf } from '../peers';
import { targetLabel, targetPlace } from '../targets/present';
import type { RelatedPlace } from '../types';

const MESSAGES = {
  figure: {
    zh: '{year}年目标“{target}”：{nextYear}年报告为{outcome}，未达到（{where}）',
    en: 'The {year} target "{target}": the {nextYear} report gives {outcome}, short of it ({where})',
  },
  figureAndWords: {
    zh: '{year}年目标“{target}”：{nextYear}年报告为{outcome}，未达到，并称“{words}”（{where}）',
    en: 'The {year} target "{target}": the {nextYear} report gives {outcome}, short of it, and says "{words}" ({where})',
  },
  words: {
    zh: '{year}年目标“{target}”：{nextYear}年报告称“{words}”，未达到（{where}）',
    en: 'The {year} target "{target}": the {nextYear} report says "{words}" — missed ({where})',
  },
  outcome: { zh: '{nextYear}年实际：{outcome}', en: '{nextYear} outcome: {outcome}' },
  said: { zh: '{nextYear}年报告：“{words}”', en: '{nextYear} report: "{words}"' },
} satisfies Record<string, Msg>;

/**
 * A target of this report's year that next year's review shows was missed: its figure falls
 * short (qualifiers as in qualifiers.ts: floors, ceilings, ranges, 左右, falls), or the review
 * says so in words (`未能完成年初目标`, `低于预期`). Needs next year's report in the workspace;
 * nothing fires while that report has no review part. Matching lives in targets.ts.
 */
export const targetMissed: Rule = {
  id: 'target-missed',
  defaultSeverity: 'warning',
  category: 'targets',
  expensive: true,
  title: { zh: '目标未完成', en: 'Target missed' },
  description: {
    zh: '本报告为当年设定的目标，在下一年报告的工作回顾中所报实际数未达到，或回顾明言未完成（需要工作区中有下一年的报告）。',
    en: "A target this report sets for its year that next year's review reports as missed — the outcome falls short, or the review says so in words (needs next year's report in the workspace).",
  },
  check(ctx) {
    if (ctx.peers.length === 0) return;
    const next = nextYearOf(ctx.meta, ctx.peers);
    if (!next) return;
    for (const r of matchTargetsCached(ctx, next, ctx.config)) {
      if (r.status !== 'missed') continue;
      const t = r.target;
      const place = r.outcome ?? r.words!;
      const args = {
        year: r.year,
        nextYear: r.next!.year,
        target: targetLabel(t, ctx.locale),
        outcome: r.outcome ? changeFigure(r.outcome.fact, ctx.locale) : '',
        words: r.words?.text ?? '',
        where: placeName(ctx.locale, place.range.start.line + 1, next),
      };
      const related: RelatedPlace[] = [];
      if (r.outcome) related.push({ start: 0, end: 0, uri: r.outcome.uri, range: r.outcome.range, message: ctx.t(MESSAGES.outcome, args) });
      if (r.words) related.push({ start: 0, end: 0, uri: r.words.uri, range: r.words.range, message: ctx.t(MESSAGES.said, args) });
      const at = targetPlace(t, ctx.facts, ctx.passages).span;
      ctx.report({
        start: at.start,
        end: at.end,
        message: ctx.t(r.outcome ? (r.words ? MESSAGES.figureAndWords : MESSAGES.figure) : MESSAGES.words, args),
        related,
      });
    }
  },
};
