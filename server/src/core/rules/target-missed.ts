import { changeFigure } from '../facts/format';
import { placeName } from './helpers/related';
import type { Msg } from '../l10n';
import type { Rule, RuleContext } from './rule';
import type { PeerReport } from '../peers';
import { targetLabel, targetPlace } from '../targets/present';
import { reviewSectionFor, type LastYear } from '../targets/draft';
import type { TargetResult } from '../targets/types';
import type { RelatedPlace } from '../types';
import { checkTargetSides } from './helpers/targets';

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
  draftFigure: {
    zh: '{year}年目标“{target}”（{where}）：本报告为{outcome}，未达到',
    en: 'The {year} target "{target}" ({where}): this report gives {outcome}, short of it',
  },
  draftWords: {
    zh: '{year}年目标“{target}”（{where}）：本报告称“{words}”，未达到',
    en: 'The {year} target "{target}" ({where}): this report says "{words}" — missed',
  },
  target: { zh: '{year}年目标：“{target}”', en: 'The {year} target: "{target}"' },
  outcome: { zh: '{nextYear}年实际：{outcome}', en: '{nextYear} outcome: {outcome}' },
  said: { zh: '{nextYear}年报告：“{words}”', en: '{nextYear} report: "{words}"' },
} satisfies Record<string, Msg>;

/**
 * A target of year N that year N+1's review shows was missed: its figure falls short (qualifiers
 * as in qualifiers.ts: floors, ceilings, ranges, 左右, falls), or the review says so in words
 * (`未能完成年初目标`, `低于预期`). Reported in the draft (year N+1), on its outcome or in the review
 * section that answers the target's plan section; in year N's report too with
 * `targetDiagnosticsInLastYear`. Nothing fires while year N+1 has no review part.
 */
export const targetMissed: Rule = {
  id: 'target-missed',
  defaultSeverity: 'warning',
  category: 'targets',
  expensive: true,
  title: { zh: '目标未完成', en: 'Target missed' },
  description: {
    zh: '上一年报告设定的目标，在本报告（下一年）的工作回顾中所报实际数未达到，或回顾明言未完成；诊断显示在本报告的工作回顾中（需要工作区中有上一年的报告）。',
    en: "A target of last year's report that this report's review (next year's) reports as missed — the outcome falls short, or the review says so in words; shown in this report's review (needs last year's report in the workspace).",
  },
  check(ctx) {
    checkTargetSides(ctx, { draft, plan });
  },
};

/** In the draft: each missed target of last year, on its outcome here or in the section that answers it. */
function draft(ctx: RuleContext, last: LastYear): void {
  for (const r of last.results) {
    if (r.status !== 'missed') continue;
    const t = r.target;
    const args = {
      year: r.year,
      target: targetLabel(t, ctx.locale),
      where: placeName(ctx.locale, last.previous.rangeOf(t.span.start, t.span.end).start.line + 1, last.previous),
      outcome: r.outcome ? changeFigure(r.outcome.fact, ctx.locale) : '',
      words: r.words?.text ?? '',
    };
    const at = r.outcome ? r.outcome.fact.span : reviewSectionFor(last, t).selection;
    ctx.report({
      start: at.start,
      end: at.end,
      message: ctx.t(r.outcome ? MESSAGES.draftFigure : MESSAGES.draftWords, args),
      related: [{ start: 0, end: 0, uri: last.previous.uri, range: last.previous.rangeOf(t.span.start, t.span.end), message: ctx.t(MESSAGES.target, args) }],
    });
  }
}

/** In last year's report (with the setting): each missed target on its own clause. */
function plan(ctx: RuleContext, next: PeerReport, results: readonly TargetResult[]): void {
  for (const r of results) {
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
}
