// Next year's review checklist, as a Markdown document for the drafter to fill in.
import { format, type Msg, type MsgArgs } from '../l10n';
import type { Locale } from '../types';
import type { OutlineNode } from '../structure/outline';
import type { Passage } from '../structure/prose';
import { changeFigure } from '../facts/format';
import type { TargetResult, TargetSource, TargetStatus } from './types';
import { sectionOf, statusName, targetLabel, targetSentence } from './present';

/**
 * Next year's review checklist from year N's report: every target grouped by section, the target
 * sentence quoted, a placeholder for the outcome, the status filled in where next year's report exists.
 */
export function checklistMarkdown(
  report: TargetSource & { lineOf?: (offset: number) => number; passages?: readonly Passage[] },
  uri: string,
  results: readonly TargetResult[],
  locale: Locale,
): string {
  const year = report.meta.year;
  const ny = year !== undefined ? year + 1 : undefined;
  const t = (m: Msg, args?: MsgArgs) => format(m, locale, args);
  const lines: string[] = [];
  const count = (s: TargetStatus) => results.filter((r) => r.status === s).length;
  lines.push(ny !== undefined ? t(MESSAGES.title, { ny }) : t(MESSAGES.titleNoYear));
  lines.push('');
  lines.push(
    t(MESSAGES.against, {
      year: year ?? '',
      uri,
      n: results.length,
      met: count('met'),
      missed: count('missed'),
      unreported: count('unreported'),
      pending: count('pending'),
    }),
  );
  let lastSection: OutlineNode | undefined | null = null;
  let lastLeadin: OutlineNode | undefined | null = null;
  for (const r of results) {
    const target = r.target;
    const { section, leadin } = sectionOf(report.tree, target);
    if (section !== lastSection) {
      lines.push('', `## ${section ? section.name : t(MESSAGES.other)}`);
      lastSection = section;
      lastLeadin = null;
    }
    if (leadin && leadin !== lastLeadin) {
      lines.push('', `### ${leadin.name}`);
      lastLeadin = leadin;
    }
    const line = report.lineOf ? report.lineOf(target.span.start) + 1 : undefined;
    const done = r.status === 'met';
    const where = line !== undefined ? t(MESSAGES.line, { line }) : '';
    lines.push('', `- [${done ? 'x' : ' '}] **${escapeMd(targetLabel(target, locale))}**${where}`);
    lines.push(`  - ${t(MESSAGES.asWritten, { text: escapeMd(quoteOf(target, report.passages)) })}`);
    const outcome = r.outcome ? changeFigure(r.outcome.fact, locale) : '＿＿＿＿';
    const status = statusName(r.status, locale);
    const from = r.outcome ? t(MESSAGES.outcomeLine, { year: r.next?.year ?? '', line: r.outcome.range.start.line + 1 }) : '';
    lines.push(`  - ${t(MESSAGES.outcome, { outcome: escapeMd(outcome), from, status })}`);
    if (r.words) lines.push(`  - ${t(MESSAGES.reviewSays, { text: escapeMd(r.words.text) })}`);
  }
  return lines.join('\n') + '\n';
}

const MESSAGES = {
  title: { zh: '# {ny}年工作回顾核对清单', en: '# Review checklist for {ny}' },
  titleNoYear: { zh: '# 年工作回顾核对清单', en: '# Review checklist for next year' },
  against: {
    zh: '> 对照{year}年政府工作报告（{uri}）的{n}项目标：{met}项已完成、{missed}项未完成、{unreported}项未报告、{pending}项待报告。',
    en: '> Against the {n} targets of the {year} report ({uri}): {met} met, {missed} missed, {unreported} unreported, {pending} pending.',
  },
  other: { zh: '其他', en: 'Other' },
  line: { zh: '（第{line}行）', en: ' (line {line})' },
  asWritten: { zh: '目标原文：“{text}”', en: 'Target as written: “{text}”' },
  outcome: { zh: '完成情况：{outcome}{from} — {status}', en: 'Outcome: {outcome}{from} — {status}' },
  outcomeLine: { zh: '（{year}年报告第{line}行）', en: ' (line {line} of the {year} report)' },
  reviewSays: { zh: '回顾原文：“{text}”', en: 'Review says: “{text}”' },
} satisfies Record<string, Msg>;

/** Longest sentence quoted whole under a target. */
const MAX_QUOTE = 200;

/**
 * The target's sentence as written; in a sentence of many targets (a pasted table without `。`)
 * the clause around it: quoting a 40,000-character sentence under each of its 4,000 targets made
 * a 216 MB checklist.
 */
function quoteOf(target: TargetResult['target'], passages: readonly Passage[] | undefined): string {
  const sentence = targetSentence(target, passages);
  if (sentence.length <= MAX_QUOTE) return sentence;
  const clause = target.clauseText.trim();
  return clause.length <= MAX_QUOTE ? clause : `${clause.slice(0, MAX_QUOTE)}…`;
}

function escapeMd(s: string): string {
  return s.replace(/([*_`[\]<>])/g, '\\$1');
}
